import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS as CF } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, errorCode, graphql, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { situationSubgraph } from '../src';
import { Headers, headersForEveryone, Who } from './people';

/**
 * The crisis roster of an area (issue 13): whom to contact, by kind of incident, in order, with
 * backups; kept by the owner's and the maintainers' coordinators, seen by them and whoever its
 * visibility admits; its gaps flagged. References are checked against the real, seeded actors subgraph.
 */
let subgraph: TestSubgraph;
let as: Record<Who | 'uppsalaPoliceCoordinator', Headers>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph, { seed: false });
  as = { ...(await headersForEveryone()), uppsalaPoliceCoordinator: await bearer(A.lpoUppsala, [Role.COORDINATOR], { subject: 'test-uppsalaPoliceCoordinator' }) };
});
afterAll(() => subgraph?.stop());

/** The registry's demo contact functions, by short name. */
const F = {
  kommunpolisJarva: CF.kommunpolisJarva,
  posomUppsala: CF.posomUppsala,
  trygghetssamordnareGottsunda: CF.trygghetssamordnareGottsunda,
  kyrkanUppsala: CF.lokalbokningSvenskaKyrkanUppsala,
  hyresgastGottsunda: CF.lokalansvarigHyresgastforeningenGottsunda,
};
const UNKNOWN_FUNCTION = '00000000-0000-4000-8000-000000000999';

const FIELDS = `id version visibility note area { code } owner { id } maintainers { id } sharedWith { id }
  entries { incidentKind position role contactFunction { id } actor { id } task }
  gaps { kind incidentKind position } gapCount changeLog { action fields }`;
const CREATE = `mutation($input: CreateCrisisRosterInput!, $key: String) { createCrisisRoster(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateCrisisRosterInput!) { updateCrisisRoster(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $version: Int!) { deleteCrisisRoster(id: $id, version: $version) }';

const entry = (incidentKind: string, position: number, role: string, contactFunctionId: string, task: string | null = null) => ({
  incidentKind, position, role, contactFunctionId, task,
});

/** Gottsunda's roster: fatal violence with POSOM (backed up) then the church (no backup); shootings with the tenants' association alone. */
const GOTTSUNDA_ENTRIES = [
  entry('SHOOTING_OR_EXPLOSION', 1, 'PRIMARY', F.hyresgastGottsunda, 'Öppna föreningslokalen'),
  entry('FATAL_VIOLENCE', 2, 'PRIMARY', F.kyrkanUppsala, 'Öppna församlingshemmet'),
  entry('FATAL_VIOLENCE', 1, 'BACKUP', F.trygghetssamordnareGottsunda),
  entry('FATAL_VIOLENCE', 1, 'PRIMARY', F.posomUppsala, 'Aktivera POSOM'),
];

const counts = async () => {
  const n = async (table: string) => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  return { rosters: await n('crisis_rosters'), entries: await n('crisis_roster_entries'), log: await n('change_log') };
};
const rosterRow = async (id: string) => (await subgraph.dataSource.query('SELECT version, note, visibility FROM crisis_rosters WHERE id = $1', [id]))[0];

async function ok<T = any>(response: Promise<GraphQLResponse<any>>, field: string): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { data, errors } = await response;
  expect(errors).toBeUndefined();
  return data![field];
}

/** Expects a refusal with `code` (and the field named, when given) and nothing written. */
async function refused(run: () => Promise<GraphQLResponse>, code: string, field?: string) {
  const before = await counts();
  const response = await run();
  expect(errorCode(response)).toBe(code);
  if (field) expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
  expect(await counts()).toEqual(before);
  return response;
}

describe('a crisis roster for Gottsunda', () => {
  let id: string;
  let version: number;

  beforeAll(async () => {
    const roster = await ok(
      subgraph.query(CREATE, { input: { areaCode: AR.gottsunda, entries: GOTTSUNDA_ENTRIES, maintainerIds: [A.lpoUppsala], note: 'Övad i maj.' } }, as.uppsalaCoordinator),
      'createCrisisRoster',
    );
    ({ id, version } = roster);
  });

  it('is created owned by the coordinator\'s organisation, entries in order with the registry\'s actors, version 1 and logged', async () => {
    const roster = await ok(subgraph.query(`query($id: ID!) { crisisRoster(id: $id) { ${FIELDS} } }`, { id }, as.uppsalaCoordinator), 'crisisRoster');
    expect(roster).toEqual({
      id,
      version: 1,
      visibility: 'OWNER',
      note: 'Övad i maj.',
      area: { code: AR.gottsunda },
      owner: { id: A.uppsalaKommun },
      maintainers: [{ id: A.lpoUppsala }],
      sharedWith: [],
      entries: [
        { incidentKind: 'FATAL_VIOLENCE', position: 1, role: 'PRIMARY', contactFunction: { id: F.posomUppsala }, actor: { id: A.uppsalaKommun }, task: 'Aktivera POSOM' },
        { incidentKind: 'FATAL_VIOLENCE', position: 1, role: 'BACKUP', contactFunction: { id: F.trygghetssamordnareGottsunda }, actor: { id: A.uppsalaKommun }, task: null },
        { incidentKind: 'FATAL_VIOLENCE', position: 2, role: 'PRIMARY', contactFunction: { id: F.kyrkanUppsala }, actor: { id: A.svenskaKyrkanUppsala }, task: 'Öppna församlingshemmet' },
        { incidentKind: 'SHOOTING_OR_EXPLOSION', position: 1, role: 'PRIMARY', contactFunction: { id: F.hyresgastGottsunda }, actor: { id: A.hyresgastforeningen }, task: 'Öppna föreningslokalen' },
      ],
      gaps: [
        { kind: 'NO_BACKUP', incidentKind: 'FATAL_VIOLENCE', position: 2 },
        { kind: 'NO_BACKUP', incidentKind: 'SHOOTING_OR_EXPLOSION', position: 1 },
        ...['FIRE', 'PUBLIC_DISORDER', 'SUICIDE', 'LARGE_ACCIDENT', 'THREAT_AGAINST_ACTIVITY'].map((incidentKind) => ({ kind: 'NO_CONTACT', incidentKind, position: null })),
      ],
      gapCount: 7,
      changeLog: [{ action: 'CREATED', fields: expect.arrayContaining(['areaCode', 'entries', 'maintainerIds', 'note']) }],
    });
  });

  it('filters its entries by kind of incident', async () => {
    const roster = await ok(
      subgraph.query(`query($id: ID!) { crisisRoster(id: $id) { entries(incidentKind: SHOOTING_OR_EXPLOSION) { contactFunction { id } } } }`, { id }, as.uppsalaCoordinator),
      'crisisRoster',
    );
    expect(roster.entries).toEqual([{ contactFunction: { id: F.hyresgastGottsunda } }]);
  });

  it('is the one roster of the area: a second is BAD_USER_INPUT on areaCode, naming the first only to those who may see it', async () => {
    const input = { areaCode: AR.gottsunda, entries: [] };
    const own = await refused(() => subgraph.query(CREATE, { input }, as.uppsalaCoordinator), 'BAD_USER_INPUT', 'areaCode');
    expect(own.errors![0].message).toContain(id);
    const other = await refused(() => subgraph.query(CREATE, { input }, as.goteborgPolice), 'BAD_USER_INPUT', 'areaCode');
    expect(other.errors![0].message).not.toContain(id);
  });

  describe('who may change it', () => {
    it('a coordinator of a maintainer changes the entries: a new version, logged', async () => {
      const entries = [...GOTTSUNDA_ENTRIES, entry('SHOOTING_OR_EXPLOSION', 1, 'BACKUP', F.posomUppsala)];
      const roster = await ok(subgraph.query(UPDATE, { id, version, input: { entries } }, as.uppsalaPoliceCoordinator), 'updateCrisisRoster');
      expect(roster.version).toBe(version + 1);
      expect(roster.entries).toHaveLength(5);
      expect(roster.gaps.filter((gap: { kind: string }) => gap.kind === 'NO_BACKUP')).toEqual([{ kind: 'NO_BACKUP', incidentKind: 'FATAL_VIOLENCE', position: 2 }]);
      expect(roster.changeLog.map((change: { action: string }) => change.action)).toEqual(['CREATED', 'UPDATED']);
      version = roster.version;
    });

    it('a change of its children alone (the entries, same as before) is a new version too', async () => {
      const current = await ok(subgraph.query(`query($id: ID!) { crisisRoster(id: $id) { entries { incidentKind position role contactFunction { id } task } } }`, { id }, as.uppsalaCoordinator), 'crisisRoster');
      const entries = current.entries.map((e: { incidentKind: string; position: number; role: string; contactFunction: { id: string }; task: string | null }) =>
        entry(e.incidentKind, e.position, e.role, e.contactFunction.id, e.task));
      const roster = await ok(subgraph.query(UPDATE, { id, version, input: { entries } }, as.uppsalaCoordinator), 'updateCrisisRoster');
      expect(roster.version).toBe(version + 1);
      version = roster.version;
    });

    it.each([
      ['a maintainer changing who sees it', 'uppsalaPoliceCoordinator', { visibility: 'NETWORK' }, 'FORBIDDEN'],
      ['a maintainer changing the maintainers', 'uppsalaPoliceCoordinator', { maintainerIds: [] }, 'FORBIDDEN'],
      ['a member of the owner', 'uppsalaMember', { note: 'x' }, 'FORBIDDEN'],
      ['a member of a maintainer', 'uppsalaPolice', { note: 'x' }, 'FORBIDDEN'],
      ['a coordinator of another organisation (it does not see the roster)', 'goteborgPolice', { note: 'x' }, 'NOT_FOUND'],
      ['the public', 'public', { note: 'x' }, 'UNAUTHENTICATED'],
    ] as const)('refuses %s', async (_, who, input, code) => {
      await refused(() => subgraph.query(UPDATE, { id, version, input }, as[who]), code);
      expect((await rosterRow(id)).version).toBe(version);
    });

    it('a maintainer may not delete it', async () => {
      await refused(() => subgraph.query(DELETE, { id, version }, as.uppsalaPoliceCoordinator), 'FORBIDDEN');
    });
  });

  describe('bad input: a clear error, nothing written', () => {
    it.each([
      ['an unknown contact function', { entries: [entry('FIRE', 1, 'PRIMARY', UNKNOWN_FUNCTION)] }, 'BAD_USER_INPUT', 'entries.contactFunctionId'],
      ['the same function twice for one kind', { entries: [entry('FIRE', 1, 'PRIMARY', F.posomUppsala), entry('FIRE', 2, 'PRIMARY', F.posomUppsala)] }, 'BAD_USER_INPUT', 'entries.1.contactFunctionId'],
      ['a backup without a primary at its place', { entries: [entry('FIRE', 1, 'PRIMARY', F.posomUppsala), entry('FIRE', 2, 'BACKUP', F.kyrkanUppsala)] }, 'BAD_USER_INPUT', 'entries.1.position'],
      ['a position below 1', { entries: [entry('FIRE', 0, 'PRIMARY', F.posomUppsala)] }, 'BAD_USER_INPUT', undefined],
      ['a personal identity number in a task', { entries: [entry('FIRE', 1, 'PRIMARY', F.posomUppsala, 'Ring 19121212-1212 först')] }, 'BAD_USER_INPUT', 'entries.0.task'],
      ['a personal identity number in the note', { note: 'Kontakt 121212-1212' }, 'BAD_USER_INPUT', 'note'],
      ['an unknown maintainer', { maintainerIds: [UNKNOWN_FUNCTION] }, 'BAD_USER_INPUT', 'maintainerIds'],
      ['more than 200 entries', { entries: Array.from({ length: 201 }, (_, i) => entry('FIRE', 1 + (i % 100), 'PRIMARY', UNKNOWN_FUNCTION)) }, 'BAD_USER_INPUT', undefined],
    ])('refuses %s', async (_, input, code, field) => {
      await refused(() => subgraph.query(UPDATE, { id, version, input }, as.uppsalaCoordinator), code, field);
      expect((await rosterRow(id)).version).toBe(version);
    });

    it('refuses a stale version with VERSION_CONFLICT', async () => {
      await refused(() => subgraph.query(UPDATE, { id, version: version - 1, input: { note: 'Ny' } }, as.uppsalaCoordinator), 'VERSION_CONFLICT');
      await refused(() => subgraph.query(DELETE, { id, version: version - 1 }, as.uppsalaCoordinator), 'VERSION_CONFLICT');
      expect((await rosterRow(id)).note).toBe('Övad i maj.');
    });

    it('refuses the same on creation (an unknown function), before anything is written', async () => {
      await refused(
        () => subgraph.query(CREATE, { input: { areaCode: AR.skaggetorp, entries: [entry('FIRE', 1, 'PRIMARY', UNKNOWN_FUNCTION)] } }, as.uppsalaCoordinator),
        'BAD_USER_INPUT',
        'entries.contactFunctionId',
      );
      await refused(() => subgraph.query(CREATE, { input: { areaCode: '0380-nowhere', entries: [] } }, as.uppsalaCoordinator), 'BAD_USER_INPUT', 'areaCode');
      await refused(() => subgraph.query(CREATE, { input: { areaCode: AR.skaggetorp, entries: [] } }, as.uppsalaMember), 'FORBIDDEN');
    });
  });

  describe('who may see it, on every path', () => {
    const SEEN = 'fragment Seen on CrisisRoster { id entries { contactFunction { id } } gapCount }';
    const PATHS = `query($id: ID!, $area: ID!, $reps: [_Any!]!) {
      root: crisisRoster(id: $id) { ...Seen }
      list: crisisRosters(filter: { areaCode: $area }, first: 10) { totalCount nodes { ...Seen } }
      entities: _entities(representations: $reps) { ... on CrisisRoster { ...Seen } ... on Area { crisisRoster { ...Seen } } }
    }
    ${SEEN}`;

    async function paths(who: keyof typeof as) {
      const reps = [{ __typename: 'CrisisRoster', id }, { __typename: 'Area', code: AR.gottsunda }];
      const { data, errors } = await subgraph.query(PATHS, { id, area: AR.uppsala, reps }, as[who]);
      expect(errors).toBeUndefined();
      const seen = [data!.root, data!.entities[0], data!.entities[1].crisisRoster].map((r) => r?.id ?? null);
      return { seen, total: data!.list.totalCount, listed: data!.list.nodes.map((r: { id: string }) => r.id) };
    }
    const expectSees = async (who: keyof typeof as, sees: boolean) => {
      const { seen, total, listed } = await paths(who);
      expect([who, seen, total, listed]).toEqual([who, sees ? [id, id, id] : [null, null, null], sees ? 1 : 0, sees ? [id] : []]);
    };

    it('OWNER: the owner\'s people and the maintainers\' people, nobody else', async () => {
      for (const who of ['uppsalaCoordinator', 'uppsalaMember', 'uppsalaPolice', 'uppsalaPoliceCoordinator'] as const) await expectSees(who, true);
      for (const who of ['public', 'goteborgPolice', 'hyresgast', 'ngoMember', 'administrator'] as const) await expectSees(who, false);
    });

    it('SHARED: also the organisations it is shared with', async () => {
      version = (await ok(subgraph.query(UPDATE, { id, version, input: { visibility: 'SHARED', sharedWithIds: [A.hyresgastforeningen] } }, as.uppsalaCoordinator), 'updateCrisisRoster')).version;
      await expectSees('hyresgast', true);
      for (const who of ['public', 'goteborgPolice'] as const) await expectSees(who, false);
      const { data } = await subgraph.query(`query($id: ID!) { crisisRoster(id: $id) { sharedWith { id } changeLog { action } } }`, { id }, as.hyresgast);
      // Who it is shared with and its history are for those who keep it.
      expect(data!.crisisRoster).toEqual({ sharedWith: null, changeLog: null });
    });

    it('NETWORK: every signed-in party, not the public', async () => {
      version = (await ok(subgraph.query(UPDATE, { id, version, input: { visibility: 'NETWORK' } }, as.uppsalaCoordinator), 'updateCrisisRoster')).version;
      await expectSees('goteborgPolice', true);
      await expectSees('public', false);
    });

    it('the feed carries its changes to those who may see it', async () => {
      const FEED = `query($after: String) { situationChanges(after: $after, types: ["CrisisRoster"]) { entries { id action } } }`;
      const feedOf = async (who: keyof typeof as) => (await ok(subgraph.query(FEED, {}, as[who]), 'situationChanges')).entries.map((e: { action: string }) => e.action);
      expect((await feedOf('uppsalaPoliceCoordinator')).slice(0, 1)).toEqual(['CREATED']);
      expect(await feedOf('public')).toEqual([]);
      // Other parties of the network see it from the change that showed it to them.
      expect((await feedOf('goteborgPolice')).length).toBeGreaterThan(0);
    });
  });

  describe('lists', () => {
    it('filter by gaps and by contact function', async () => {
      const LIST = 'query($filter: CrisisRosterFilter) { crisisRosters(filter: $filter) { totalCount nodes { id } } }';
      const list = async (filter: Record<string, unknown>) => (await ok(subgraph.query(LIST, { filter }, as.uppsalaCoordinator), 'crisisRosters')).nodes.map((r: { id: string }) => r.id);
      expect(await list({ hasGaps: true })).toEqual([id]);
      expect(await list({ hasGaps: false })).toEqual([]);
      expect(await list({ contactFunctionId: F.kyrkanUppsala })).toEqual([id]);
      expect(await list({ contactFunctionId: F.kommunpolisJarva })).toEqual([]);
    });

    it('the entries of many rosters cost the statements of one', async () => {
      // Complete rosters (no gaps) for three more areas, kept by Göteborg's police.
      const complete = ['FATAL_VIOLENCE', 'SHOOTING_OR_EXPLOSION', 'FIRE', 'PUBLIC_DISORDER', 'SUICIDE', 'LARGE_ACCIDENT', 'THREAT_AGAINST_ACTIVITY'].flatMap((kind) => [
        entry(kind, 1, 'PRIMARY', F.kommunpolisJarva),
        entry(kind, 1, 'BACKUP', F.posomUppsala),
      ]);
      for (const areaCode of [AR.angered, AR.rinkebyKista, AR.rosengard]) {
        await ok(subgraph.query(CREATE, { input: { areaCode, entries: complete, visibility: 'NETWORK' } }, as.goteborgPolice), 'createCrisisRoster');
      }
      const LIST = `query($filter: CrisisRosterFilter) { crisisRosters(filter: $filter) { totalCount nodes { id area { code } gapCount gaps { kind }
        entries { incidentKind contactFunction { id } actor { id } } } } }`;
      process.env.SAMVERKAN_SQL_STATS = 'true';
      try {
        const statements = async (filter: Record<string, unknown>, expected: number) => {
          const response = await subgraph.query(LIST, { filter }, as.goteborgPolice);
          expect(response.errors).toBeUndefined();
          expect(response.data!.crisisRosters.totalCount).toBe(expected);
          return response.extensions!.sqlStatements as number;
        };
        expect(await statements({ areaCode: AR.angered }, 1)).toBe(await statements({ hasGaps: false }, 3));
      } finally {
        delete process.env.SAMVERKAN_SQL_STATS;
      }
      const LIST_GAPS = 'query { crisisRosters(filter: { hasGaps: false }) { nodes { gapCount entries { id } } } }';
      const nodes = (await ok(subgraph.query(LIST_GAPS, {}, as.goteborgPolice), 'crisisRosters')).nodes;
      expect(nodes.map((n: { gapCount: number; entries: unknown[] }) => [n.gapCount, n.entries.length])).toEqual([[0, 14], [0, 14], [0, 14]]);
    });
  });

  it('two parties creating a roster for one area at once: one wins, the other gets the same clear error', async () => {
    const input = { areaCode: AR.farsta, entries: [] };
    const creators = [as.uppsalaCoordinator, as.goteborgPolice, as.stockholmsStad];
    const answers = await Promise.all(creators.map((headers) => subgraph.query(CREATE, { input }, headers)));
    expect(answers.map((answer) => errorCode(answer) ?? 'CREATED').sort()).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'CREATED']);
    const won = answers.findIndex((answer) => !answer.errors);
    const { id } = answers[won].data!.createCrisisRoster;
    expect(await ok(subgraph.query(DELETE, { id, version: 1 }, creators[won]), 'deleteCrisisRoster')).toBe(id);
  });

  it('a retried creation with the same idempotency key returns the first roster and writes once', async () => {
    const input = { areaCode: AR.skaggetorp, entries: [entry('FIRE', 1, 'PRIMARY', F.posomUppsala)] };
    const first = await ok(subgraph.query(CREATE, { input, key: 'roster-skaggetorp' }, as.uppsalaCoordinator), 'createCrisisRoster');
    const before = await counts();
    const again = await ok(subgraph.query(CREATE, { input, key: 'roster-skaggetorp' }, as.uppsalaCoordinator), 'createCrisisRoster');
    expect([again.id, again.version]).toEqual([first.id, 1]);
    expect(await counts()).toEqual(before);
    expect(await ok(subgraph.query(DELETE, { id: first.id, version: 1 }, as.uppsalaCoordinator), 'deleteCrisisRoster')).toBe(first.id);
  });

  it('is deleted by the owner\'s coordinator with its entries, logged', async () => {
    const before = await counts();
    expect(await ok(subgraph.query(DELETE, { id, version }, as.uppsalaCoordinator), 'deleteCrisisRoster')).toBe(id);
    const after = await counts();
    expect(after).toEqual({ rosters: before.rosters - 1, entries: before.entries - 5, log: before.log + 1 });
    const [last] = await subgraph.dataSource.query('SELECT action FROM change_log WHERE entity_id = $1 ORDER BY sequence DESC LIMIT 1', [id]);
    expect(last.action).toBe('DELETED');
    expect((await subgraph.query(`query($id: ID!) { crisisRoster(id: $id) { id } }`, { id }, as.uppsalaCoordinator)).data!.crisisRoster).toBeNull();
  });
});

describe('suggestions from the registry (actors subgraph)', () => {
  const SUGGESTIONS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Area { code
    near: crisisRosterSuggestions { id name }
    within: crisisRosterSuggestions(scope: WITHIN) { id }
    one: crisisRosterSuggestions(first: 1) { id } } } }`;

  it('lists the functions of crisis-support services and of crisis venues covering the area, by name, bounded', async () => {
    const reps = [AR.gottsunda, AR.angered, AR.farsta].map((code) => ({ __typename: 'Area', code }));
    const { data, errors } = await graphql(subgraph.actors!.url, SUGGESTIONS, { reps }, as.uppsalaPolice);
    expect(errors).toBeUndefined();
    const [gottsunda, angered, farsta] = data!._entities;
    // Uppsala's POSOM services (the municipality's and the church's) and the church's parish hall, which serve Gottsunda too.
    expect(gottsunda.near).toEqual([
      { id: F.kyrkanUppsala, name: 'Lokalbokning Svenska kyrkan i Uppsala' },
      { id: F.posomUppsala, name: 'POSOM-samordnare Uppsala' },
      { id: F.trygghetssamordnareGottsunda, name: 'Trygghetssamordnare Gottsunda' },
    ]);
    expect(gottsunda.within).toEqual([]);
    expect(gottsunda.one).toEqual([{ id: F.kyrkanUppsala }]);
    // Folkets Hus Angered is a crisis venue with its booking function.
    expect(angered.near.map((f: { id: string }) => f.id)).toEqual([CF.lokalbokningFolketsHusAngered]);
    expect(farsta.near).toEqual([]);
  });
});
