import { DEMO_AREAS as AR } from '@samverkan/demo';
import { bearer, PEOPLE, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { activitiesSubgraph } from '../src';
import { DEMO_ACTIVITIES as D } from '../src/demo/seed';

/**
 * The activities' change feed (issue 12): activities are public listings, so everyone follows
 * every activity; a change of the internal fields alone reaches only those who may see them, and
 * a widened visibility shows them as changed to those who gain them.
 */
let subgraph: TestSubgraph;
let owner: Record<string, string>;
let police: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph);
  owner = await bearer(PEOPLE.ngoCoordinator.organisationId, [...PEOPLE.ngoCoordinator.roles]);
  police = await bearer(PEOPLE.policeOfficer.organisationId, [...PEOPLE.policeOfficer.roles]);
});
afterAll(() => subgraph?.stop());

const FEED = `query($after: String, $areaCode: String) { activityChanges(after: $after, areaCode: $areaCode) { cursor entries { action id fields } } }`;
const UPDATE = 'mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { version } }';

let version: number;
async function update(input: Record<string, unknown>) {
  const response = await subgraph.query(UPDATE, { id: D.exitProgramme, version, input }, owner);
  expect(response.errors).toBeUndefined();
  version = response.data!.updateActivity.version;
}

it('tells each caller the fields it may see changed, and the internal ones to those who gain them', async () => {
  version = (await subgraph.dataSource.query('SELECT version FROM activities WHERE id = $1', [D.exitProgramme]))[0].version;
  const start = (await subgraph.query('{ activityFeedEnd }')).data!.activityFeedEnd;
  const followers = { public: {}, police, owner, uppsala: {} };
  const cursors: Record<string, string> = Object.fromEntries(Object.keys(followers).map((who) => [who, start]));
  const seen: Record<string, unknown[]> = Object.fromEntries(Object.keys(followers).map((who) => [who, []]));
  const step = async (input: Record<string, unknown>) => {
    await update(input);
    for (const [who, headers] of Object.entries(followers)) {
      const page = (await subgraph.query(FEED, { after: cursors[who], areaCode: who === 'uppsala' ? '0380' : undefined }, headers)).data!.activityChanges;
      cursors[who] = page.cursor;
      seen[who].push(page.entries.map((e: { action: string; fields: string[] }) => [e.action, ...e.fields.sort()]));
    }
  };
  await step({ participantCount: 40 }); // OWNER: internal, the owner's alone
  await step({ title: 'Avhopparverksamhet – Exit' });
  await step({ visibility: 'NETWORK' });
  await step({ participantCount: 41 });
  await step({ areaCode: AR.gottsunda });
  await step({ areaCode: AR.rosengard });
  const visibility = ['internalClassification', 'participantCount', 'visibility'];
  expect(seen.owner).toEqual([[['UPDATED', 'participantCount']], [['UPDATED', 'title']], [['UPDATED', 'visibility']], [['UPDATED', 'participantCount']], [['UPDATED', 'areaCode']], [['UPDATED', 'areaCode']]]);
  expect(seen.police).toEqual([[], [['UPDATED', 'title']], [['UPDATED', ...visibility]], [['UPDATED', 'participantCount']], [['UPDATED', 'areaCode']], [['UPDATED', 'areaCode']]]);
  expect(seen.public).toEqual([[], [['UPDATED', 'title']], [['UPDATED', 'visibility']], [], [['UPDATED', 'areaCode']], [['UPDATED', 'areaCode']]]);
  // Following Uppsala municipality: the activity comes in with its move to Gottsunda and leaves with the next.
  expect(seen.uppsala).toEqual([[], [], [], [], [['CREATED', 'areaCode']], [['DELETED']]]);
});

it('gives a snapshot of every activity, each once, to the public', async () => {
  const ids: string[] = [];
  let page: string | null = null;
  do {
    const result: { nextPage: string | null; records: Array<{ id: string; title: string }> } = (
      await subgraph.query('query($page: String) { activitySnapshot(page: $page, first: 100) { nextPage records { ... on Activity { id title } } } }', { page })
    ).data!.activitySnapshot;
    ids.push(...result.records.map((r) => r.id));
    page = result.nextPage;
  } while (page);
  const all = (await subgraph.dataSource.query('SELECT id FROM activities ORDER BY id')).map((r: { id: string }) => r.id);
  expect(ids).toEqual(all);
});
