import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/shared';
import { situationSubgraph } from '../src';
import { containsPersonalIdentityNumber } from '../src/personal-identity';
import { DEMO_SITUATION_REPORTS as R } from '../src/seed';
import { errorCode, GraphQLResponse } from '../../../tests/support/graphql';
import { startTestSubgraph, TestSubgraph } from '../../../tests/support/subgraph';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph);
});
afterAll(() => subgraph?.stop());

const count = async (table: 'situation_reports' | 'observations') =>
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

/** Ids of all reports matching a filter (one page of up to 100). */
async function idsFor(filter: Record<string, unknown>): Promise<string[]> {
  const response = await subgraph.query(LIST, { filter, first: 100 });
  expect(response.errors).toBeUndefined();
  return response.data!.situationReports.nodes.map((n: Node) => n.id);
}

const sorted = (ids: string[]) => [...ids].sort();

const CREATE = `mutation($input: CreateSituationReportInput!) {
  createSituationReport(input: $input) {
    id version areaCode: area { code } reportedBy { id } periodStart periodEnd level trend summary
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

const newReport = (overrides: Record<string, unknown> = {}) => ({
  areaCode: DEMO_AREAS.farsta,
  reportedById: DEMO_ACTORS.safeTrygghetsvardar,
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

async function create(overrides: Record<string, unknown> = {}) {
  const response = await subgraph.query(CREATE, { input: newReport(overrides) });
  expect(response.errors).toBeUndefined();
  return response.data!.createSituationReport as { id: string; version: number };
}

describe('reading the situation picture', () => {
  it('returns a report with its area, author and observations in order', async () => {
    const { data } = await subgraph.query(
      `query($id: ID!) { situationReport(id: $id) {
        id area { code } reportedBy { id } periodStart periodEnd level trend summary
        observations { category level trend description } } }`,
      { id: R.gottsundaAfterCrisis },
    );
    const report = data!.situationReport;
    expect(report).toMatchObject({
      id: R.gottsundaAfterCrisis,
      area: { code: DEMO_AREAS.gottsunda },
      reportedBy: { id: DEMO_ACTORS.uppsalaKommun },
      level: 'HIGH',
    });
    expect(report.summary).toMatch(/trippelmordet i Uppsala/);
    expect(report.observations[0]).toMatchObject({ category: 'CRISIS', level: 'HIGH' });
    expect(report.observations[0].description).toMatch(/civilsamhället/);
    expect(report.periodEnd >= report.periodStart).toBe(true);
  });

  it('returns null for an unknown or malformed id', async () => {
    const { data, errors } = await subgraph.query(`{ a: situationReport(id: "00000000-0000-4000-8000-000000000000") { id } b: situationReport(id: "nope") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  it('lists all reports, newest period first, then by id', async () => {
    const { data } = await subgraph.query(LIST, { first: 100 });
    const nodes: Node[] = data!.situationReports.nodes;
    expect(data!.situationReports.totalCount).toBe(await count('situation_reports'));
    expect(nodes).toHaveLength(Object.keys(R).length);
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1], nodes[i]];
      expect(a.periodEnd > b.periodEnd || (a.periodEnd === b.periodEnd && a.id > b.id)).toBe(true);
    }
  });

  it('filters by area, sub-areas included', async () => {
    expect(sorted(await idsFor({ areaCode: DEMO_AREAS.stockholm }))).toEqual(sorted([R.rinkebyKistaSpring2025, R.rinkebyKistaAutumn2025]));
    expect(sorted(await idsFor({ areaCode: DEMO_AREAS.stockholmsLan }))).toEqual(sorted([R.rinkebyKistaSpring2025, R.rinkebyKistaAutumn2025]));
    expect(await idsFor({ areaCode: DEMO_AREAS.angered })).toEqual([R.angered2025]);
    expect(await idsFor({ areaCode: DEMO_AREAS.farsta })).toEqual([]);
    expect(sorted(await idsFor({ areaCode: DEMO_AREAS.sweden }))).toEqual(sorted(Object.values(R)));
  });

  it('filters by level, trend, observation category and author', async () => {
    expect(await idsFor({ levels: ['HIGH'] })).toEqual([R.gottsundaAfterCrisis]);
    expect(sorted(await idsFor({ levels: ['NORMAL', 'HIGH'] }))).toEqual(sorted([R.rosengardWinter2026, R.gottsundaAfterCrisis]));
    expect(await idsFor({ levels: ['CRITICAL'] })).toEqual([]);
    expect(sorted(await idsFor({ trends: ['WORSENING'] }))).toEqual(sorted([R.rinkebyKistaSpring2025, R.gottsundaAfterCrisis]));
    expect(await idsFor({ categories: ['CRISIS'] })).toEqual([R.gottsundaAfterCrisis]);
    expect(sorted(await idsFor({ categories: ['SCHOOL_ABSENCE', 'CONFLICTS'] }))).toEqual(sorted([R.angered2025, R.rosengardWinter2026]));
    expect(await idsFor({ reportedById: DEMO_ACTORS.hyresgastforeningen })).toEqual([R.rosengardWinter2026]);
    expect(await idsFor({ reportedById: DEMO_ACTORS.lpoRinkeby })).toEqual([R.rinkebyKistaAutumn2025, R.rinkebyKistaSpring2025]);
    expect(await idsFor({ areaCode: DEMO_AREAS.stockholm, trends: ['IMPROVING'] })).toEqual([R.rinkebyKistaAutumn2025]);
  });

  it('filters by a date range overlapping the period, open ends allowed', async () => {
    expect(sorted(await idsFor({ from: '2025-07-01', to: '2025-08-31' }))).toEqual(
      sorted([R.rinkebyKistaAutumn2025, R.angered2025, R.gottsundaAfterCrisis]),
    );
    expect(sorted(await idsFor({ from: '2026-01-01' }))).toEqual(sorted([R.skaggetorpWinter, R.rosengardWinter2026]));
    expect(sorted(await idsFor({ to: '2025-06-30' }))).toEqual(sorted([R.rinkebyKistaSpring2025, R.gottsundaAfterCrisis]));
    // The boundaries are inclusive: a period starting or ending on the day overlaps it.
    expect(sorted(await idsFor({ from: '2025-05-01', to: '2025-05-01' }))).toEqual(sorted([R.rinkebyKistaSpring2025, R.gottsundaAfterCrisis]));
    expect(sorted(await idsFor({ from: '2025-10-31', to: '2025-10-31' }))).toEqual(
      sorted([R.rinkebyKistaAutumn2025, R.angered2025, R.gottsundaAfterCrisis, R.skaggetorpWinter]),
    );
    expect(sorted(await idsFor({ from: '2025-11-01', to: '2025-11-01' }))).toEqual(sorted([R.rinkebyKistaAutumn2025, R.angered2025, R.skaggetorpWinter]));
  });

  it('finds reports by text in the summary, case-insensitively and literally', async () => {
    expect(await idsFor({ text: 'fritidskortet' })).toEqual([R.skaggetorpWinter]);
    expect(await idsFor({ text: '%' })).toEqual([]);
  });

  it('refuses bad filters', async () => {
    for (const filter of [{ from: '2026-01-01', to: '2025-01-01' }, { from: '2025-02-30' }, { areaCode: 'Stockholm' }, { reportedById: 'nope' }, { levels: ['DIRE'] }]) {
      const response = await subgraph.query(LIST, { filter });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    }
  });

  it('pages with cursors, without gaps or repeats', async () => {
    const { data: all } = await subgraph.query(LIST, { first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const response: GraphQLResponse<any> = await subgraph.query(LIST, { first: 2, after }); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(response.errors).toBeUndefined();
      const page = response.data!.situationReports;
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes.map((n: Node) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all!.situationReports.nodes.map((n: Node) => n.id));
    expect(new Set(seen).size).toBe(await count('situation_reports'));
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

  it('gives the latest report of exactly the area, and the area\'s reports newest first', async () => {
    const { data, errors } = await subgraph.query(AREAS, {
      r: areaRefs(DEMO_AREAS.rinkebyKista, DEMO_AREAS.stockholm, DEMO_AREAS.gottsunda, DEMO_AREAS.farsta),
    });
    expect(errors).toBeUndefined();
    const [rinkeby, stockholm, gottsunda, farsta] = data!._entities;
    // Two reports for Rinkeby-Kista: the autumn one (ELEVATED, IMPROVING) is the current picture.
    expect(rinkeby.latestSituationReport).toMatchObject({ id: R.rinkebyKistaAutumn2025, level: 'ELEVATED', trend: 'IMPROVING' });
    expect(rinkeby.within.map((r: Node) => r.id)).toEqual([R.rinkebyKistaAutumn2025, R.rinkebyKistaSpring2025]);
    // Stockholm has no report of its own, only its district's.
    expect(stockholm.latestSituationReport).toBeNull();
    expect(stockholm.within.map((r: Node) => r.id)).toEqual([R.rinkebyKistaAutumn2025, R.rinkebyKistaSpring2025]);
    expect(gottsunda.latestSituationReport.id).toBe(R.gottsundaAfterCrisis);
    expect(gottsunda.latestSituationReport.observations.map((o: { category: string }) => o.category)).toContain('CRISIS');
    expect(farsta).toEqual({ code: DEMO_AREAS.farsta, latestSituationReport: null, within: [], overlapping: [] });
  });

  it('batches the latest reports and their observations for many areas', async () => {
    const previous = process.env.SAMVERKAN_SQL_STATS;
    process.env.SAMVERKAN_SQL_STATS = 'on';
    try {
      const response = await subgraph.query(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { code latestSituationReport { id observations { category } } } } }`,
        { r: areaRefs(...Object.values(DEMO_AREAS)) },
      );
      expect(response.errors).toBeUndefined();
      const latest = response.data!._entities.filter((a: { latestSituationReport: unknown }) => a.latestSituationReport);
      expect(latest).toHaveLength(5); // Rinkeby-Kista, Angered, Gottsunda, Skäggetorp, Rosengård
      // One statement for the latest reports of all areas, one for all their observations.
      expect(response.extensions?.sqlStatements).toBe(2);
    } finally {
      process.env.SAMVERKAN_SQL_STATS = previous;
    }
  });

  it('lists the reports an actor wrote, newest period first', async () => {
    const { data, errors } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { id situationReports { id } } } }`,
      {
        r: [
          { __typename: 'Actor', id: DEMO_ACTORS.lpoRinkeby },
          { __typename: 'Actor', id: DEMO_ACTORS.ostergotlandsStadsmission },
          { __typename: 'Actor', id: DEMO_ACTORS.fryshuset },
          { __typename: 'Actor', id: 'nope' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.map((a: { situationReports: Node[] }) => a.situationReports.map((r) => r.id))).toEqual([
      [R.rinkebyKistaAutumn2025, R.rinkebyKistaSpring2025],
      [R.skaggetorpWinter],
      [],
      [],
    ]);
  });

  it('includes reports about wider areas with scope OVERLAPPING', async () => {
    const municipal = await create({
      areaCode: DEMO_AREAS.stockholm,
      reportedById: DEMO_ACTORS.stockholmsStad,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      summary: 'Stockholms stads samlade lägesbild för 2025.',
    });
    expect(sorted(await idsFor({ areaCode: DEMO_AREAS.rinkebyKista }))).toEqual(sorted([R.rinkebyKistaSpring2025, R.rinkebyKistaAutumn2025]));
    expect(sorted(await idsFor({ areaCode: DEMO_AREAS.rinkebyKista, areaScope: 'OVERLAPPING' }))).toEqual(
      sorted([R.rinkebyKistaSpring2025, R.rinkebyKistaAutumn2025, municipal.id]),
    );
    const { data } = await subgraph.query(AREAS, { r: areaRefs(DEMO_AREAS.rinkebyKista, DEMO_AREAS.stockholm) });
    const [rinkeby, stockholm] = data!._entities;
    expect(sorted(rinkeby.overlapping.map((r: Node) => r.id))).toEqual(sorted([R.rinkebyKistaSpring2025, R.rinkebyKistaAutumn2025, municipal.id]));
    expect(rinkeby.within.map((r: Node) => r.id)).toEqual([R.rinkebyKistaAutumn2025, R.rinkebyKistaSpring2025]);
    // The municipality's own report is now its latest; the district keeps its own.
    expect(stockholm.latestSituationReport.id).toBe(municipal.id);
    expect(rinkeby.latestSituationReport.id).toBe(R.rinkebyKistaAutumn2025);
  });
});

describe('latest report', () => {
  const latestOf = async (code: string) => {
    const { data } = await subgraph.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { latestSituationReport { id } } } }`, {
      r: [{ __typename: 'Area', code }],
    });
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
    const moved = await subgraph.query(UPDATE, { id: first.id, version: first.version, input: { periodEnd: '2026-04-30' } });
    expect(moved.errors).toBeUndefined();
    expect(await latestOf(area)).toBe(first.id);
  });
});

describe('changing reports', () => {
  it('creates a report and updates it, bumping the version and replacing observations only when given', async () => {
    const before = await count('situation_reports');
    const created = await subgraph.query(CREATE, { input: newReport() });
    expect(created.errors).toBeUndefined();
    const report = created.data!.createSituationReport;
    expect(report).toMatchObject({
      version: 1,
      areaCode: { code: DEMO_AREAS.farsta },
      reportedBy: { id: DEMO_ACTORS.safeTrygghetsvardar },
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      observations: newReport().observations,
    });
    expect(await count('situation_reports')).toBe(before + 1);

    const updated = await subgraph.query(UPDATE, { id: report.id, version: 1, input: { trend: 'IMPROVING', summary: 'Lugnare i Farsta centrum.' } });
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
    });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.updateSituationReport).toMatchObject({
      version: 3,
      summary: 'Lugnare i Farsta centrum.',
      observations: [{ category: 'PERCEIVED_SAFETY', level: 'NORMAL', trend: 'IMPROVING', description: 'Boende känner sig tryggare.' }],
    });

    const emptied = await subgraph.query(UPDATE, { id: report.id, version: 3, input: { observations: [] } });
    expect(emptied.data!.updateSituationReport).toMatchObject({ version: 4, observations: [] });
    const { data } = await subgraph.query(`{ situationReports(filter: { categories: [PERCEIVED_SAFETY], areaCode: "${DEMO_AREAS.farsta}" }) { totalCount } }`);
    expect(data!.situationReports.totalCount).toBe(0);
  });

  it('accepts up to 30 observations', async () => {
    const observations = Array.from({ length: 30 }, (_v, i) => ({ category: 'OTHER', level: 'NORMAL', trend: 'STABLE', description: `Iakttagelse ${i + 1}` }));
    const response = await subgraph.query(CREATE, { input: newReport({ observations }) });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createSituationReport.observations.map((o: { description: string }) => o.description)).toEqual(
      observations.map((o) => o.description),
    );
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const { id } = await create();
    const first = await subgraph.query(UPDATE, { id, version: 1, input: { summary: 'Nyare bild.' } });
    expect(first.errors).toBeUndefined();
    const stale = await subgraph.query(UPDATE, { id, version: 1, input: { summary: 'Äldre bild.' } });
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    const { data } = await subgraph.query(GET, { id });
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
    ['an unknown actor', { reportedById: UNKNOWN }, 'reportedById'],
    ['a malformed actor id', { reportedById: 'lpo-rinkeby' }, 'reportedById'],
    ['an unknown area', { areaCode: '0180-atlantis' }, 'areaCode'],
    ['a malformed area code', { areaCode: 'Stockholm' }, 'areaCode'],
    ['a period ending before it starts', { periodStart: '2026-03-01', periodEnd: '2026-02-28' }, 'periodEnd'],
    ['a personnummer in the summary', { summary: 'Pojken 120315-1234 rör sig vid torget.' }, 'summary'],
    ['a twelve-digit personnummer in the summary', { summary: 'Gäller 201203151234.' }, 'summary'],
    ['a samordningsnummer in an observation', { observations: [obs('Allmänt lugnt.'), obs('Flickan 090371-5678 har setts där.')] }, 'observations.1.description'],
  ])('refuses a new report with %s and writes nothing', async (_case, overrides, field) => {
    const before = [await count('situation_reports'), await count('observations')];
    const response = await subgraph.query(CREATE, { input: newReport(overrides) });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).not.toMatch(/QueryFailedError|at .*\.ts/);
    if (field) expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect([await count('situation_reports'), await count('observations')]).toEqual(before);
  });

  it('does not repeat a refused personal identity number in the error', async () => {
    const response = await subgraph.query(CREATE, { input: newReport({ summary: 'Pojken 120315-1234 rör sig vid torget.' }) });
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
    ['an unknown actor', null, { reportedById: UNKNOWN }, 'BAD_USER_INPUT'],
    ['an unknown area', null, { areaCode: '9999' }, 'BAD_USER_INPUT'],
    ['a too-long summary', null, { summary: 'x'.repeat(4001) }, 'BAD_USER_INPUT'],
  ])('refuses an update with %s and changes nothing', async (_case, givenId, input, code) => {
    const target = await create();
    const id = givenId ?? target.id;
    const before = await subgraph.query(GET, { id: target.id });
    const observationsBefore = await count('observations');
    const response = await subgraph.query(UPDATE, { id, version: 1, input });
    expect(errorCode(response)).toBe(code);
    expect(await subgraph.query(GET, { id: target.id })).toEqual(before);
    expect(before.data!.situationReport.version).toBe(1);
    expect(await count('observations')).toBe(observationsBefore);
  });

  it('checks the reporting actor and area against the actors registry', async () => {
    const { data, errors } = await subgraph.query(CREATE, {
      input: newReport({ areaCode: DEMO_AREAS.skaggetorp, reportedById: DEMO_ACTORS.ostergotlandsStadsmission }),
    });
    expect(errors).toBeUndefined();
    expect(data!.createSituationReport).toMatchObject({ areaCode: { code: DEMO_AREAS.skaggetorp }, reportedBy: { id: DEMO_ACTORS.ostergotlandsStadsmission } });
  });
});

describe('demo data', () => {
  it('seeds idempotently, never bringing back observations that were replaced', async () => {
    const { data } = await subgraph.query(GET, { id: R.rosengardWinter2026 });
    const emptied = await subgraph.query(UPDATE, { id: R.rosengardWinter2026, version: data!.situationReport.version, input: { observations: [] } });
    expect(emptied.errors).toBeUndefined();
    const before = [await count('situation_reports'), await count('observations')];
    await situationSubgraph.seedDemoData(subgraph.dataSource);
    expect([await count('situation_reports'), await count('observations')]).toEqual(before);
    const { data: after } = await subgraph.query(GET, { id: R.rosengardWinter2026 });
    expect(after!.situationReport.observations).toEqual([]);
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

  it('resolves entity references, unknown ones to null', async () => {
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
