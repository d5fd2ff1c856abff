import { DEMO_AREAS as AR } from '@samverkan/demo';
import { FixedClock } from '@samverkan/platform';
import { errorCode, freshDatabase, dropDatabase, graphql, GraphQLResponse, startSubgraphProcess, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { situationSubgraph } from '../src';
import { Headers, headersForEveryone, orgOf, Who } from './people';

/**
 * The situation subgraph's change feed (issue 12): situation reports follow their visibility, so
 * each caller's feed tells exactly what came into their view, changed in it, and left it.
 */
let subgraph: TestSubgraph;
let as: Record<Who, Headers>;
const clock = new FixedClock(new Date());

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph, { clock });
  as = await headersForEveryone();
});
afterAll(() => subgraph?.stop());

const FEED = `query($after: String, $first: Int, $types: [String!], $areaCode: String, $scope: AreaScope) {
  situationChanges(after: $after, first: $first, types: $types, areaCode: $areaCode, scope: $scope) {
    cursor hasMore entries { cursor type id action fields at } } }`;
const END = '{ situationFeedEnd }';
const CREATE = 'mutation($input: CreateSituationReportInput!) { createSituationReport(input: $input) { id version } }';
const UPDATE = 'mutation($id: ID!, $version: Int!, $input: UpdateSituationReportInput!) { updateSituationReport(id: $id, version: $version, input: $input) { version } }';
const DELETE = 'mutation($id: ID!, $version: Int!) { deleteSituationReport(id: $id, version: $version) }';

interface Entry { cursor: string; type: string; id: string; action: string; fields: string[]; at: string }
type Seen = Array<[string, string, string[]?]>;

const report = (areaCode: string, visibility: string, extra: Record<string, unknown> = {}) => ({
  areaCode, periodStart: '2026-01-01', periodEnd: '2026-03-31', level: 'ELEVATED', trend: 'STABLE', summary: 'Oro kring samlingar vid centrum.', visibility, ...extra,
});

async function feed(who: Who, variables: Record<string, unknown>, headers = as[who]) {
  const response = await subgraph.query(FEED, variables, headers);
  expect(response.errors).toBeUndefined();
  return response.data!.situationChanges as { cursor: string; hasMore: boolean; entries: Entry[] };
}

const end = async () => (await subgraph.query(END, {}, as.writer)).data!.situationFeedEnd as string;

/** The writer's changes, one at a time; `version` tracks each report's current version. */
const versions = new Map<string, number>();
async function create(input: Record<string, unknown>): Promise<string> {
  const response = await subgraph.query(CREATE, { input }, as.writer);
  expect(response.errors).toBeUndefined();
  versions.set(response.data!.createSituationReport.id, response.data!.createSituationReport.version);
  return response.data!.createSituationReport.id;
}
async function update(id: string, input: Record<string, unknown>) {
  const response = await subgraph.query(UPDATE, { id, version: versions.get(id), input }, as.writer);
  expect(response.errors).toBeUndefined();
  versions.set(id, response.data!.updateSituationReport.version);
}
async function remove(id: string) {
  expect((await subgraph.query(DELETE, { id, version: versions.get(id) }, as.writer)).errors).toBeUndefined();
}

/** What a reader following the feed with a stored cursor sees after each step. */
class Follower {
  seen: Seen[] = [];
  constructor(private who: Who, private cursor: string, private filter: Record<string, unknown> = {}) {}
  async read() {
    const page = await feed(this.who, { after: this.cursor, ...this.filter });
    expect(page.hasMore).toBe(false);
    this.cursor = page.cursor;
    this.seen.push(page.entries.map((e) => [e.action, e.id, ...(e.action === 'UPDATED' ? [e.fields.sort()] : [])] as [string, string, string[]?]));
  }
}

describe('a report whose visibility, sharing and area change', () => {
  let start: string;
  let [r1, r2] = ['', ''];
  const followers: Record<string, Follower> = {};

  beforeAll(async () => {
    start = await end();
    for (const who of ['public', 'stockholmsStad', 'uppsalaCoordinator', 'writer'] as Who[]) followers[who] = new Follower(who, start);
    followers.uppsalaArea = new Follower('uppsalaCoordinator', start, { areaCode: '03' });
    const step = async (change: () => Promise<unknown>) => {
      await change();
      for (const follower of Object.values(followers)) await follower.read();
    };
    await step(async () => (r1 = await create(report(AR.gottsunda, 'NETWORK'))));
    await step(() => update(r1, { summary: 'Lugnare efter insatser.' }));
    await step(() => update(r1, { visibility: 'SHARED', sharedWithIds: [orgOf('uppsalaCoordinator')] }));
    await step(async () => (r2 = await create(report(AR.rinkebyKista, 'OWNER'))));
    await step(() => update(r2, { visibility: 'PUBLIC' }));
    await step(() => update(r1, { areaCode: AR.rosengard }));
    await step(() => remove(r1));
  });

  it('tells a party in the network what it saw come, change and go', () => {
    expect(followers.stockholmsStad.seen).toEqual([[['CREATED', r1]], [['UPDATED', r1, ['summary']]], [['DELETED', r1]], [], [['CREATED', r2]], [], []]);
  });

  it('keeps telling the party it was shared with, until it is deleted', () => {
    expect(followers.uppsalaCoordinator.seen).toEqual([
      [['CREATED', r1]], [['UPDATED', r1, ['summary']]], [['UPDATED', r1, ['sharedWithIds', 'visibility']]], [], [['CREATED', r2]], [['UPDATED', r1, ['areaCode']]], [['DELETED', r1]],
    ]);
  });

  it('tells the public only of what became public', () => {
    expect(followers.public.seen).toEqual([[], [], [], [], [['CREATED', r2]], [], []]);
  });

  it('tells the owner everything', () => {
    expect(followers.writer.seen).toEqual([
      [['CREATED', r1]], [['UPDATED', r1, ['summary']]], [['UPDATED', r1, ['sharedWithIds', 'visibility']]], [['CREATED', r2]], [['UPDATED', r2, ['visibility']]], [['UPDATED', r1, ['areaCode']]], [['DELETED', r1]],
    ]);
  });

  it('treats a report that moves out of the followed area as gone from it', () => {
    expect(followers.uppsalaArea.seen).toEqual([
      [['CREATED', r1]], [['UPDATED', r1, ['summary']]], [['UPDATED', r1, ['sharedWithIds', 'visibility']]], [], [], [['DELETED', r1]], [],
    ]);
  });

  it('tells a late reader only what is still in its view, and the removal of what left it', async () => {
    const late = async (who: Who) => (await feed(who, { after: start })).entries.map((e) => [e.action, e.id]);
    expect(await late('stockholmsStad')).toEqual([['DELETED', r1], ['CREATED', r2]]);
    expect(await late('uppsalaCoordinator')).toEqual([['CREATED', r2], ['DELETED', r1]]);
    expect(await late('public')).toEqual([['CREATED', r2]]);
  });

  it('pages: each entry once, in order, with a cursor past what the caller may not see', async () => {
    const all = (await feed('writer', { after: start })).entries;
    const paged: Entry[] = [];
    let cursor = start;
    for (let hasMore = true; hasMore; ) {
      const page = await feed('writer', { after: cursor, first: 1 });
      [cursor, hasMore] = [page.cursor, page.hasMore];
      paged.push(...page.entries);
    }
    expect(paged).toEqual(all);
    expect((await feed('public', { after: start, first: 1 })).entries).toHaveLength(1);
    // The public's page ends past the writer's entries it may not see, so it does not read them again.
    const publicPage = await feed('public', { after: start, first: 1 });
    expect((await feed('public', { after: publicPage.cursor })).entries).toEqual([]);
  });

  it('takes its one record type as a filter', async () => {
    expect((await feed('writer', { after: start, types: ['SituationReport'] })).entries).toEqual((await feed('writer', { after: start })).entries);
  });
});

describe('bad cursors and filters', () => {
  const code = async (variables: Record<string, unknown>) => {
    const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...as.writer }, body: JSON.stringify({ query: FEED, variables }) });
    return [response.status, errorCode((await response.json()) as never)];
  };

  it('refuses a cursor this feed never gave out with CURSOR_UNKNOWN (400)', async () => {
    expect(await code({ after: 'not-a-cursor' })).toEqual([400, 'CURSOR_UNKNOWN']);
    expect(await code({ after: Buffer.from('activities:1').toString('base64url') })).toEqual([400, 'CURSOR_UNKNOWN']);
    expect(await code({ after: Buffer.from('situation:999999999').toString('base64url') })).toEqual([400, 'CURSOR_UNKNOWN']);
  });

  it('refuses unknown record types and area codes with BAD_USER_INPUT', async () => {
    expect(await code({ types: ['Activity'] })).toEqual([400, 'BAD_USER_INPUT']);
    expect(await code({ areaCode: 'Rinkeby' })).toEqual([400, 'BAD_USER_INPUT']);
    expect(await code({ first: 5000 })).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('refuses a cursor older than CHANGE_FEED_RETENTION_DAYS with CURSOR_EXPIRED (410), and takes it the day before', async () => {
    const cursor = await end();
    const [row] = await subgraph.dataSource.query('SELECT max(at) AS at FROM change_log');
    const days = (n: number) => new Date(new Date(row.at).getTime() + n * 86_400_000);
    try {
      clock.set(days(29.9));
      expect(await code({ after: cursor })).toEqual([200, undefined]);
      clock.set(days(30.1));
      expect(await code({ after: cursor })).toEqual([410, 'CURSOR_EXPIRED']);
      process.env.CHANGE_FEED_RETENTION_DAYS = '60';
      expect(await code({ after: cursor })).toEqual([200, undefined]);
    } finally {
      delete process.env.CHANGE_FEED_RETENTION_DAYS;
      clock.set(new Date());
    }
  });
});

it('loses nothing and repeats nothing for a reader that resumes with its cursor across a restart, while writers race', async () => {
  const databaseUrl = await freshDatabase('situation');
  const start = () => startSubgraphProcess('situation', databaseUrl, { SEED_DEMO_DATA: 'false' });
  let service = await start();
  try {
    const read = async (after: string) => (await graphql(service.url, FEED, { after, first: 7 }, as.writer)).data!.situationChanges as { cursor: string; hasMore: boolean; entries: Entry[] };
    let cursor = (await graphql(service.url, END, {}, as.writer)).data!.situationFeedEnd as string;
    const created: string[] = [];
    const seen: string[] = [];
    const writeBatch = async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => graphql(service.url, CREATE, { input: report(AR.gottsunda, 'NETWORK') }, as.writer)),
      );
      for (const result of results) created.push(result.data!.createSituationReport.id);
    };
    const follow = async (until: () => boolean) => {
      while (!until()) {
        const page = await read(cursor);
        seen.push(...page.entries.map((e) => e.id));
        cursor = page.cursor;
      }
    };
    // Read while 20 creates commit at once, twice; then restart and read on from the stored cursor.
    let writing = true;
    const writes = writeBatch().then(writeBatch).finally(() => (writing = false));
    await follow(() => !writing);
    await writes;
    await service.stop();
    service = await start();
    await follow(() => seen.length >= created.length);
    const last = await read(cursor);
    expect(last.entries).toEqual([]);
    expect(seen).toHaveLength(40);
    expect(new Set(seen)).toEqual(new Set(created));
  } finally {
    await service.stop();
    await dropDatabase(databaseUrl);
  }
});

describe('snapshot', () => {
  // The reports' part of the snapshot: the other types have tests of their own (crisis rosters, incidents, templates).
  const SNAPSHOT = `query($page: String, $first: Int, $areaCode: String) {
    situationSnapshot(page: $page, first: $first, areaCode: $areaCode, types: ["SituationReport"]) { feedCursor nextPage records { ... on SituationReport { id } } } }`;
  const LIST = '{ situationReports(first: 100) { nodes { id } } }';

  /** Every page of a snapshot, `during` run after the first. */
  async function snapshot(who: Who, variables: Record<string, unknown> = {}, during?: () => Promise<unknown>) {
    const ids: string[] = [];
    const cursors = new Set<string>();
    let page: string | null = null;
    do {
      const response: GraphQLResponse = await subgraph.query(SNAPSHOT, { ...variables, page, first: 2 }, as[who]);
      expect(response.errors).toBeUndefined();
      const result = (response.data as Record<string, { records: Array<{ id: string }>; feedCursor: string; nextPage: string | null }>).situationSnapshot;
      ids.push(...result.records.map((r: { id: string }) => r.id));
      cursors.add(result.feedCursor);
      if (page === null) await during?.();
      page = result.nextPage;
    } while (page);
    expect(cursors.size).toBe(1);
    return { ids, feedCursor: [...cursors][0] };
  }
  const visible = async (who: Who) => (await subgraph.query(LIST, {}, as[who])).data!.situationReports.nodes.map((r: { id: string }) => r.id);

  it.each(['public', 'stockholmsStad', 'uppsalaCoordinator', 'writer'] as Who[])('gives %s every report it may see, once, page by page', async (who) => {
    const { ids } = await snapshot(who);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual((await visible(who)).sort());
  });

  it('filters by area', async () => {
    const { ids } = await snapshot('writer', { areaCode: AR.rinkebyKista });
    const [rows] = [await subgraph.dataSource.query('SELECT id FROM situation_reports WHERE area_code = $1', [AR.rinkebyKista])];
    const mine = new Set(await visible('writer'));
    expect(ids.sort()).toEqual(rows.map((r: { id: string }) => r.id).filter((id: string) => mine.has(id)).sort());
  });

  it('hands over to the feed: a report created while the pages are read is in the feed after the snapshot cursor', async () => {
    let created = '';
    const { feedCursor } = await snapshot('stockholmsStad', {}, async () => (created = await create(report(AR.gottsunda, 'NETWORK'))));
    expect((await feed('stockholmsStad', { after: feedCursor })).entries.map((e) => [e.action, e.id])).toEqual([['CREATED', created]]);
  });

  it('refuses a page token it never gave out', async () => {
    expect(errorCode(await subgraph.query(SNAPSHOT, { page: 'bm90LWEtcGFnZQ' }, as.writer))).toBe('BAD_USER_INPUT');
  });
});
