import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { DEMO_SERVICES as S } from '../src/demo/seed-services';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

let subgraph: TestSubgraph;
/** Coordinators of KFUM Göteborg (maintains its own entry) and of Rädda Barnen (registers local branches). */
let kfum: Record<string, string>;
let raddaBarnen: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
  raddaBarnen = await bearer(A.raddaBarnen, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const count = async (table: string) => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const counts = async () => ({ services: await count('services'), areas: await count('service_areas'), log: await count('change_log') });
const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id);

const create = `mutation($input: CreateServiceInput!) {
  createService(input: $input) { id version name description category targetGroups ageMin ageMax areas { code } actor { id } } }`;
const update = `mutation($id: ID!, $version: Int!, $input: UpdateServiceInput!) {
  updateService(id: $id, version: $version, input: $input) { id version name description category targetGroups ageMin ageMax areas { code } } }`;
const remove = `mutation($id: ID!, $version: Int!) { deleteService(id: $id, version: $version) }`;
const serviceOf = `query($actor: ID!) { services(filter: { actorId: $actor }, first: 100) { nodes { id name version } } }`;

const newService = (overrides: Record<string, unknown> = {}) => ({
  actorId: A.kfumGoteborg,
  name: 'Basket i Angered',
  category: 'SPORT',
  targetGroups: ['CHILDREN', 'YOUNG_PEOPLE'],
  ageMin: 10,
  ageMax: 15,
  areaCodes: [AR.angered],
  ...overrides,
});

describe('what actors do', () => {
  it("lists an actor's services by name, with their areas and actor", async () => {
    const { data, errors } = await subgraph.query(
      `query($id: ID!) { actor(id: $id) { services { id name category targetGroups ageMin ageMax areas { code } actor { id name } } } }`,
      { id: A.kfumGoteborg },
    );
    expect(errors).toBeUndefined();
    expect(data!.actor.services).toEqual([
      {
        id: S.kfumGoteborgFotboll, name: 'Fotboll i Angered', category: 'SPORT', targetGroups: ['CHILDREN', 'YOUNG_PEOPLE'], ageMin: 8, ageMax: 16,
        areas: [{ code: AR.angered }], actor: { id: A.kfumGoteborg, name: 'KFUM Göteborg' },
      },
      {
        id: S.kfumGoteborgLaxhjalp, name: 'Läxhjälp i Angered', category: 'HOMEWORK_HELP', targetGroups: ['CHILDREN', 'YOUNG_PEOPLE', 'PEOPLE_WITH_NPF'],
        ageMin: 10, ageMax: 15, areas: [{ code: AR.angered }], actor: { id: A.kfumGoteborg, name: 'KFUM Göteborg' },
      },
    ]);
  });

  it('gives most demo organisations of civil society two or more services', async () => {
    const rows: Array<{ n: number }> = await subgraph.dataSource.query(
      `SELECT count(s.id)::int AS n FROM actors a LEFT JOIN services s ON s.actor_id = a.id WHERE a.kind IN ('CIVIL_SOCIETY', 'FAITH_COMMUNITY') GROUP BY a.id`,
    );
    expect(rows.filter((r) => r.n >= 2).length).toBeGreaterThan(rows.length / 2);
  });

  it('lists the services offered in an area, with sub-areas or also wider areas', async () => {
    const { data } = await subgraph.query(
      `query($code: ID!) { area(code: $code) { within: services { id } overlapping: services(scope: OVERLAPPING) { id } } }`,
      { code: AR.goteborg },
    );
    const within = ids(data!.area.within);
    // Göteborg's own services and those of its district Angered, not the nation-wide ones.
    expect(within).toEqual(expect.arrayContaining([S.raddaBarnenGoteborgForaldrastod, S.kfumGoteborgFotboll, S.fryshusetAngered]));
    expect(within).not.toContain(S.fryshusetExit);
    expect(within).not.toContain(S.fryshusetRinkeby);
    const overlapping = ids(data!.area.overlapping);
    expect(overlapping).toEqual(expect.arrayContaining([...within, S.fryshusetExit, S.brottsofferjourenStod]));
    expect(overlapping).not.toContain(S.fryshusetRinkeby);
  });

  it('shows whether an actor receives young people at risk, and its needs, to the network only', async () => {
    const query = `query($id: ID!) { actor(id: $id) { receivesYoungPeopleAtRisk supportNeeds supportNote } }`;
    const member = await subgraph.query(query, { id: A.kfumGoteborg }, await bearer(A.lpoRinkeby, [Role.MEMBER]));
    expect(member.data!.actor).toEqual({
      receivesYoungPeopleAtRisk: true,
      supportNeeds: ['NPF_COMPETENCE', 'LEADER_TRAINING'],
      supportNote: expect.stringContaining('NPF'),
    });
    const pub = await subgraph.query(query, { id: A.kfumGoteborg });
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.actor).toEqual({ receivesYoungPeopleAtRisk: null, supportNeeds: null, supportNote: null });
  });
});

describe('changing services', () => {
  it('creates, updates and deletes a service, bumping its version and logging each change', async () => {
    const created = await subgraph.query(create, { input: newService({ description: 'Träning två kvällar i veckan.' }) }, kfum);
    expect(created.errors).toBeUndefined();
    const service = created.data!.createService;
    expect(service).toMatchObject({
      version: 1, name: 'Basket i Angered', category: 'SPORT', ageMin: 10, ageMax: 15, areas: [{ code: AR.angered }], actor: { id: A.kfumGoteborg },
    });

    const updated = await subgraph.query(
      update,
      { id: service.id, version: 1, input: { ageMax: 18, description: null, areaCodes: [AR.angered, AR.goteborg], targetGroups: ['YOUNG_PEOPLE'] } },
      kfum,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateService).toMatchObject({
      version: 2, name: 'Basket i Angered', description: null, ageMin: 10, ageMax: 18, targetGroups: ['YOUNG_PEOPLE'],
      areas: [{ code: AR.goteborg }, { code: AR.angered }],
    });

    const history = `query($id: ID!) { services(filter: { actorId: $id }, first: 100) { nodes { id changeLog { action fields organisationId } } } }`;
    const own = await subgraph.query(history, { id: A.kfumGoteborg }, kfum);
    expect(own.data!.services.nodes.find((n: { id: string }) => n.id === service.id).changeLog).toEqual([
      { action: 'CREATED', fields: ['actorId', 'name', 'category', 'targetGroups', 'ageMin', 'ageMax', 'areaCodes', 'description'], organisationId: A.kfumGoteborg },
      { action: 'UPDATED', fields: ['ageMax', 'description', 'areaCodes', 'targetGroups'], organisationId: A.kfumGoteborg },
    ].map((entry) => ({ ...entry, fields: expect.arrayContaining(entry.fields) })));
    const other = await subgraph.query(history, { id: A.kfumGoteborg }, await bearer(A.lpoRinkeby, [Role.COORDINATOR]));
    expect(other.data!.services.nodes.every((n: { changeLog: unknown }) => n.changeLog === null)).toBe(true);
    const pub = await subgraph.query(history, { id: A.kfumGoteborg });
    expect(pub.data!.services.nodes.every((n: { changeLog: unknown }) => n.changeLog === null)).toBe(true);

    const before = await counts();
    const deleted = await subgraph.query(remove, { id: service.id, version: 2 }, kfum);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteService).toBe(service.id);
    expect(await counts()).toEqual({ services: before.services - 1, areas: before.areas - 2, log: before.log + 1 });
    const [entry] = await subgraph.dataSource.query(`SELECT action FROM change_log WHERE entity_id = $1 ORDER BY sequence DESC LIMIT 1`, [service.id]);
    expect(entry.action).toBe('DELETED');
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const { data } = await subgraph.query(create, { input: newService({ name: 'Innebandy' }) }, kfum);
    const id = data!.createService.id;
    expect((await subgraph.query(update, { id, version: 1, input: { name: 'Innebandy för alla' } }, kfum)).errors).toBeUndefined();
    expect(errorCode(await subgraph.query(update, { id, version: 1, input: { name: 'Innebandy (gammal)' } }, kfum))).toBe('VERSION_CONFLICT');
    expect(errorCode(await subgraph.query(remove, { id, version: 1 }, kfum))).toBe('VERSION_CONFLICT');
    const found = (await subgraph.query(serviceOf, { actor: A.kfumGoteborg })).data!.services.nodes.find((n: { id: string }) => n.id === id);
    expect(found).toEqual({ id, name: 'Innebandy för alla', version: 2 });
  });

  it('lets the organisation that maintains an actor entry add services to it', async () => {
    const { data } = await subgraph.query(
      `mutation { createActor(input: { name: "Rädda Barnen Växjö", kind: CIVIL_SOCIETY, areaCodes: ["0780"] }) { id } }`,
      {},
      raddaBarnen,
    );
    const actorId = data!.createActor.id;
    const created = await subgraph.query(create, { input: newService({ actorId, name: 'Föräldrastöd i Växjö', category: 'PARENT_SUPPORT', targetGroups: ['PARENTS'], ageMin: null, ageMax: null, areaCodes: ['0780'] }) }, raddaBarnen);
    expect(created.errors).toBeUndefined();
    // The branch's own coordinators may change it too.
    const itself = await bearer(actorId, [Role.COORDINATOR]);
    expect((await subgraph.query(update, { id: created.data!.createService.id, version: 1, input: { ageMax: 12 } }, itself)).errors).toBeUndefined();
  });
});

describe('who may change services', () => {
  it.each([
    ['the public', async () => ({}), 'UNAUTHENTICATED'],
    ['a member of the actor without a coordinator role', () => bearer(A.kfumGoteborg, [Role.MEMBER]), 'FORBIDDEN'],
    ["another party's coordinator", () => bearer(A.lpoRinkeby, [Role.COORDINATOR]), 'FORBIDDEN'],
    ['a coordinator of the national organisation, which does not maintain the entry', () => bearer(A.kfumSverige, [Role.COORDINATOR]), 'FORBIDDEN'],
    ['an administrator', () => bearer(A.kfumGoteborg, [Role.ADMINISTRATOR]), 'FORBIDDEN'],
  ])('refuses %s to create, change or delete a service, writing nothing', async (_who, headers, code) => {
    const as = await headers();
    const before = await counts();
    expect(errorCode(await subgraph.query(create, { input: newService() }, as))).toBe(code);
    expect(errorCode(await subgraph.query(update, { id: S.kfumGoteborgFotboll, version: 1, input: { name: 'Kapad' } }, as))).toBe(code);
    expect(errorCode(await subgraph.query(remove, { id: S.kfumGoteborgFotboll, version: 1 }, as))).toBe(code);
    expect(await counts()).toEqual(before);
    const { data } = await subgraph.query(`query($id: ID!) { actor(id: $id) { services { id name version } } }`, { id: A.kfumGoteborg });
    expect(data!.actor.services).toContainEqual({ id: S.kfumGoteborgFotboll, name: 'Fotboll i Angered', version: 1 });
  });
});

describe('bad input', () => {
  const unknownId = '00000000-0000-4000-8000-000000000000';
  it.each([
    ['an unknown actor', create, { input: newService({ actorId: unknownId }) }, 'BAD_USER_INPUT'],
    ['a malformed actor id', create, { input: newService({ actorId: 'kfum' }) }, 'BAD_USER_INPUT'],
    ['an unknown area', create, { input: newService({ areaCodes: [AR.angered, '9999'] }) }, 'BAD_USER_INPUT'],
    ['a malformed area code', create, { input: newService({ areaCodes: ['Angered'] }) }, 'BAD_USER_INPUT'],
    ['no area', create, { input: newService({ areaCodes: [] }) }, 'BAD_USER_INPUT'],
    ['no target group', create, { input: newService({ targetGroups: [] }) }, 'BAD_USER_INPUT'],
    ['an invalid category', create, { input: newService({ category: 'GANG_PREVENTION' }) }, 'BAD_USER_INPUT'],
    ['an invalid target group', create, { input: newService({ targetGroups: ['GANG_MEMBERS'] }) }, 'BAD_USER_INPUT'],
    ['an age range that ends before it starts', create, { input: newService({ ageMin: 16, ageMax: 12 }) }, 'BAD_USER_INPUT'],
    ['a negative age', create, { input: newService({ ageMin: -1 }) }, 'BAD_USER_INPUT'],
    ['an age above 120', create, { input: newService({ ageMax: 121 }) }, 'BAD_USER_INPUT'],
    ['a too-long name', create, { input: newService({ name: 'x'.repeat(201) }) }, 'BAD_USER_INPUT'],
    ['an empty name', create, { input: newService({ name: '' }) }, 'BAD_USER_INPUT'],
    ['a too-long description', create, { input: newService({ description: 'x'.repeat(4001) }) }, 'BAD_USER_INPUT'],
    ['an unknown service', update, { id: unknownId, version: 1, input: { name: 'X' } }, 'NOT_FOUND'],
    ['a malformed service id', update, { id: 'fotboll', version: 1, input: { name: 'X' } }, 'NOT_FOUND'],
    ['deleting an unknown service', remove, { id: unknownId, version: 1 }, 'NOT_FOUND'],
    ['clearing the name', update, { id: S.kfumGoteborgFotboll, version: 1, input: { name: null } }, 'BAD_USER_INPUT'],
    ['clearing the category', update, { id: S.kfumGoteborgFotboll, version: 1, input: { category: null } }, 'BAD_USER_INPUT'],
    ['clearing the areas', update, { id: S.kfumGoteborgFotboll, version: 1, input: { areaCodes: null } }, 'BAD_USER_INPUT'],
    ['an update putting the youngest age above the oldest (8–16)', update, { id: S.kfumGoteborgFotboll, version: 1, input: { ageMin: 17 } }, 'BAD_USER_INPUT'],
    ['an update to an unknown area', update, { id: S.kfumGoteborgFotboll, version: 1, input: { areaCodes: ['1480-nowhere'] } }, 'BAD_USER_INPUT'],
  ])('refuses %s with a clear code and writes nothing', async (_case, mutation, variables, code) => {
    const before = await counts();
    const response = await subgraph.query(mutation, variables, kfum);
    expect(errorCode(response)).toBe(code);
    expect(response.errors![0].message).not.toMatch(/QueryFailedError|at .*\.ts/);
    expect(await counts()).toEqual(before);
    const { data } = await subgraph.query(`query($id: ID!) { actor(id: $id) { services { id name version ageMin areas { code } } } }`, { id: A.kfumGoteborg });
    expect(data!.actor.services).toContainEqual({ id: S.kfumGoteborgFotboll, name: 'Fotboll i Angered', version: 1, ageMin: 8, areas: [{ code: AR.angered }] });
  });
});

describe("an actor's support needs", () => {
  const updateActor = `mutation($id: ID!, $version: Int!, $input: UpdateActorInput!) {
    updateActor(id: $id, version: $version, input: $input) { version receivesYoungPeopleAtRisk supportNeeds supportNote } }`;
  const createActor = `mutation($input: CreateActorInput!) { createActor(input: $input) { id receivesYoungPeopleAtRisk supportNeeds supportNote } }`;

  it('are set on create and changed on update by the maintainers', async () => {
    const created = await subgraph.query(
      createActor,
      { input: { name: 'Rädda Barnen Borås', kind: 'CIVIL_SOCIETY', receivesYoungPeopleAtRisk: true, supportNeeds: ['NPF_COMPETENCE', 'NPF_COMPETENCE', 'PREMISES'] } },
      raddaBarnen,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createActor).toMatchObject({ receivesYoungPeopleAtRisk: true, supportNeeds: ['NPF_COMPETENCE', 'PREMISES'], supportNote: null });
    const id = created.data!.createActor.id;
    const updated = await subgraph.query(updateActor, { id, version: 1, input: { supportNeeds: null, supportNote: 'Lokaler ordnade' } }, raddaBarnen);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateActor).toEqual({ version: 2, receivesYoungPeopleAtRisk: true, supportNeeds: [], supportNote: 'Lokaler ordnade' });
  });

  it('default to not receiving and no needs', async () => {
    const { data } = await subgraph.query(createActor, { input: { name: 'Rädda Barnen Kalmar', kind: 'CIVIL_SOCIETY' } }, raddaBarnen);
    expect(data!.createActor).toMatchObject({ receivesYoungPeopleAtRisk: false, supportNeeds: [], supportNote: null });
  });

  it.each([
    ['clearing receivesYoungPeopleAtRisk', { receivesYoungPeopleAtRisk: null }],
    ['an invalid need', { supportNeeds: ['MONEY'] }],
    ['a too-long note', { supportNote: 'x'.repeat(2001) }],
  ])('refuses %s and keeps the entry', async (_case, input) => {
    const coordinator = await bearer(A.fralsningsarmen, [Role.COORDINATOR]);
    const response = await subgraph.query(updateActor, { id: A.fralsningsarmen, version: 1, input }, coordinator);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    const { data } = await subgraph.query(`query($id: ID!) { actor(id: $id) { version receivesYoungPeopleAtRisk supportNeeds } }`, { id: A.fralsningsarmen }, coordinator);
    expect(data!.actor).toEqual({ version: 1, receivesYoungPeopleAtRisk: true, supportNeeds: ['NPF_COMPETENCE'] });
  });
});

describe('the demo seed', () => {
  it('can run again without adding or undoing anything', async () => {
    const coordinator = await bearer(A.safeTrygghetsvardar, [Role.COORDINATOR]);
    const moved = await subgraph.query(update, { id: S.safeCity, version: 1, input: { areaCodes: [AR.stockholm] } }, coordinator);
    expect(moved.errors).toBeUndefined();
    const before = await counts();
    await (await actorsSubgraph.loadDemoSeed())(subgraph.dataSource);
    expect(await counts()).toEqual(before);
    const { data } = await subgraph.query(`{ services(filter: { categories: [SAFETY_HOSTS], areaCode: "0180-norrmalm" }) { nodes { id } } }`);
    expect(ids(data!.services.nodes)).not.toContain(S.safeCity);
  });
});

describe('loading', () => {
  it('loads actors with their services and areas in a fixed number of statements, however many rows', async () => {
    // Actors of a kind of their own (SCHOOL, under a fresh parent), each with two services in two areas.
    const parent = (await subgraph.dataSource.query(
      `INSERT INTO actors (name, kind, owner_id, version) VALUES ('Skolor i testet', 'SCHOOL', $1, 1) RETURNING id`,
      [A.stockholmsStad],
    ))[0].id as string;
    const addActors = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const [{ id }] = await subgraph.dataSource.query(
          `INSERT INTO actors (name, kind, owner_id, parent_id, version) VALUES ($1, 'SCHOOL', $2, $2, 1) RETURNING id`,
          [`Testskola ${i}`, parent],
        );
        for (const name of ['Läxhjälp', 'Idrott']) {
          const [service] = await subgraph.dataSource.query(
            `INSERT INTO services (actor_id, name, category, target_groups, version) VALUES ($1, $2, 'HOMEWORK_HELP', '{CHILDREN}', 1) RETURNING id`,
            [id, name],
          );
          await subgraph.dataSource.query(`INSERT INTO service_areas (service_id, area_code) VALUES ($1, $2), ($1, $3)`, [service.id, AR.rinkebyKista, AR.stockholm]);
        }
      }
    };
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (expected: number) => {
        const response = await subgraph.query(
          `query($parent: ID!) { actors(filter: { parentId: $parent }, first: 100) { totalCount nodes { services { areas { code } actor { id } } } } }`,
          { parent },
        );
        expect(response.errors).toBeUndefined();
        expect(response.data!.actors.totalCount).toBe(expected);
        expect(response.data!.actors.nodes.flatMap((n: { services: unknown[] }) => n.services)).toHaveLength(2 * expected);
        return response.extensions!.sqlStatements as number;
      };
      await addActors(5);
      const few = await statements(5);
      await addActors(25);
      expect(await statements(30)).toBe(few);
      expect(few).toBeLessThanOrEqual(6);
      // The nested lists are bounded by `first`, by name: the first service of each, the first children.
      const bounded = await subgraph.query(
        `query($parent: ID!) { actor(id: $parent) { children(first: 3) { name services(first: 1) { name } } all: children(first: 100) { name } } }`,
        { parent },
      );
      expect(bounded.errors).toBeUndefined();
      const { children, all } = bounded.data!.actor as { children: Array<{ name: string; services: unknown[] }>; all: Array<{ name: string }> };
      expect(all).toHaveLength(30);
      expect(children.map((child) => child.name)).toEqual(all.slice(0, 3).map((child) => child.name));
      expect(children.map((child) => child.services)).toEqual(Array(3).fill([{ name: 'Idrott' }]));
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('federation', () => {
  it('publishes services on actors and areas', async () => {
    const { data } = await subgraph.query('{ _service { sdl } }');
    const sdl: string = data!._service.sdl;
    expect(sdl).toMatch(/type Service\b/);
    expect(sdl).toMatch(/scope: AreaScope! = WITHIN\s*\): \[Service!\]!/);
    expect(sdl).toMatch(/createService\(/);
    expect(sdl).toMatch(/enum SupportNeed/);
  });
});
