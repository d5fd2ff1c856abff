import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { DEMO_CONTACT_FUNCTIONS as F, DEMO_VENUES as V } from '../src/demo/seed-venues-contacts';
import { bearer, PEOPLE, errorCode, graphql, ServiceProcess, startSubgraphProcess, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

let subgraph: TestSubgraph;
type Person = keyof typeof PEOPLE;
const SIGNED_IN = Object.keys(PEOPLE) as Person[];
const tokens = {} as Record<Person, Record<string, string>>;
const as = (who: Person | 'public') => (who === 'public' ? {} : tokens[who]);
let uppsala: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  for (const [who, person] of Object.entries(PEOPLE)) tokens[who as Person] = await bearer(person.organisationId, [...person.roles]);
  uppsala = await bearer(A.uppsalaKommun, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id);
const sorted = (values: string[]) => [...values].sort();
const count = async (sql: string) => (await subgraph.dataSource.query(sql))[0].n as number;
const counts = async () => [
  await count('SELECT count(*)::int AS n FROM contact_functions'),
  await count('SELECT count(*)::int AS n FROM contact_function_holders'),
  await count('SELECT count(*)::int AS n FROM change_log'),
];

/** Days relative to today in Swedish time, as the test computes them ('YYYY-MM-DD'). */
const day = (offset: number) => {
  const now = new Date(Date.now() + offset * 86400000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
};

/**
 * Seed intent: Kommunpolis Järva has one current holder (her predecessor's period ended), as do
 * Ordförande KFUM Göteborg, Trygghetssamordnare Gottsunda and Lokalansvarig Hyresgästföreningen
 * Gottsunda (whose backup left); every other demo function has a holder and a backup.
 */
const DEPENDENCIES = {
  stockholm: [F.kommunpolisJarva],
  goteborg: [F.ordforandeKfumGoteborg],
  uppsala: [F.lokalansvarigHyresgastforeningenGottsunda, F.trygghetssamordnareGottsunda],
};

const FIELDS = 'id name description actor { id } area { code } channels { kind value note } holders { personName role from until isCurrent } holderCount isOnePersonDependency';

describe('the one-person-dependency flag', () => {
  const one = `query($id: ID!) { contactFunction(id: $id) { ${FIELDS} } }`;

  it('flags a function whose only current holder is one person, not counting a predecessor whose period ended', async () => {
    const { data, errors } = await subgraph.query(one, { id: F.kommunpolisJarva }, as('municipalityOfficial'));
    expect(errors).toBeUndefined();
    expect(data!.contactFunction).toMatchObject({
      name: 'Kommunpolis Järva',
      actor: { id: A.lpoRinkeby },
      area: { code: AR.rinkebyKista },
      holderCount: 1,
      isOnePersonDependency: true,
    });
    expect(data!.contactFunction.holders.map((h: { isCurrent: boolean }) => h.isCurrent)).toEqual([false, true]);
  });

  it.each([
    [F.fritidssamordnareRinkebyKista, 2, false],
    [F.posomUppsala, 2, false],
    [F.omradespolisAngered, 2, false],
    [F.trygghetssamordnareGottsunda, 1, true],
    [F.ordforandeKfumGoteborg, 1, true],
    [F.lokalansvarigHyresgastforeningenGottsunda, 1, true],
    [F.mottagningenBarnOchUngaRinkebyKista, 2, false],
    [F.elevhalsanRinkebyskolan, 2, false],
    [F.socialjourenBarnOchUngaNordost, 2, false],
  ])('counts the current holders of demo function %s', async (id, holderCount, isOnePersonDependency) => {
    const { data } = await subgraph.query(one, { id }, as('ngoMember'));
    expect(data!.contactFunction).toMatchObject({ holderCount, isOnePersonDependency });
  });

  it.each([
    ['no holders', [], 0, true],
    ['one holder', [{ personName: 'Anna Demo' }], 1, true],
    ['a holder and a backup', [{ personName: 'Anna Demo' }, { personName: 'Bo Demo', role: 'BACKUP' }], 2, false],
    ['two holders', [{ personName: 'Anna Demo' }, { personName: 'Bo Demo' }], 2, false],
    ['a holder and a backup who left yesterday', [{ personName: 'Anna Demo', from: day(-400) }, { personName: 'Bo Demo', role: 'BACKUP', until: day(-1) }], 1, true],
    ['a holder and a backup who starts tomorrow', [{ personName: 'Anna Demo' }, { personName: 'Bo Demo', role: 'BACKUP', from: day(1) }], 1, true],
    ['a holder and a backup whose last day is today', [{ personName: 'Anna Demo' }, { personName: 'Bo Demo', role: 'BACKUP', from: day(-10), until: day(0) }], 2, false],
    ['a holder who started today and a backup', [{ personName: 'Anna Demo', from: day(0) }, { personName: 'Bo Demo', role: 'BACKUP' }], 2, false],
    ['two people who both left', [{ personName: 'Anna Demo', until: day(-30) }, { personName: 'Bo Demo', until: day(-2) }], 0, true],
  ])('counts %s', async (_case, holders, holderCount, isOnePersonDependency) => {
    const created = await subgraph.query(
      `mutation($input: CreateContactFunctionInput!) { createContactFunction(input: $input) { id holderCount isOnePersonDependency holders { personName } } }`,
      { input: { actorId: A.linkopingsKommun, name: `Testfunktion – ${_case}`, areaCode: AR.skaggetorp, holders } },
      await bearer(A.linkopingsKommun, [Role.COORDINATOR]),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createContactFunction).toMatchObject({ holderCount, isOnePersonDependency });
    expect(created.data!.createContactFunction.holders).toHaveLength(holders.length);
    const readBack = await subgraph.query(one, { id: created.data!.createContactFunction.id }, as('policeOfficer'));
    expect(readBack.data!.contactFunction).toMatchObject({ holderCount, isOnePersonDependency });
  });
});

describe('one-person dependencies per area', () => {
  const query = `query($area: ID!, $scope: AreaScope, $first: Int, $after: String) {
    onePersonDependencies(areaCode: $area, scope: $scope, first: $first, after: $after) {
      totalCount nodes { id name isOnePersonDependency area { code } } pageInfo { hasNextPage endCursor } } }`;

  it.each([
    ['a municipality, with its districts', AR.stockholm, DEPENDENCIES.stockholm],
    ['a county, with its municipalities and districts', '01', DEPENDENCIES.stockholm],
    ['another municipality', AR.goteborg, DEPENDENCIES.goteborg],
    ['a municipality with two', AR.uppsala, DEPENDENCIES.uppsala],
    ['a district', AR.gottsunda, DEPENDENCIES.uppsala],
    ['a district with none', AR.angered, []],
  ])('lists those in %s for coordinators, with a total count', async (_case, area, expected) => {
    const { data, errors } = await subgraph.query(query, { area }, as('nationalCoordinator'));
    expect(errors).toBeUndefined();
    expect(sorted(ids(data!.onePersonDependencies.nodes))).toEqual(sorted(expected));
    expect(data!.onePersonDependencies.totalCount).toBe(expected.length);
    expect(data!.onePersonDependencies.nodes.every((n: { isOnePersonDependency: boolean }) => n.isOnePersonDependency)).toBe(true);
  });

  it('includes functions of wider areas with scope OVERLAPPING, pages, and follows changes of holders', async () => {
    const headers = await bearer(A.raddaBarnen, [Role.COORDINATOR]);
    const create = `mutation($input: CreateContactFunctionInput!) { createContactFunction(input: $input) { id version } }`;
    const regional = await subgraph.query(create, { input: { actorId: A.raddaBarnen, name: 'Regionsamordnare Skåne', areaCode: '12', holders: [{ personName: 'Anna Demo' }] } }, headers);
    const local = await subgraph.query(create, { input: { actorId: A.raddaBarnen, name: 'Kontaktperson Rosengård', areaCode: AR.rosengard, holders: [] } }, headers);
    const covered = await subgraph.query(
      create,
      { input: { actorId: A.raddaBarnen, name: 'Barnrättsombud Malmö', areaCode: AR.malmo, holders: [{ personName: 'A Demo' }, { personName: 'B Demo', role: 'BACKUP' }] } },
      headers,
    );
    const [r, l, c] = [regional, local, covered].map((x) => x.data!.createContactFunction);

    const within = await subgraph.query(query, { area: AR.rosengard }, as('policeOfficer'));
    expect(ids(within.data!.onePersonDependencies.nodes)).toEqual([l.id]);
    const overlapping = await subgraph.query(query, { area: AR.rosengard, scope: 'OVERLAPPING', first: 1 }, as('policeOfficer'));
    expect(overlapping.data!.onePersonDependencies.totalCount).toBe(2);
    const next = await subgraph.query(
      query,
      { area: AR.rosengard, scope: 'OVERLAPPING', first: 1, after: overlapping.data!.onePersonDependencies.pageInfo.endCursor },
      as('policeOfficer'),
    );
    // By name: "Kontaktperson Rosengård" before "Regionsamordnare Skåne".
    expect([...ids(overlapping.data!.onePersonDependencies.nodes), ...ids(next.data!.onePersonDependencies.nodes)]).toEqual([l.id, r.id]);
    expect(next.data!.onePersonDependencies.pageInfo.hasNextPage).toBe(false);

    // The covered function loses its backup: it becomes a dependency of Malmö.
    const set = await subgraph.query(
      `mutation($id: ID!, $version: Int!, $holders: [ContactFunctionHolderInput!]!) { setContactFunctionHolders(functionId: $id, version: $version, holders: $holders) { version isOnePersonDependency } }`,
      { id: c.id, version: c.version, holders: [{ personName: 'A Demo' }, { personName: 'B Demo', role: 'BACKUP', until: day(-1) }] },
      headers,
    );
    expect(set.data!.setContactFunctionHolders).toEqual({ version: c.version + 1, isOnePersonDependency: true });
    const malmo = await subgraph.query(query, { area: AR.malmo }, as('policeOfficer'));
    expect(sorted(ids(malmo.data!.onePersonDependencies.nodes))).toEqual(sorted([l.id, c.id]));
  });

  it('refuses the public', async () => {
    const response = await subgraph.query(query, { area: AR.stockholm });
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.data?.onePersonDependencies ?? null).toBeNull();
  });

  it('refuses a malformed area code', async () => {
    expect(errorCode(await subgraph.query(query, { area: 'Stockholm' }, as('policeOfficer')))).toBe('BAD_USER_INPUT');
  });

  it('counts them per area for dashboards, for signed-in parties only', async () => {
    const dashboard = `query { areas(filter: { kinds: [MUNICIPALITY], text: "a" }, first: 100) { nodes { code onePersonDependencyCount } } }`;
    const sthlm = `query($codes: [_Any!]!) { _entities(representations: $codes) { ... on Area { code onePersonDependencyCount overlapping: onePersonDependencyCount(scope: OVERLAPPING) } } }`;
    const representations = [AR.stockholm, AR.goteborg, AR.uppsala, AR.rinkebyKista, AR.angered, '01'].map((code) => ({ __typename: 'Area', code }));
    const { data, errors } = await subgraph.query(sthlm, { codes: representations }, as('ngoMember'));
    expect(errors).toBeUndefined();
    const byCode = Object.fromEntries(data!._entities.map((a: { code: string; onePersonDependencyCount: number }) => [a.code, a.onePersonDependencyCount]));
    expect(byCode).toEqual({
      [AR.stockholm]: DEPENDENCIES.stockholm.length,
      [AR.goteborg]: DEPENDENCIES.goteborg.length,
      [AR.uppsala]: DEPENDENCIES.uppsala.length,
      [AR.rinkebyKista]: DEPENDENCIES.stockholm.length,
      [AR.angered]: 0,
      '01': DEPENDENCIES.stockholm.length,
    });
    const pub = await subgraph.query(sthlm, { codes: representations });
    expect(pub.data!._entities.every((a: { onePersonDependencyCount: unknown; overlapping: unknown }) => a.onePersonDependencyCount === null && a.overlapping === null)).toBe(true);
    const list = await subgraph.query(dashboard, {}, as('ngoMember'));
    expect(list.errors).toBeUndefined();
  });
});

describe("a crisis roster's one-person dependencies (the situation subgraph's roster, its function ids passed by the gateway)", () => {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CrisisRoster { id onePersonDependencies { id name } } } }`;
  const roster = (id: string, contactFunctionIds: string[]) => ({ __typename: 'CrisisRoster', id, contactFunctionIds });
  const representations = [
    roster('c0000000-0000-4000-8000-000000000001', [F.posomUppsala, F.trygghetssamordnareGottsunda, F.lokalbokningSvenskaKyrkanUppsala, F.lokalansvarigHyresgastforeningenGottsunda]),
    // Unknown and malformed ids (a function deleted from the registry, say) are nobody's dependency.
    roster('c0000000-0000-4000-8000-000000000002', [F.kommunpolisJarva, '00000000-0000-4000-8000-000000000000', 'not-an-id']),
    roster('c0000000-0000-4000-8000-000000000003', []),
  ];

  it('lists the functions with fewer than two current holders, in the roster\'s order, for every signed-in party', async () => {
    for (const who of SIGNED_IN) {
      const { data, errors } = await subgraph.query(query, { r: representations }, as(who));
      expect(errors).toBeUndefined();
      expect(data!._entities.map((r: { onePersonDependencies: Array<{ id: string }> }) => ids(r.onePersonDependencies))).toEqual([
        [F.trygghetssamordnareGottsunda, F.lokalansvarigHyresgastforeningenGottsunda],
        [F.kommunpolisJarva],
        [],
      ]);
    }
  });

  it('is null for the public, as `isOnePersonDependency` is', async () => {
    const { data, errors } = await subgraph.query(query, { r: representations });
    expect(errors).toBeUndefined();
    expect(data!._entities.map((r: { onePersonDependencies: unknown }) => r.onePersonDependencies)).toEqual([null, null, null]);
  });
});

describe('listing contact functions', () => {
  const list = `query($filter: ContactFunctionFilter) { contactFunctions(filter: $filter, first: 100) { totalCount nodes { id } } }`;

  it.each([
    ['a municipality, with its districts', { areaCode: AR.stockholm }, [
      F.kommunpolisJarva, F.fritidssamordnareRinkebyKista, F.verksamhetsansvarigFryshusetJarva, F.mottagningenBarnOchUngaRinkebyKista, F.elevhalsanRinkebyskolan,
    ]],
    ['a district', { areaCode: AR.angered }, [F.omradespolisAngered, F.lokalbokningFolketsHusAngered, F.socialjourenBarnOchUngaNordost]],
    ['a district, with wider areas', { areaCode: AR.angered, areaScope: 'OVERLAPPING' }, [F.omradespolisAngered, F.lokalbokningFolketsHusAngered, F.socialjourenBarnOchUngaNordost, F.ordforandeKfumGoteborg]],
    ['an actor, the school', { actorId: A.rinkebySkolan }, [F.elevhalsanRinkebyskolan]],
    ['an actor', { actorId: A.uppsalaKommun }, [F.posomUppsala, F.trygghetssamordnareGottsunda]],
    ['text in the name', { text: 'kommunpolis' }, [F.kommunpolisJarva]],
    ['text in the description', { text: 'POSOM' }, [F.posomUppsala, F.lokalbokningSvenskaKyrkanUppsala]],
    ["a holder's name, which is never searched", { text: 'Anna Svensson' }, []],
    ["a channel's value, which is never searched", { text: 'example.org' }, []],
  ])('filters by %s', async (_case, filter, expected) => {
    const { data, errors } = await subgraph.query(list, { filter });
    expect(errors).toBeUndefined();
    expect(sorted(ids(data!.contactFunctions.nodes))).toEqual(sorted(expected));
  });

  it('orders by name and pages without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const { data }: { data?: any } = await subgraph.query( // eslint-disable-line @typescript-eslint/no-explicit-any
        `query($after: String) { contactFunctions(first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      total = data.contactFunctions.totalCount;
      seen.push(...ids(data.contactFunctions.nodes));
      if (!data.contactFunctions.pageInfo.hasNextPage) break;
      after = data.contactFunctions.pageInfo.endCursor;
    }
    const inDatabaseOrder: Array<{ id: string }> = await subgraph.dataSource.query('SELECT id FROM contact_functions ORDER BY name, id');
    expect(seen).toEqual(inDatabaseOrder.map((r) => r.id));
    expect(total).toBe(inDatabaseOrder.length);
  });
});

describe('who sees what: the function is public, how to reach whom is for the network', () => {
  const NETWORK_FIELDS = ['channels', 'holders', 'holderCount', 'isOnePersonDependency'] as const;
  type Fn = Record<string, unknown>;
  const expectPublicView = (fn: Fn, id: string) => {
    expect(fn.id).toBe(id);
    expect(fn.name).toEqual(expect.any(String));
    expect(fn.actor).toEqual({ id: expect.any(String) });
    expect(fn.area).toEqual({ code: expect.any(String) });
    for (const field of NETWORK_FIELDS) expect(fn[field]).toBeNull();
  };
  const expectNetworkView = (fn: Fn) => {
    expect(fn.channels).toEqual(expect.arrayContaining([expect.objectContaining({ kind: expect.any(String), value: expect.any(String) })]));
    expect((fn.holders as unknown[]).length).toBeGreaterThan(0);
    expect(fn.holderCount).toEqual(expect.any(Number));
    expect(fn.isOnePersonDependency).toEqual(expect.any(Boolean));
  };

  const PATHS: Array<[string, string, Record<string, unknown>, (data: any) => Fn]> = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['root by id', `query($id: ID!) { contactFunction(id: $id) { ${FIELDS} } }`, { id: F.kommunpolisJarva }, (d) => d.contactFunction],
    [
      'root list',
      `query { contactFunctions(filter: { text: "Kommunpolis" }) { nodes { ${FIELDS} } } }`,
      {},
      (d) => d.contactFunctions.nodes[0],
    ],
    [
      'Actor.contactFunctions',
      `query($a: ID!) { actor(id: $a) { contactFunctions { ${FIELDS} } } }`,
      { a: A.lpoRinkeby },
      (d) => d.actor.contactFunctions.find((f: Fn) => f.id === F.kommunpolisJarva),
    ],
    [
      'Area.contactFunctions(scope)',
      `query { area(code: "0180") { contactFunctions { ${FIELDS} } overlapping: contactFunctions(scope: OVERLAPPING) { id } } }`,
      {},
      (d) => d.area.contactFunctions.find((f: Fn) => f.id === F.kommunpolisJarva),
    ],
    [
      '_entities for Actor with nested contactFunctions',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { contactFunctions { ${FIELDS} } } } }`,
      { r: [{ __typename: 'Actor', id: A.lpoRinkeby }] },
      (d) => d._entities[0].contactFunctions.find((f: Fn) => f.id === F.kommunpolisJarva),
    ],
    [
      '_entities for ContactFunction',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ContactFunction { ${FIELDS} } } }`,
      { r: [{ __typename: 'ContactFunction', id: F.kommunpolisJarva }] },
      (d) => d._entities[0],
    ],
    [
      'aliases and fragments',
      `fragment F on ContactFunction { ${FIELDS} } query($id: ID!) { x: contactFunction(id: $id) { ...F } }`,
      { id: F.kommunpolisJarva },
      (d) => d.x,
    ],
    [
      'Venue.contactFunction',
      `query($v: ID!) { venue(id: $v) { contactFunction { ${FIELDS} } } }`,
      { v: V.hyresgastlokalGottsunda },
      (d) => d.venue.contactFunction,
    ],
  ];

  it.each(PATHS)('hides channels, holders and counts from the public: %s', async (_path, query, variables, pick) => {
    const { data, errors } = await subgraph.query(query, variables);
    expect(errors).toBeUndefined();
    const fn = pick(data);
    expectPublicView(fn, (fn.id as string) ?? '');
  });

  it.each(PATHS.flatMap(([path, query, variables, pick]) => SIGNED_IN.map((who) => [path, who, query, variables, pick] as const)))(
    'shows them to signed-in parties: %s as %s',
    async (_path, who, query, variables, pick) => {
      const { data, errors } = await subgraph.query(query, variables, as(who));
      expect(errors).toBeUndefined();
      expectNetworkView(pick(data));
    },
  );

  it('publishes ContactFunction as an entity in _service.sdl', async () => {
    const { data } = await subgraph.query('{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/type ContactFunction\s+@key\(fields: "id"\)/);
  });

  it('gives the public the demo function names but never a person', async () => {
    const { data } = await subgraph.query(`{ contactFunctions(first: 100) { nodes { name description channels { value } holders { personName } } } }`);
    const text = JSON.stringify(data);
    expect(text).toContain('Kommunpolis Järva');
    expect(text).not.toMatch(/\(demo\)|example\.org|070-174/);
  });
});

// ---------------------------------------------------------------------------------------------
// Changing contact functions
// ---------------------------------------------------------------------------------------------

const CREATE = `mutation($input: CreateContactFunctionInput!) { createContactFunction(input: $input) {
  id version name area { code } channels { kind value note } holders { personName role from until } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateContactFunctionInput!) { updateContactFunction(id: $id, version: $version, input: $input) {
  id version name description area { code } channels { kind value note } holders { personName } } }`;
const SET_HOLDERS = `mutation($id: ID!, $version: Int!, $holders: [ContactFunctionHolderInput!]!) {
  setContactFunctionHolders(functionId: $id, version: $version, holders: $holders) { id version holders { personName role from until isCurrent } holderCount } }`;
const DELETE = `mutation($id: ID!, $version: Int!) { deleteContactFunction(id: $id, version: $version) }`;
const HISTORY = `query($id: ID!) { contactFunction(id: $id) { changeLog { action organisationId fields } } }`;

describe('changing contact functions', () => {
  it('creates, updates, sets holders and deletes a function, bumping its version and logging each change', async () => {
    const created = await subgraph.query(
      CREATE,
      {
        input: {
          actorId: A.lpoRinkeby,
          name: 'Områdespolis Tensta',
          areaCode: AR.spangaTensta,
          channels: [
            { kind: 'PHONE', value: ' 08-465 004 10 ', note: 'Vardagar' },
            { kind: 'EMAIL', value: 'omradespolis.tensta@example.org' },
            { kind: 'WEB', value: 'https://example.org/tensta' },
            { kind: 'SMS', value: '+46 70 174 06 10' },
          ],
          holders: [{ personName: 'Anna Demo', from: '2024-01-01' }],
        },
      },
      as('policeOfficer'),
    );
    expect(created.errors).toBeUndefined();
    const fn = created.data!.createContactFunction;
    expect(fn).toMatchObject({
      version: 1,
      area: { code: AR.spangaTensta },
      channels: [
        { kind: 'PHONE', value: '08-465 004 10', note: 'Vardagar' },
        { kind: 'EMAIL', value: 'omradespolis.tensta@example.org', note: null },
        { kind: 'WEB', value: 'https://example.org/tensta', note: null },
        { kind: 'SMS', value: '+46 70 174 06 10', note: null },
      ],
      holders: [{ personName: 'Anna Demo', role: 'HOLDER', from: '2024-01-01', until: null }],
    });

    const updated = await subgraph.query(
      UPDATE,
      { id: fn.id, version: 1, input: { description: 'Områdespolis för Tensta och Hjulsta', channels: [{ kind: 'EMAIL', value: 'tensta@example.org' }] } },
      as('policeOfficer'),
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateContactFunction).toMatchObject({
      version: 2,
      name: 'Områdespolis Tensta',
      description: 'Områdespolis för Tensta och Hjulsta',
      channels: [{ kind: 'EMAIL', value: 'tensta@example.org', note: null }],
      holders: [{ personName: 'Anna Demo' }],
    });

    const set = await subgraph.query(
      SET_HOLDERS,
      { id: fn.id, version: 2, holders: [{ personName: 'Anna Demo', until: day(-1) }, { personName: 'Bo Demo', from: day(0) }, { personName: 'Cecilia Demo', role: 'BACKUP' }] },
      as('policeOfficer'),
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setContactFunctionHolders).toMatchObject({
      version: 3,
      holderCount: 2,
      holders: [
        { personName: 'Anna Demo', role: 'HOLDER', until: day(-1), isCurrent: false },
        { personName: 'Bo Demo', role: 'HOLDER', from: day(0), isCurrent: true },
        { personName: 'Cecilia Demo', role: 'BACKUP', isCurrent: true },
      ],
    });

    const own = await subgraph.query(HISTORY, { id: fn.id }, await bearer(A.lpoRinkeby, [Role.MEMBER]));
    const entries: Array<{ action: string; organisationId: string; fields: string[] }> = own.data!.contactFunction.changeLog;
    expect(entries.map((e) => [e.action, e.organisationId])).toEqual([
      ['CREATED', A.lpoRinkeby],
      ['UPDATED', A.lpoRinkeby],
      ['UPDATED', A.lpoRinkeby],
    ]);
    expect(sorted(entries[1].fields)).toEqual(['channels', 'description']);
    expect(entries[2].fields).toEqual(['holders']);
    expect((await subgraph.query(HISTORY, { id: fn.id })).data!.contactFunction.changeLog).toBeNull();
    expect((await subgraph.query(HISTORY, { id: fn.id }, as('ngoMember'))).data!.contactFunction.changeLog).toBeNull();

    expect(errorCode(await subgraph.query(DELETE, { id: fn.id, version: 2 }, as('policeOfficer')))).toBe('VERSION_CONFLICT');
    const deleted = await subgraph.query(DELETE, { id: fn.id, version: 3 }, as('policeOfficer'));
    expect(deleted.data!.deleteContactFunction).toBe(fn.id);
    expect((await subgraph.query(`query($id: ID!) { contactFunction(id: $id) { id } }`, { id: fn.id })).data!.contactFunction).toBeNull();
    expect(await count(`SELECT count(*)::int AS n FROM contact_function_holders WHERE function_id = '${fn.id}'`)).toBe(0);
    const log: Array<{ action: string }> = await subgraph.dataSource.query('SELECT action FROM change_log WHERE entity_id = $1 ORDER BY sequence', [fn.id]);
    expect(log.map((l) => l.action)).toEqual(['CREATED', 'UPDATED', 'UPDATED', 'DELETED']);
  });

  it('deletes a function that venues name: they keep no contact function and get a new version, logged', async () => {
    const fn = (await subgraph.query(CREATE, { input: { actorId: A.hyresgastforeningen, name: 'Lokalansvarig Rosengård', areaCode: AR.rosengard } }, await bearer(A.hyresgastforeningen, [Role.COORDINATOR]))).data!.createContactFunction;
    const headers = await bearer(A.hyresgastforeningen, [Role.COORDINATOR]);
    const venue = (
      await subgraph.query(
        `mutation($input: CreateVenueInput!) { createVenue(input: $input) { id version } }`,
        { input: { actorId: A.hyresgastforeningen, name: 'Lokalen i Rosengård', areaCode: AR.rosengard, capacity: 30, contactFunctionId: fn.id } },
        headers,
      )
    ).data!.createVenue;
    expect((await subgraph.query(DELETE, { id: fn.id, version: 1 }, headers)).errors).toBeUndefined();
    const { data } = await subgraph.query(`query($id: ID!) { venue(id: $id) { version contactFunction { id } changeLog { action fields } } }`, { id: venue.id }, headers);
    expect(data!.venue).toEqual({
      version: venue.version + 1,
      contactFunction: null,
      changeLog: [
        { action: 'CREATED', fields: expect.any(Array) },
        { action: 'UPDATED', fields: ['contactFunctionId'] },
      ],
    });
  });

  it('keeps changed holders of a demo function when the demo data is loaded again', async () => {
    const church = await bearer(A.svenskaKyrkanUppsala, [Role.COORDINATOR]);
    const read = `query($id: ID!) { contactFunction(id: $id) { version holders { personName role } } }`;
    const { version } = (await subgraph.query(read, { id: F.lokalbokningSvenskaKyrkanUppsala }, church)).data!.contactFunction;
    const holders = [{ personName: 'Ny Bokare', role: 'HOLDER' }, { personName: 'Ny Ersättare', role: 'BACKUP' }];
    expect((await subgraph.query(SET_HOLDERS, { id: F.lokalbokningSvenskaKyrkanUppsala, version, holders }, church)).errors).toBeUndefined();
    const rows = await counts();
    await (await actorsSubgraph.loadDemoSeed())(subgraph.dataSource);
    expect(await counts()).toEqual(rows);
    expect((await subgraph.query(read, { id: F.lokalbokningSvenskaKyrkanUppsala }, church)).data!.contactFunction).toEqual({ version: version + 1, holders });
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const fn = (await subgraph.query(CREATE, { input: { actorId: A.uppsalaKommun, name: 'Funktion A', areaCode: AR.uppsala } }, uppsala)).data!.createContactFunction;
    expect((await subgraph.query(UPDATE, { id: fn.id, version: 1, input: { name: 'Funktion A (ny)' } }, uppsala)).errors).toBeUndefined();
    expect(errorCode(await subgraph.query(UPDATE, { id: fn.id, version: 1, input: { name: 'Funktion A (gammal)' } }, uppsala))).toBe('VERSION_CONFLICT');
    expect(errorCode(await subgraph.query(SET_HOLDERS, { id: fn.id, version: 1, holders: [] }, uppsala))).toBe('VERSION_CONFLICT');
    const { data } = await subgraph.query(`query($id: ID!) { contactFunction(id: $id) { name version } }`, { id: fn.id });
    expect(data!.contactFunction).toEqual({ name: 'Funktion A (ny)', version: 2 });
  });

  const valid = { actorId: A.rinkebyKistaStadsdel, name: 'Fältassistent Rinkeby', areaCode: AR.rinkebyKista };

  it.each([
    ['the public', 'public', 'UNAUTHENTICATED'],
    ["another party's coordinator", 'policeOfficer', 'FORBIDDEN'],
    ['a member without a coordinator role', 'ngoMember', 'FORBIDDEN'],
    ['a national coordinator of another organisation', 'nationalCoordinator', 'FORBIDDEN'],
    ['an administrator', 'administrator', 'FORBIDDEN'],
  ] as const)('refuses %s to create a function for the district administration, writing nothing', async (_who, who, code) => {
    const before = await counts();
    expect(errorCode(await subgraph.query(CREATE, { input: valid }, as(who)))).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('lets the district administration itself create it', async () => {
    const response = await subgraph.query(CREATE, { input: valid }, as('municipalityOfficial'));
    expect(response.errors).toBeUndefined();
  });

  it.each([
    ['the public', 'public', 'UNAUTHENTICATED'],
    ['a member of another organisation', 'ngoMember', 'FORBIDDEN'],
    ["another party's coordinator", 'municipalityOfficial', 'FORBIDDEN'],
    ['an administrator', 'administrator', 'FORBIDDEN'],
  ] as const)("refuses %s to change, re-staff or delete the police's function, changing nothing", async (_who, who, code) => {
    const read = `query($id: ID!) { contactFunction(id: $id) { name version holders { personName } } }`;
    const before = (await subgraph.query(read, { id: F.kommunpolisJarva }, as('policeOfficer'))).data!.contactFunction;
    const log = await counts();
    const v = before.version;
    expect(errorCode(await subgraph.query(UPDATE, { id: F.kommunpolisJarva, version: v, input: { name: 'Kapad' } }, as(who)))).toBe(code);
    expect(errorCode(await subgraph.query(SET_HOLDERS, { id: F.kommunpolisJarva, version: v, holders: [{ personName: 'Inkräktare' }] }, as(who)))).toBe(code);
    expect(errorCode(await subgraph.query(DELETE, { id: F.kommunpolisJarva, version: v }, as(who)))).toBe(code);
    expect((await subgraph.query(read, { id: F.kommunpolisJarva }, as('policeOfficer'))).data!.contactFunction).toEqual(before);
    expect(await counts()).toEqual(log);
  });

  it('lets the organisation that maintains an actor entry maintain its functions', async () => {
    const headers = await bearer(A.raddaBarnen, [Role.COORDINATOR]);
    const { data } = await subgraph.query(`mutation { createActor(input: { name: "Rädda Barnen Västerås", kind: CIVIL_SOCIETY }) { id } }`, {}, headers);
    const response = await subgraph.query(CREATE, { input: { actorId: data!.createActor.id, name: 'Ordförande', areaCode: '1980' } }, headers);
    expect(response.errors).toBeUndefined();
  });

  it.each([
    ['an e-mail channel that is no address', { channels: [{ kind: 'EMAIL', value: 'kommunpolis at example.org' }] }, 'channels.0.value', 'not an e-mail address'],
    ['a phone channel with letters', { channels: [{ kind: 'EMAIL', value: 'a@example.org' }, { kind: 'PHONE', value: '08-CALL-US' }] }, 'channels.1.value', 'not a phone number'],
    ['a too-short phone number', { channels: [{ kind: 'PHONE', value: '112' }] }, 'channels.0.value', 'not a phone number'],
    ['an SMS channel that is an e-mail', { channels: [{ kind: 'SMS', value: 'a@example.org' }] }, 'channels.0.value', 'not a phone number'],
    ['a web channel that is no http URL', { channels: [{ kind: 'WEB', value: 'javascript:alert(1)' }] }, 'channels.0.value', 'not an http(s) URL'],
    ['a web channel without a protocol', { channels: [{ kind: 'WEB', value: 'example.org' }] }, 'channels.0.value', 'not an http(s) URL'],
    ['a blank other channel', { channels: [{ kind: 'OTHER', value: '   ' }] }, 'channels.0.value', 'must not be blank'],
    ['a period ending before it starts', { holders: [{ personName: 'A', from: '2025-02-01', until: '2025-01-31' }] }, 'holders.0.until', 'must not be before from'],
  ])('refuses %s with a stable code and field, writing nothing', async (_case, extra, field, message) => {
    const before = await counts();
    const response = await subgraph.query(CREATE, { input: { ...valid, ...extra } }, as('municipalityOfficial'));
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields).toEqual([{ field, message }]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown actor', { ...valid, actorId: '00000000-0000-4000-8000-000000000000' }],
    ['an unknown area', { ...valid, areaCode: '0180-atlantis' }],
    ['a malformed area code', { ...valid, areaCode: 'Rinkeby' }],
    ['an unknown channel kind', { ...valid, channels: [{ kind: 'PIGEON', value: 'x' }] }],
    ['a malformed date', { ...valid, holders: [{ personName: 'A', from: '2025-13-01' }] }],
    ['an unknown holder role', { ...valid, holders: [{ personName: 'A', role: 'BOSS' }] }],
    ['too many holders', { ...valid, holders: Array.from({ length: 21 }, (_v, i) => ({ personName: `P${i}` })) }],
    ['too many channels', { ...valid, channels: Array.from({ length: 11 }, () => ({ kind: 'EMAIL', value: 'a@example.org' })) }],
    ['a too-long name', { ...valid, name: 'x'.repeat(201) }],
    ['a too-long channel value', { ...valid, channels: [{ kind: 'OTHER', value: 'x'.repeat(201) }] }],
    ['an empty person name', { ...valid, holders: [{ personName: '' }] }],
  ])('refuses %s, writing nothing', async (_case, input) => {
    const before = await counts();
    const response = await subgraph.query(CREATE, { input }, as('municipalityOfficial'));
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).not.toMatch(/QueryFailedError|at .*\.ts/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown id', UPDATE, { id: '00000000-0000-4000-8000-000000000000', version: 1, input: { name: 'X' } }, 'NOT_FOUND'],
    ['a malformed id', UPDATE, { id: 'nope', version: 1, input: { name: 'X' } }, 'NOT_FOUND'],
    ['an unknown id for holders', SET_HOLDERS, { id: '00000000-0000-4000-8000-000000000000', version: 1, holders: [] }, 'NOT_FOUND'],
    ['clearing the name', UPDATE, { id: F.fritidssamordnareRinkebyKista, version: 1, input: { name: null } }, 'BAD_USER_INPUT'],
    ['clearing the area', UPDATE, { id: F.fritidssamordnareRinkebyKista, version: 1, input: { areaCode: null } }, 'BAD_USER_INPUT'],
    ['a bad channel', UPDATE, { id: F.fritidssamordnareRinkebyKista, version: 1, input: { channels: [{ kind: 'EMAIL', value: 'nope' }] } }, 'BAD_USER_INPUT'],
    ['a bad holder period', SET_HOLDERS, { id: F.fritidssamordnareRinkebyKista, version: 1, holders: [{ personName: 'A', from: '2025-02-01', until: '2024-01-01' }] }, 'BAD_USER_INPUT'],
    ['too many holders', SET_HOLDERS, { id: F.fritidssamordnareRinkebyKista, version: 1, holders: Array.from({ length: 21 }, (_v, i) => ({ personName: `P${i}` })) }, 'BAD_USER_INPUT'],
  ])('refuses a change with %s, changing nothing', async (_case, mutation, variables, code) => {
    const read = `query($id: ID!) { contactFunction(id: $id) { name version area { code } channels { value } holders { personName } } }`;
    const before = (await subgraph.query(read, { id: F.fritidssamordnareRinkebyKista }, as('municipalityOfficial'))).data!.contactFunction;
    const rows = await counts();
    expect(errorCode(await subgraph.query(mutation, variables, as('municipalityOfficial')))).toBe(code);
    expect((await subgraph.query(read, { id: F.fritidssamordnareRinkebyKista }, as('municipalityOfficial'))).data!.contactFunction).toEqual(before);
    expect(await counts()).toEqual(rows);
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

  const statements = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await graphql(stats.url, query, variables, headers);
    expect(response.errors).toBeUndefined();
    return { count: response.extensions!.sqlStatements as number, data: response.data as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('loads a page of functions with actors, areas, holders and flags in the same number of statements whatever its size', async () => {
    const query = `query($first: Int!) { contactFunctions(first: $first) { totalCount nodes { ${FIELDS} actor { name } area { name } venues { name } } } }`;
    const small = await statements(query, { first: 2 }, as('ngoMember'));
    const large = await statements(query, { first: 100 }, as('ngoMember'));
    expect(large.data.contactFunctions.nodes.length).toBeGreaterThanOrEqual(10);
    expect(large.count).toBe(small.count);
    // Token's organisation, page, count, actors, areas, holders, venues.
    expect(large.count).toBeLessThanOrEqual(7);
  });

  it('lists one-person dependencies in the same number of statements for a district and for Sweden', async () => {
    const query = `query($area: ID!) { onePersonDependencies(areaCode: $area, first: 100) { totalCount nodes { name holders { personName } actor { name } } } }`;
    const district = await statements(query, { area: AR.gottsunda }, as('nationalCoordinator'));
    const sweden = await statements(query, { area: 'SE' }, as('nationalCoordinator'));
    expect(sweden.data.onePersonDependencies.totalCount).toBeGreaterThan(district.data.onePersonDependencies.totalCount);
    expect(sweden.count).toBe(district.count);
  });

  it('loads contact functions of many actors and areas, with counts, in a fixed number of statements', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Actor { contactFunctions { name holders { personName } isOnePersonDependency } }
      ... on Area { contactFunctions(scope: OVERLAPPING) { name channels { value } } onePersonDependencyCount } } }`;
    const few = await statements(query, { r: [{ __typename: 'Actor', id: A.lpoRinkeby }, { __typename: 'Area', code: AR.angered }] }, as('policeOfficer'));
    const many = await statements(
      query,
      {
        r: [
          ...[A.lpoRinkeby, A.uppsalaKommun, A.fryshuset, A.kfumGoteborg, A.rinkebyKistaStadsdel].map((id) => ({ __typename: 'Actor', id })),
          ...[AR.angered, AR.gottsunda, AR.stockholm, '03', AR.goteborg].map((code) => ({ __typename: 'Area', code })),
        ],
      },
      as('policeOfficer'),
    );
    expect(many.count).toBe(few.count);
  });
});
