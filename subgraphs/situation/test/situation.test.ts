import { DEMO_ACTORS, DEMO_AREAS, demoCalendar } from '@samverkan/demo';
import { situationSubgraph } from '../src';
import { containsPersonalIdentityNumber } from '@samverkan/federation';
import { DEMO_SITUATION_REPORTS as R, seedDemoData } from '../src/demo/seed';
import { DEMO_JOINT_PICTURE as J } from '../src/demo/seed-joint-picture';
import { errorCode, GraphQLResponse } from '@samverkan/test-support';
import { startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { Headers, headersForEveryone, Key, KEYS, sorted, visibleIds, Who } from './people';

/** The demo data is seeded for this day, so the expected periods are computed from the same calendar. */
const calendar = demoCalendar();

let subgraph: TestSubgraph;
let as: Record<Who, Headers>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  as = await headersForEveryone();
});
afterAll(() => subgraph?.stop());

const count = async (table: 'situation_reports' | 'observations' | 'change_log') =>
  (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

interface Node {
  id: string;
  periodEnd: string;
}

const LIST = `query($filter: SituationReportFilter, $first: Int, $after: String) {
  situationReports(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id periodStart periodEnd } pageInfo { hasNextPage endCursor }
  }
}`;

/** Ids of all reports matching a filter that `who` may see (one page of up to 100); checks that totalCount counts the same. */
async function idsFor(filter: Record<string, unknown>, who: Who = 'writer'): Promise<string[]> {
  const response = await subgraph.query(LIST, { filter, first: 100 }, as[who]);
  expect(response.errors).toBeUndefined();
  const ids = response.data!.situationReports.nodes.map((n: Node) => n.id);
  expect(response.data!.situationReports.totalCount).toBe(ids.length);
  return ids;
}

const CREATE = `mutation($input: CreateSituationReportInput!) {
  createSituationReport(input: $input) {
    id version areaCode: area { code } reportedBy { id } owner { id } visibility periodStart periodEnd level trend summary
    observations { category level trend description }
  }
}`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateSituationReportInput!) {
  updateSituationReport(id: $id, version: $version, input: $input) {
    id version area { code } reportedBy { id } periodStart periodEnd level trend summary
    observations { category level trend description }
  }
}`;
const GET = `query($id: ID!) {
  situationReport(id: $id) { id version area { code } periodStart periodEnd level trend summary observations { category level trend description } }
}`;

/** A new report, written by the test writer (Safe Trygghetsvärdar) for its own organisation. */
const newReport = (overrides: Record<string, unknown> = {}) => ({
  areaCode: DEMO_AREAS.farsta,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  level: 'ELEVATED',
  trend: 'STABLE',
  summary: 'Trygghetsvärdarnas bild av Farsta centrum under vintern.',
  observations: [
    { category: 'YOUTH_GATHERINGS', level: 'ELEVATED', trend: 'WORSENING', description: 'Unga samlas vid centrumet kvällstid.' },
    { category: 'PROTECTIVE_FACTORS', level: 'NORMAL', trend: 'IMPROVING', description: 'Fler vuxna i rörelse kvällstid.' },
  ],
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}, who: Who = 'writer') {
  const response = await subgraph.query(CREATE, { input: newReport(overrides) }, as[who]);
  expect(response.errors).toBeUndefined();
  return response.data!.createSituationReport as { id: string; version: number };
}

/**
 * Which seeded reports match a filter, over all of them: each viewer gets these, narrowed to what it
 * may see. The periods, in months before this one: Rinkeby-Kista and Angered 12–9, 8–5 and 4–1;
 * Gottsunda: the municipality 7–2 and 1–1, the police quarterly 13–11, 10–8, 7–5 and 4–2, the church
 * 7–2, the tenants' association 13–8 and 7–2; Skäggetorp 6–1; Rosengård 3–1.
 */
const FILTERS: Array<[string, Record<string, unknown>, Key[]]> = [
  ['a city, sub-areas included', { areaCode: DEMO_AREAS.stockholm }, ['rinkebySpring', 'rinkebyMiddle', 'rinkebyAutumn']],
  ['a county, sub-areas included', { areaCode: DEMO_AREAS.stockholmsLan }, ['rinkebySpring', 'rinkebyMiddle', 'rinkebyAutumn']],
  ['a district', { areaCode: DEMO_AREAS.angered }, ['angeredFirst', 'angeredMiddle', 'angered']],
  ['an area without reports', { areaCode: DEMO_AREAS.farsta }, []],
  ['the whole country', { areaCode: DEMO_AREAS.sweden }, KEYS],
  ['level HIGH', { levels: ['HIGH'] }, ['angeredFirst', 'angeredMiddle', 'gottsunda', 'gottsundaPoliceQ4']],
  [
    'levels NORMAL or HIGH',
    { levels: ['NORMAL', 'HIGH'] },
    ['rosengard', 'angeredFirst', 'angeredMiddle', 'gottsunda', 'gottsundaPoliceQ4', 'gottsundaTenantsFirst'],
  ],
  ['level CRITICAL', { levels: ['CRITICAL'] }, []],
  [
    'level ELEVATED',
    { levels: ['ELEVATED'] },
    [
      'rinkebySpring',
      'rinkebyMiddle',
      'rinkebyAutumn',
      'angered',
      'skaggetorp',
      'gottsundaPoliceQ1',
      'gottsundaPoliceQ2',
      'gottsundaPoliceQ3',
      'gottsundaMunicipality',
      'gottsundaChurch',
      'gottsundaTenantsSecond',
    ],
  ],
  ['trend WORSENING', { trends: ['WORSENING'] }, ['rinkebySpring', 'angeredFirst', 'gottsunda', 'gottsundaChurch', 'gottsundaTenantsSecond']],
  ['category CRISIS', { categories: ['CRISIS'] }, ['gottsunda', 'gottsundaPoliceQ4', 'gottsundaChurch']],
  ['categories SCHOOL_ABSENCE or CONFLICTS', { categories: ['SCHOOL_ABSENCE', 'CONFLICTS'] }, ['angeredFirst', 'angered', 'rosengard', 'gottsundaPoliceQ3']],
  ['category OTHER', { categories: ['OTHER'] }, ['skaggetorp']],
  ['an author', { reportedById: DEMO_ACTORS.hyresgastforeningen }, ['rosengard', 'gottsundaTenantsFirst', 'gottsundaTenantsSecond']],
  [
    'an author with a shared report among network ones',
    { reportedById: DEMO_ACTORS.lpoUppsala },
    ['gottsundaPoliceQ1', 'gottsundaPoliceQ2', 'gottsundaPoliceQ3', 'gottsundaPoliceQ4'],
  ],
  ['an author with three reports', { reportedById: DEMO_ACTORS.lpoRinkeby }, ['rinkebySpring', 'rinkebyMiddle', 'rinkebyAutumn']],
  ['an author whose report is private', { reportedById: DEMO_ACTORS.ostergotlandsStadsmission }, ['skaggetorp']],
  ['an area and a trend', { areaCode: DEMO_AREAS.stockholm, trends: ['IMPROVING'] }, ['rinkebyAutumn']],
  [
    'a date range',
    { from: calendar.month(-8), to: calendar.monthEnd(-7) },
    [
      'rinkebyMiddle',
      'angeredMiddle',
      'gottsunda',
      'gottsundaPoliceQ2',
      'gottsundaPoliceQ3',
      'gottsundaChurch',
      'gottsundaTenantsFirst',
      'gottsundaTenantsSecond',
    ],
  ],
  ['an open end', { from: calendar.month(-1) }, ['rinkebyAutumn', 'angered', 'skaggetorp', 'rosengard', 'gottsundaMunicipality']],
  ['an open start', { to: calendar.monthEnd(-9) }, ['rinkebySpring', 'angeredFirst', 'gottsundaPoliceQ1', 'gottsundaPoliceQ2', 'gottsundaTenantsFirst']],
  // The boundaries are inclusive: a period starting or ending on the day overlaps it.
  [
    'a period start day',
    { from: calendar.month(-7), to: calendar.month(-7) },
    ['rinkebyMiddle', 'angeredMiddle', 'gottsunda', 'gottsundaPoliceQ3', 'gottsundaChurch', 'gottsundaTenantsSecond'],
  ],
  [
    'a period end day',
    { from: calendar.monthEnd(-2), to: calendar.monthEnd(-2) },
    ['rinkebyAutumn', 'angered', 'gottsunda', 'skaggetorp', 'rosengard', 'gottsundaPoliceQ4', 'gottsundaChurch', 'gottsundaTenantsSecond'],
  ],
  ['the day after', { from: calendar.month(-1), to: calendar.month(-1) }, ['rinkebyAutumn', 'angered', 'skaggetorp', 'rosengard', 'gottsundaMunicipality']],
  ['today', { from: calendar.today, to: calendar.today }, []],
  ['text in the summary, case-insensitively', { text: 'fritidskortet' }, ['skaggetorp']],
  ['text about the crisis', { text: 'TRIPPELMORDET' }, ['gottsunda']],
  ['a literal %', { text: '%' }, []],
];

/** Viewers with different views of the seed. */
const VIEWERS: Who[] = ['public', 'ngoMember', 'policeOfficer', 'nationalCoordinator', 'administrator', 'uppsalaPolice', 'uppsalaChurch', 'stadsmission'];

describe('reading the situation picture', () => {
  it('returns a report with its area, author, owner and observations in order', async () => {
    const { data } = await subgraph.query(
      `query($id: ID!) { situationReport(id: $id) {
        id area { code } reportedBy { id } owner { id } visibility periodStart periodEnd level trend summary
        observations { category level trend description } } }`,
      { id: R.gottsundaAfterCrisis },
      as.uppsalaPolice,
    );
    const report = data!.situationReport;
    expect(report).toMatchObject({
      id: R.gottsundaAfterCrisis,
      area: { code: DEMO_AREAS.gottsunda },
      reportedBy: { id: DEMO_ACTORS.uppsalaKommun },
      owner: { id: DEMO_ACTORS.uppsalaKommun },
      visibility: 'SHARED',
      level: 'HIGH',
    });
    expect(report.summary).toMatch(/trippelmordet i Uppsala/);
    expect(report.observations[0]).toMatchObject({ category: 'CRISIS', level: 'HIGH' });
    expect(report.observations[0].description).toMatch(/civilsamhället/);
    expect(report.periodEnd >= report.periodStart).toBe(true);
  });

  it('returns null for an unknown or malformed id', async () => {
    const { data, errors } = await subgraph.query(`{ a: situationReport(id: "00000000-0000-4000-8000-000000000000") { id } b: situationReport(id: "nope") { id } }`, {}, as.ngoMember);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  it.each(VIEWERS)('lists the reports %s may see, newest period first, then by id', async (who) => {
    const { data } = await subgraph.query(LIST, { first: 100 }, as[who]);
    const nodes: Node[] = data!.situationReports.nodes;
    expect(sorted(nodes.map((n) => n.id))).toEqual(sorted(visibleIds(who)));
    expect(data!.situationReports.totalCount).toBe(visibleIds(who).length);
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1], nodes[i]];
      expect(a.periodEnd > b.periodEnd || (a.periodEnd === b.periodEnd && a.id > b.id)).toBe(true);
    }
  });

  describe.each(VIEWERS)('filters only narrow what %s may see', (who) => {
    it.each(FILTERS)('by %s', async (_case, filter, matching) => {
      expect(sorted(await idsFor(filter, who))).toEqual(sorted(visibleIds(who, matching)));
    });
  });

  it('gives the public neither hidden reports nor a count of them when it filters on what they hold', async () => {
    for (const filter of [{ levels: ['HIGH'] }, { categories: ['CRISIS'] }, { levels: ['HIGH'], categories: ['CRISIS'] }, { text: 'trippelmordet' }]) {
      const { data, errors } = await subgraph.query(LIST, { filter, first: 100 });
      expect(errors).toBeUndefined();
      expect(data!.situationReports).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }
    // Nor by author or area: the private Skäggetorp report, the Rinkeby-Kista and the Uppsala police's ones are not counted.
    for (const filter of [
      { reportedById: DEMO_ACTORS.ostergotlandsStadsmission },
      { reportedById: DEMO_ACTORS.lpoRinkeby },
      { reportedById: DEMO_ACTORS.lpoUppsala },
      { areaCode: DEMO_AREAS.linkoping },
    ]) {
      const { data } = await subgraph.query(`query($filter: SituationReportFilter) { situationReports(filter: $filter) { totalCount } }`, { filter });
      expect(data!.situationReports.totalCount).toBe(0);
    }
  });

  it('refuses bad filters', async () => {
    for (const filter of [{ from: '2026-01-01', to: '2025-01-01' }, { from: '2025-02-30' }, { from: '0000-06-01' }, { to: '0000-06-01' }, { areaCode: 'Stockholm' }, { reportedById: 'nope' }, { levels: ['DIRE'] }]) {
      const response = await subgraph.query(LIST, { filter }, as.ngoMember);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    }
  });

  it.each(['ngoMember', 'public'] as Who[])('pages with cursors for %s, without gaps, repeats or hidden reports', async (who) => {
    const { data: all } = await subgraph.query(LIST, { first: 100 }, as[who]);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const response: GraphQLResponse<any> = await subgraph.query(LIST, { first: 2, after }, as[who]); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(response.errors).toBeUndefined();
      const page = response.data!.situationReports;
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      expect(page.totalCount).toBe(visibleIds(who).length);
      seen.push(...page.nodes.map((n: Node) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all!.situationReports.nodes.map((n: Node) => n.id));
    expect(sorted(seen)).toEqual(sorted(visibleIds(who)));
  });

  it('refuses a foreign cursor and a too-large page', async () => {
    expect(errorCode(await subgraph.query(LIST, { first: 2, after: 'bm9wZQ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(LIST, { first: 101 }))).toBe('BAD_USER_INPUT');
  });
});

describe('areas and actors', () => {
  const AREAS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Area {
    code latestSituationReport { id level trend observations { category } }
    within: situationReports { id } overlapping: situationReports(scope: OVERLAPPING) { id } } } }`;
  const areaRefs = (...codes: string[]) => codes.map((code) => ({ __typename: 'Area', code }));

  it("gives the latest report of exactly the area that the viewer may see, and the area's reports newest first", async () => {
    const { data, errors } = await subgraph.query(
      AREAS,
      { r: areaRefs(DEMO_AREAS.rinkebyKista, DEMO_AREAS.stockholm, DEMO_AREAS.gottsunda, DEMO_AREAS.farsta) },
      as.municipalityOfficial,
    );
    expect(errors).toBeUndefined();
    const [rinkeby, stockholm, gottsunda, farsta] = data!._entities;
    // Three reports for Rinkeby-Kista: the latest (ELEVATED, IMPROVING), shared with the district, is the current picture.
    expect(rinkeby.latestSituationReport).toMatchObject({ id: R.rinkebyKistaAutumn2025, level: 'ELEVATED', trend: 'IMPROVING' });
    const rinkebyReports = [R.rinkebyKistaAutumn2025, R.rinkebyKistaMiddle, R.rinkebyKistaSpring2025];
    expect(rinkeby.within.map((r: Node) => r.id)).toEqual(rinkebyReports);
    // Stockholm has no report of its own, only its district's.
    expect(stockholm.latestSituationReport).toBeNull();
    expect(stockholm.within.map((r: Node) => r.id)).toEqual(rinkebyReports);
    // Gottsunda: the district sees the network's and the published reports, not the municipality's two
    // or the police's latest, which are shared within Uppsala. Of the two it sees ending the month
    // before last, the tenants' second half has the higher id: it is the latest. No report is about a
    // wider area.
    const gottsundaForAll = [J.tenantsSecondHalf, J.church, J.policeQ3, J.tenantsFirstHalf, J.policeQ2, J.policeQ1];
    expect(gottsunda).toEqual({
      code: DEMO_AREAS.gottsunda,
      latestSituationReport: { id: J.tenantsSecondHalf, level: 'ELEVATED', trend: 'WORSENING', observations: [{ category: 'PERCEIVED_SAFETY' }] },
      within: gottsundaForAll.map((id) => ({ id })),
      overlapping: gottsundaForAll.map((id) => ({ id })),
    });
    expect(farsta).toEqual({ code: DEMO_AREAS.farsta, latestSituationReport: null, within: [], overlapping: [] });

    // The Uppsala police also see the municipality's reports and their own latest, in their places: the
    // municipality's newest, ending last month, is their latest.
    const { data: uppsala } = await subgraph.query(AREAS, { r: areaRefs(DEMO_AREAS.gottsunda, DEMO_AREAS.rinkebyKista) }, as.uppsalaPolice);
    expect(uppsala!._entities[0].latestSituationReport.id).toBe(J.municipalityLatest);
    expect(uppsala!._entities[0].within.map((r: Node) => r.id)).toEqual([
      J.municipalityLatest,
      J.tenantsSecondHalf,
      J.church,
      J.policeQ4,
      R.gottsundaAfterCrisis,
      J.policeQ3,
      J.tenantsFirstHalf,
      J.policeQ2,
      J.policeQ1,
    ]);
    // The latest report is not shared with the Uppsala police: its current picture of Rinkeby-Kista is the newest network one.
    expect(uppsala!._entities[1].latestSituationReport.id).toBe(R.rinkebyKistaMiddle);
    expect(uppsala!._entities[1].within.map((r: Node) => r.id)).toEqual([R.rinkebyKistaMiddle, R.rinkebyKistaSpring2025]);
  });

  it('batches the latest reports and their observations for many areas', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      for (const [who, areas] of [
        ['uppsalaCoordinator', 4], // Rinkeby-Kista (the network report), Angered, Gottsunda, Rosengård
        ['stadsmission', 5], // Rinkeby-Kista (the network report), Angered, Gottsunda, Skäggetorp, Rosengård
        ['public', 2], // Gottsunda and Rosengård, by the tenants' association
      ] as Array<[Who, number]>) {
        const response = await subgraph.query(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { code latestSituationReport { id observations { category } } } } }`,
          { r: areaRefs(...Object.values(DEMO_AREAS)) },
          as[who],
        );
        expect(response.errors).toBeUndefined();
        const latest = response.data!._entities.filter((a: { latestSituationReport: unknown }) => a.latestSituationReport);
        expect(latest).toHaveLength(areas);
        // One statement for the latest reports of all areas, one for all their observations.
        expect(response.extensions?.sqlStatements).toBe(2);
      }
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });

  it('lists the reports an actor wrote that the viewer may see, newest period first', async () => {
    const actors = [DEMO_ACTORS.lpoRinkeby, DEMO_ACTORS.ostergotlandsStadsmission, DEMO_ACTORS.hyresgastforeningen, DEMO_ACTORS.fryshuset, 'nope'];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { id situationReports { id } } } }`;
    const written = async (who: Who) => {
      const { data, errors } = await subgraph.query(query, { r: actors.map((id) => ({ __typename: 'Actor', id })) }, as[who]);
      expect(errors).toBeUndefined();
      return data!._entities.map((a: { situationReports: Node[] }) => a.situationReports.map((r) => r.id));
    };
    // The tenants' association's Rosengård report ends with last month, its Gottsunda second half the month before, its first half earlier.
    const tenants = [R.rosengardWinter2026, J.tenantsSecondHalf, J.tenantsFirstHalf];
    expect(await written('ngoMember')).toEqual([[R.rinkebyKistaAutumn2025, R.rinkebyKistaMiddle, R.rinkebyKistaSpring2025], [], tenants, [], []]);
    expect(await written('stadsmission')).toEqual([[R.rinkebyKistaMiddle, R.rinkebyKistaSpring2025], [R.skaggetorpWinter], tenants, [], []]);
    expect(await written('public')).toEqual([[], [], tenants, [], []]);
  });

  it('includes reports about wider areas with scope OVERLAPPING', async () => {
    const municipal = await create(
      {
        areaCode: DEMO_AREAS.stockholm,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        summary: 'Stockholms stads samlade lägesbild för 2025.',
        visibility: 'NETWORK',
      },
      'stockholmsStad',
    );
    const who: Who = 'municipalityOfficial';
    const rinkebyReports = [R.rinkebyKistaAutumn2025, R.rinkebyKistaMiddle, R.rinkebyKistaSpring2025];
    expect(sorted(await idsFor({ areaCode: DEMO_AREAS.rinkebyKista }, who))).toEqual(sorted(rinkebyReports));
    expect(sorted(await idsFor({ areaCode: DEMO_AREAS.rinkebyKista, areaScope: 'OVERLAPPING' }, who))).toEqual(sorted([...rinkebyReports, municipal.id]));
    const { data } = await subgraph.query(AREAS, { r: areaRefs(DEMO_AREAS.rinkebyKista, DEMO_AREAS.stockholm) }, as[who]);
    const [rinkeby, stockholm] = data!._entities;
    expect(sorted(rinkeby.overlapping.map((r: Node) => r.id))).toEqual(sorted([...rinkebyReports, municipal.id]));
    expect(rinkeby.within.map((r: Node) => r.id)).toEqual(rinkebyReports);
    // The municipality's own report is now its latest; the district keeps its own.
    expect(stockholm.latestSituationReport.id).toBe(municipal.id);
    expect(rinkeby.latestSituationReport.id).toBe(R.rinkebyKistaAutumn2025);
    // The public sees neither: the municipal report is for the network.
    const { data: open } = await subgraph.query(AREAS, { r: areaRefs(DEMO_AREAS.rinkebyKista, DEMO_AREAS.stockholm) });
    expect(open!._entities.map((a: Record<string, unknown>) => [a.latestSituationReport, a.overlapping])).toEqual([
      [null, []],
      [null, []],
    ]);
  });
});

describe('latest report', () => {
  const latestOf = async (code: string, who: Who = 'writer') => {
    const { data } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { latestSituationReport { id } } } }`,
      { r: [{ __typename: 'Area', code }] },
      as[who],
    );
    return data!._entities[0].latestSituationReport?.id as string | undefined;
  };

  it('takes the latest period end, the latest created on a tie', async () => {
    const area = DEMO_AREAS.hagerstenLiljeholmen;
    const first = await create({ areaCode: area, periodStart: '2026-01-01', periodEnd: '2026-03-31' });
    expect(await latestOf(area)).toBe(first.id);
    const second = await create({ areaCode: area, periodStart: '2026-02-01', periodEnd: '2026-03-31' });
    expect(await latestOf(area)).toBe(second.id);
    // Created later, but about an earlier period: not the current picture.
    await create({ areaCode: area, periodStart: '2025-07-01', periodEnd: '2025-12-31' });
    expect(await latestOf(area)).toBe(second.id);
    // Moving the first report's period forward makes it the latest again.
    const moved = await subgraph.query(UPDATE, { id: first.id, version: first.version, input: { periodEnd: '2026-04-30' } }, as.writer);
    expect(moved.errors).toBeUndefined();
    expect(await latestOf(area)).toBe(first.id);
  });

  it('takes the latest report the viewer may see: a newer private one neither hides nor replaces it', async () => {
    const area = DEMO_AREAS.angered;
    // About this month, later than the latest demo report (which ends with last month).
    const newer = await create(
      { areaCode: area, periodStart: calendar.month(0), periodEnd: calendar.monthEnd(0), summary: 'Lokalpolisområdets egen bild av Angered den här månaden.' },
      'goteborgPolice',
    );
    expect(await latestOf(area, 'goteborgPolice')).toBe(newer.id);
    expect(await latestOf(area, 'ngoMember')).toBe(R.angered2025);
    expect(await latestOf(area, 'administrator')).toBe(R.angered2025);
    expect(await latestOf(area, 'public')).toBeUndefined();
    // Published by its owner, it becomes everyone's current picture.
    const published = await subgraph.query(UPDATE, { id: newer.id, version: 1, input: { visibility: 'PUBLIC' } }, as.goteborgPolice);
    expect(published.errors).toBeUndefined();
    for (const who of ['goteborgPolice', 'ngoMember', 'public'] as Who[]) expect(await latestOf(area, who)).toBe(newer.id);
  });
});

describe('changing reports', () => {
  it('creates a report and updates it, bumping the version and replacing observations only when given', async () => {
    const before = await count('situation_reports');
    const created = await subgraph.query(CREATE, { input: newReport() }, as.writer);
    expect(created.errors).toBeUndefined();
    const report = created.data!.createSituationReport;
    expect(report).toMatchObject({
      version: 1,
      areaCode: { code: DEMO_AREAS.farsta },
      // Left out, the reporting actor is the writer's own organisation, which owns the report and keeps it private.
      reportedBy: { id: DEMO_ACTORS.safeTrygghetsvardar },
      owner: { id: DEMO_ACTORS.safeTrygghetsvardar },
      visibility: 'OWNER',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      observations: newReport().observations,
    });
    expect(await count('situation_reports')).toBe(before + 1);

    const updated = await subgraph.query(UPDATE, { id: report.id, version: 1, input: { trend: 'IMPROVING', summary: 'Lugnare i Farsta centrum.' } }, as.writer);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateSituationReport).toMatchObject({
      version: 2,
      trend: 'IMPROVING',
      level: 'ELEVATED',
      summary: 'Lugnare i Farsta centrum.',
      periodEnd: '2026-03-31',
      observations: newReport().observations,
    });

    const replaced = await subgraph.query(UPDATE, {
      id: report.id,
      version: 2,
      input: { observations: [{ category: 'PERCEIVED_SAFETY', level: 'NORMAL', trend: 'IMPROVING', description: 'Boende känner sig tryggare.' }] },
    }, as.writer);
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.updateSituationReport).toMatchObject({
      version: 3,
      summary: 'Lugnare i Farsta centrum.',
      observations: [{ category: 'PERCEIVED_SAFETY', level: 'NORMAL', trend: 'IMPROVING', description: 'Boende känner sig tryggare.' }],
    });

    const emptied = await subgraph.query(UPDATE, { id: report.id, version: 3, input: { observations: [] } }, as.writer);
    expect(emptied.data!.updateSituationReport).toMatchObject({ version: 4, observations: [] });
    const { data } = await subgraph.query(
      `{ situationReports(filter: { categories: [PERCEIVED_SAFETY], areaCode: "${DEMO_AREAS.farsta}" }) { totalCount } }`,
      {},
      as.writer,
    );
    expect(data!.situationReports.totalCount).toBe(0);
  });

  it('accepts up to 30 observations', async () => {
    const observations = Array.from({ length: 30 }, (_v, i) => ({ category: 'OTHER', level: 'NORMAL', trend: 'STABLE', description: `Iakttagelse ${i + 1}` }));
    const response = await subgraph.query(CREATE, { input: newReport({ observations }) }, as.writer);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createSituationReport.observations.map((o: { description: string }) => o.description)).toEqual(
      observations.map((o) => o.description),
    );
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const { id } = await create();
    const first = await subgraph.query(UPDATE, { id, version: 1, input: { summary: 'Nyare bild.' } }, as.writer);
    expect(first.errors).toBeUndefined();
    const stale = await subgraph.query(UPDATE, { id, version: 1, input: { summary: 'Äldre bild.' } }, as.writer);
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    const { data } = await subgraph.query(GET, { id }, as.writer);
    expect(data!.situationReport).toMatchObject({ summary: 'Nyare bild.', version: 2 });
  });

  const obs = (description: string, category = 'OTHER') => ({ category, level: 'NORMAL', trend: 'STABLE', description });
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';

  it.each([
    ['an invalid level', { level: 'DIRE' }, undefined],
    ['an invalid observation category', { observations: [obs('x', 'GANGS')] }, undefined],
    ['a malformed date', { periodStart: '2025-13-01' }, undefined],
    ['a date that does not exist', { periodEnd: '2026-02-30' }, undefined],
    ['a too-long summary', { summary: 'x'.repeat(4001) }, 'summary'],
    ['an empty summary', { summary: '' }, 'summary'],
    ['a too-long observation description', { observations: [obs('x'.repeat(2001))] }, 'observations.0.description'],
    ['more than 30 observations', { observations: Array.from({ length: 31 }, () => obs('x')) }, 'observations'],
    ['a malformed actor id', { reportedById: 'lpo-rinkeby' }, 'reportedById'],
    ['an invalid visibility', { visibility: 'FRIENDS' }, undefined],
    ['an unknown actor to share with', { visibility: 'SHARED', sharedWithIds: [DEMO_ACTORS.fryshuset, UNKNOWN] }, 'sharedWithIds'],
    ['a malformed actor id to share with', { visibility: 'SHARED', sharedWithIds: ['fryshuset'] }, 'sharedWithIds'],
    ['more than 50 actors to share with', { visibility: 'SHARED', sharedWithIds: Array.from({ length: 51 }, () => DEMO_ACTORS.fryshuset) }, 'sharedWithIds'],
    ['an unknown area', { areaCode: '0180-atlantis' }, 'areaCode'],
    ['a malformed area code', { areaCode: 'Stockholm' }, 'areaCode'],
    ['a period ending before it starts', { periodStart: '2026-03-01', periodEnd: '2026-02-28' }, 'periodEnd'],
    ['a personnummer in the summary', { summary: 'Pojken 120315-1234 rör sig vid torget.' }, 'summary'],
    ['a twelve-digit personnummer in the summary', { summary: 'Gäller 201203151234.' }, 'summary'],
    ['a samordningsnummer in an observation', { observations: [obs('Allmänt lugnt.'), obs('Flickan 090371-5678 har setts där.')] }, 'observations.1.description'],
  ])('refuses a new report with %s and writes nothing', async (_case, overrides, field) => {
    const before = [await count('situation_reports'), await count('observations'), await count('change_log')];
    const response = await subgraph.query(CREATE, { input: newReport(overrides) }, as.writer);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).not.toMatch(/QueryFailedError|at .*\.ts/);
    if (field) expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect([await count('situation_reports'), await count('observations'), await count('change_log')]).toEqual(before);
  });

  it('does not repeat a refused personal identity number in the error', async () => {
    const response = await subgraph.query(CREATE, { input: newReport({ summary: 'Pojken 120315-1234 rör sig vid torget.' }) }, as.writer);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).not.toMatch(/120315/);
  });

  it.each([
    ['an unknown id', UNKNOWN, { summary: 'X' }, 'NOT_FOUND'],
    ['a malformed id', 'not-a-uuid', { summary: 'X' }, 'NOT_FOUND'],
    ['a personnummer in the summary', null, { summary: 'Gäller 850709-9805.' }, 'BAD_USER_INPUT'],
    ['a personnummer in a new observation', null, { observations: [obs('Gäller 19850709-9805.')] }, 'BAD_USER_INPUT'],
    ['a period end before the current start', null, { periodEnd: '2025-12-31' }, 'BAD_USER_INPUT'],
    ['a cleared required field', null, { summary: null }, 'BAD_USER_INPUT'],
    ['a cleared visibility', null, { visibility: null }, 'BAD_USER_INPUT'],
    ['an invalid visibility', null, { visibility: 'FRIENDS' }, 'BAD_USER_INPUT'],
    ['an unknown actor to share with', null, { visibility: 'SHARED', sharedWithIds: [UNKNOWN] }, 'BAD_USER_INPUT'],
    ['more than 50 actors to share with', null, { sharedWithIds: Array.from({ length: 51 }, () => DEMO_ACTORS.fryshuset) }, 'BAD_USER_INPUT'],
    ['another reporting actor', null, { reportedById: DEMO_ACTORS.lpoRinkeby }, 'FORBIDDEN'],
    ['an unknown reporting actor', null, { reportedById: UNKNOWN }, 'FORBIDDEN'],
    ['an unknown area', null, { areaCode: '9999' }, 'BAD_USER_INPUT'],
    ['a too-long summary', null, { summary: 'x'.repeat(4001) }, 'BAD_USER_INPUT'],
  ])('refuses an update with %s and changes nothing', async (_case, givenId, input, code) => {
    const target = await create();
    const id = givenId ?? target.id;
    const before = await subgraph.query(GET, { id: target.id }, as.writer);
    const counts = [await count('observations'), await count('change_log')];
    const response = await subgraph.query(UPDATE, { id, version: 1, input }, as.writer);
    expect(errorCode(response)).toBe(code);
    expect(await subgraph.query(GET, { id: target.id }, as.writer)).toEqual(before);
    expect(before.data!.situationReport.version).toBe(1);
    expect([await count('observations'), await count('change_log')]).toEqual(counts);
  });

  it('accepts the own organisation as reporting actor, in any letter case, and refuses another', async () => {
    const own = await subgraph.query(
      CREATE,
      { input: newReport({ areaCode: DEMO_AREAS.skaggetorp, reportedById: DEMO_ACTORS.ostergotlandsStadsmission.toUpperCase() }) },
      as.stadsmission,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.createSituationReport).toMatchObject({
      areaCode: { code: DEMO_AREAS.skaggetorp },
      reportedBy: { id: DEMO_ACTORS.ostergotlandsStadsmission },
      owner: { id: DEMO_ACTORS.ostergotlandsStadsmission },
    });
    const confirmed = await subgraph.query(
      UPDATE,
      { id: own.data!.createSituationReport.id, version: 1, input: { reportedById: DEMO_ACTORS.ostergotlandsStadsmission } },
      as.stadsmission,
    );
    expect(confirmed.errors).toBeUndefined();

    const unspecified = await subgraph.query(CREATE, { input: newReport({ reportedById: null }) }, as.stadsmission);
    expect(unspecified.data!.createSituationReport).toMatchObject({ reportedBy: { id: DEMO_ACTORS.ostergotlandsStadsmission } });

    const before = [await count('situation_reports'), await count('observations'), await count('change_log')];
    for (const reportedById of [DEMO_ACTORS.lpoRinkeby, UNKNOWN]) {
      const response = await subgraph.query(CREATE, { input: newReport({ reportedById }) }, as.stadsmission);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect([await count('situation_reports'), await count('observations'), await count('change_log')]).toEqual(before);
  });

  it('shares a report with the named partners only, and names them only to its owner', async () => {
    const created = await subgraph.query(
      CREATE,
      { input: newReport({ visibility: 'SHARED', sharedWithIds: [DEMO_ACTORS.fryshuset, DEMO_ACTORS.rinkebyKistaStadsdel, DEMO_ACTORS.fryshuset] }) },
      as.writer,
    );
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.createSituationReport;
    const read = `query($id: ID!) { situationReport(id: $id) { id visibility sharedWith { id } } }`;
    const { data: owner } = await subgraph.query(read, { id }, as.writer);
    expect(owner!.situationReport).toEqual({ id, visibility: 'SHARED', sharedWith: [{ id: DEMO_ACTORS.fryshuset }, { id: DEMO_ACTORS.rinkebyKistaStadsdel }] });
    for (const who of ['ngoMember', 'municipalityOfficial'] as Who[]) {
      expect((await subgraph.query(read, { id }, as[who])).data!.situationReport).toEqual({ id, visibility: 'SHARED', sharedWith: null });
    }
    for (const who of ['public', 'policeOfficer', 'nationalCoordinator', 'administrator'] as Who[]) {
      expect((await subgraph.query(read, { id }, as[who])).data!.situationReport).toBeNull();
    }
  });
});

describe('demo data', () => {
  it('seeds idempotently, never bringing back observations that were replaced', async () => {
    const { data } = await subgraph.query(GET, { id: R.rosengardWinter2026 });
    const emptied = await subgraph.query(
      UPDATE,
      { id: R.rosengardWinter2026, version: data!.situationReport.version, input: { observations: [] } },
      as.hyresgast,
    );
    expect(emptied.errors).toBeUndefined();
    // The Stadsmission shares its Skäggetorp report with the network; a restart must not make it private again.
    const shared = await subgraph.query(UPDATE, { id: R.skaggetorpWinter, version: 1, input: { visibility: 'NETWORK' } }, as.stadsmission);
    expect(shared.errors).toBeUndefined();
    const state = () =>
      subgraph.dataSource.query('SELECT id, version, visibility, shared_with, owner_id, period_start, period_end, summary, created_at FROM situation_reports ORDER BY id');
    const before = [await count('situation_reports'), await count('observations'), await count('change_log'), await state()];
    await (await situationSubgraph.loadDemoSeed())(subgraph.dataSource);
    await seedDemoData(subgraph.dataSource, demoCalendar(calendar.days(200)));
    expect([await count('situation_reports'), await count('observations'), await count('change_log'), await state()]).toEqual(before);
    const { data: after } = await subgraph.query(GET, { id: R.rosengardWinter2026 });
    expect(after!.situationReport.observations).toEqual([]);
    expect((await subgraph.query(GET, { id: R.skaggetorpWinter }, as.ngoMember)).data!.situationReport).toMatchObject({ id: R.skaggetorpWinter });
  });

  it('gives demo reports from before ownership existed the visibility their owner chose in the demo', async () => {
    // As the migration leaves them: owned by the reporter, private, never changed since.
    await subgraph.dataSource.query(`UPDATE situation_reports SET visibility = 'OWNER', shared_with = '{}', version = 1 WHERE id = ANY($1::uuid[])`, [
      [R.angered2025, R.gottsundaAfterCrisis],
    ]);
    await (await situationSubgraph.loadDemoSeed())(subgraph.dataSource);
    const rows: Array<{ id: string; visibility: string; shared_with: string[] }> = await subgraph.dataSource.query(
      'SELECT id, visibility, shared_with FROM situation_reports WHERE id = ANY($1::uuid[]) ORDER BY id',
      [[R.angered2025, R.gottsundaAfterCrisis]],
    );
    expect(rows).toEqual([
      { id: R.angered2025, visibility: 'NETWORK', shared_with: [] },
      { id: R.gottsundaAfterCrisis, visibility: 'SHARED', shared_with: [DEMO_ACTORS.lpoUppsala] },
    ]);
  });

  it('holds a year of history, the latest reports ending with last month, written after their periods', async () => {
    type Row = { area_code: string; period_start: string; period_end: string; created_at: Date; updated_at: Date; version: number };
    const rows: Row[] = await subgraph.dataSource.query(
      `SELECT area_code, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end, created_at, updated_at, version
         FROM situation_reports WHERE id = ANY($1::uuid[]) ORDER BY area_code, period_end`,
      [[...Object.values(R), ...Object.values(J).filter((id) => id !== J.template)]],
    );
    const periods = (area: string) => rows.filter((r) => r.area_code === area).map((r) => [r.period_start, r.period_end]);
    const thirds = [[calendar.month(-12), calendar.monthEnd(-9)], [calendar.month(-8), calendar.monthEnd(-5)], [calendar.month(-4), calendar.monthEnd(-1)]];
    expect(periods(DEMO_AREAS.rinkebyKista)).toEqual(thirds);
    expect(periods(DEMO_AREAS.angered)).toEqual(thirds);
    expect(Math.max(...rows.map((r) => Date.parse(r.period_end)))).toBe(Date.parse(calendar.monthEnd(-1)));
    for (const r of rows) {
      expect(r.created_at.toISOString().slice(0, 10) > r.period_end || r.created_at.toISOString().slice(0, 10) === calendar.days(-1)).toBe(true);
      expect(r.created_at.toISOString().slice(0, 10) < calendar.today).toBe(true);
      // Unchanged since seeded, unless an earlier test here changed it.
      if (r.version === 1) expect(r.updated_at).toEqual(r.created_at);
    }
  });

  it('holds no personal identity numbers in its texts', async () => {
    const texts: Array<{ text: string }> = await subgraph.dataSource.query(
      'SELECT summary AS text FROM situation_reports UNION ALL SELECT description FROM observations',
    );
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter(({ text }) => containsPersonalIdentityNumber(text))).toEqual([]);
  });
});

describe('federation', () => {
  it('publishes its keys in _service.sdl', async () => {
    const { data } = await subgraph.query('{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/type SituationReport\s+@key\(fields: "id"\)/);
    expect(data!._service.sdl).toMatch(/type Area\s+@key\(fields: "code"\)/);
    expect(data!._service.sdl).toMatch(/type Actor\s+@key\(fields: "id"\)/);
  });

  it('resolves entity references, unknown and hidden ones to null', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SituationReport { id } } }`;
    const { data: open } = await subgraph.query(query, { r: [{ __typename: 'SituationReport', id: R.angered2025 }] });
    expect(open!._entities).toEqual([null]);
    const { data, errors } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on SituationReport { id level area { code } } ... on Area { code } ... on Actor { id } } }`,
      {
        r: [
          { __typename: 'SituationReport', id: R.angered2025 },
          { __typename: 'SituationReport', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'SituationReport', id: 'nope' },
          { __typename: 'Area', code: DEMO_AREAS.angered },
          { __typename: 'Actor', id: DEMO_ACTORS.lpoGoteborgNordost },
        ],
      },
      as.ngoMember,
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { id: R.angered2025, level: 'ELEVATED', area: { code: DEMO_AREAS.angered } },
      null,
      null,
      { code: DEMO_AREAS.angered },
      { id: DEMO_ACTORS.lpoGoteborgNordost },
    ]);
  });
});
