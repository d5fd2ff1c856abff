import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { bearer, errorCode, organisationNumber, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** The administrator's narrow powers: registering organisations, archiving and restoring actors; nothing else. */
let subgraph: TestSubgraph;
let administrator: Record<string, string>;
/** A coordinator of Rädda Barnen, which registers and maintains local branches. */
let coordinator: Record<string, string>;

const [UMEA, SKELLEFTEA] = ['2480', '2482']; // No demo data: the tests decide what is there.

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  administrator = await bearer(DEMO_ACTORS.polisen, [Role.ADMINISTRATOR]);
  coordinator = await bearer(DEMO_ACTORS.raddaBarnen, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const REGISTER = `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id name organisationNumber version parent { id } areas { code } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateActorInput!) { updateActor(id: $id, version: $version, input: $input) { version } }`;
const ARCHIVE = `mutation($id: ID!, $version: Int!, $reason: String!) { archiveActor(id: $id, version: $version, reason: $reason) { id version archived archivedAt archivedReason } }`;
const RESTORE = `mutation($id: ID!, $version: Int!) { restoreActor(id: $id, version: $version) { id version archived archivedAt archivedReason } }`;

const changeCount = async () => (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM change_log'))[0].n as number;

describe('registering organisations', () => {
  it('lets an administrator register an organisation that maintains its own entry', async () => {
    const number = organisationNumber('802600100');
    const { data, errors } = await subgraph.query(
      REGISTER,
      { input: { name: 'Skellefteå Ungdomsförening', kind: 'CIVIL_SOCIETY', organisationNumber: number.replace('-', ''), areaCodes: [SKELLEFTEA] } },
      administrator,
    );
    expect(errors).toBeUndefined();
    const actor = data!.registerOrganisation;
    expect(actor).toMatchObject({ name: 'Skellefteå Ungdomsförening', organisationNumber: number, version: 1, parent: null, areas: [{ code: SKELLEFTEA }] });
    const [row] = await subgraph.dataSource.query('SELECT owner_id FROM actors WHERE id = $1', [actor.id]);
    expect(row.owner_id).toBe(actor.id);

    // Its own coordinators maintain it; the administrator does not.
    const itself = await bearer(actor.id, [Role.COORDINATOR]);
    expect((await subgraph.query(UPDATE, { id: actor.id, version: 1, input: { description: 'Fritid i Umeå' } }, itself)).errors).toBeUndefined();
    expect(errorCode(await subgraph.query(UPDATE, { id: actor.id, version: 2, input: { name: 'Kapat' } }, administrator))).toBe('FORBIDDEN');
    const history = await subgraph.query(`query($id: ID!) { actor(id: $id) { changeLog { action organisationId fields } } }`, { id: actor.id }, itself);
    expect(history.data!.actor.changeLog).toEqual([
      { action: 'CREATED', organisationId: DEMO_ACTORS.polisen, fields: ['areaCodes', 'name', 'kind', 'organisationNumber'] },
      { action: 'UPDATED', organisationId: actor.id, fields: ['description'] },
    ]);
  });

  it.each([
    ['the public', async () => ({}), 'UNAUTHENTICATED'],
    ['a coordinator', () => bearer(DEMO_ACTORS.raddaBarnen, [Role.COORDINATOR]), 'FORBIDDEN'],
    ['a national coordinator', () => bearer(DEMO_ACTORS.skr, [Role.NATIONAL_COORDINATOR]), 'FORBIDDEN'],
  ])('refuses %s, writing nothing', async (_who, headers, code) => {
    const before = await changeCount();
    const input = { name: 'Obehörig förening', kind: 'CIVIL_SOCIETY', organisationNumber: organisationNumber('802600200') };
    expect(errorCode(await subgraph.query(REGISTER, { input }, await headers()))).toBe(code);
    expect(await changeCount()).toBe(before);
  });

  it('refuses an organisation number already registered, naming the actor', async () => {
    const number = organisationNumber('802600300');
    const first = await subgraph.query(REGISTER, { input: { name: 'Första registreringen', kind: 'CIVIL_SOCIETY', organisationNumber: number } }, administrator);
    const second = await subgraph.query(REGISTER, { input: { name: 'Andra registreringen', kind: 'CIVIL_SOCIETY', organisationNumber: number } }, administrator);
    expect(errorCode(second)).toBe('BAD_USER_INPUT');
    expect(second.errors![0].extensions!.fields).toEqual([
      { field: 'organisationNumber', message: `already registered: "Första registreringen" (actor ${first.data!.registerOrganisation.id})` },
    ]);
  });

  it("gives the administrator no power over other organisations' records", async () => {
    expect(errorCode(await subgraph.query(UPDATE, { id: DEMO_ACTORS.fryshuset, version: 1, input: { name: 'Kapat' } }, administrator))).toBe('FORBIDDEN');
    const service = await subgraph.query(
      `mutation($input: CreateServiceInput!) { createService(input: $input) { id } }`,
      { input: { actorId: DEMO_ACTORS.fryshuset, name: 'Kapad tjänst', category: 'SPORT', targetGroups: ['CHILDREN'], areaCodes: [SKELLEFTEA] } },
      administrator,
    );
    expect(errorCode(service)).toBe('FORBIDDEN');
  });
});

describe('archiving an actor', () => {
  let actorId: string;
  let number: string;
  let version = 1;

  /** What the registry lists for Umeå: the actor, its service, venue and contact function, and coverage. */
  const LISTS = `query($includeArchived: Boolean) {
    actors(filter: { areaCode: "${UMEA}", includeArchived: $includeArchived }) { nodes { id } }
    services(filter: { areaCode: "${UMEA}", includeArchived: $includeArchived }) { nodes { name } }
    venues(filter: { areaCode: "${UMEA}", includeArchived: $includeArchived }) { nodes { name } }
    contactFunctions(filter: { areaCode: "${UMEA}", includeArchived: $includeArchived }) { nodes { name } }
    onePersonDependencies(areaCode: "${UMEA}") { totalCount }
    area(code: "${UMEA}") {
      actors { id } services { name } venues { name } contactFunctions { name } onePersonDependencyCount
      coverage { civilSocietyActorCount missingCategoriesLocally }
    }
  }`;

  beforeAll(async () => {
    number = organisationNumber('802600400');
    const created = await subgraph.query(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`,
      { input: { name: 'Rädda Barnen Umeå', kind: 'CIVIL_SOCIETY', organisationNumber: number, parentId: DEMO_ACTORS.raddaBarnen, areaCodes: [UMEA] } },
      coordinator,
    );
    actorId = created.data!.createActor.id;
    for (const [field, type, input] of [
      ['createService', 'CreateServiceInput', { actorId, name: 'Läxhjälp Umeå', category: 'HOMEWORK_HELP', targetGroups: ['CHILDREN'], areaCodes: [UMEA] }],
      ['createVenue', 'CreateVenueInput', { actorId, name: 'Föreningslokalen Umeå', areaCode: UMEA, capacity: 30 }],
      ['createContactFunction', 'CreateContactFunctionInput', { actorId, name: 'Kontaktperson Umeå', areaCode: UMEA }],
    ] as const) {
      const response = await subgraph.query(`mutation($input: ${type}!) { ${field}(input: $input) { id } }`, { input }, coordinator);
      expect(response.errors).toBeUndefined();
    }
  });

  it('lists the actor and its records before', async () => {
    const { data } = await subgraph.query(LISTS, {}, coordinator);
    expect(data!.actors.nodes).toEqual([{ id: actorId }]);
    expect(data!.area).toMatchObject({
      actors: [{ id: actorId }],
      services: [{ name: 'Läxhjälp Umeå' }],
      venues: [{ name: 'Föreningslokalen Umeå' }],
      contactFunctions: [{ name: 'Kontaktperson Umeå' }],
      onePersonDependencyCount: 1,
      coverage: { civilSocietyActorCount: 1 },
    });
    expect(data!.area.coverage.missingCategoriesLocally).not.toContain('HOMEWORK_HELP');
  });

  it.each([
    ['the public', async () => ({}), 'UNAUTHENTICATED'],
    ["the coordinator maintaining the entry", async () => coordinator, 'FORBIDDEN'],
  ])('refuses %s, writing nothing', async (_who, headers, code) => {
    const before = await changeCount();
    expect(errorCode(await subgraph.query(ARCHIVE, { id: actorId, version, reason: 'Nedlagd' }, await headers()))).toBe(code);
    expect(await changeCount()).toBe(before);
  });

  it('archives with a reason, bumping the version and writing the change log; a stale version is refused', async () => {
    const { data, errors } = await subgraph.query(ARCHIVE, { id: actorId, version, reason: ' Lokalföreningen upplöst 2025 ' }, administrator);
    expect(errors).toBeUndefined();
    expect(data!.archiveActor).toMatchObject({ version: 2, archived: true, archivedAt: expect.any(String), archivedReason: 'Lokalföreningen upplöst 2025' });
    version = 2;
    expect(errorCode(await subgraph.query(ARCHIVE, { id: actorId, version: 1, reason: 'Igen' }, administrator))).toBe('VERSION_CONFLICT');
    expect(errorCode(await subgraph.query(ARCHIVE, { id: actorId, version, reason: 'Igen' }, administrator))).toBe('BAD_USER_INPUT');
    const history = await subgraph.query(`query($id: ID!) { actor(id: $id) { changeLog { action organisationId fields } } }`, { id: actorId }, coordinator);
    expect(history.data!.actor.changeLog.at(-1)).toEqual({ action: 'UPDATED', organisationId: DEMO_ACTORS.polisen, fields: ['archivedAt', 'archivedReason'] });
  });

  it('keeps the actor readable by id and through _entities', async () => {
    const { data } = await subgraph.query(
      `query($id: ID!, $r: [_Any!]!) { actor(id: $id) { name archived services { name } } _entities(representations: $r) { ... on Actor { name archived } } }`,
      { id: actorId, r: [{ __typename: 'Actor', id: actorId }] },
    );
    expect(data!.actor).toEqual({ name: 'Rädda Barnen Umeå', archived: true, services: [{ name: 'Läxhjälp Umeå' }] });
    expect(data!._entities).toEqual([{ name: 'Rädda Barnen Umeå', archived: true }]);
  });

  it('leaves the actor and its records out of lists and coverage, unless a filter asks for them', async () => {
    const { data } = await subgraph.query(LISTS, {}, coordinator);
    expect(data).toMatchObject({
      actors: { nodes: [] },
      services: { nodes: [] },
      venues: { nodes: [] },
      contactFunctions: { nodes: [] },
      onePersonDependencies: { totalCount: 0 },
      area: { actors: [], services: [], venues: [], contactFunctions: [], onePersonDependencyCount: 0, coverage: { civilSocietyActorCount: 0 } },
    });
    expect(data!.area.coverage.missingCategoriesLocally).toContain('HOMEWORK_HELP');
    const asked = await subgraph.query(LISTS, { includeArchived: true }, coordinator);
    expect(asked.data).toMatchObject({
      actors: { nodes: [{ id: actorId }] },
      services: { nodes: [{ name: 'Läxhjälp Umeå' }] },
      venues: { nodes: [{ name: 'Föreningslokalen Umeå' }] },
      contactFunctions: { nodes: [{ name: 'Kontaktperson Umeå' }] },
    });
  });

  it('leaves it out of the HSDS lists', async () => {
    const base = subgraph.url.replace(/\/graphql$/, '/hsds');
    const totalOf = async (path: string) => ((await (await fetch(`${base}/${path}?area=${UMEA}`)).json()) as { total_items: number }).total_items;
    const [organizations, services] = [await totalOf('organizations'), await totalOf('services')];
    expect([organizations, services]).toEqual([0, 0]);
    expect((await fetch(`${base}/organizations/${actorId}`)).status).toBe(200);
  });

  it('refuses its tokens, changes to its entry and records, and keeps its organisation number reserved', async () => {
    const itself = await bearer(actorId, [Role.COORDINATOR]);
    const refused = await subgraph.query('{ __typename }', {}, itself);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toMatch(/not a registered actor/);
    expect(errorCode(await subgraph.query(UPDATE, { id: actorId, version, input: { description: 'Ändrad' } }, coordinator))).toBe('FORBIDDEN');
    const service = await subgraph.query(
      `mutation($input: CreateServiceInput!) { createService(input: $input) { id } }`,
      { input: { actorId, name: 'Ny tjänst', category: 'SPORT', targetGroups: ['CHILDREN'], areaCodes: [UMEA] } },
      coordinator,
    );
    expect(errorCode(service)).toBe('FORBIDDEN');
    expect(service.errors![0].message).toMatch(/archived/);
    const again = await subgraph.query(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`,
      { input: { name: 'Rädda Barnen Umeå (ny)', kind: 'CIVIL_SOCIETY', organisationNumber: number } },
      coordinator,
    );
    expect(again.errors![0].extensions!.fields).toEqual([{ field: 'organisationNumber', message: `already registered: "Rädda Barnen Umeå" (actor ${actorId})` }]);
  });

  it('restores it: listed again, maintainable, signing in again', async () => {
    expect(errorCode(await subgraph.query(RESTORE, { id: actorId, version }, coordinator))).toBe('FORBIDDEN');
    const { data, errors } = await subgraph.query(RESTORE, { id: actorId, version }, administrator);
    expect(errors).toBeUndefined();
    expect(data!.restoreActor).toEqual({ id: actorId, version: 3, archived: false, archivedAt: null, archivedReason: null });
    expect((await subgraph.query(LISTS, {}, coordinator)).data!.area.actors).toEqual([{ id: actorId }]);
    expect((await subgraph.query(UPDATE, { id: actorId, version: 3, input: { description: 'Igång igen' } }, coordinator)).errors).toBeUndefined();
    expect((await subgraph.query('{ __typename }', {}, await bearer(actorId, [Role.MEMBER]))).errors).toBeUndefined();
    expect(errorCode(await subgraph.query(RESTORE, { id: actorId, version: 4 }, administrator))).toBe('BAD_USER_INPUT');
  });
});
