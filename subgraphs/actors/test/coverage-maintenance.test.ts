import { Role } from '@samverkan/federation';
import { openDatabase } from '@samverkan/platform';
import { actorsSubgraph } from '../src';
import { bearer, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Coverage is read from aggregates the database maintains on every write (migration
 * MaintainCoverageAggregates): these tests write through the API, or from several connections at
 * once as replicas do, and expect the coverage to change at once.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const KIRUNA = '2584';
const GALLIVARE = '2523';
const COUNTY = '25';
const id = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const actors = { ngo: id(1), admin: id(2), faith: id(3) };

let subgraph: TestSubgraph;
let coordinator: Record<string, string>;
let administrator: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph, { seed: false });
  const rows: Array<[string, string, string, string[]]> = [
    [actors.ngo, 'Kiruna idrottsförening', 'CIVIL_SOCIETY', [KIRUNA]],
    [actors.admin, 'Förvaltaren', 'NATIONAL_AUTHORITY', ['SE']],
    [actors.faith, 'Kiruna församling', 'FAITH_COMMUNITY', [KIRUNA]],
  ];
  for (const [actorId, name, kind, areas] of rows) {
    await subgraph.dataSource.query(`INSERT INTO actors (id, name, kind, owner_id, version) VALUES ($1, $2, $3, $1, 1)`, [actorId, name, kind]);
    for (const area of areas) await subgraph.dataSource.query(`INSERT INTO actor_areas (actor_id, area_code) VALUES ($1, $2)`, [actorId, area]);
  }
  coordinator = await bearer(actors.ngo, [Role.COORDINATOR]);
  administrator = await bearer(actors.admin, [Role.ADMINISTRATOR]);
});
afterAll(() => subgraph?.stop());

const coverage = async (code: string) => {
  const { data, errors } = await subgraph.query(
    `query($code: ID!) { coverage(areaCode: $code) { missingCategoriesLocally missingCategories civilSocietyActorCount ageGroups { ageGroup coveredLocally } } }`,
    { code },
  );
  expect(errors).toBeUndefined();
  return data!.coverage as Json;
};
const coveredAges = (c: Json) => c.ageGroups.filter((g: Json) => g.coveredLocally).map((g: Json) => g.ageGroup);

const mutate = async (query: string, variables: Record<string, unknown>, headers = coordinator) => {
  const { data, errors } = await subgraph.query(query, variables, headers);
  expect(errors).toBeUndefined();
  return data as Json;
};
const CREATE = `mutation($input: CreateServiceInput!) { createService(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateServiceInput!) { updateService(id: $id, version: $version, input: $input) { id version } }`;
const DELETE = `mutation($id: ID!, $version: Int!) { deleteService(id: $id, version: $version) }`;
const ACTOR_VERSION = `query($id: ID!) { actor(id: $id) { version } }`;

describe('coverage after writes through the API', () => {
  let service: { id: string; version: number };

  it('shows a new service at once, in its municipality, county and Sweden', async () => {
    expect((await coverage(KIRUNA)).missingCategoriesLocally).toContain('SPORT');
    service = (await mutate(CREATE, { input: { actorId: actors.ngo, name: 'Skidor', category: 'SPORT', targetGroups: ['CHILDREN'], ageMin: 7, ageMax: 11, areaCodes: [KIRUNA] } })).createService;
    for (const code of [KIRUNA, COUNTY, 'SE']) expect((await coverage(code)).missingCategoriesLocally).not.toContain('SPORT');
    expect(coveredAges(await coverage(KIRUNA))).toEqual(['AGES_6_9', 'AGES_10_12']);
    expect((await coverage(GALLIVARE)).missingCategoriesLocally).toContain('SPORT');
  });

  it('follows a change of category and ages', async () => {
    service = (await mutate(UPDATE, { id: service.id, version: service.version, input: { category: 'CULTURE', ageMin: 16, ageMax: 19 } })).updateService;
    const kiruna = await coverage(KIRUNA);
    expect(kiruna.missingCategoriesLocally).toContain('SPORT');
    expect(kiruna.missingCategoriesLocally).not.toContain('CULTURE');
    expect(coveredAges(kiruna)).toEqual(['AGES_16_18', 'AGES_19_25']);
  });

  it("follows a service moved to another municipality, there and in the one it left", async () => {
    service = (await mutate(UPDATE, { id: service.id, version: service.version, input: { areaCodes: [GALLIVARE] } })).updateService;
    expect((await coverage(KIRUNA)).missingCategoriesLocally).toContain('CULTURE');
    expect((await coverage(GALLIVARE)).missingCategoriesLocally).not.toContain('CULTURE');
    expect((await coverage(COUNTY)).missingCategoriesLocally).not.toContain('CULTURE');
  });

  it('counts an archived actor for nothing, and again once restored', async () => {
    const before = await coverage(KIRUNA);
    expect(before.civilSocietyActorCount).toBe(2);
    const archive = async () => {
      const { version } = (await mutate(ACTOR_VERSION, { id: actors.ngo }, {})).actor;
      await mutate(`mutation($id: ID!, $version: Int!) { archiveActor(id: $id, version: $version, reason: "Upplöst") { id } }`, { id: actors.ngo, version }, administrator);
    };
    await archive();
    expect((await coverage(KIRUNA)).civilSocietyActorCount).toBe(1);
    expect((await coverage('SE')).civilSocietyActorCount).toBe(1);
    expect((await coverage(GALLIVARE)).missingCategoriesLocally).toContain('CULTURE');
    const { version } = (await mutate(ACTOR_VERSION, { id: actors.ngo }, {})).actor;
    await mutate(`mutation($id: ID!, $version: Int!) { restoreActor(id: $id, version: $version) { id } }`, { id: actors.ngo, version }, administrator);
    expect((await coverage(KIRUNA)).civilSocietyActorCount).toBe(2);
    expect((await coverage(GALLIVARE)).missingCategoriesLocally).not.toContain('CULTURE');
  });

  it('forgets a deleted service', async () => {
    await mutate(DELETE, { id: service.id, version: service.version });
    for (const code of [GALLIVARE, COUNTY, 'SE']) expect((await coverage(code)).missingCategoriesLocally).toContain('CULTURE');
  });
});

describe('coverage after concurrent writes from several connections', () => {
  it('is the plain recount when two transactions write services in the same areas at once', async () => {
    const [a, b] = await Promise.all([0, 1].map(() => openDatabase({ url: subgraph.config.databaseUrl, entities: actorsSubgraph.entities, migrations: [] })));
    try {
      const writer = (db: typeof a, category: string) =>
        db.transaction(async (manager) => {
          const [{ id: serviceId }] = await manager.query(
            `INSERT INTO services (actor_id, name, category, target_groups, age_min, age_max, version) VALUES ($1, $2, $3, '{CHILDREN}', 0, 5, 1) RETURNING id`,
            [actors.faith, category, category],
          );
          await manager.query(`INSERT INTO service_areas (service_id, area_code) VALUES ($1, $2)`, [serviceId, KIRUNA]);
          // Held open while the other transaction writes the same areas.
          await new Promise((resolve) => setTimeout(resolve, 300));
        });
      await Promise.all([writer(a, 'MENTORING'), writer(b, 'COUNSELLING')]);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
    for (const code of [KIRUNA, COUNTY, 'SE']) {
      const c = await coverage(code);
      expect(c.missingCategoriesLocally).not.toContain('MENTORING');
      expect(c.missingCategoriesLocally).not.toContain('COUNSELLING');
    }
  });
});
