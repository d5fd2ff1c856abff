import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { bearer, errorCode, organisationNumber, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * The registry's creates with an idempotencyKey, and the externalId of actors and their records
 * (issue 12): the maintaining organisation's (the actor's owner's) own ids, unique per that
 * organisation; the helper's semantics are tested in the activities subgraph.
 */
let subgraph: TestSubgraph;
/** Rädda Barnen maintains its local branches; Fryshuset is another organisation. */
let raddaBarnen: Record<string, string>;
let fryshuset: Record<string, string>;
let administrator: Record<string, string>;

const UMEA = '2480';

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  raddaBarnen = await bearer(DEMO_ACTORS.raddaBarnen, [Role.COORDINATOR]);
  fryshuset = await bearer(DEMO_ACTORS.fryshuset, [Role.COORDINATOR]);
  administrator = await bearer(DEMO_ACTORS.polisen, [Role.ADMINISTRATOR]);
});
afterAll(() => subgraph?.stop());

const count = async (table: string) => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const written = async () => [await count('actors'), await count('services'), await count('venues'), await count('contact_functions'), await count('change_log')];

const createActor = (name: string, headers: Record<string, string>, extra: Record<string, unknown> = {}, key?: string) =>
  subgraph.query(
    `mutation($input: CreateActorInput!, $key: String) { createActor(input: $input, idempotencyKey: $key) { id externalId } }`,
    { input: { name, kind: 'CIVIL_SOCIETY', areaCodes: [UMEA], ...extra }, key },
    headers,
  );

/** Each record type of an actor: its create mutation, input type and a valid input. */
const RECORDS = [
  { type: 'Service', create: 'createService', update: 'updateService', lookup: 'serviceByExternalId', input: (actorId: string) => ({ actorId, name: 'Läxhjälp', category: 'HOMEWORK_HELP', targetGroups: ['CHILDREN'], areaCodes: [UMEA] }) },
  { type: 'Venue', create: 'createVenue', update: 'updateVenue', lookup: 'venueByExternalId', input: (actorId: string) => ({ actorId, name: 'Föreningslokalen', areaCode: UMEA, capacity: 30 }) },
  { type: 'ContactFunction', create: 'createContactFunction', update: 'updateContactFunction', lookup: 'contactFunctionByExternalId', input: (actorId: string) => ({ actorId, name: 'Kontaktperson', areaCode: UMEA }) },
];

const createRecord = (record: (typeof RECORDS)[number], input: Record<string, unknown>, headers: Record<string, string>, key?: string) =>
  subgraph.query(`mutation($input: Create${record.type}Input!, $key: String) { ${record.create}(input: $input, idempotencyKey: $key) { id version externalId } }`, { input, key }, headers);

it('answers a retried createActor and registerOrganisation with the first actor, writing nothing', async () => {
  const branch = { parentId: DEMO_ACTORS.raddaBarnen };
  const first = await createActor('Rädda Barnen Umeå', raddaBarnen, branch, 'branch-umea');
  expect(first.errors).toBeUndefined();
  const before = await written();
  const retry = await createActor('Rädda Barnen Umeå', raddaBarnen, branch, 'branch-umea');
  expect(retry.data!.createActor).toEqual(first.data!.createActor);
  expect(await written()).toEqual(before);

  const register = `mutation($input: RegisterOrganisationInput!, $key: String) { registerOrganisation(input: $input, idempotencyKey: $key) { id } }`;
  const input = { name: 'Umeå Ungdomsförening', kind: 'CIVIL_SOCIETY', organisationNumber: organisationNumber('802600900') };
  const registered = await subgraph.query(register, { input, key: 'register-1' }, administrator);
  expect(registered.errors).toBeUndefined();
  const again = await subgraph.query(register, { input, key: 'register-1' }, administrator);
  expect(again.data!.registerOrganisation.id).toBe(registered.data!.registerOrganisation.id);
  expect(errorCode(await subgraph.query(register, { input: { ...input, name: 'Annan' }, key: 'register-1' }, administrator))).toBe('IDEMPOTENCY_KEY_REUSED');
});

it('answers a retried createArea with the first area, where a plain retry would find its code taken', async () => {
  const uppsala = await bearer(DEMO_ACTORS.uppsalaKommun, [Role.COORDINATOR]);
  const create = `mutation($input: CreateAreaInput!, $key: String) { createArea(input: $input, idempotencyKey: $key) { code version } }`;
  const input = { municipalityCode: '0380', name: 'Stenhagen', kind: 'DISTRICT' };
  const first = await subgraph.query(create, { input, key: 'area-1' }, uppsala);
  expect(first.data!.createArea).toEqual({ code: '0380-stenhagen', version: 1 });
  const before = [await count('areas'), await count('change_log')];
  expect((await subgraph.query(create, { input, key: 'area-1' }, uppsala)).data!.createArea).toEqual(first.data!.createArea);
  expect([await count('areas'), await count('change_log')]).toEqual(before);
  expect(errorCode(await subgraph.query(create, { input }, uppsala))).toBe('BAD_USER_INPUT');
});

it("keeps an actor's externalId for its owner: set, found, unique per owner, hidden from others", async () => {
  const created = await createActor('Rädda Barnen Vännäs', raddaBarnen, { externalId: 'FR-1' });
  expect(created.data!.createActor.externalId).toBe('FR-1');
  const id = created.data!.createActor.id;
  const lookup = `query($externalId: String!) { actorByExternalId(externalId: $externalId) { id externalId } }`;
  expect((await subgraph.query(lookup, { externalId: 'FR-1' }, raddaBarnen)).data!.actorByExternalId).toEqual({ id, externalId: 'FR-1' });
  expect((await subgraph.query(lookup, { externalId: 'FR-1' }, fryshuset)).data!.actorByExternalId).toBeNull();
  expect((await subgraph.query(`query($id: ID!) { actor(id: $id) { externalId } }`, { id }, fryshuset)).data!.actor.externalId).toBeNull();
  const taken = await createActor('Rädda Barnen Robertsfors', raddaBarnen, { externalId: 'FR-1' });
  expect(taken.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'externalId' })] });
  expect((await createActor('Fryshuset Umeå', fryshuset, { externalId: 'FR-1' })).errors).toBeUndefined();
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateActorInput!) { updateActor(id: $id, version: $version, input: $input) { version externalId } }`;
  expect((await subgraph.query(update, { id, version: 1, input: { externalId: null } }, raddaBarnen)).data!.updateActor).toEqual({ version: 2, externalId: null });
});

describe.each(RECORDS)('$type', (record) => {
  let actorId: string;
  let otherActorId: string;
  beforeAll(async () => {
    actorId = (await createActor(`Rädda Barnen ${record.type}`, raddaBarnen)).data!.createActor.id;
    otherActorId = (await createActor(`Rädda Barnen ${record.type} 2`, raddaBarnen)).data!.createActor.id;
  });

  it('answers a retried create with the first record, writing nothing', async () => {
    const first = await createRecord(record, record.input(actorId), raddaBarnen, `${record.type}-1`);
    expect(first.errors).toBeUndefined();
    const before = await written();
    const retry = await createRecord(record, record.input(actorId), raddaBarnen, `${record.type}-1`);
    expect(retry.data![record.create]).toEqual(first.data![record.create]);
    expect(await written()).toEqual(before);
  });

  it("keeps an externalId per maintaining organisation, shown to it only, found by it, cleared by an update", async () => {
    const created = await createRecord(record, { ...record.input(actorId), externalId: ' R-1 ' }, raddaBarnen);
    expect(created.errors).toBeUndefined();
    const { id } = created.data![record.create];
    expect(created.data![record.create].externalId).toBe('R-1');
    const lookup = `query($externalId: String!) { ${record.lookup}(externalId: $externalId) { id externalId } }`;
    expect((await subgraph.query(lookup, { externalId: 'R-1' }, raddaBarnen)).data![record.lookup]).toEqual({ id, externalId: 'R-1' });
    expect((await subgraph.query(lookup, { externalId: 'R-1' }, fryshuset)).data![record.lookup]).toBeNull();
    expect(errorCode(await subgraph.query(lookup, { externalId: 'R-1' }))).toBe('UNAUTHENTICATED');
    // Unique per maintaining organisation, across its actors.
    const taken = await createRecord(record, { ...record.input(otherActorId), externalId: 'R-1' }, raddaBarnen);
    expect(taken.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'externalId' })] });
    const fryshusetActor = (await createActor(`Fryshuset ${record.type}`, fryshuset)).data!.createActor.id;
    const theirs = await createRecord(record, { ...record.input(fryshusetActor), externalId: 'R-1' }, fryshuset);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data![record.create].externalId).toBe('R-1');
    const update = `mutation($id: ID!, $version: Int!, $input: Update${record.type}Input!) { ${record.update}(id: $id, version: $version, input: $input) { version externalId } }`;
    expect((await subgraph.query(update, { id, version: 1, input: { externalId: 'R-2' } }, raddaBarnen)).data![record.update]).toEqual({ version: 2, externalId: 'R-2' });
    expect((await subgraph.query(update, { id, version: 2, input: { externalId: null } }, raddaBarnen)).data![record.update]).toEqual({ version: 3, externalId: null });
  });
});
