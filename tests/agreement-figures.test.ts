import { Client } from 'pg';
import { DEMO_ACTORS } from '@samverkan/demo';
import { Role, todayInSweden } from '@samverkan/federation';
import { bearer, graphql, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * `Figures.agreements` through the gateway, as a dashboard asks for it: a county table and a national
 * series, joined with the actors subgraph's Figures, equal to the agreements subgraph's own answer and
 * to a recount of its database, in the same statements for one Figures entity as for 21 or 24.
 */
let federation: TestFederation;
let signedIn: Record<string, string>;

beforeAll(async () => {
  federation = await startFederation({ SAMVERKAN_SQL_STATS: 'true' });
  signedIn = await bearer(DEMO_ACTORS.skr, [Role.NATIONAL_COORDINATOR]);
}, 180000);
afterAll(() => federation?.stop());

const COUNT = '{ value suppressed }';
const AGREEMENTS = `agreements { active ${COUNT} activeByKind { kind count ${COUNT} } activeByEnding { ending count ${COUNT} }
  byStatus { status count ${COUNT} } municipalitiesWithPoliceAndCivilSociety ${COUNT} }`;

/** The agreements subgraph's own answer for these keys, through its `_entities`. */
async function direct(keys: Array<{ areaCode: string; month: string }>, headers: Record<string, string>) {
  const response = await graphql<{ _entities: Array<{ agreements: unknown }> }>(
    federation.subgraphs.agreements.url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Figures { ${AGREEMENTS} } } }`,
    { r: keys.map((key) => ({ __typename: 'Figures', ...key })) },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return response.data!._entities.map((entity) => entity.agreements);
}

const agreementStatements = (response: { extensions?: Record<string, unknown> }) => (response.extensions!.sqlStatements as Record<string, number>).agreements;

it("answers a county table's agreement columns as the agreements subgraph does, in the statements of one county", async () => {
  for (const headers of [{}, signedIn]) {
    const table = await federation.query(`{ area(code: "SE") { children { code figures { areaCode month basis ${AGREEMENTS} } } } }`, {}, headers);
    expect(table.errors).toBeUndefined();
    const counties = table.data!.area.children as Array<{ code: string; figures: { areaCode: string; month: string; basis: string; agreements: unknown } }>;
    expect(counties).toHaveLength(21);
    expect(counties[0].figures.basis).toBe(headers === signedIn ? 'ALL_RECORDS' : 'PUBLIC_RECORDS');
    expect(counties.map((county) => county.figures.agreements)).toEqual(await direct(counties.map(({ figures }) => figures), headers));
    const one = await federation.query(`{ figures(areaCode: "01") { ${AGREEMENTS} } }`, {}, headers);
    expect(one.errors).toBeUndefined();
    expect(agreementStatements(table)).toBe(agreementStatements(one));
  }
}, 60000);

it('answers the national 24-month series in the statements of one month', async () => {
  const series = await federation.query(`{ figureSeries(areaCode: "SE") { month ${AGREEMENTS} } }`, {}, signedIn);
  expect(series.errors).toBeUndefined();
  const months = series.data!.figureSeries as Array<{ month: string; agreements: unknown }>;
  expect(months).toHaveLength(24);
  expect(months.at(-1)!.month).toBe(todayInSweden().slice(0, 7));
  expect(months.map((month) => month.agreements)).toEqual(await direct(months.map(({ month }) => ({ areaCode: 'SE', month })), signedIn));
  const one = await federation.query(`{ figures(areaCode: "SE") { ${AGREEMENTS} } }`, {}, signedIn);
  expect(agreementStatements(series)).toBe(agreementStatements(one));
}, 60000);

it("counts Sweden's active agreements today as a recount of the database does: public ones for the public, all for a signed-in viewer", async () => {
  const client = new Client({ connectionString: federation.databases.agreements });
  await client.connect();
  const recount = async (publicOnly: boolean) =>
    Number(
      (
        await client.query(
          `SELECT count(*) FROM agreements WHERE status = 'ACTIVE' AND starts_on <= $1 AND (ends_on IS NULL OR ends_on >= $1) AND ($2 OR visibility = 'PUBLIC')`,
          [todayInSweden(), !publicOnly],
        )
      ).rows[0].count,
    );
  try {
    const anonymous = await federation.query(`{ figures(areaCode: "SE") { agreements { active ${COUNT} } } }`);
    expect(anonymous.data!.figures.agreements.active).toEqual({ value: await recount(true), suppressed: false });
    const all = await recount(false);
    expect(all).toBeGreaterThan(await recount(true));
    const member = await federation.query(`{ figures(areaCode: "SE") { agreements { active ${COUNT} } } }`, {}, signedIn);
    expect(member.data!.figures.agreements.active).toEqual(all >= 3 ? { value: all, suppressed: false } : { value: null, suppressed: true });
  } finally {
    await client.end();
  }
}, 60000);
