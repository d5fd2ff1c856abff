import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { agreementsSubgraph } from '../src';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** createAgreement's idempotencyKey and Agreement.externalId (issue 12); the helper's semantics are tested in the activities subgraph. */

let subgraph: TestSubgraph;
let linkoping: Record<string, string>;
let stadsmission: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false });
  linkoping = await bearer(A.linkopingsKommun, [Role.COORDINATOR]);
  stadsmission = await bearer(A.ostergotlandsStadsmission, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const create = `mutation($input: CreateAgreementInput!, $key: String) { createAgreement(input: $input, idempotencyKey: $key) { id version externalId } }`;
const update = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { version externalId } }`;
const lookup = `query($externalId: String!) { agreementByExternalId(externalId: $externalId) { id externalId } }`;
const input = (overrides: Record<string, unknown> = {}) => ({
  title: 'IOP Läxhjälp i Skäggetorp',
  kind: 'IOP',
  visibility: 'NETWORK',
  parties: [{ actorId: A.linkopingsKommun, role: 'FUNDING' }],
  areaCodes: [AR.skaggetorp],
  ...overrides,
});
const records = async () => [
  (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM agreements'))[0].n,
  (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM change_log'))[0].n,
];

it('answers a retried create with the first agreement and writes nothing', async () => {
  const first = await subgraph.query(create, { input: input(), key: 'avtal-1' }, linkoping);
  expect(first.errors).toBeUndefined();
  const before = await records();
  const retry = await subgraph.query(create, { input: input(), key: 'avtal-1' }, linkoping);
  expect(retry.data!.createAgreement).toEqual(first.data!.createAgreement);
  expect(await records()).toEqual(before);
  expect(errorCode(await subgraph.query(create, { input: input({ title: 'Annat' }), key: 'avtal-1' }, linkoping))).toBe('IDEMPOTENCY_KEY_REUSED');
});

it('keeps an externalId per owner, shows it to the owner only, finds it and clears it', async () => {
  const created = (await subgraph.query(create, { input: input({ externalId: ' DNR-2026/17 ' }) }, linkoping)).data!.createAgreement;
  expect(created.externalId).toBe('DNR-2026/17');
  expect((await subgraph.query(lookup, { externalId: 'DNR-2026/17' }, linkoping)).data!.agreementByExternalId).toEqual({ id: created.id, externalId: 'DNR-2026/17' });
  // A network party sees the agreement, not the owner's id, and finds none of its own under it.
  const seen = await subgraph.query(`query($id: ID!) { agreement(id: $id) { id externalId } }`, { id: created.id }, stadsmission);
  expect(seen.data!.agreement).toEqual({ id: created.id, externalId: null });
  expect((await subgraph.query(lookup, { externalId: 'DNR-2026/17' }, stadsmission)).data!.agreementByExternalId).toBeNull();
  const taken = await subgraph.query(create, { input: input({ externalId: 'DNR-2026/17' }) }, linkoping);
  expect(taken.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'externalId' })] });
  const theirs = input({ parties: [{ actorId: A.ostergotlandsStadsmission, role: 'FUNDING' }], externalId: 'DNR-2026/17' });
  expect((await subgraph.query(create, { input: theirs }, stadsmission)).errors).toBeUndefined();
  const cleared = await subgraph.query(update, { id: created.id, version: 1, input: { externalId: null } }, linkoping);
  expect(cleared.data!.updateAgreement).toEqual({ version: 2, externalId: null });
  const [change] = await subgraph.dataSource.query(`SELECT fields FROM change_log WHERE entity_id = $1 AND action = 'UPDATED'`, [created.id]);
  expect(change.fields).toEqual(['externalId']);
});
