import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { situationSubgraph } from '../src';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** createSituationReport's idempotencyKey and SituationReport.externalId (issue 12); the helper's semantics are tested in the activities subgraph. */

let subgraph: TestSubgraph;
let lpoRinkeby: Record<string, string>;
let stadsdel: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph, { seed: false });
  lpoRinkeby = await bearer(A.lpoRinkeby, [Role.COORDINATOR]);
  stadsdel = await bearer(A.rinkebyKistaStadsdel, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const create = `mutation($input: CreateSituationReportInput!, $key: String) { createSituationReport(input: $input, idempotencyKey: $key) { id version externalId } }`;
const update = `mutation($id: ID!, $version: Int!, $input: UpdateSituationReportInput!) { updateSituationReport(id: $id, version: $version, input: $input) { version externalId } }`;
const lookup = `query($externalId: String!) { situationReportByExternalId(externalId: $externalId) { id externalId } }`;
const input = (overrides: Record<string, unknown> = {}) => ({
  areaCode: AR.rinkebyKista,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  level: 'ELEVATED',
  trend: 'STABLE',
  summary: 'Oro vid torget på kvällarna.',
  visibility: 'NETWORK',
  ...overrides,
});
const records = async () => [
  (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM situation_reports'))[0].n,
  (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM change_log'))[0].n,
];

it('answers a retried create with the first report and writes nothing', async () => {
  const first = await subgraph.query(create, { input: input(), key: 'lagesbild-q1' }, lpoRinkeby);
  expect(first.errors).toBeUndefined();
  const before = await records();
  const retry = await subgraph.query(create, { input: input(), key: 'lagesbild-q1' }, lpoRinkeby);
  expect(retry.data!.createSituationReport).toEqual(first.data!.createSituationReport);
  expect(await records()).toEqual(before);
  expect(errorCode(await subgraph.query(create, { input: input({ trend: 'WORSENING' }), key: 'lagesbild-q1' }, lpoRinkeby))).toBe('IDEMPOTENCY_KEY_REUSED');
});

it('keeps an externalId per owner, shows it to the owner only, finds it and clears it', async () => {
  const created = (await subgraph.query(create, { input: input({ externalId: 'PLAN-77' }) }, lpoRinkeby)).data!.createSituationReport;
  expect(created.externalId).toBe('PLAN-77');
  expect((await subgraph.query(lookup, { externalId: 'PLAN-77' }, lpoRinkeby)).data!.situationReportByExternalId).toEqual({ id: created.id, externalId: 'PLAN-77' });
  const seen = await subgraph.query(`query($id: ID!) { situationReport(id: $id) { id externalId } }`, { id: created.id }, stadsdel);
  expect(seen.data!.situationReport).toEqual({ id: created.id, externalId: null });
  expect((await subgraph.query(lookup, { externalId: 'PLAN-77' }, stadsdel)).data!.situationReportByExternalId).toBeNull();
  const taken = await subgraph.query(create, { input: input({ externalId: 'PLAN-77' }) }, lpoRinkeby);
  expect(taken.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'externalId' })] });
  expect((await subgraph.query(create, { input: input({ externalId: 'PLAN-77' }) }, stadsdel)).errors).toBeUndefined();
  const cleared = await subgraph.query(update, { id: created.id, version: 1, input: { externalId: null } }, lpoRinkeby);
  expect(cleared.data!.updateSituationReport).toEqual({ version: 2, externalId: null });
  const [change] = await subgraph.dataSource.query(`SELECT fields FROM change_log WHERE entity_id = $1 AND action = 'UPDATED'`, [created.id]);
  expect(change.fields).toEqual(['externalId']);
});
