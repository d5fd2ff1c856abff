import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** Districts and named areas: who creates and changes them, their codes, and how named areas match in the registry. */
let subgraph: TestSubgraph;
let administrator: Record<string, string>;
/** A coordinator of Uppsala kommun (an actor of kind MUNICIPALITY working in 0380). */
let uppsala: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  administrator = await bearer(DEMO_ACTORS.polisen, [Role.ADMINISTRATOR]);
  uppsala = await bearer(DEMO_ACTORS.uppsalaKommun, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const AREA_FIELDS = 'code name kind version aliases archived parent { code } members { code } location { latitude longitude }';
const CREATE = `mutation($input: CreateAreaInput!) { createArea(input: $input) { ${AREA_FIELDS} } }`;
const UPDATE = `mutation($code: ID!, $version: Int!, $input: UpdateAreaInput!) { updateArea(code: $code, version: $version, input: $input) { ${AREA_FIELDS} } }`;
const ARCHIVE = `mutation($code: ID!, $version: Int!) { archiveArea(code: $code, version: $version) { code version archived archivedAt } }`;
const RESTORE = `mutation($code: ID!, $version: Int!) { restoreArea(code: $code, version: $version) { code version archived } }`;

const changeCount = async () => (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM change_log'))[0].n as number;
const district = (municipalityCode: string, name: string, extra: Record<string, unknown> = {}) => ({ input: { municipalityCode, name, kind: 'DISTRICT', ...extra } });

describe('creating areas', () => {
  it('makes the code from the name (å, ä → a, ö → o), with aliases and a point', async () => {
    const { data, errors } = await subgraph.query(
      CREATE,
      district('0380', 'Östra Årsta-Sävja', { aliases: [' Sävja ', 'Sävja', ''], point: { latitude: 59.82, longitude: 17.70 } }),
      administrator,
    );
    expect(errors).toBeUndefined();
    expect(data!.createArea).toEqual({
      code: '0380-ostra-arsta-savja',
      name: 'Östra Årsta-Sävja',
      kind: 'DISTRICT',
      version: 1,
      aliases: ['Sävja'],
      archived: false,
      parent: { code: '0380' },
      members: [],
      location: { latitude: 59.82, longitude: 17.7 },
    });
  });

  it('lets a named area span districts of its municipality, and lists them as its members', async () => {
    await subgraph.query(CREATE, district('0380', 'Gränby'), uppsala);
    const { data, errors } = await subgraph.query(
      CREATE,
      { input: { municipalityCode: '0380', name: 'Uppsala Öst', kind: 'NAMED_AREA', memberCodes: ['0380-granby', DEMO_AREAS.gottsunda] } },
      uppsala,
    );
    expect(errors).toBeUndefined();
    expect(data!.createArea).toMatchObject({ code: '0380-uppsala-ost', kind: 'NAMED_AREA', members: [{ code: DEMO_AREAS.gottsunda }, { code: '0380-granby' }] });
  });

  it.each([
    ['a district with members', { input: { municipalityCode: '0380', name: 'Luthagen', kind: 'DISTRICT', memberCodes: [DEMO_AREAS.gottsunda] } }, 'memberCodes'],
    ['a named area without members', { input: { municipalityCode: '0380', name: 'Ingenstans', kind: 'NAMED_AREA' } }, 'memberCodes'],
    ['a named area spanning another municipality', { input: { municipalityCode: '0380', name: 'Blandat', kind: 'NAMED_AREA', memberCodes: [DEMO_AREAS.rinkebyKista] } }, 'memberCodes'],
    ['a named area spanning a municipality', { input: { municipalityCode: '0380', name: 'Hela', kind: 'NAMED_AREA', memberCodes: ['0380-x', '0380'] } }, 'memberCodes'],
    ['a named area spanning an unknown district', { input: { municipalityCode: '0380', name: 'Okänt', kind: 'NAMED_AREA', memberCodes: ['0380-atlantis'] } }, 'memberCodes'],
    ['an unknown municipality', district('0999', 'Nånstans'), 'municipalityCode'],
    ['a county as municipality', district('01', 'Nånstans'), 'municipalityCode'],
    ['a name without letters', district('0380', ' -- '), 'name'],
    ['a name another area has', district('0380', 'gottsunda'), 'name'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, variables, field) => {
    const before = await changeCount();
    const response = await subgraph.query(CREATE, variables, administrator);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect(await changeCount()).toBe(before);
  });

  it.each([
    ['the public', async () => ({}), '0380', 'UNAUTHENTICATED'],
    ['a member of the municipality', () => bearer(DEMO_ACTORS.uppsalaKommun, [Role.MEMBER]), '0380', 'FORBIDDEN'],
    ['a coordinator of another municipality', () => bearer(DEMO_ACTORS.goteborgsStad, [Role.COORDINATOR]), '0380', 'FORBIDDEN'],
    ['a coordinator of an association in the municipality', () => bearer(DEMO_ACTORS.svenskaKyrkanUppsala, [Role.COORDINATOR]), '0380', 'FORBIDDEN'],
    ['a national coordinator', () => bearer(DEMO_ACTORS.skr, [Role.NATIONAL_COORDINATOR]), '0380', 'FORBIDDEN'],
    ['a municipality coordinator, for a municipality its areas do not include', async () => uppsala, '0180', 'FORBIDDEN'],
  ])('refuses %s, writing nothing', async (_who, headers, municipalityCode, code) => {
    const before = await changeCount();
    expect(errorCode(await subgraph.query(CREATE, district(municipalityCode, 'Obehörigt område'), await headers()))).toBe(code);
    expect(await changeCount()).toBe(before);
  });

  it("lets a coordinator of a municipality's district administration create districts of that municipality", async () => {
    const stadsdel = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
    const { data, errors } = await subgraph.query(CREATE, district('0180', 'Husby'), stadsdel);
    expect(errors).toBeUndefined();
    expect(data!.createArea.code).toBe('0180-husby');
  });

  it('refuses a code that is taken, also after a rename, naming the area holding it', async () => {
    const created = await subgraph.query(CREATE, district('0380', 'Eriksberg'), administrator);
    await subgraph.query(UPDATE, { code: created.data!.createArea.code, version: 1, input: { name: 'Eriksberg-Kåbo' } }, administrator);
    const again = await subgraph.query(CREATE, district('0380', 'Eriksberg'), administrator);
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].message).toMatch(/Area 0380-eriksberg exists already \("Eriksberg-Kåbo"\)/);
  });
});

describe('changing areas', () => {
  it('renames an area keeping its code, finds it by name and aliases, bumps the version and writes the change log', async () => {
    const { data } = await subgraph.query(CREATE, district('0380', 'Stenhagen'), uppsala);
    const code = data!.createArea.code;
    const renamed = await subgraph.query(UPDATE, { code, version: 1, input: { name: 'Stenhagen-Hällby', aliases: ['Stenhagen'] } }, uppsala);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateArea).toMatchObject({ code: '0380-stenhagen', name: 'Stenhagen-Hällby', version: 2, aliases: ['Stenhagen'] });
    for (const text of ['hällby', 'stenhagen']) {
      const found = await subgraph.query(`query($text: String) { areas(filter: { text: $text, withinCode: "0380" }) { nodes { code } } }`, { text });
      expect(found.data!.areas.nodes).toEqual([{ code }]);
    }
    expect(errorCode(await subgraph.query(UPDATE, { code, version: 1, input: { name: 'Gammal' } }, uppsala))).toBe('VERSION_CONFLICT');

    const history = `query($code: ID!) { area(code: $code) { changeLog { action organisationId fields } } }`;
    const log = [
      { action: 'CREATED', organisationId: DEMO_ACTORS.uppsalaKommun, fields: ['municipalityCode', 'name', 'kind'] },
      { action: 'UPDATED', organisationId: DEMO_ACTORS.uppsalaKommun, fields: ['aliases', 'name'] },
    ];
    expect((await subgraph.query(history, { code }, uppsala)).data!.area.changeLog).toEqual(log);
    expect((await subgraph.query(history, { code }, administrator)).data!.area.changeLog).toEqual(log);
    expect((await subgraph.query(history, { code }, await bearer(DEMO_ACTORS.goteborgsStad, [Role.COORDINATOR]))).data!.area.changeLog).toBeNull();
    expect((await subgraph.query(history, { code })).data!.area.changeLog).toBeNull();
  });

  it("changes a named area's districts and point, bumping its version", async () => {
    const { data } = await subgraph.query(CREATE, { input: { municipalityCode: '0380', name: 'Södra Uppsala', kind: 'NAMED_AREA', memberCodes: [DEMO_AREAS.gottsunda] } }, uppsala);
    const code = data!.createArea.code;
    const changed = await subgraph.query(UPDATE, { code, version: 1, input: { memberCodes: [DEMO_AREAS.gottsunda, '0380-ostra-arsta-savja'] } }, uppsala);
    expect(changed.data!.updateArea).toMatchObject({ version: 2, members: [{ code: DEMO_AREAS.gottsunda }, { code: '0380-ostra-arsta-savja' }] });
    const pointed = await subgraph.query(UPDATE, { code, version: 2, input: { point: { latitude: 59.8, longitude: 17.65 } } }, uppsala);
    expect(pointed.data!.updateArea).toMatchObject({ version: 3, location: { latitude: 59.8, longitude: 17.65 } });
    expect(errorCode(await subgraph.query(UPDATE, { code, version: 3, input: { memberCodes: [] } }, uppsala))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(UPDATE, { code, version: 3, input: { memberCodes: null } }, uppsala))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a municipality', '0380', 1, 'FORBIDDEN'],
    ['a county', '03', 1, 'FORBIDDEN'],
    ['an unknown area', '0380-atlantis', 1, 'NOT_FOUND'],
  ])('refuses to change %s', async (_what, code, version, expected) => {
    expect(errorCode(await subgraph.query(UPDATE, { code, version, input: { name: 'Nytt namn' } }, administrator))).toBe(expected);
  });

  it("refuses another municipality's coordinator", async () => {
    const stockholm = await bearer(DEMO_ACTORS.stockholmsStad, [Role.COORDINATOR]);
    expect(errorCode(await subgraph.query(UPDATE, { code: DEMO_AREAS.gottsunda, version: 1, input: { name: 'Kapat' } }, stockholm))).toBe('FORBIDDEN');
  });
});

describe('archiving areas', () => {
  it('refuses while the registry uses the area, saying what does', async () => {
    const response = await subgraph.query(ARCHIVE, { code: DEMO_AREAS.rinkebyKista, version: 1 }, administrator);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(/still used in the registry \(actors: \d+, services: \d+.*named areas: 1\)/);
  });

  it('archives an unused area: resolvable by code, left out of lists, not given to new records, its code never reused; and restores it', async () => {
    const { data } = await subgraph.query(CREATE, district('0380', 'Gamla Uppsala'), administrator);
    const code = data!.createArea.code;
    const archived = await subgraph.query(ARCHIVE, { code, version: 1 }, uppsala);
    expect(archived.errors).toBeUndefined();
    expect(archived.data!.archiveArea).toMatchObject({ code, version: 2, archived: true, archivedAt: expect.any(String) });

    const lists = await subgraph.query(
      `query($code: ID!) { area(code: $code) { name archived } areas(filter: { withinCode: "0380" }, first: 100) { nodes { code } }
        all: areas(filter: { withinCode: "0380", includeArchived: true }, first: 100) { nodes { code } }
        uppsala: area(code: "0380") { children { code } } }`,
      { code },
    );
    expect(lists.data!.area).toEqual({ name: 'Gamla Uppsala', archived: true });
    expect(lists.data!.areas.nodes).not.toContainEqual({ code });
    expect(lists.data!.all.nodes).toContainEqual({ code });
    expect(lists.data!.uppsala.children).not.toContainEqual({ code });

    const actor = await subgraph.query(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`,
      { input: { name: 'Gamla Uppsala IF', kind: 'CIVIL_SOCIETY', areaCodes: [code] } },
      uppsala,
    );
    expect(errorCode(actor)).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(CREATE, district('0380', 'Gamla Uppsala'), administrator))).toBe('BAD_USER_INPUT');

    const restored = await subgraph.query(RESTORE, { code, version: 2 }, administrator);
    expect(restored.data!.restoreArea).toEqual({ code, version: 3, archived: false });
  });
});

describe('named areas in the registry', () => {
  const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id).sort();

  it("match the records of the districts they span in the registry's lists", async () => {
    const { data } = await subgraph.query(
      `query($jarva: ID!, $rk: ID!, $st: ID!) {
        jarva: actors(filter: { areaCode: $jarva }, first: 100) { nodes { id } }
        rk: actors(filter: { areaCode: $rk }, first: 100) { nodes { id } }
        st: actors(filter: { areaCode: $st }, first: 100) { nodes { id } }
        area(code: $jarva) { kind aliases members { code } actors { id } coverage { civilSocietyActorCount districtsWithoutCivilSociety { code } } }
        services(filter: { areaCode: $jarva }, first: 100) { totalCount }
        rkServices: services(filter: { areaCode: $rk }, first: 100) { totalCount }
      }`,
      { jarva: DEMO_AREAS.jarva, rk: DEMO_AREAS.rinkebyKista, st: DEMO_AREAS.spangaTensta },
    );
    const expected = [...new Set([...ids(data!.rk.nodes), ...ids(data!.st.nodes)])].sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(ids(data!.jarva.nodes)).toEqual(expected);
    expect(data!.area).toMatchObject({ kind: 'NAMED_AREA', aliases: ['Järvafältet'], members: [{ code: DEMO_AREAS.rinkebyKista }, { code: DEMO_AREAS.spangaTensta }] });
    expect(ids(data!.area.actors)).toEqual(expected);
    expect(data!.area.coverage.civilSocietyActorCount).toBeGreaterThan(0);
    expect(data!.services.totalCount).toBeGreaterThanOrEqual(data!.rkServices.totalCount);
    expect(data!.services.totalCount).toBeGreaterThan(0);
  });

  it("give a district's OVERLAPPING filter the records of the named areas spanning it", async () => {
    const created = await subgraph.query(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`,
      { input: { name: 'Järvas föräldranätverk', kind: 'CIVIL_SOCIETY', areaCodes: [DEMO_AREAS.jarva] } },
      await bearer(DEMO_ACTORS.mammaUnited, [Role.COORDINATOR]),
    );
    const id = created.data!.createActor.id;
    const query = `query($code: ID!, $scope: AreaScope!) { actors(filter: { areaCode: $code, areaScope: $scope }, first: 100) { nodes { id } } }`;
    const within = await subgraph.query(query, { code: DEMO_AREAS.rinkebyKista, scope: 'WITHIN' });
    const overlapping = await subgraph.query(query, { code: DEMO_AREAS.rinkebyKista, scope: 'OVERLAPPING' });
    expect(ids(within.data!.actors.nodes)).not.toContain(id);
    expect(ids(overlapping.data!.actors.nodes)).toContain(id);
    const area = await subgraph.query(`query($code: ID!) { area(code: $code) { actors(scope: OVERLAPPING) { id } } }`, { code: DEMO_AREAS.spangaTensta });
    expect(ids(area.data!.area.actors)).toContain(id);
  });
});
