import { Client } from 'pg';
import { DEMO_ACTORS } from '@samverkan/demo';
import { currentMonth, monthsUntil, Role } from '@samverkan/federation';
import { bearer, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * `Figures.activities` through the gateway, as a dashboard asks for it: one month's figures against a
 * recount from the activities database, a county table and a two-year series in one SQL statement
 * of the activities subgraph each, and a bad month refused.
 */
let federation: TestFederation;
let national: Record<string, string>;
const MONTH = currentMonth();

beforeAll(async () => {
  federation = await startFederation({ SAMVERKAN_SQL_STATS: 'true' });
  national = await bearer(DEMO_ACTORS.skr, [Role.NATIONAL_COORDINATOR]);
}, 180000);
afterAll(() => federation?.stop());

/** Activities of the demo data taking place in the month in the area, over all records or PUBLIC ones. */
async function recount(areaCode: string, month: string, publicOnly: boolean): Promise<{ total: number; kinds: Record<string, number> }> {
  const client = new Client({ connectionString: federation.databases.activities });
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; count: number }>(
      `SELECT kind, count(*)::int AS count FROM activities
       WHERE ($1 = 'SE' OR area_code = $1 OR area_code LIKE $1 || '%')
         AND starts_on <= (to_date($2, 'YYYY-MM') + interval '1 month' - interval '1 day')::date
         AND (ends_on IS NULL OR ends_on >= to_date($2, 'YYYY-MM'))
         AND (NOT $3 OR visibility = 'PUBLIC')
       GROUP BY kind`,
      [areaCode, month, publicOnly],
    );
    return { total: rows.reduce((sum, row) => sum + row.count, 0), kinds: Object.fromEntries(rows.map((row) => [row.kind, row.count])) };
  } finally {
    await client.end();
  }
}

const FIGURES = `query($areaCode: ID!, $month: String) { figures(areaCode: $areaCode, month: $month) {
  basis activities { total { value suppressed } byKind { kind count { value suppressed } } } } }`;

it("gives a national coordinator and the public Sweden's activities of the month, every one, exactly", async () => {
  const signedIn = await federation.query(FIGURES, { areaCode: 'SE', month: MONTH }, national);
  expect(signedIn.errors).toBeUndefined();
  const all = await recount('SE', MONTH, false);
  const publicOnly = await recount('SE', MONTH, true);
  // The demo data has activities this month, some of them with internal fields that are not public.
  expect(all.total).toBeGreaterThan(publicOnly.total);
  expect(signedIn.data!.figures.basis).toBe('ALL_RECORDS');
  expect(signedIn.data!.figures.activities.total).toEqual({ value: all.total, suppressed: false });
  for (const { kind, count } of signedIn.data!.figures.activities.byKind) {
    expect([kind, count]).toEqual([kind, { value: all.kinds[kind] ?? 0, suppressed: false }]);
  }
  const anonymous = await federation.query(FIGURES, { areaCode: 'SE', month: MONTH });
  expect(anonymous.errors).toBeUndefined();
  expect(anonymous.data!.figures.basis).toBe('PUBLIC_RECORDS');
  expect(anonymous.data!.figures.activities).toEqual(signedIn.data!.figures.activities);
}, 60000);

it('answers the county table and a two-year series with one statement of the activities subgraph each', async () => {
  const countyTable = await federation.query(
    `query($month: String) { areas(filter: { kinds: [COUNTY] }, first: 21) { nodes { code
      figures(month: $month) { activities { total { value suppressed } byKind { kind count { value } } byTargetGroup { count { value } } byPolicePurpose { purpose count { value } } } } } } }`,
    { month: MONTH },
    national,
  );
  expect(countyTable.errors).toBeUndefined();
  const counties = countyTable.data!.areas.nodes as Array<{ code: string; figures: { activities: { total: { value: number | null } } } }>;
  expect(counties).toHaveLength(21);
  expect(counties.every((county) => county.figures.activities !== null)).toBe(true);
  expect((countyTable.extensions!.sqlStatements as Record<string, number>).activities).toBe(1);

  const series = await federation.query(
    `query { figureSeries(areaCode: "01", months: 24) { month activities { total { value suppressed } } } }`,
    {},
    national,
  );
  expect(series.errors).toBeUndefined();
  expect(series.data!.figureSeries.map((figures: { month: string }) => figures.month)).toEqual(monthsUntil(MONTH, 24));
  expect((series.extensions!.sqlStatements as Record<string, number>).activities).toBe(1);
}, 60000);

it('refuses a month that is none with BAD_USER_INPUT', async () => {
  const response = await federation.query(FIGURES, { areaCode: '01', month: '2026-13' }, national);
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
