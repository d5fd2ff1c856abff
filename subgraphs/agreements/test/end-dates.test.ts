import { Role, selfAndAncestors } from '@samverkan/federation';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { agreementsSubgraph } from '../src';
import { seedDemoData } from '../src/demo/seed';
import { bearer, createAgreedAgreement, errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * The dashboard filters of issue 9: agreements by end date, the END_DATE order with its cursors, and
 * nested lists by status. Every answer is checked against a recount of the rows in the database,
 * for viewers who may not see all of them.
 */
const WHO = {
  public: null,
  /** KFUM Göteborg: a party that the IOP in Angered and the SHARED record below are shared with. */
  partyMember: { organisationId: A.kfumGoteborg, roles: [Role.MEMBER] },
  /** Göteborgs Stad: owns the IOP in Angered and every record this test creates. */
  owner: { organisationId: A.goteborgsStad, roles: [Role.COORDINATOR] },
  /** Lokalpolisområde Rinkeby: owns Rätt kurva Järva (open-ended) and the citizen promises. */
  police: { organisationId: A.lpoRinkeby, roles: [Role.COORDINATOR] },
} as const;
type Who = keyof typeof WHO;
const VIEWERS = Object.keys(WHO) as Who[];

const calendar = demoCalendar();
const TODAY = calendar.today;
const IN_90_DAYS = calendar.days(90);

let subgraph: TestSubgraph;
const headers = {} as Record<Who, Record<string, string>>;

/** The records this test adds, around the edges of the 90-day window; ties on the end date are broken by id. */
const RECORDS = [
  { title: 'Egen plan, slutar om tio dagar', status: 'ACTIVE', endsOn: calendar.days(10), visibility: 'OWNER' },
  { title: 'Delad plan, slutar om tio dagar', status: 'ACTIVE', endsOn: calendar.days(10), visibility: 'SHARED' },
  { title: 'Öppen plan, slutar om tio dagar', status: 'ACTIVE', endsOn: calendar.days(10), visibility: 'PUBLIC' },
  { title: 'Slutar i dag', status: 'ACTIVE', endsOn: TODAY, visibility: 'PUBLIC' },
  { title: 'Slutade i går', status: 'ACTIVE', endsOn: calendar.days(-1), visibility: 'PUBLIC' },
  { title: 'Slutar om 90 dagar', status: 'ACTIVE', endsOn: IN_90_DAYS, visibility: 'PUBLIC' },
  { title: 'Slutar om 91 dagar', status: 'ACTIVE', endsOn: calendar.days(91), visibility: 'PUBLIC' },
  { title: 'Avslutad, slutar om fem dagar', status: 'ENDED', endsOn: calendar.days(5), visibility: 'PUBLIC' },
  { title: 'Tills vidare', status: 'ACTIVE', endsOn: null, visibility: 'PUBLIC' },
  { title: 'Tills vidare, bara ägaren', status: 'ACTIVE', endsOn: null, visibility: 'OWNER' },
];

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  for (const [who, person] of Object.entries(WHO) as Array<[Who, (typeof WHO)[Who]]>) {
    headers[who] = person ? await bearer(person.organisationId, [...person.roles], { subject: who }) : {};
  }
  // KFUM Göteborg confirms each before it takes its status (the activation rule).
  for (const record of RECORDS) {
    await createAgreedAgreement(subgraph.query, headers.owner, {
      ...record,
      kind: 'IOP',
      startsOn: calendar.days(-30),
      parties: [{ actorId: A.goteborgsStad, role: 'FUNDING' }, { actorId: A.kfumGoteborg, role: 'IMPLEMENTING' }],
      areaCodes: [AR.angered],
    });
  }
});
afterAll(() => subgraph?.stop());

interface Row {
  id: string;
  title: string;
  status: string;
  ends_on: string | null;
  visibility: string;
  owner_id: string;
  shared_with: string[];
  /** The organisations it names as parties. */
  parties: string[];
}

/** SQL: the parties of the agreement `a`, for `Row.parties`. */
const PARTIES_SQL = '(SELECT array_agg(p.actor_id::text) FROM agreement_parties p WHERE p.agreement_id = a.id) AS parties';

/** Every agreement, straight from the table, soonest end first, open-ended last, ties by id. */
const rowsByEndDate = (): Promise<Row[]> =>
  subgraph.dataSource.query(
    `SELECT id, title, status, ends_on::text AS ends_on, visibility, owner_id, shared_with::text[] AS shared_with, ${PARTIES_SQL}
       FROM agreements a ORDER BY ends_on NULLS LAST, id`,
  );

/** The visibility rule as the README states it, recounted here apart from the subgraph's SQL: whom the owner lets see it, and every organisation it names as a party. */
function maySee(who: Who, row: Row) {
  const person = WHO[who];
  if (row.visibility === 'PUBLIC') return true;
  if (!person) return false;
  if (row.parties.includes(person.organisationId)) return true;
  return row.visibility === 'NETWORK' || row.owner_id === person.organisationId || (row.visibility === 'SHARED' && row.shared_with.includes(person.organisationId));
}

const endingWithin90Days = (row: Row) => row.status === 'ACTIVE' && row.ends_on !== null && row.ends_on >= TODAY && row.ends_on <= IN_90_DAYS;

/** All pages of the root list, `first` at a time: the ids in order, and the totalCount of each page. */
async function allPages(who: Who, variables: Record<string, unknown>, first: number) {
  const seen: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const response: GraphQLResponse<any> = await subgraph.query( // eslint-disable-line @typescript-eslint/no-explicit-any
      `query($filter: AgreementFilter, $orderBy: AgreementOrder, $first: Int, $after: String) {
        agreements(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { ...variables, first, after },
      headers[who],
    );
    expect(response.errors).toBeUndefined();
    const { nodes, totalCount, pageInfo } = response.data!.agreements;
    seen.push(...nodes.map((n: { id: string }) => n.id));
    totals.add(totalCount);
    if (!pageInfo.hasNextPage) return { seen, totals: [...totals] };
    after = pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

describe('filter by end date', () => {
  it('hides some records from each viewer but the owner, so the recounts below test visibility', async () => {
    const rows = await rowsByEndDate();
    expect(rows.filter((r) => !maySee('public', r)).length).toBeGreaterThan(rows.filter((r) => !maySee('partyMember', r)).length);
    expect(rows.filter((r) => !maySee('partyMember', r)).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.title.startsWith('Delad')).every((r) => maySee('partyMember', r) && !maySee('public', r))).toBe(true);
    // The demo data runs out within 90 days too (the NOA–RF agreement, public), so the README example finds it on any day.
    expect(rows.some((r) => r.id === G.noaRiksidrottsforbundet && endingWithin90Days(r))).toBe(true);
  });

  it.each(VIEWERS)('lists for %s the active agreements ending within 90 days, today and day 90 included, as the table has them', async (who) => {
    const expected = (await rowsByEndDate()).filter((r) => endingWithin90Days(r) && maySee(who, r)).map((r) => r.id);
    const filter = { statuses: ['ACTIVE'], endsOnOrAfter: TODAY, endsOnOrBefore: IN_90_DAYS };
    const { seen, totals } = await allPages(who, { filter, orderBy: 'END_DATE' }, 2);
    expect(seen).toEqual(expected);
    expect(totals).toEqual([expected.length]);
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each(VIEWERS)('counts open-ended agreements, for %s, as ending on or after any day and on or before none', async (who) => {
    const rows = (await rowsByEndDate()).filter((r) => maySee(who, r));
    const after = await allPages(who, { filter: { endsOnOrAfter: TODAY } }, 100);
    expect([...after.seen].sort()).toEqual(rows.filter((r) => r.ends_on === null || r.ends_on >= TODAY).map((r) => r.id).sort());
    const before = await allPages(who, { filter: { endsOnOrBefore: TODAY } }, 100);
    expect([...before.seen].sort()).toEqual(rows.filter((r) => r.ends_on !== null && r.ends_on <= TODAY).map((r) => r.id).sort());
    expect(rows.some((r) => r.ends_on === null)).toBe(true);
  });

  it('refuses endsOnOrAfter later than endsOnOrBefore, and takes the same day for both', async () => {
    const query = `query($filter: AgreementFilter) { agreements(filter: $filter) { totalCount } }`;
    const refused = await subgraph.query(query, { filter: { endsOnOrAfter: calendar.days(1), endsOnOrBefore: TODAY } }, headers.owner);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.fields).toEqual([{ field: 'filter.endsOnOrBefore', message: 'must not be before endsOnOrAfter' }]);
    const sameDay = await subgraph.query(query, { filter: { endsOnOrAfter: TODAY, endsOnOrBefore: TODAY } }, headers.owner);
    expect(sameDay.errors).toBeUndefined();
    expect(sameDay.data!.agreements.totalCount).toBe((await rowsByEndDate()).filter((r) => r.ends_on === TODAY && maySee('owner', r)).length);
  });
});

describe('order by end date', () => {
  it.each(VIEWERS)('pages for %s, 2 at a time, through every visible agreement once, soonest end first, open-ended last, ties by id', async (who) => {
    const expected = (await rowsByEndDate()).filter((r) => maySee(who, r)).map((r) => r.id);
    const { seen, totals } = await allPages(who, { orderBy: 'END_DATE' }, 2);
    expect(seen).toEqual(expected);
    expect(totals).toEqual([expected.length]);
  });

  it('still orders by title by default', async () => {
    const expected: Array<{ id: string }> = await subgraph.dataSource.query(`SELECT id FROM agreements WHERE visibility = 'PUBLIC' ORDER BY title, id`);
    expect((await allPages('public', {}, 3)).seen).toEqual(expected.map((r) => r.id));
  });

  it("refuses a cursor of one order in another, and a cursor whose sort key is not the order's", async () => {
    const firstPage = async (orderBy: string) =>
      (await subgraph.query(`query($o: AgreementOrder!) { agreements(orderBy: $o, first: 1) { pageInfo { endCursor } } }`, { o: orderBy }, headers.owner))
        .data!.agreements.pageInfo.endCursor as string;
    const next = (orderBy: string, after: string) =>
      subgraph.query(`query($o: AgreementOrder!, $a: String) { agreements(orderBy: $o, first: 1, after: $a) { totalCount } }`, { o: orderBy, a: after }, headers.owner);
    const byTitle = await firstPage('TITLE');
    const byEnd = await firstPage('END_DATE');
    expect((await next('TITLE', byTitle)).errors).toBeUndefined();
    expect((await next('END_DATE', byEnd)).errors).toBeUndefined();
    expect(errorCode(await next('END_DATE', byTitle))).toBe('BAD_USER_INPUT');
    expect(errorCode(await next('TITLE', byEnd))).toBe('BAD_USER_INPUT');
    const forged = (position: unknown[]) => Buffer.from(JSON.stringify(position)).toString('base64url');
    expect(errorCode(await next('END_DATE', forged(['END_DATE', 'soon', G.noaRiksidrottsforbundet])))).toBe('BAD_USER_INPUT');
    expect(errorCode(await next('END_DATE', forged(['END_DATE', TODAY, 'not-an-id'])))).toBe('BAD_USER_INPUT');
  });
});

describe('nested lists by status', () => {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Area { code all: agreements { id } active: agreements(statuses: [ACTIVE]) { id } closed: agreements(scope: OVERLAPPING, statuses: [ENDED, TERMINATED]) { id } }
    ... on Actor { id all: agreements { id } active: agreements(statuses: [ACTIVE]) { id } closed: agreements(statuses: [TERMINATED, ENDED]) { id } } } }`;

  /**
   * Per area or per party, the visible agreements by title, recounted from the tables: an area's list
   * holds the agreements for it or a sub-area (the area is among the ancestors of an area covered);
   * OVERLAPPING also those for an area containing it.
   */
  async function recount(who: Who, link: 'area' | 'party', key: string, statuses: string[] | null, overlapping = false) {
    const rows: Array<Row & { areas: string[] }> = await subgraph.dataSource.query(
      `SELECT a.id, a.title, a.status, a.ends_on::text AS ends_on, a.visibility, a.owner_id, a.shared_with::text[] AS shared_with,
              (SELECT array_agg(x.area_code) FROM agreement_areas x WHERE x.agreement_id = a.id) AS areas, ${PARTIES_SQL}
         FROM agreements a ORDER BY a.title, a.id`,
    );
    const linked = (row: (typeof rows)[number]) =>
      link === 'party'
        ? row.parties.includes(key)
        : row.areas.some((code) => selfAndAncestors(code).includes(key) || (overlapping && selfAndAncestors(key).includes(code)));
    return rows.filter((r) => linked(r) && maySee(who, r) && (!statuses || statuses.includes(r.status))).map((r) => r.id);
  }

  it.each(VIEWERS)('lists for %s the visible agreements of each area and actor with the statuses asked for', async (who) => {
    const areas = [AR.angered, AR.goteborg, AR.stockholm];
    const actors = [A.goteborgsStad, A.kfumGoteborg, A.lpoRinkeby, A.riksidrottsforbundet];
    const response = await subgraph.query(
      query,
      { r: [...areas.map((code) => ({ __typename: 'Area', code })), ...actors.map((id) => ({ __typename: 'Actor', id }))] },
      headers[who],
    );
    expect(response.errors).toBeUndefined();
    const ids = (list: Array<{ id: string }>) => list.map((a) => a.id);
    const answered = response.data!._entities;
    for (const [i, code] of areas.entries()) {
      expect({ code, all: ids(answered[i].all) }).toEqual({ code, all: await recount(who, 'area', code, null) });
      expect({ code, active: ids(answered[i].active) }).toEqual({ code, active: await recount(who, 'area', code, ['ACTIVE']) });
      expect({ code, closed: [...ids(answered[i].closed)].sort() }).toEqual({ code, closed: (await recount(who, 'area', code, ['ENDED', 'TERMINATED'], true)).sort() });
    }
    for (const [i, id] of actors.entries()) {
      const entity = answered[areas.length + i];
      expect({ id, all: ids(entity.all) }).toEqual({ id, all: await recount(who, 'party', id, null) });
      expect({ id, active: ids(entity.active) }).toEqual({ id, active: await recount(who, 'party', id, ['ACTIVE']) });
      expect({ id, closed: ids(entity.closed) }).toEqual({ id, closed: await recount(who, 'party', id, ['ENDED', 'TERMINATED']) });
    }
    // The ENDED record of this test is a closed agreement of Angered and of its parties.
    expect(answered[0].closed.length).toBeGreaterThan(0);
  });

  it('costs the same number of SQL statements for one area and actor as for many, per status set', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (areas: string[], actors: string[]) => {
        const response = await subgraph.query(
          query,
          { r: [...areas.map((code) => ({ __typename: 'Area', code })), ...actors.map((id) => ({ __typename: 'Actor', id }))] },
          headers.owner,
        );
        expect(response.errors).toBeUndefined();
        return response.extensions!.sqlStatements as number;
      };
      const one = await statements([AR.angered], [A.goteborgsStad]);
      const many = await statements([AR.angered, AR.goteborg, AR.stockholm, AR.uppsala, 'SE'], [A.goteborgsStad, A.kfumGoteborg, A.lpoRinkeby, A.riksidrottsforbundet, A.polisen]);
      expect(many).toBe(one);
      // Two statements (pairs, then records) per distinct list: all, [ACTIVE], [ENDED, TERMINATED] for areas per scope, and for actors.
      expect(one).toBeLessThanOrEqual(12);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('nested lists are bounded', () => {
  // Last in this file: it adds more agreements than a nested list holds, for Linköping kommun in Skäggetorp.
  const nested = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Area { all: agreements(first: 100) { id } byDefault: agreements { id } ended: agreements(statuses: [ENDED]) { id } }
    ... on Actor { all: agreements(first: 100) { id } byDefault: agreements { id } ended: agreements(statuses: [ENDED]) { id } } } }`;

  beforeAll(async () => {
    const records = [
      ...Array.from({ length: 20 }, (_, i) => ({ title: `Aa dold ${String(i).padStart(3, '0')}`, status: 'ACTIVE', visibility: 'OWNER' })),
      ...Array.from({ length: 101 }, (_, i) => ({ title: `Bb öppen ${String(i).padStart(3, '0')}`, status: 'ACTIVE', visibility: 'PUBLIC' })),
      { title: 'Zz avslutad', status: 'ENDED', visibility: 'PUBLIC' },
    ];
    const worker = async () => {
      // Linköpings kommun, the party, confirms each before it takes its status (the activation rule).
      for (let record = records.shift(); record; record = records.shift()) {
        await createAgreedAgreement(subgraph.query, headers.owner, {
          ...record,
          kind: 'IOP',
          startsOn: TODAY,
          parties: [{ actorId: A.linkopingsKommun, role: 'FUNDING' }],
          areaCodes: [AR.skaggetorp],
        });
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  }, 60000);

  it.each(['public', 'owner'] as const)('holds for %s the first `first` (default 50, at most 100) visible agreements by title, statuses applied before the bound', async (who) => {
    const response = await subgraph.query(
      nested,
      { r: [{ __typename: 'Area', code: AR.skaggetorp }, { __typename: 'Actor', id: A.linkopingsKommun }] },
      headers[who],
    );
    expect(response.errors).toBeUndefined();
    const rows: Row[] = await subgraph.dataSource.query(
      `SELECT id, title, status, ends_on::text AS ends_on, visibility, owner_id, shared_with::text[] AS shared_with, ${PARTIES_SQL}
         FROM agreements a WHERE EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.actor_id = $1) ORDER BY title, id`,
      [A.linkopingsKommun],
    );
    const visible = rows.filter((r) => maySee(who, r));
    expect(visible.length).toBeGreaterThan(100);
    for (const entity of response.data!._entities as Array<Record<'all' | 'byDefault' | 'ended', Array<{ id: string }>>>) {
      expect(entity.all.map((a) => a.id)).toEqual(visible.slice(0, 100).map((r) => r.id));
      expect(entity.byDefault.map((a) => a.id)).toEqual(visible.slice(0, 50).map((r) => r.id));
      expect(entity.ended.map((a) => a.id)).toEqual(visible.filter((r) => r.status === 'ENDED').map((r) => r.id));
    }
  });
});
