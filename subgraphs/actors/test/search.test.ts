import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { haversineKm } from '@samverkan/federation';
import { DEMO_SERVICES as S } from '../src/demo/seed-services';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/* eslint-disable @typescript-eslint/no-explicit-any */

let subgraph: TestSubgraph;
let member: Record<string, string>;
let kfum: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  member = await bearer(A.lpoRinkeby, [Role.MEMBER]);
  kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

type List = 'actors' | 'services';
const nodeFields = { actors: 'id name', services: 'id name actor { id }' };

/** One page of a search. */
async function page(list: List, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const filterType = list === 'actors' ? 'ActorFilter' : 'ServiceFilter';
  const orderType = list === 'actors' ? 'ActorOrder' : 'ServiceOrder';
  return subgraph.query(
    `query($filter: ${filterType}, $first: Int, $after: String, $orderBy: ${orderType}) {
      ${list}(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
        totalCount nodes { ${nodeFields[list]} } pageInfo { hasNextPage endCursor } } }`,
    variables,
    headers,
  );
}

/** Every match of a search, read page by page, with the total the first page reported. */
async function all(list: List, filter: Record<string, unknown>, { orderBy = 'NAME', first = 100, headers = {} as Record<string, string> } = {}) {
  const nodes: any[] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 200; i++) {
    const response = await page(list, { filter, first, after, orderBy }, headers);
    expect(response.errors).toBeUndefined();
    const connection = response.data![list];
    if (total === -1) total = connection.totalCount;
    expect(connection.totalCount).toBe(total);
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { nodes, total };
}

const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id);
const sorted = (values: string[]) => [...values].sort();
const idsOf = async (list: List, filter: Record<string, unknown>, headers: Record<string, string> = {}) =>
  sorted(ids((await all(list, filter, { headers })).nodes));

describe('free text in Swedish', () => {
  it('finds inflected forms', async () => {
    expect(await idsOf('services', { text: 'fotbollsturneringar' })).toEqual([S.kfumGoteborgFotboll]);
    expect(await idsOf('actors', { text: 'fotbollsturneringar' })).toEqual([A.kfumGoteborg]);
    expect(await idsOf('services', { text: 'trygghetsvärden' })).toEqual(sorted([S.safeCity, S.safeFarstaLiljeholmen]));
  });

  it('finds every service about homework help from "läxhjälpen", and the actors offering or describing it', async () => {
    const mentioning: Array<{ id: string }> = await subgraph.dataSource.query(
      `SELECT id FROM services WHERE name ILIKE '%läxhjälp%' OR description ILIKE '%läxhjälp%'`,
    );
    expect(mentioning.length).toBeGreaterThanOrEqual(3);
    expect(await idsOf('services', { text: 'läxhjälpen' })).toEqual(sorted(ids(mentioning)));
    expect(await idsOf('actors', { text: 'läxhjälpen' })).toEqual(
      sorted([A.kfumSverige, A.kfumGoteborg, A.hyresgastforeningen, A.ostergotlandsStadsmission]),
    );
  });

  it('finds compounds from their first part, and supports exclusion', async () => {
    expect(await idsOf('services', { text: 'avhoppar' })).toEqual([S.fryshusetExit]);
    expect(await idsOf('services', { text: 'fotboll' })).toEqual([S.kfumGoteborgFotboll]);
    const withoutRosengard = await idsOf('services', { text: 'läxhjälp -Rosengård' });
    expect(withoutRosengard).toContain(S.kfumGoteborgLaxhjalp);
    expect(withoutRosengard).not.toContain(S.hyresgastforeningenLaxhjalp);
  });

  it('matches nothing for words it does not hold', async () => {
    expect((await page('services', { filter: { text: 'brandkårsövning' } })).data!.services.totalCount).toBe(0);
  });
});

describe('filters', () => {
  it('filters services by area with sub-areas, and with wider areas when OVERLAPPING', async () => {
    const within = await idsOf('services', { areaCode: AR.goteborg });
    expect(within).toEqual(
      sorted([S.fryshusetAngered, S.kfumGoteborgFotboll, S.kfumGoteborgLaxhjalp, S.raddaBarnenGoteborgForaldrastod, S.raddaBarnenGoteborgMotesplats]),
    );
    const overlapping = await idsOf('services', { areaCode: AR.angered, areaScope: 'OVERLAPPING' });
    expect(overlapping).toEqual(expect.arrayContaining([...within, S.fryshusetExit, S.brottsofferjourenStod, S.kfumSverigeLedare]));
    expect(overlapping).not.toContain(S.fryshusetRinkeby);
  });

  it('filters by category, target group and age', async () => {
    expect(await idsOf('services', { categories: ['SAFETY_HOSTS'], areaCode: AR.stockholm })).toEqual(
      sorted([S.mammaUnitedTrygg, S.safeCity, S.safeFarstaLiljeholmen, S.jarvaNattvandring]),
    );
    expect(await idsOf('actors', { categories: ['SAFETY_HOSTS'], areaCode: AR.stockholm })).toEqual(
      sorted([A.mammaUnited, A.safeTrygghetsvardar, A.jarvaISamverkan]),
    );
    expect(await idsOf('services', { targetGroups: ['PEOPLE_WITH_NPF'] })).toEqual([S.kfumGoteborgLaxhjalp]);
    // Göteborg at age 9: football (8–16) and the family meeting place (6–12), not homework help (10–15) nor parent support (no ages).
    expect(await idsOf('services', { areaCode: AR.goteborg, age: 9 })).toEqual(sorted([S.kfumGoteborgFotboll, S.raddaBarnenGoteborgMotesplats]));
    expect(await idsOf('actors', { areaCode: AR.goteborg, age: 9 })).toEqual(sorted([A.kfumGoteborg, A.raddaBarnenGoteborg]));
    // The ends of a range are included.
    expect(await idsOf('services', { areaCode: AR.angered, age: 16, categories: ['SPORT'] })).toEqual([S.kfumGoteborgFotboll]);
    expect(await idsOf('services', { areaCode: AR.angered, age: 17, categories: ['SPORT'] })).toEqual([]);
  });

  it('combines conditions on what is offered with the area it is offered in', async () => {
    // Fryshuset works in Angered, but its exit programme is offered nation-wide, not there.
    expect(await idsOf('actors', { areaCode: AR.angered, categories: ['EXIT_PROGRAMME'] })).toEqual([]);
    expect(await idsOf('actors', { areaCode: AR.angered, areaScope: 'OVERLAPPING', categories: ['EXIT_PROGRAMME'] })).toEqual([A.fryshuset]);
    expect(await idsOf('actors', { areaCode: AR.rinkebyKista, kinds: ['POLICE'], categories: ['MENTORING'] })).toEqual([A.lpoRinkeby]);
  });

  it('filters by whether actors receive young people at risk, for signed-in callers only', async () => {
    expect(await idsOf('actors', { areaCode: AR.goteborg, receivesYoungPeopleAtRisk: true }, member)).toEqual(
      sorted([A.fryshuset, A.kfumGoteborg, A.raddaBarnenGoteborg]),
    );
    expect(await idsOf('actors', { areaCode: AR.gottsunda, receivesYoungPeopleAtRisk: false }, member)).toEqual([A.hyresgastforeningen]);
    expect(await idsOf('services', { categories: ['SPORT'], receivesYoungPeopleAtRisk: true }, member)).toEqual(
      sorted([S.kfumGoteborgFotboll, S.rfSisuIdrott]),
    );
    for (const list of ['actors', 'services'] as const) {
      expect(errorCode(await page(list, { filter: { receivesYoungPeopleAtRisk: true } }))).toBe('UNAUTHENTICATED');
    }
  });
});

describe('near a point', () => {
  let points: Map<string, { latitude: number; longitude: number }>;
  let actorAreas: Array<{ owner: string; code: string }>;
  let serviceAreas: Array<{ owner: string; code: string }>;
  const angered = { latitude: 57.7936, longitude: 12.0497 };
  const rinkeby = { latitude: 59.3885, longitude: 17.9283 };

  beforeAll(async () => {
    const rows: Array<{ code: string; latitude: number; longitude: number }> = await subgraph.dataSource.query(
      'SELECT code, latitude, longitude FROM areas WHERE latitude IS NOT NULL',
    );
    points = new Map(rows.map((r) => [r.code, r]));
    actorAreas = await subgraph.dataSource.query('SELECT actor_id AS owner, area_code AS code FROM actor_areas');
    serviceAreas = await subgraph.dataSource.query('SELECT service_id AS owner, area_code AS code FROM service_areas');
  });

  /** Each record's distance to its nearest area point, computed here from the areas' points. */
  const nearest = (links: Array<{ owner: string; code: string }>, centre: { latitude: number; longitude: number }) => {
    const distances = new Map<string, number>();
    for (const { owner, code } of links) {
      const point = points.get(code);
      if (!point) continue;
      const km = haversineKm(centre, point);
      distances.set(owner, Math.min(km, distances.get(owner) ?? Infinity));
    }
    return distances;
  };
  const within = (distances: Map<string, number>, radiusKm: number) => sorted([...distances].filter(([, km]) => km <= radiusKm).map(([id]) => id));

  it.each([
    ['Angered', angered, 5],
    ['Angered', angered, 15],
    ['Rinkeby', rinkeby, 3],
    ['Rinkeby', rinkeby, 25],
  ])('finds the services and actors with an area point within the circle (%s, %d km)', async (_where, centre, radiusKm) => {
    const near = { ...centre, radiusKm };
    const services = within(nearest(serviceAreas, centre), radiusKm);
    expect(services.length).toBeGreaterThan(0);
    expect(await idsOf('services', { near })).toEqual(services);
    expect(await idsOf('actors', { near })).toEqual(within(nearest(actorAreas, centre), radiusKm));
  });

  it('uses the areas of the matching services when searching actors by what they offer', async () => {
    // Fryshuset works in Rinkeby but offers no sport; RF-SISU Stockholm (county-wide) offers sport in Rinkeby.
    const found = await idsOf('actors', { near: { ...rinkeby, radiusKm: 3 }, categories: ['SPORT'] });
    expect(found).toEqual([A.rfSisuStockholm]);
  });

  it('finds only the circle around Angered, not the rest of Göteborg, at 5 km', async () => {
    const found = await idsOf('services', { near: { ...angered, radiusKm: 5 } });
    expect(found).toContain(S.kfumGoteborgFotboll);
    expect(found).not.toContain(S.raddaBarnenGoteborgForaldrastod);
  });
});

describe('ordering and paging', () => {
  const rinkebyNear = { latitude: 59.3885, longitude: 17.9283, radiusKm: 40 };

  beforeAll(async () => {
    // Twelve look-alike services with the same name and text: ties in every order, broken by id.
    for (let i = 0; i < 12; i++) {
      const response = await subgraph.query(
        `mutation($input: CreateServiceInput!) { createService(input: $input) { id } }`,
        {
          input: {
            actorId: A.kfumGoteborg, name: 'Tvillingträning', category: 'SPORT', targetGroups: ['YOUNG_PEOPLE'], ageMin: 12, ageMax: 18,
            areaCodes: [i % 2 ? AR.rinkebyKista : AR.angered], description: 'Tvillingträning för unga',
          },
        },
        kfum,
      );
      expect(response.errors).toBeUndefined();
    }
  });

  const cases: Array<[List, string, Record<string, unknown>]> = [
    ['services', 'NAME', {}],
    ['services', 'RELEVANCE', { text: 'unga' }],
    ['services', 'DISTANCE', { near: rinkebyNear }],
    ['services', 'RELEVANCE', { text: 'tvillingträning' }],
    ['actors', 'NAME', {}],
    ['actors', 'RELEVANCE', { text: 'unga' }],
    ['actors', 'DISTANCE', { near: rinkebyNear }],
  ];

  it.each(cases)('pages %s ordered by %s (%j) without gaps or repeats', async (list, orderBy, filter) => {
    const whole = await all(list, filter, { orderBy });
    expect(whole.nodes).toHaveLength(whole.total);
    expect(whole.total).toBeGreaterThan(6);
    for (const first of [1, 5]) {
      const paged = await all(list, filter, { orderBy, first });
      expect(ids(paged.nodes)).toEqual(ids(whole.nodes));
      expect(new Set(ids(paged.nodes)).size).toBe(whole.total);
    }
    // The same records in every order.
    expect(sorted(ids(whole.nodes))).toEqual(sorted(ids((await all(list, filter, { orderBy: 'NAME' })).nodes)));
  });

  it('orders by name by default, ties by id', async () => {
    const { nodes } = await all('services', { text: 'tvillingträning' });
    expect(nodes).toHaveLength(12);
    expect(ids(nodes)).toEqual(sorted(ids(nodes)));
    const { nodes: actors } = await all('actors', { kinds: ['POLICE'] });
    const names = actors.map((a: { name: string }) => a.name);
    expect(names[0]).toBe('Lokalpolisområde Göteborg Nordost');
    expect(names[names.length - 1]).toBe('Polisregion Väst');
  });

  it('orders by distance, nearest first', async () => {
    const rows: Array<{ owner: string; latitude: number; longitude: number }> = await subgraph.dataSource.query(
      `SELECT sa.service_id AS owner, a.latitude, a.longitude FROM service_areas sa JOIN areas a ON a.code = sa.area_code WHERE a.latitude IS NOT NULL`,
    );
    const distance = (id: string) => Math.min(...rows.filter((r) => r.owner === id).map((r) => haversineKm(rinkebyNear, r)));
    const { nodes } = await all('services', { near: rinkebyNear }, { orderBy: 'DISTANCE', first: 4 });
    const distances = nodes.map((n: { id: string }) => distance(n.id));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(0.01);
    expect(distances[distances.length - 1]).toBeGreaterThan(5);
  });

  it('orders by relevance, best match first', async () => {
    const create = `mutation($input: CreateServiceInput!) { createService(input: $input) { id } }`;
    const base = { actorId: A.kfumGoteborg, category: 'CULTURE', targetGroups: ['CHILDREN'], areaCodes: [AR.angered] };
    const once = await subgraph.query(create, { input: { ...base, name: 'Akrobatik', description: 'Lite jonglering ibland.' } }, kfum);
    const often = await subgraph.query(
      create,
      { input: { ...base, name: 'Vår jonglering', description: 'Jonglering varje vecka: jonglering med bollar, jonglering med käglor.' } },
      kfum,
    );
    const byName = ids((await all('services', { text: 'jonglering' })).nodes);
    expect(byName).toEqual([once.data!.createService.id, often.data!.createService.id]);
    const byRelevance = ids((await all('services', { text: 'jonglering' }, { orderBy: 'RELEVANCE' })).nodes);
    expect(byRelevance).toEqual([often.data!.createService.id, once.data!.createService.id]);
  });
});

describe('bad input', () => {
  it.each([
    ['RELEVANCE without text', 'services', { orderBy: 'RELEVANCE' }],
    ['DISTANCE without near', 'actors', { orderBy: 'DISTANCE', filter: { text: 'unga' } }],
    ['a radius of 0', 'services', { filter: { near: { latitude: 59.3, longitude: 18, radiusKm: 0 } } }],
    ['a latitude beyond the pole', 'actors', { filter: { near: { latitude: 95, longitude: 18, radiusKm: 5 } } }],
    ['a negative age', 'services', { filter: { age: -1 } }],
    ['an invalid category', 'actors', { filter: { categories: ['GANGS'] } }],
    ['an invalid order', 'services', { orderBy: 'POPULARITY' }],
    ['a malformed area code', 'services', { filter: { areaCode: 'Angered' } }],
    ['a malformed actor id', 'services', { filter: { actorId: 'kfum' } }],
    ['a too-long text', 'actors', { filter: { text: 'x'.repeat(201) } }],
    ['a made-up cursor', 'services', { after: 'bm9wZQ' }],
    ['too large a page', 'actors', { first: 101 }],
  ] as Array<[string, List, Record<string, unknown>]>)('refuses %s', async (_case, list, variables) => {
    const response = await page(list, variables);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).not.toMatch(/QueryFailedError|at .*\.ts/);
  });

  it('refuses a cursor of another order', async () => {
    const first = await page('services', { filter: { near: { latitude: 59.3885, longitude: 17.9283, radiusKm: 40 } }, first: 2 });
    const cursor = first.data!.services.pageInfo.endCursor;
    const response = await page('services', { filter: { near: { latitude: 59.3885, longitude: 17.9283, radiusKm: 40 } }, first: 2, after: cursor, orderBy: 'DISTANCE' });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });
});
