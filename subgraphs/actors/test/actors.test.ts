import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

let subgraph: TestSubgraph;
/** A coordinator of Rädda Barnen (national), who registers and maintains local branches. */
let coordinator: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  coordinator = await bearer(DEMO_ACTORS.raddaBarnen, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const countActors = async () => (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM actors'))[0].n as number;

describe('areas', () => {
  it('holds Sweden, its 21 counties and 290 municipalities with official codes', async () => {
    const { data } = await subgraph.query(`{
      counties: areas(filter: { kinds: [COUNTY] }) { totalCount }
      municipalities: areas(filter: { kinds: [MUNICIPALITY] }) { totalCount }
      goteborg: area(code: "1480") { name kind parent { code name } }
      sweden: area(code: "SE") { kind parent { code } }
    }`);
    expect(data!.counties.totalCount).toBe(21);
    expect(data!.municipalities.totalCount).toBe(290);
    expect(data!.goteborg).toEqual({ name: 'Göteborg', kind: 'MUNICIPALITY', parent: { code: '14', name: 'Västra Götalands län' } });
    expect(data!.sweden).toEqual({ kind: 'COUNTRY', parent: null });
  });

  it('lists sub-areas at any depth', async () => {
    const { data } = await subgraph.query(`{ areas(filter: { withinCode: "01", kinds: [DISTRICT] }, first: 100) { nodes { code } } }`);
    const codes = data!.areas.nodes.map((a: { code: string }) => a.code);
    expect(codes).toContain(DEMO_AREAS.rinkebyKista);
    expect(codes.every((code: string) => code.startsWith('0180-'))).toBe(true);
  });
});

describe('actors', () => {
  it('filters by area including sub-areas, and by kind', async () => {
    const { data } = await subgraph.query(
      `query($area: ID!) { actors(filter: { areaCode: $area, kinds: [POLICE] }) { totalCount nodes { id name } } }`,
      { area: DEMO_AREAS.stockholm },
    );
    expect(data!.actors.nodes.map((a: { id: string }) => a.id)).toEqual([DEMO_ACTORS.lpoRinkeby]);
  });

  it('includes wider areas with scope OVERLAPPING', async () => {
    const { data } = await subgraph.query(
      `query($area: ID!) { actors(filter: { areaCode: $area, areaScope: OVERLAPPING, kinds: [POLICE] }) { nodes { id } } }`,
      { area: DEMO_AREAS.rinkebyKista },
    );
    expect(data!.actors.nodes.map((a: { id: string }) => a.id).sort()).toEqual(
      [DEMO_ACTORS.polisen, DEMO_ACTORS.polisregionStockholm, DEMO_ACTORS.lpoRinkeby].sort(),
    );
  });

  it('pages with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const { data }: { data?: any } = await subgraph.query( // eslint-disable-line @typescript-eslint/no-explicit-any
        `query($after: String) { actors(first: 7, after: $after) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      total = data.actors.totalCount;
      seen.push(...data.actors.nodes.map((a: { id: string }) => a.id));
      if (!data.actors.pageInfo.hasNextPage) break;
      after = data.actors.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBe(await countActors());
  });

  it('resolves parents, children and areas', async () => {
    const { data } = await subgraph.query(
      `query($id: ID!) { actor(id: $id) { name parent { name } children { name } areas { code kind } } }`,
      { id: DEMO_ACTORS.polisregionStockholm },
    );
    expect(data!.actor).toEqual({
      name: 'Polisregion Stockholm',
      parent: { name: 'Polismyndigheten' },
      children: [{ name: 'Lokalpolisområde Rinkeby' }],
      areas: [{ code: '01', kind: 'COUNTY' }],
    });
  });

  it('finds actors by text', async () => {
    const { data } = await subgraph.query(`{ actors(filter: { text: "avhoppar" }) { nodes { id } } }`);
    expect(data!.actors.nodes.map((a: { id: string }) => a.id)).toEqual([DEMO_ACTORS.fryshuset]);
  });
});

describe('changing actors', () => {
  const create = `mutation($input: CreateActorInput!) { createActor(input: $input) { id name version areas { code } parent { id } } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateActorInput!) {
    updateActor(id: $id, version: $version, input: $input) { id name version description areas { code } } }`;

  it('creates and updates an actor, bumping its version', async () => {
    const created = await subgraph.query(
      create,
      { input: { name: 'Rädda Barnen Uppsala', kind: 'CIVIL_SOCIETY', parentId: DEMO_ACTORS.raddaBarnen, areaCodes: ['0380'] } },
      coordinator,
    );
    expect(created.errors).toBeUndefined();
    const actor = created.data!.createActor;
    expect(actor).toMatchObject({ version: 1, areas: [{ code: '0380' }], parent: { id: DEMO_ACTORS.raddaBarnen } });

    const updated = await subgraph.query(
      update,
      { id: actor.id, version: 1, input: { description: 'Läxhjälp och föräldrastöd', areaCodes: ['0380', DEMO_AREAS.gottsunda] } },
      coordinator,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateActor).toMatchObject({
      name: 'Rädda Barnen Uppsala',
      version: 2,
      description: 'Läxhjälp och föräldrastöd',
      areas: [{ code: '0380' }, { code: DEMO_AREAS.gottsunda }],
    });
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const { data } = await subgraph.query(create, { input: { name: 'Förening A', kind: 'CIVIL_SOCIETY' } }, coordinator);
    const id = data!.createActor.id;
    const first = await subgraph.query(update, { id, version: 1, input: { name: 'Förening A (ny)' } }, coordinator);
    expect(first.errors).toBeUndefined();
    const stale = await subgraph.query(update, { id, version: 1, input: { name: 'Förening A (gammal)' } }, coordinator);
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    const { data: after } = await subgraph.query(`query($id: ID!) { actor(id: $id) { name version } }`, { id });
    expect(after!.actor).toEqual({ name: 'Förening A (ny)', version: 2 });
  });

  it.each([
    ['an unknown id', update, { id: '00000000-0000-4000-8000-000000000000', version: 1, input: { name: 'X' } }, 'NOT_FOUND'],
    ['a malformed id', update, { id: 'not-a-uuid', version: 1, input: { name: 'X' } }, 'NOT_FOUND'],
    ['an invalid enum value', create, { input: { name: 'X', kind: 'GANG' } }, 'BAD_USER_INPUT'],
    ['a too-long name', create, { input: { name: 'x'.repeat(201), kind: 'CIVIL_SOCIETY' } }, 'BAD_USER_INPUT'],
    ['an unknown area', create, { input: { name: 'X', kind: 'CIVIL_SOCIETY', areaCodes: ['9999'] } }, 'BAD_USER_INPUT'],
    ['a malformed area code', create, { input: { name: 'X', kind: 'CIVIL_SOCIETY', areaCodes: ['Stockholm'] } }, 'BAD_USER_INPUT'],
    ['an unknown parent', create, { input: { name: 'X', kind: 'CIVIL_SOCIETY', parentId: '00000000-0000-4000-8000-000000000000' } }, 'BAD_USER_INPUT'],
    ['a bad web site', create, { input: { name: 'X', kind: 'CIVIL_SOCIETY', website: 'javascript:alert(1)' } }, 'BAD_USER_INPUT'],
    ['a wrong organisation number check digit', create, { input: { name: 'X', kind: 'CIVIL_SOCIETY', organisationNumber: '802005-9741' } }, 'BAD_USER_INPUT'],
  ])('refuses %s with a clear code and writes nothing', async (_case, mutation, variables, code) => {
    const before = await countActors();
    const response = await subgraph.query(mutation, variables, coordinator);
    expect(errorCode(response)).toBe(code);
    expect(response.errors![0].message).not.toMatch(/QueryFailedError|at .*\.ts/);
    expect(await countActors()).toBe(before);
  });

  it('refuses a parent that would make a cycle', async () => {
    const police = await bearer(DEMO_ACTORS.polisen, [Role.COORDINATOR]);
    const response = await subgraph.query(update, { id: DEMO_ACTORS.polisen, version: 1, input: { parentId: DEMO_ACTORS.lpoRinkeby } }, police);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });
});

describe('federation', () => {
  it('publishes its keys in _service.sdl', async () => {
    const { data } = await subgraph.query('{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/type Actor\s+@key\(fields: "id"\)/);
    expect(data!._service.sdl).toMatch(/type Area\s+@key\(fields: "code"\)/);
  });

  it('resolves entity references, unknown ones to null', async () => {
    const { data } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { name } ... on Area { name } } }`,
      { r: [{ __typename: 'Actor', id: DEMO_ACTORS.fryshuset }, { __typename: 'Area', code: '1480' }, { __typename: 'Actor', id: 'nope' }] },
    );
    expect(data!._entities).toEqual([{ name: 'Fryshuset' }, { name: 'Göteborg' }, null]);
  });
});

describe('who may change the registry', () => {
  const create = `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateActorInput!) { updateActor(id: $id, version: $version, input: $input) { version } }`;
  const history = `query($id: ID!) { actor(id: $id) { changeLog { action organisationId subject fields } } }`;

  it.each([
    ['the public', async () => ({}), 'UNAUTHENTICATED'],
    ['a member without a coordinator role', () => bearer(DEMO_ACTORS.raddaBarnen, [Role.MEMBER]), 'FORBIDDEN'],
    ['an administrator', () => bearer(DEMO_ACTORS.raddaBarnen, [Role.ADMINISTRATOR]), 'FORBIDDEN'],
  ])('refuses %s to register an actor, writing nothing', async (_who, headers, code) => {
    const before = await countActors();
    const response = await subgraph.query(create, { input: { name: 'Ny förening', kind: 'CIVIL_SOCIETY' } }, await headers());
    expect(errorCode(response)).toBe(code);
    expect(await countActors()).toBe(before);
  });

  it("refuses another party's coordinator to change an entry, and keeps it unchanged", async () => {
    const police = await bearer(DEMO_ACTORS.lpoRinkeby, [Role.COORDINATOR]);
    const response = await subgraph.query(update, { id: DEMO_ACTORS.fryshuset, version: 1, input: { name: 'Kapat' } }, police);
    expect(errorCode(response)).toBe('FORBIDDEN');
    const { data } = await subgraph.query(`query($id: ID!) { actor(id: $id) { name version } }`, { id: DEMO_ACTORS.fryshuset });
    expect(data!.actor).toEqual({ name: 'Fryshuset', version: 1 });
  });

  it('lets the actor itself and the organisation that registered it maintain the entry', async () => {
    const { data } = await subgraph.query(create, { input: { name: 'Rädda Barnen Malmö', kind: 'CIVIL_SOCIETY', areaCodes: ['1280'] } }, coordinator);
    const id = data!.createActor.id;
    expect((await subgraph.query(update, { id, version: 1, input: { description: 'Från riksförbundet' } }, coordinator)).errors).toBeUndefined();
    const itself = await bearer(id, [Role.COORDINATOR]);
    expect((await subgraph.query(update, { id, version: 2, input: { description: 'Från lokalföreningen' } }, itself)).errors).toBeUndefined();
    // Both maintainers read the entry's history.
    const history = `query($id: ID!) { actor(id: $id) { changeLog { action organisationId } } }`;
    for (const reader of [coordinator, itself]) {
      expect((await subgraph.query(history, { id }, reader)).data!.actor.changeLog).toEqual([
        { action: 'CREATED', organisationId: DEMO_ACTORS.raddaBarnen },
        { action: 'UPDATED', organisationId: DEMO_ACTORS.raddaBarnen },
        { action: 'UPDATED', organisationId: id },
      ]);
    }
  });

  it('keeps an append-only change log, shown to the owner only', async () => {
    const { data } = await subgraph.query(create, { input: { name: 'Rädda Barnen Umeå', kind: 'CIVIL_SOCIETY' } }, coordinator);
    const id = data!.createActor.id;
    await subgraph.query(update, { id, version: 1, input: { website: 'https://example.org' } }, coordinator);

    const own = await subgraph.query(history, { id }, coordinator);
    expect(own.data!.actor.changeLog).toEqual([
      { action: 'CREATED', organisationId: DEMO_ACTORS.raddaBarnen, subject: expect.any(String), fields: ['name', 'kind'] },
      { action: 'UPDATED', organisationId: DEMO_ACTORS.raddaBarnen, subject: expect.any(String), fields: ['website'] },
    ]);
    const other = await subgraph.query(history, { id }, await bearer(DEMO_ACTORS.lpoRinkeby, [Role.COORDINATOR]));
    expect(other.data!.actor.changeLog).toBeNull();
    expect((await subgraph.query(history, { id })).data!.actor.changeLog).toBeNull();

    await expect(subgraph.dataSource.query(`UPDATE change_log SET subject = 'x' WHERE entity_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query(`DELETE FROM change_log WHERE entity_id = $1`, [id])).rejects.toThrow(/append-only/);
  });
});
