import { Client } from 'pg';
import { DEMO_ACTORS as A, DEMO_AREAS } from '@samverkan/demo';
import { addMonths, currentMonth, lastDayOf, Role } from '@samverkan/federation';
import { bearer, errorCode, GraphQLResponse, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * The situation picture's figures through the gateway, as a national dashboard asks for them: a
 * county table and a 24-month series, each figure against a recount from the situation database
 * (hidden reports of other organisations included for a signed-in viewer, PUBLIC ones only for the
 * public), their cost in statements, and one picture for every party where their latest reports differ.
 */
let federation: TestFederation;
let db: Client;
let coordinator: Record<string, string>;
const LEVELS = ['NORMAL', 'ELEVATED', 'HIGH', 'CRITICAL'];
const MONTH = addMonths(currentMonth(), -2);

beforeAll(async () => {
  federation = await startFederation({ SAMVERKAN_SQL_STATS: 'true' });
  coordinator = await bearer(A.skr, [Role.NATIONAL_COORDINATOR]);
  db = new Client({ connectionString: federation.databases.situation });
  await db.connect();
  // Reports of three organisations in Stockholm's and Göteborg's municipalities, every visibility, over the last months.
  const areas = ['0180', '0180-spanga-tensta', '0180-farsta', '0114', '0163', '1480', '1480-angered', '1481', '01', '14'];
  const owners = [A.lpoRinkeby, A.fryshuset, A.hyresgastforeningen];
  const visibilities = ['PUBLIC', 'NETWORK', 'SHARED', 'OWNER'];
  let n = 0;
  for (const area of areas) {
    for (let back = 0; back < 6; back++) {
      for (let i = 0; i < 1 + ((n * 7) % 4); i++, n++) {
        const month = addMonths(currentMonth(), -back - 1);
        await db.query(
          `INSERT INTO situation_reports (area_code, period_start, period_end, reported_by_id, owner_id, level, trend, summary, version, visibility)
           VALUES ($1, $2, $3, $4, $4, $5, 'STABLE', 'Genererad lägesbild för test.', 1, $6)`,
          [area, `${month}-01`, lastDayOf(month), owners[n % 3], LEVELS[(n * 5) % 4], visibilities[(n * 3) % 4]],
        );
      }
    }
  }
}, 180000);
afterAll(async () => {
  await db?.end();
  await federation?.stop();
});

interface Count {
  value: number | null;
  suppressed: boolean;
}
interface SituationFigures {
  reports: Count;
  byLevel: Array<{ level: string; count: Count }>;
  reportedAreas: Count;
  latestByLevel: Array<{ level: string; count: Count }>;
  trend: string | null;
}

const SITUATION = `situation { reports { value suppressed } byLevel { level count { value suppressed } }
  reportedAreas { value suppressed } latestByLevel { level count { value suppressed } } trend }`;

/** The recount from the situation database: reports overlapping the month by level, and areas by their latest report's level. */
async function recount(code: string, month: string, onlyPublic: boolean): Promise<number[]> {
  const within = `($1 = 'SE' OR area_code = $1 OR (length($1) IN (2, 4) AND left(area_code, length($1)) = $1))`;
  const basis = onlyPublic ? `AND visibility = 'PUBLIC'` : '';
  const reports = (
    await db.query(
      `SELECT level, count(*)::int AS n FROM situation_reports WHERE ${within} AND period_start <= $3 AND period_end >= $2 ${basis} GROUP BY level`,
      [code, `${month}-01`, lastDayOf(month)],
    )
  ).rows as Array<{ level: string; n: number }>;
  const asOf = month === currentMonth() ? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()) : lastDayOf(month);
  const latest = (
    await db.query(
      `SELECT level, count(*)::int AS n FROM (
         SELECT DISTINCT ON (area_code) area_code, level FROM situation_reports WHERE period_start <= $2 ${basis}
          ORDER BY area_code, period_end DESC, created_at DESC, id DESC) l
        WHERE ${within} GROUP BY level`,
      [code, asOf],
    )
  ).rows as Array<{ level: string; n: number }>;
  const of = (rows: Array<{ level: string; n: number }>, level: string) => rows.find((r) => r.level === level)?.n ?? 0;
  const sum = (rows: Array<{ n: number }>) => rows.reduce((total, r) => total + r.n, 0);
  return [sum(reports), ...LEVELS.map((l) => of(reports, l)), sum(latest), ...LEVELS.map((l) => of(latest, l))];
}

const cells = (s: SituationFigures): Count[] => [s.reports, ...s.byLevel.map((c) => c.count), s.reportedAreas, ...s.latestByLevel.map((c) => c.count)];

/** Every published count equals the recount; suppressed ones carry no value. Returns how many were published. */
async function expectRecounted(code: string, month: string, situation: SituationFigures, onlyPublic: boolean): Promise<number> {
  const expected = await recount(code, month, onlyPublic);
  const found = cells(situation);
  expect(found.map((c, i) => [code, month, i, c.suppressed ? null : c.value])).toEqual(
    found.map((c, i) => [code, month, i, c.suppressed ? null : expected[i]]),
  );
  for (const c of found) if (c.suppressed) expect(c.value).toBeNull();
  if (onlyPublic) expect(found.every((c) => !c.suppressed)).toBe(true);
  return found.filter((c) => !c.suppressed).length;
}

describe('situation figures through the gateway', () => {
  const COUNTY_TABLE = `query($m: String) { area(code: "SE") { children { code figures(month: $m) { basis ${SITUATION} } } } }`;

  it('gives a national coordinator a county table over every report, with small counts suppressed, and the public one over public reports', async () => {
    for (const [headers, onlyPublic, basis] of [[coordinator, false, 'ALL_RECORDS'], [{}, true, 'PUBLIC_RECORDS']] as const) {
      const response = await federation.query(COUNTY_TABLE, { m: MONTH }, headers);
      expect(response.errors).toBeUndefined();
      const counties = response.data!.area.children as Array<{ code: string; figures: { basis: string; situation: SituationFigures } }>;
      expect(counties).toHaveLength(21);
      let published = 0;
      for (const county of counties) {
        expect(county.figures.basis).toBe(basis);
        published += await expectRecounted(county.code, MONTH, county.figures.situation, onlyPublic);
      }
      expect(published).toBeGreaterThan(0);
    }
    // The coordinator's Stockholm count includes reports it may not read.
    const stockholm = (await federation.query(COUNTY_TABLE, { m: MONTH }, coordinator)).data!.area.children.find((c: { code: string }) => c.code === '01');
    const readable = (
      await db.query(
        `SELECT count(*)::int AS n FROM situation_reports WHERE left(area_code, 2) = '01' AND period_start <= $2 AND period_end >= $1
           AND (visibility IN ('PUBLIC', 'NETWORK') OR owner_id = $3 OR (visibility = 'SHARED' AND $3 = ANY(shared_with)))`,
        [`${MONTH}-01`, lastDayOf(MONTH), A.skr],
      )
    ).rows[0].n;
    expect(stockholm.figures.situation.reports.value).toBeGreaterThan(readable);
  });

  it('gives a 24-month series of a county, each month against its recount, in the statements one month costs', async () => {
    const series = async (months: number) => {
      const response = await federation.query(
        `query($months: Int) { figureSeries(areaCode: "01", months: $months) { month ${SITUATION} } }`,
        { months },
        coordinator,
      );
      expect(response.errors).toBeUndefined();
      return response;
    };
    const long = await series(24);
    const figures = long.data!.figureSeries as Array<{ month: string; situation: SituationFigures }>;
    expect(figures).toHaveLength(24);
    for (const f of figures) await expectRecounted('01', f.month, f.situation, false);
    expect(figures.some((f) => f.situation.trend !== null || !f.situation.reports.suppressed)).toBe(true);
    const statements = (response: Awaited<ReturnType<typeof series>>) => (response.extensions!.sqlStatements as Record<string, number>).situation;
    expect(statements(long)).toBe(statements(await series(1)));
    // And a county table costs the same as one county.
    const table = await federation.query(COUNTY_TABLE, { m: MONTH }, coordinator);
    const one = await federation.query(`query($m: String) { figures(areaCode: "01", month: $m) { ${SITUATION} } }`, { m: MONTH }, coordinator);
    expect((table.extensions!.sqlStatements as Record<string, number>).situation).toBe((one.extensions!.sqlStatements as Record<string, number>).situation);
  });

  it('refuses a bad month with BAD_USER_INPUT', async () => {
    for (const month of ['2025-13', '2025-1', 'maj']) {
      const response = await fetch(federation.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...coordinator },
        body: JSON.stringify({ query: `query($m: String) { figures(areaCode: "01", month: $m) { ${SITUATION} } }`, variables: { m: month } }),
      });
      const body = (await response.json()) as GraphQLResponse<{ figures: unknown }>;
      expect([month, errorCode(body)]).toEqual([month, 'BAD_USER_INPUT']);
      expect(body.data?.figures ?? null).toBeNull();
    }
  });
});

describe('latest situation report per district', () => {
  it("gives parties who see different latest reports of Rinkeby-Kista one and the same picture in figures, and says nothing of hidden reports", async () => {
    const QUERY = `{ area(code: "${DEMO_AREAS.rinkebyKista}") {
      latestSituationReport { id level trend }
      parent { figures { situation { reportedAreas { value suppressed } latestByLevel { level count { value suppressed } } } } }
      figures { situation { reportedAreas { value suppressed } latestByLevel { level count { value suppressed } } } }
    } }`;
    // The demo's latest Rinkeby-Kista report is shared with the district administration and Fryshuset only.
    const ask = async (headers: Record<string, string>) => {
      const response = await federation.query(QUERY, {}, headers);
      expect(response.errors).toBeUndefined();
      return response.data!.area as { latestSituationReport: { id: string } | null; figures: unknown; parent: { figures: unknown } };
    };
    const national = await ask(coordinator);
    const partner = await ask(await bearer(A.fryshuset, [Role.MEMBER]));
    expect(national.latestSituationReport).not.toBeNull();
    expect(partner.latestSituationReport!.id).not.toBe(national.latestSituationReport!.id);
    // Figures count every party's reports alike: the same for both, whatever each may read.
    expect(partner.figures).toEqual(national.figures);
    expect(partner.parent.figures).toEqual(national.parent.figures);
    // One district is one area: its latest level is a count of one, so it is suppressed, never shown.
    expect(JSON.stringify(national.figures)).not.toContain('"value":1');
  });
});
