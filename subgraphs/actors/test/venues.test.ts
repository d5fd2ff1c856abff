import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { DEMO_CONTACT_FUNCTIONS as F, DEMO_VENUES as V } from '../src/demo/seed-venues-contacts';
import { bearer, PEOPLE, errorCode, graphql, GraphQLResponse, ServiceProcess, startSubgraphProcess, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

let subgraph: TestSubgraph;
type Person = keyof typeof PEOPLE;
const tokens = {} as Record<Person, Record<string, string>>;
const as = (who: Person | 'public') => (who === 'public' ? {} : tokens[who]);

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  for (const [who, person] of Object.entries(PEOPLE)) tokens[who as Person] = await bearer(person.organisationId, [...person.roles]);
});
afterAll(() => subgraph?.stop());

const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id);
const sorted = (values: string[]) => [...values].sort();
const count = async (sql: string) => (await subgraph.dataSource.query(sql))[0].n as number;
const countVenues = () => count('SELECT count(*)::int AS n FROM venues');
const countLog = () => count("SELECT count(*)::int AS n FROM change_log WHERE entity_type = 'Venue'");

/** Seed intent: Rinkeby-Kista has Fryshuset's hall and Mamma United's room; Angered Folkets Hus and KFUM's hall; Uppsala the parish hall and, in Gottsunda, Hyresgästföreningen's room. */
const IN_STOCKHOLM = [V.fryshusetHusby, V.mammaUnitedRinkeby];
const IN_ANGERED = [V.folketsHusAngered, V.kfumHallAngered];
const IN_UPPSALA = [V.forsamlingshemUppsala, V.hyresgastlokalGottsunda];

describe('listing venues', () => {
  const list = `query($filter: VenueFilter, $first: Int, $after: String) {
    venues(filter: $filter, first: $first, after: $after) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`;

  it.each([
    ['a municipality, with its districts', { areaCode: AR.stockholm }, IN_STOCKHOLM],
    ['a district', { areaCode: AR.angered }, IN_ANGERED],
    ['a county', { areaCode: '03' }, IN_UPPSALA],
    ['a district only', { areaCode: AR.gottsunda }, [V.hyresgastlokalGottsunda]],
    ['a minimum capacity', { areaCode: AR.angered, minCapacity: 200 }, [V.folketsHusAngered]],
    ['one use', { suitableFor: ['SPORT'] }, [V.kfumHallAngered]],
    ['all of several uses', { suitableFor: ['MEETINGS', 'CRISIS_SUPPORT'] }, [V.folketsHusAngered, V.forsamlingshemUppsala]],
    ['text in the name', { text: 'församlingshem' }, [V.forsamlingshemUppsala]],
    ['text in the city', { text: 'uppsala' }, IN_UPPSALA],
    ['text and area together', { text: 'mötesrum', areaCode: AR.rinkebyKista }, [V.mammaUnitedRinkeby]],
    ['the same text elsewhere', { text: 'mötesrum' }, [V.folketsHusAngered, V.mammaUnitedRinkeby]],
  ])('filters by %s', async (_case, filter, expected) => {
    const { data, errors } = await subgraph.query(list, { filter, first: 100 });
    expect(errors).toBeUndefined();
    expect(sorted(ids(data!.venues.nodes))).toEqual(sorted(expected));
    expect(data!.venues.totalCount).toBe(expected.length);
  });

  it('orders by name and pages without gaps or repeats', async () => {
    const seen: string[] = [];
    const names: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const { data }: { data?: any } = await subgraph.query(list, { first: 2, after }); // eslint-disable-line @typescript-eslint/no-explicit-any
      total = data.venues.totalCount;
      seen.push(...ids(data.venues.nodes));
      names.push(...data.venues.nodes.map((n: { name: string }) => n.name));
      if (!data.venues.pageInfo.hasNextPage) break;
      after = data.venues.pageInfo.endCursor;
    }
    expect(total).toBe(await countVenues());
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const inDatabaseOrder: Array<{ id: string }> = await subgraph.dataSource.query('SELECT id FROM venues ORDER BY name, id');
    expect(seen).toEqual(inDatabaseOrder.map((r) => r.id));
  });

  it('includes venues of wider areas with scope OVERLAPPING', async () => {
    const cityHall = await createVenue({ actorId: A.stockholmsStad, name: 'Stadshusets sammanträdesrum', areaCode: AR.stockholm, capacity: 30 });
    try {
      const query = `query($scope: AreaScope!) { venues(filter: { areaCode: "${AR.rinkebyKista}", areaScope: $scope }, first: 100) { nodes { id } } }`;
      expect(sorted(ids((await subgraph.query(query, { scope: 'WITHIN' })).data!.venues.nodes))).toEqual(sorted(IN_STOCKHOLM));
      expect(sorted(ids((await subgraph.query(query, { scope: 'OVERLAPPING' })).data!.venues.nodes))).toEqual(sorted([...IN_STOCKHOLM, cityHall.id]));
    } finally {
      await deleteVenue(cityHall.id, cityHall.version, tokensOf(A.stockholmsStad));
    }
  });

  it.each([
    ['a capacity below 1', { minCapacity: 0 }],
    ['an unknown use', { suitableFor: ['PARTY'] }],
    ['a malformed area code', { areaCode: 'Rinkeby' }],
    ['a too-long text', { text: 'x'.repeat(201) }],
  ])('refuses %s', async (_case, filter) => {
    expect(errorCode(await subgraph.query(list, { filter }))).toBe('BAD_USER_INPUT');
  });
});

describe('venues near a point', () => {
  // Folkets Hus Angered; the others about 385–395 km away, KFUM's hall has no point of its own.
  const ANGERED = { latitude: 57.7987, longitude: 12.0485 };
  const near = `query($filter: VenueFilter, $orderBy: VenueOrder, $first: Int, $after: String) {
    venues(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id distanceKm } pageInfo { hasNextPage endCursor } } }`;

  it('lists the venues with a point within the circle, nearest first with orderBy DISTANCE, each with its distance', async () => {
    const response = await subgraph.query(near, { filter: { near: { ...ANGERED, radiusKm: 450 } }, orderBy: 'DISTANCE' });
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.venues.nodes as Array<{ id: string; distanceKm: number }>;
    expect(ids(nodes)).toEqual([V.folketsHusAngered, V.fryshusetHusby, V.hyresgastlokalGottsunda, V.forsamlingshemUppsala]);
    expect(nodes[0].distanceKm).toBeCloseTo(0, 6);
    expect(nodes.map((n) => n.distanceKm)).toEqual([...nodes.map((n) => n.distanceKm)].sort((a, b) => a - b));
    const close = await subgraph.query(near, { filter: { near: { ...ANGERED, radiusKm: 5 } } });
    expect(close.data!.venues).toMatchObject({ totalCount: 1, nodes: [{ id: V.folketsHusAngered }] });
  });

  it('pages by distance without gaps or repeats, and gives null as distanceKm without near', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      type Page = { venues: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const page: GraphQLResponse<Page> = await subgraph.query<Page>(near, { filter: { near: { ...ANGERED, radiusKm: 450 } }, orderBy: 'DISTANCE', first: 1, after });
      seen.push(...ids(page.data!.venues.nodes));
      after = page.data!.venues.pageInfo.hasNextPage ? page.data!.venues.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([V.folketsHusAngered, V.fryshusetHusby, V.hyresgastlokalGottsunda, V.forsamlingshemUppsala]);
    const plain = await subgraph.query(near, { filter: { areaCode: AR.angered } });
    expect(plain.data!.venues.nodes.every((n: { distanceKm: number | null }) => n.distanceKm === null)).toBe(true);
  });

  it('refuses orderBy DISTANCE without near with BAD_USER_INPUT', async () => {
    expect(errorCode(await subgraph.query(near, { orderBy: 'DISTANCE' }))).toBe('BAD_USER_INPUT');
  });
});

describe('a venue', () => {
  const one = `query($id: ID!) { venue(id: $id) {
    id name capacity suitableFor accessibilityNote address { street postalCode city } location { latitude longitude }
    actor { id name } area { code name } contactFunction { id name channels { kind value } holders { personName } } } }`;

  it('shows where it is, what it is for and which function to ask; contact details only to signed-in parties', async () => {
    const pub = await subgraph.query(one, { id: V.folketsHusAngered });
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.venue).toMatchObject({
      name: 'Folkets Hus Angered – stora salen',
      suitableFor: expect.arrayContaining(['MEETINGS', 'DIALOGUES', 'CRISIS_SUPPORT']),
      address: { street: 'Angereds Torg', postalCode: '424 65', city: 'Angered' },
      location: { latitude: expect.any(Number), longitude: expect.any(Number) },
      actor: { id: A.folketsHusOchParker },
      area: { code: AR.angered, name: 'Angered' },
      contactFunction: { id: F.lokalbokningFolketsHusAngered, name: 'Lokalbokning Folkets Hus Angered', channels: null, holders: null },
    });
    const member = await subgraph.query(one, { id: V.folketsHusAngered }, as('ngoMember'));
    expect(member.data!.venue.contactFunction.channels.length).toBeGreaterThan(0);
    expect(member.data!.venue.contactFunction.holders.length).toBeGreaterThan(0);
  });

  it('has no location or address when none is recorded (no fallback to the area), and may name no contact function', async () => {
    const { data } = await subgraph.query(one, { id: V.mammaUnitedRinkeby });
    expect(data!.venue).toMatchObject({ location: null, address: null, contactFunction: null, actor: { id: A.mammaUnited } });
    const kfum = await subgraph.query(one, { id: V.kfumHallAngered });
    expect(kfum.data!.venue).toMatchObject({ location: null, contactFunction: { id: F.ordforandeKfumGoteborg } });
  });

  it('answers null for unknown and malformed ids', async () => {
    const { data } = await subgraph.query(`{ unknown: venue(id: "00000000-0000-4000-8000-000000000000") { id } malformed: venue(id: "nope") { id } }`);
    expect(data).toEqual({ unknown: null, malformed: null });
  });
});

describe('venues on actors and areas', () => {
  it('adds Actor.venues and Area.venues(scope), also through _entities', async () => {
    const { data, errors } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Actor { id venues { id } }
        ... on Area { code within: venues { id } overlapping: venues(scope: OVERLAPPING) { id } }
        ... on Venue { id name } } }`,
      {
        r: [
          { __typename: 'Actor', id: A.fryshuset },
          { __typename: 'Actor', id: A.raddaBarnen },
          { __typename: 'Area', code: AR.goteborg },
          { __typename: 'Area', code: AR.gottsunda },
          { __typename: 'Venue', id: V.hyresgastlokalGottsunda },
          { __typename: 'Venue', id: 'nope' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    const [fryshuset, raddaBarnen, goteborg, gottsunda, venue, unknown] = data!._entities;
    expect(ids(fryshuset.venues)).toEqual([V.fryshusetHusby]);
    expect(raddaBarnen.venues).toEqual([]);
    expect(sorted(ids(goteborg.within))).toEqual(sorted(IN_ANGERED));
    expect(ids(gottsunda.within)).toEqual([V.hyresgastlokalGottsunda]);
    expect(sorted(ids(gottsunda.overlapping))).toEqual(sorted(IN_UPPSALA));
    expect(venue).toEqual({ id: V.hyresgastlokalGottsunda, name: 'Hyresgästföreningens lokal i Gottsunda' });
    expect(unknown).toBeNull();
  });

  it('bounds Actor.venues and Area.venues by `first`, by name, and lists an actor\'s venues at the root with `actorId`', async () => {
    const { data, errors } = await subgraph.query(
      `query($actor: ID!) {
        all: venues(filter: { areaCode: "${AR.goteborg}" }, first: 100) { nodes { id } }
        area(code: "${AR.goteborg}") { one: venues(first: 1) { id } }
        actor(id: $actor) { venues(first: 1) { id } }
        ofActor: venues(filter: { actorId: $actor }) { totalCount nodes { id actor { id } } }
      }`,
      { actor: A.fryshuset },
    );
    expect(errors).toBeUndefined();
    expect(data!.area.one).toEqual(data!.all.nodes.slice(0, 1));
    expect(ids(data!.actor.venues)).toEqual([V.fryshusetHusby]);
    expect(data!.ofActor).toEqual({ totalCount: 1, nodes: [{ id: V.fryshusetHusby, actor: { id: A.fryshuset } }] });
  });

  it('publishes Venue as an entity in _service.sdl', async () => {
    const { data } = await subgraph.query('{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/type Venue\s+@key\(fields: "id"\)/);
  });
});

// ---------------------------------------------------------------------------------------------
// Changing venues
// ---------------------------------------------------------------------------------------------

const CREATE = `mutation($input: CreateVenueInput!) { createVenue(input: $input) {
  id version name capacity suitableFor address { street postalCode city } location { latitude longitude } contactFunction { id } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateVenueInput!) { updateVenue(id: $id, version: $version, input: $input) {
  id version name capacity suitableFor description address { street postalCode city } location { latitude } contactFunction { id } } }`;
const DELETE = `mutation($id: ID!, $version: Int!) { deleteVenue(id: $id, version: $version) }`;

const coordinatorTokens = new Map<string, Record<string, string>>();
const tokensOf = (organisationId: string) => coordinatorTokens.get(organisationId)!;
beforeAll(async () => {
  for (const id of [A.stockholmsStad, A.fryshuset, A.hyresgastforeningen, A.raddaBarnen]) coordinatorTokens.set(id, await bearer(id, [Role.COORDINATOR]));
});

async function createVenue(input: Record<string, unknown>, headers = tokensOf(input.actorId as string)) {
  const response = await subgraph.query(CREATE, { input }, headers);
  expect(response.errors).toBeUndefined();
  return response.data!.createVenue as { id: string; version: number };
}

async function deleteVenue(id: string, version: number, headers: Record<string, string>) {
  const response = await subgraph.query(DELETE, { id, version }, headers);
  expect(response.errors).toBeUndefined();
}

describe('changing venues', () => {
  it('creates, updates and deletes a venue, bumping its version and logging each change', async () => {
    const created = await subgraph.query(
      CREATE,
      {
        input: {
          actorId: A.fryshuset,
          name: 'Fryshuset Järva – grupprum',
          areaCode: AR.rinkebyKista,
          capacity: 12,
          suitableFor: ['MEETINGS', 'MEETINGS', 'DIALOGUES'],
          address: { street: 'Demogatan 1', postalCode: '16440', city: 'Kista' },
          location: { latitude: 59.41, longitude: 17.93 },
          contactFunctionId: F.verksamhetsansvarigFryshusetJarva,
        },
      },
      as('ngoCoordinator'),
    );
    expect(created.errors).toBeUndefined();
    const venue = created.data!.createVenue;
    expect(venue).toMatchObject({
      version: 1,
      capacity: 12,
      suitableFor: ['MEETINGS', 'DIALOGUES'],
      address: { street: 'Demogatan 1', postalCode: '164 40', city: 'Kista' },
      location: { latitude: 59.41, longitude: 17.93 },
      contactFunction: { id: F.verksamhetsansvarigFryshusetJarva },
    });

    const updated = await subgraph.query(
      UPDATE,
      { id: venue.id, version: 1, input: { capacity: 16, description: 'Nyrenoverat', address: null, location: null, contactFunctionId: null } },
      as('ngoCoordinator'),
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateVenue).toMatchObject({
      version: 2,
      name: 'Fryshuset Järva – grupprum',
      capacity: 16,
      suitableFor: ['MEETINGS', 'DIALOGUES'],
      description: 'Nyrenoverat',
      address: null,
      location: null,
      contactFunction: null,
    });

    const history = `query($id: ID!) { venue(id: $id) { changeLog { action organisationId fields } } }`;
    const own = await subgraph.query(history, { id: venue.id }, as('ngoMember'));
    const entries: Array<{ action: string; organisationId: string; fields: string[] }> = own.data!.venue.changeLog;
    expect(entries.map((e) => [e.action, e.organisationId])).toEqual([
      ['CREATED', A.fryshuset],
      ['UPDATED', A.fryshuset],
    ]);
    expect(sorted(entries[1].fields)).toEqual(sorted(['capacity', 'description', 'address', 'location', 'contactFunctionId']));
    expect((await subgraph.query(history, { id: venue.id })).data!.venue.changeLog).toBeNull();
    expect((await subgraph.query(history, { id: venue.id }, as('policeOfficer'))).data!.venue.changeLog).toBeNull();

    const stale = await subgraph.query(DELETE, { id: venue.id, version: 1 }, as('ngoCoordinator'));
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    const deleted = await subgraph.query(DELETE, { id: venue.id, version: 2 }, as('ngoCoordinator'));
    expect(deleted.data!.deleteVenue).toBe(venue.id);
    expect((await subgraph.query(`query($id: ID!) { venue(id: $id) { id } }`, { id: venue.id })).data!.venue).toBeNull();
    const log: Array<{ action: string }> = await subgraph.dataSource.query(
      'SELECT action FROM change_log WHERE entity_id = $1 ORDER BY sequence',
      [venue.id],
    );
    expect(log.map((l) => l.action)).toEqual(['CREATED', 'UPDATED', 'DELETED']);
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const venue = await createVenue({ actorId: A.hyresgastforeningen, name: 'Lokal A', areaCode: AR.rosengard, capacity: 10 });
    const headers = tokensOf(A.hyresgastforeningen);
    expect((await subgraph.query(UPDATE, { id: venue.id, version: 1, input: { name: 'Lokal A (ny)' } }, headers)).errors).toBeUndefined();
    const stale = await subgraph.query(UPDATE, { id: venue.id, version: 1, input: { name: 'Lokal A (gammal)' } }, headers);
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    const { data } = await subgraph.query(`query($id: ID!) { venue(id: $id) { name version } }`, { id: venue.id });
    expect(data!.venue).toEqual({ name: 'Lokal A (ny)', version: 2 });
  });

  it('lets the organisation that maintains an actor entry register its venues', async () => {
    const { data } = await subgraph.query(
      `mutation { createActor(input: { name: "Rädda Barnen Linköping", kind: CIVIL_SOCIETY, areaCodes: ["${AR.linkoping}"] }) { id } }`,
      {},
      tokensOf(A.raddaBarnen),
    );
    const branch = data!.createActor.id;
    const venue = await createVenue({ actorId: branch, name: 'Lokalföreningens rum', areaCode: AR.skaggetorp, capacity: 15 }, tokensOf(A.raddaBarnen));
    expect(venue.version).toBe(1);
  });

  const valid = { actorId: A.fryshuset, name: 'Ny lokal', areaCode: AR.rinkebyKista, capacity: 10 };

  it.each([
    ['the public', 'public', 'UNAUTHENTICATED'],
    ['a member without a coordinator role', 'ngoMember', 'FORBIDDEN'],
    ["another party's coordinator", 'policeOfficer', 'FORBIDDEN'],
    ['a national coordinator of another organisation', 'nationalCoordinator', 'FORBIDDEN'],
    ['an administrator', 'administrator', 'FORBIDDEN'],
  ] as const)('refuses %s to register a venue for Fryshuset, writing nothing', async (_who, who, code) => {
    const [venues, log] = [await countVenues(), await countLog()];
    expect(errorCode(await subgraph.query(CREATE, { input: valid }, as(who)))).toBe(code);
    expect([await countVenues(), await countLog()]).toEqual([venues, log]);
  });

  it.each([
    ['the public', 'public', 'UNAUTHENTICATED'],
    ['a member without a coordinator role', 'ngoMember', 'FORBIDDEN'],
    ["another party's coordinator", 'policeOfficer', 'FORBIDDEN'],
  ] as const)("refuses %s to change or delete Fryshuset's venue, keeping it unchanged", async (_who, who, code) => {
    const before = (await subgraph.query(`query($id: ID!) { venue(id: $id) { name version } }`, { id: V.fryshusetHusby })).data!.venue;
    expect(errorCode(await subgraph.query(UPDATE, { id: V.fryshusetHusby, version: before.version, input: { name: 'Kapad' } }, as(who)))).toBe(code);
    expect(errorCode(await subgraph.query(DELETE, { id: V.fryshusetHusby, version: before.version }, as(who)))).toBe(code);
    const after = (await subgraph.query(`query($id: ID!) { venue(id: $id) { name version } }`, { id: V.fryshusetHusby })).data!.venue;
    expect(after).toEqual(before);
  });

  it.each([
    ['an unknown actor', { ...valid, actorId: '00000000-0000-4000-8000-000000000000' }, 'BAD_USER_INPUT'],
    ['a malformed actor id', { ...valid, actorId: 'fryshuset' }, 'BAD_USER_INPUT'],
    ['an unknown area', { ...valid, areaCode: '9999' }, 'BAD_USER_INPUT'],
    ['a malformed area code', { ...valid, areaCode: 'Rinkeby' }, 'BAD_USER_INPUT'],
    ['a capacity of 0', { ...valid, capacity: 0 }, 'BAD_USER_INPUT'],
    ['an invalid use', { ...valid, suitableFor: ['PARTY'] }, 'BAD_USER_INPUT'],
    ['a too-long name', { ...valid, name: 'x'.repeat(201) }, 'BAD_USER_INPUT'],
    ['an empty name', { ...valid, name: '' }, 'BAD_USER_INPUT'],
    ['a malformed postal code', { ...valid, address: { postalCode: '1234' } }, 'BAD_USER_INPUT'],
    ['a latitude out of range', { ...valid, location: { latitude: 91, longitude: 18 } }, 'BAD_USER_INPUT'],
    ['an unknown contact function', { ...valid, contactFunctionId: '00000000-0000-4000-8000-000000000000' }, 'BAD_USER_INPUT'],
    ["another actor's contact function", { ...valid, contactFunctionId: F.kommunpolisJarva }, 'BAD_USER_INPUT'],
  ])('refuses %s with a clear code and writes nothing', async (_case, input, code) => {
    const [venues, log] = [await countVenues(), await countLog()];
    const response = await subgraph.query(CREATE, { input }, as('ngoCoordinator'));
    expect(errorCode(response)).toBe(code);
    expect(response.errors![0].message).not.toMatch(/QueryFailedError|at .*\.ts/);
    expect([await countVenues(), await countLog()]).toEqual([venues, log]);
  });

  it.each([
    ['an unknown id', { id: '00000000-0000-4000-8000-000000000000', version: 1, input: { name: 'X' } }, 'NOT_FOUND'],
    ['a malformed id', { id: 'nope', version: 1, input: { name: 'X' } }, 'NOT_FOUND'],
    ['clearing the name', { id: V.fryshusetHusby, version: 1, input: { name: null } }, 'BAD_USER_INPUT'],
    ['clearing the capacity', { id: V.fryshusetHusby, version: 1, input: { capacity: null } }, 'BAD_USER_INPUT'],
    ["another actor's contact function", { id: V.fryshusetHusby, version: 1, input: { contactFunctionId: F.posomUppsala } }, 'BAD_USER_INPUT'],
    ['an unknown area', { id: V.fryshusetHusby, version: 1, input: { areaCode: '0180-atlantis' } }, 'BAD_USER_INPUT'],
  ])('refuses an update with %s and changes nothing', async (_case, variables, code) => {
    const before = (await subgraph.query(`query($id: ID!) { venue(id: $id) { version name capacity contactFunction { id } area { code } } }`, { id: V.fryshusetHusby })).data!.venue;
    const log = await countLog();
    expect(errorCode(await subgraph.query(UPDATE, variables, as('ngoCoordinator')))).toBe(code);
    const after = (await subgraph.query(`query($id: ID!) { venue(id: $id) { version name capacity contactFunction { id } area { code } } }`, { id: V.fryshusetHusby })).data!.venue;
    expect(after).toEqual(before);
    expect(await countLog()).toBe(log);
  });
});

// ---------------------------------------------------------------------------------------------
// Statement counts: a subgraph process of its own on the same database, with statistics on
// ---------------------------------------------------------------------------------------------

describe('statement counts', () => {
  let stats: ServiceProcess;
  beforeAll(async () => {
    const url = (subgraph.dataSource.options as { url: string }).url;
    stats = await startSubgraphProcess('actors', url, { SAMVERKAN_SQL_STATS: 'true' });
  });
  afterAll(() => stats?.stop());

  const statements = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await graphql(stats.url, query, variables, headers);
    expect(response.errors).toBeUndefined();
    return { count: response.extensions!.sqlStatements as number, data: response.data as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('loads a page of venues with actors, areas and contact functions in the same number of statements whatever its size', async () => {
    const query = `query($first: Int!) { venues(first: $first) { totalCount nodes { id actor { name } area { name }
      contactFunction { name channels { value } holders { personName isCurrent } isOnePersonDependency } } } }`;
    // The first two by name both have a contact function, as do most others.
    const small = await statements(query, { first: 2 }, as('ngoMember'));
    const large = await statements(query, { first: 100 }, as('ngoMember'));
    expect(small.data.venues.nodes).toHaveLength(2);
    expect(large.data.venues.nodes.length).toBeGreaterThanOrEqual(6);
    expect(large.count).toBe(small.count);
    // Token's organisation, page, count, actors, areas, contact functions, holders.
    expect(large.count).toBeLessThanOrEqual(7);
  });

  it('loads venues of many areas and actors in a fixed number of statements', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Area { venues(scope: OVERLAPPING) { name actor { name } } } ... on Actor { venues { name area { name } } } } }`;
    const few = await statements(query, { r: [{ __typename: 'Area', code: AR.angered }, { __typename: 'Actor', id: A.fryshuset }] });
    const many = await statements(query, {
      r: [
        ...[AR.angered, AR.gottsunda, AR.rinkebyKista, AR.uppsala, AR.stockholm].map((code) => ({ __typename: 'Area', code })),
        ...[A.fryshuset, A.mammaUnited, A.kfumGoteborg, A.hyresgastforeningen].map((id) => ({ __typename: 'Actor', id })),
      ],
    });
    expect(many.count).toBe(few.count);
  });
});
