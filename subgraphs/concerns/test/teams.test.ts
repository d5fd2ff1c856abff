import { randomBytes } from 'node:crypto';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS as CF, DEMO_INTERVENTION_TEAMS as T } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { FixedClock } from '@samverkan/platform';
import { bearer, errorCode, graphql, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { concernsSubgraph } from '../src';
import { insertConcern } from './support/concerns';

// The concerns subgraph will not start without its contact-details key.
process.env.CONCERN_CONTACT_KEY ??= randomBytes(32).toString('base64');

/**
 * Intervention teams (issue 15): one per area, kept by the owner's and the maintainers'
 * coordinators, seen by them and whoever its visibility admits; lines checked against the real,
 * seeded registry (actors subgraph) for their organisation's kind; civil society takes part once it joins.
 */
const NOW = new Date('2026-11-30T09:00:00Z');
const clock = new FixedClock(NOW);
let subgraph: TestSubgraph;

const PEOPLE = {
  district: [A.rinkebyKistaStadsdel, Role.COORDINATOR],
  districtMember: [A.rinkebyKistaStadsdel, Role.MEMBER],
  police: [A.lpoRinkeby, Role.COORDINATOR],
  policeMember: [A.lpoRinkeby, Role.MEMBER],
  fryshusetMember: [A.fryshuset, Role.MEMBER],
  goteborgPolice: [A.lpoGoteborgNordost, Role.COORDINATOR],
  uppsala: [A.uppsalaKommun, Role.COORDINATOR],
} as const;
type Who = keyof typeof PEOPLE | 'public';
let as: Record<Who, Record<string, string>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(concernsSubgraph, { clock });
  const entries = await Promise.all(
    Object.entries(PEOPLE).map(async ([who, [organisationId, role]]) => [who, await bearer(organisationId, [role], { subject: `test-${who}` })] as const),
  );
  as = { ...Object.fromEntries(entries), public: {} } as Record<Who, Record<string, string>>;
});
afterAll(() => subgraph?.stop());

const FIELDS = `id version visibility note area { code } owner { id } maintainers { id } sharedWith { id }
  members { contactFunction { id } actor { id } actorKind function role joinedAt }
  gaps { kind } gapCount contactFunctionIds`;
const CREATE = `mutation($input: CreateInterventionTeamInput!, $key: String) { createInterventionTeam(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateInterventionTeamInput!) { updateInterventionTeam(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $version: Int!) { deleteInterventionTeam(id: $id, version: $version) }';
const JOIN = `mutation($teamId: ID!, $cf: ID!, $version: Int!) { joinInterventionTeam(teamId: $teamId, contactFunctionId: $cf, version: $version) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { interventionTeam(id: $id) { ${FIELDS} } }`;
const LIST = 'query($filter: InterventionTeamFilter, $first: Int) { interventionTeams(filter: $filter, first: $first) { totalCount nodes { id area { code } gapCount } } }';

const line = (contactFunctionId: string, fn: string, role: string) => ({ contactFunctionId, function: fn, role });
/** A complete team of Rinkeby-Kista's functions: the district's social services lead, the police back up, Fryshuset coordinates once it joins. */
const LINES = [
  line(CF.mottagningenBarnOchUngaRinkebyKista, 'SOCIAL_SERVICES', 'LEAD'),
  line(CF.kommunpolisJarva, 'POLICE', 'BACKUP'),
  line(CF.verksamhetsansvarigFryshusetJarva, 'CIVIL_SOCIETY', 'COORDINATOR'),
];

const counts = async () => {
  const [row] = await subgraph.dataSource.query(`SELECT (SELECT count(*)::int FROM intervention_teams) AS teams, (SELECT count(*)::int FROM team_members) AS members,
    (SELECT coalesce(sum(version), 0)::int FROM intervention_teams) AS versions, (SELECT count(*)::int FROM idempotency_keys) AS keys,
    (SELECT count(*)::int FROM concern_audit) AS audit`);
  return row;
};

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

describe('the demo teams', () => {
  it('are seeded in Rinkeby-Kista, Angered and Gottsunda, with their gaps', async () => {
    const teams = (await ok(subgraph.query(LIST, {}, as.district), 'interventionTeams')).nodes;
    expect(teams.map((t: { id: string; area: { code: string }; gapCount: number }) => [t.id, t.area.code, t.gapCount])).toEqual([
      [T.rinkebyKista, AR.rinkebyKista, 0],
      [T.gottsunda, AR.gottsunda, 4],
      [T.angered, AR.angered, 1],
    ]);
    // Rinkeby-Kista: the social services' reception for children and young people leads; the leisure coordinator and the school's pupil health are members.
    const rinkeby = await ok(subgraph.query(ONE, { id: T.rinkebyKista }, as.district), 'interventionTeam');
    const lines = (team: { members: Array<{ contactFunction: { id: string }; function: string; role: string }> }) =>
      team.members.map((m) => [m.contactFunction.id, m.function, m.role]);
    expect(lines(rinkeby)).toEqual([
      [CF.mottagningenBarnOchUngaRinkebyKista, 'SOCIAL_SERVICES', 'LEAD'],
      [CF.verksamhetsansvarigFryshusetJarva, 'CIVIL_SOCIETY', 'BACKUP'],
      [CF.fritidssamordnareRinkebyKista, 'OTHER', 'MEMBER'],
      [CF.elevhalsanRinkebyskolan, 'SCHOOL', 'MEMBER'],
      [CF.kommunpolisJarva, 'POLICE', 'COORDINATOR'],
    ]);
    // Angered: Göteborg's social services take part, but nobody backs up the police lead.
    const angered = await ok(subgraph.query(ONE, { id: T.angered }, as.goteborgPolice), 'interventionTeam');
    expect(angered.gaps).toEqual([{ kind: 'NO_BACKUP' }]);
    expect(lines(angered)).toEqual([
      [CF.omradespolisAngered, 'POLICE', 'LEAD'],
      [CF.lokalbokningFolketsHusAngered, 'OTHER', 'MEMBER'],
      [CF.socialjourenBarnOchUngaNordost, 'SOCIAL_SERVICES', 'MEMBER'],
      [CF.ordforandeKfumGoteborg, 'CIVIL_SOCIETY', 'COORDINATOR'],
    ]);
    const gottsunda = await ok(subgraph.query(ONE, { id: T.gottsunda }, as.uppsala), 'interventionTeam');
    expect(gottsunda.gaps.map((g: { kind: string }) => g.kind)).toEqual(['NO_BACKUP', 'NO_SOCIAL_SERVICES', 'NO_COORDINATOR', 'ONE_ORGANISATION']);
    expect(gottsunda.members[1]).toMatchObject({ function: 'CIVIL_SOCIETY', joinedAt: null });
  });

  it('a second start reuses them', async () => {
    const before = await counts();
    const { seedDemoData } = await import('../src/demo/seed');
    await seedDemoData(subgraph.dataSource);
    expect(await counts()).toEqual(before);
  });

  it('filter by gaps and by area', async () => {
    const ids = async (filter: Record<string, unknown>) => (await ok(subgraph.query(LIST, { filter }, as.district), 'interventionTeams')).nodes.map((t: { id: string }) => t.id);
    expect(await ids({ hasGaps: true })).toEqual([T.gottsunda, T.angered]);
    expect(await ids({ hasGaps: false })).toEqual([T.rinkebyKista]);
    expect(await ids({ areaCode: AR.stockholm })).toEqual([T.rinkebyKista]);
    expect(await ids({ areaCode: AR.angered })).toEqual([T.angered]);
  });

  it('are the public’s to see only if PUBLIC: NETWORK teams are for signed-in parties', async () => {
    expect(await ok(subgraph.query(ONE, { id: T.rinkebyKista }, as.public), 'interventionTeam')).toBeNull();
    expect((await ok(subgraph.query(LIST, {}, as.public), 'interventionTeams')).totalCount).toBe(0);
  });

  it('the registry flags the listed functions that rest on one person', async () => {
    const { contactFunctionIds } = await ok(subgraph.query(ONE, { id: T.rinkebyKista }, as.district), 'interventionTeam');
    const query = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on InterventionTeam { onePersonDependencies { id } } } }';
    const reps = [{ __typename: 'InterventionTeam', id: T.rinkebyKista, contactFunctionIds }];
    const { data, errors } = await graphql(subgraph.actors!.url, query, { reps }, as.district);
    expect(errors).toBeUndefined();
    expect(data!._entities[0].onePersonDependencies).toEqual([{ id: CF.kommunpolisJarva }]);
    expect((await graphql(subgraph.actors!.url, query, { reps }, as.public)).data!._entities[0].onePersonDependencies).toBeNull();
  });
});

describe('a team for Spånga-Tensta', () => {
  let id: string;
  let version: number;

  beforeAll(async () => {
    const team = await ok(
      subgraph.query(CREATE, { input: { areaCode: AR.spangaTensta, members: LINES, maintainerIds: [A.lpoRinkeby], visibility: 'OWNER', note: 'Möts varje tisdag.' } }, as.district),
      'createInterventionTeam',
    );
    ({ id, version } = team);
  });

  it('is created owned by the creator, version 1, the civil-society line not yet taking part', async () => {
    const team = await ok(subgraph.query(ONE, { id }, as.district), 'interventionTeam');
    expect(team).toMatchObject({ version: 1, visibility: 'OWNER', note: 'Möts varje tisdag.', area: { code: AR.spangaTensta }, owner: { id: A.rinkebyKistaStadsdel } });
    expect(team.maintainers).toEqual([{ id: A.lpoRinkeby }]);
    expect(team.members).toEqual([
      { contactFunction: { id: CF.mottagningenBarnOchUngaRinkebyKista }, actor: { id: A.rinkebyKistaStadsdel }, actorKind: 'MUNICIPALITY', function: 'SOCIAL_SERVICES', role: 'LEAD', joinedAt: NOW.toISOString() },
      { contactFunction: { id: CF.kommunpolisJarva }, actor: { id: A.lpoRinkeby }, actorKind: 'POLICE', function: 'POLICE', role: 'BACKUP', joinedAt: NOW.toISOString() },
      { contactFunction: { id: CF.verksamhetsansvarigFryshusetJarva }, actor: { id: A.fryshuset }, actorKind: 'CIVIL_SOCIETY', function: 'CIVIL_SOCIETY', role: 'COORDINATOR', joinedAt: null },
    ]);
    expect(team.gaps).toEqual([{ kind: 'NO_COORDINATOR' }]);
    expect(team.contactFunctionIds).toEqual([CF.mottagningenBarnOchUngaRinkebyKista, CF.kommunpolisJarva, CF.verksamhetsansvarigFryshusetJarva]);
  });

  it('OWNER: the owner and the maintainer see it, on every path; nobody else', async () => {
    const SEEN = `query($id: ID!, $reps: [_Any!]!) { interventionTeam(id: $id) { id }
      interventionTeams(filter: { areaCode: "${AR.spangaTensta}" }) { totalCount }
      _entities(representations: $reps) { ... on InterventionTeam { id } ... on Area { interventionTeam { id } } } }`;
    const reps = [{ __typename: 'InterventionTeam', id }, { __typename: 'Area', code: AR.spangaTensta }];
    for (const who of ['district', 'districtMember', 'police', 'policeMember'] as const) {
      const { data } = await subgraph.query(SEEN, { id, reps }, as[who]);
      expect([who, data!.interventionTeam?.id, data!.interventionTeams.totalCount, data!._entities]).toEqual([who, id, 1, [{ id }, { interventionTeam: { id } }]]);
    }
    for (const who of ['goteborgPolice', 'fryshusetMember', 'public'] as const) {
      const { data } = await subgraph.query(SEEN, { id, reps }, as[who]);
      expect([who, data!.interventionTeam, data!.interventionTeams.totalCount, data!._entities]).toEqual([who, null, 0, [null, { interventionTeam: null }]]);
    }
  });

  it('a maintainer changes its members and note, bumping the version', async () => {
    const team = await ok(subgraph.query(UPDATE, { id, version, input: { note: 'Möts varannan tisdag.' } }, as.police), 'updateInterventionTeam');
    expect(team).toMatchObject({ version: version + 1, note: 'Möts varannan tisdag.' });
    version = team.version;
  });

  it('a maintainer may not change who sees it, nor delete it; a member (not coordinator) may not change it; others do not find it', async () => {
    await refused(() => subgraph.query(UPDATE, { id, version, input: { visibility: 'NETWORK' } }, as.police), 'FORBIDDEN');
    await refused(() => subgraph.query(UPDATE, { id, version, input: { maintainerIds: [] } }, as.police), 'FORBIDDEN');
    await refused(() => subgraph.query(DELETE, { id, version }, as.police), 'FORBIDDEN');
    await refused(() => subgraph.query(UPDATE, { id, version, input: { note: 'x' } }, as.policeMember), 'FORBIDDEN');
    await refused(() => subgraph.query(UPDATE, { id, version, input: { note: 'x' } }, as.goteborgPolice), 'NOT_FOUND');
    await refused(() => subgraph.query(UPDATE, { id, version, input: { note: 'x' } }, as.public), 'UNAUTHENTICATED');
  });

  it('civil society joins: only its own organisation, once; the team version moves', async () => {
    await refused(() => subgraph.query(JOIN, { teamId: id, cf: CF.verksamhetsansvarigFryshusetJarva, version }, as.district), 'FORBIDDEN');
    await refused(() => subgraph.query(JOIN, { teamId: id, cf: CF.kommunpolisJarva, version }, as.police), 'BAD_USER_INPUT', 'contactFunctionId');
    await refused(() => subgraph.query(JOIN, { teamId: id, cf: CF.verksamhetsansvarigFryshusetJarva, version: version - 1 }, as.fryshusetMember), 'VERSION_CONFLICT');
    await refused(() => subgraph.query(JOIN, { teamId: id, cf: CF.verksamhetsansvarigFryshusetJarva, version }, as.goteborgPolice), 'NOT_FOUND');
    clock.set(new Date(NOW.getTime() + 3_600_000));
    // Fryshuset does not see an OWNER team, but may join the line it has in it.
    const team = await ok(subgraph.query(JOIN, { teamId: id, cf: CF.verksamhetsansvarigFryshusetJarva, version }, as.fryshusetMember), 'joinInterventionTeam');
    expect(team.version).toBe(version + 1);
    version = team.version;
    const joined = await ok(subgraph.query(ONE, { id }, as.district), 'interventionTeam');
    expect(joined.members[2].joinedAt).toBe(new Date(NOW.getTime() + 3_600_000).toISOString());
    expect(joined.gaps).toEqual([]);
    await refused(() => subgraph.query(JOIN, { teamId: id, cf: CF.verksamhetsansvarigFryshusetJarva, version }, as.fryshusetMember), 'BAD_USER_INPUT', 'contactFunctionId');
  });

  it('replacing the members keeps when a staying line joined', async () => {
    const members = [line(CF.mottagningenBarnOchUngaRinkebyKista, 'SOCIAL_SERVICES', 'LEAD'), line(CF.verksamhetsansvarigFryshusetJarva, 'CIVIL_SOCIETY', 'COORDINATOR')];
    const team = await ok(subgraph.query(UPDATE, { id, version, input: { members } }, as.district), 'updateInterventionTeam');
    expect(team.members.map((m: { joinedAt: string }) => m.joinedAt)).toEqual([NOW.toISOString(), new Date(NOW.getTime() + 3_600_000).toISOString()]);
    expect(team.gaps).toEqual([{ kind: 'NO_BACKUP' }]);
    version = team.version;
  });

  describe('bad input: a clear error, nothing written', () => {
    const create = (members: unknown[], extra: Record<string, unknown> = {}) => () =>
      subgraph.query(CREATE, { input: { areaCode: AR.farsta, members, ...extra } }, as.district);
    it('no lead, two leads', async () => {
      await refused(create([line(CF.kommunpolisJarva, 'POLICE', 'BACKUP')]), 'BAD_USER_INPUT', 'members');
      await refused(create([line(CF.kommunpolisJarva, 'POLICE', 'LEAD'), line(CF.mottagningenBarnOchUngaRinkebyKista, 'SOCIAL_SERVICES', 'LEAD')]), 'BAD_USER_INPUT', 'members');
    });
    it('two coordinators', async () => {
      await refused(
        create([line(CF.kommunpolisJarva, 'POLICE', 'COORDINATOR'), line(CF.mottagningenBarnOchUngaRinkebyKista, 'SOCIAL_SERVICES', 'LEAD'), line(CF.verksamhetsansvarigFryshusetJarva, 'CIVIL_SOCIETY', 'COORDINATOR')]),
        'BAD_USER_INPUT',
        'members',
      );
    });
    it('a function twice, a contact function twice', async () => {
      await refused(create([line(CF.kommunpolisJarva, 'POLICE', 'LEAD'), line(CF.omradespolisAngered, 'POLICE', 'BACKUP')]), 'BAD_USER_INPUT', 'members.1.function');
      await refused(create([line(CF.kommunpolisJarva, 'POLICE', 'LEAD'), line(CF.kommunpolisJarva, 'OTHER', 'BACKUP')]), 'BAD_USER_INPUT', 'members.1.contactFunctionId');
    });
    it("a function that does not fit the organisation's kind", async () => {
      await refused(create([line(CF.kommunpolisJarva, 'SOCIAL_SERVICES', 'LEAD')]), 'BAD_USER_INPUT', 'members.0.function');
      await refused(create([line(CF.fritidssamordnareRinkebyKista, 'POLICE', 'LEAD')]), 'BAD_USER_INPUT', 'members.0.function');
      await refused(create([line(CF.verksamhetsansvarigFryshusetJarva, 'SCHOOL', 'LEAD')]), 'BAD_USER_INPUT', 'members.0.function');
      await refused(create([line(CF.kommunpolisJarva, 'CIVIL_SOCIETY', 'LEAD')]), 'BAD_USER_INPUT', 'members.0.function');
    });
    it('a faith community is civil society; a municipality may act as school; anyone as OTHER', async () => {
      const team = await ok(
        subgraph.query(CREATE, { input: { areaCode: AR.farsta, members: [line(CF.lokalbokningSvenskaKyrkanUppsala, 'CIVIL_SOCIETY', 'LEAD'), line(CF.posomUppsala, 'SCHOOL', 'BACKUP'), line(CF.omradespolisAngered, 'OTHER', 'MEMBER')] } }, as.district),
        'createInterventionTeam',
      );
      expect(team.members.map((m: { actorKind: string }) => m.actorKind)).toEqual(['FAITH_COMMUNITY', 'MUNICIPALITY', 'POLICE']);
      expect(await ok(subgraph.query(DELETE, { id: team.id, version: 1 }, as.district), 'deleteInterventionTeam')).toBe(team.id);
    });
    it('an unknown contact function or maintainer', async () => {
      await refused(create([line('00000000-0000-4000-8000-000000000999', 'POLICE', 'LEAD')]), 'BAD_USER_INPUT', 'members.contactFunctionId');
      await refused(create(LINES, { maintainerIds: ['00000000-0000-4000-8000-000000000999'] }), 'BAD_USER_INPUT', 'maintainerIds');
    });
    it('a personal identity number in the note, on creation and on update', async () => {
      await refused(create(LINES, { note: 'Kontakt: 20120315-1234' }), 'BAD_USER_INPUT', 'note');
      await refused(() => subgraph.query(UPDATE, { id, version, input: { note: 'Barnet 120315-1234' } }, as.district), 'BAD_USER_INPUT', 'note');
    });
    it('a second team for an area', async () => {
      await refused(() => subgraph.query(CREATE, { input: { areaCode: AR.spangaTensta, members: LINES } }, as.police), 'BAD_USER_INPUT', 'areaCode');
    });
    it('a stale version', async () => {
      await refused(() => subgraph.query(UPDATE, { id, version: version - 1, input: { note: 'x' } }, as.district), 'VERSION_CONFLICT');
      await refused(() => subgraph.query(DELETE, { id, version: version - 1 }, as.district), 'VERSION_CONFLICT');
    });
    it('members cannot be cleared; a member (not coordinator) may not create', async () => {
      await refused(() => subgraph.query(UPDATE, { id, version, input: { members: null } }, as.district), 'BAD_USER_INPUT', 'members');
      await refused(() => subgraph.query(CREATE, { input: { areaCode: AR.farsta, members: LINES } }, as.districtMember), 'FORBIDDEN');
    });
  });

  it('is not deleted while a concern routed to it is open; is once it is closed', async () => {
    const { concern } = await insertConcern(subgraph.dataSource, { registeredAt: NOW, areaCode: AR.spangaTensta, teamId: id, receivingActorId: A.rinkebyKistaStadsdel });
    await refused(() => subgraph.query(DELETE, { id, version }, as.district), 'BAD_USER_INPUT', 'id');
    await subgraph.dataSource.query(`UPDATE concerns SET status = 'CLOSED', closed_at = $2 WHERE id = $1`, [concern.id, NOW]);
    expect(await ok(subgraph.query(DELETE, { id, version }, as.district), 'deleteInterventionTeam')).toBe(id);
    expect(await subgraph.dataSource.query('SELECT 1 FROM team_members WHERE team_id = $1', [id])).toEqual([]);
    await subgraph.dataSource.query('DELETE FROM concerns WHERE id = $1', [concern.id]);
  });
});

it('two parties creating a team for one area at once: one wins, the other gets the same clear error', async () => {
  const input = { areaCode: AR.hagerstenLiljeholmen, members: LINES };
  const creators = [as.district, as.police, as.uppsala];
  const answers = await Promise.all(creators.map((headers) => subgraph.query(CREATE, { input }, headers)));
  expect(answers.map((answer) => errorCode(answer) ?? 'CREATED').sort()).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'CREATED']);
  const won = answers.findIndex((answer) => !answer.errors);
  const { id } = answers[won].data!.createInterventionTeam;
  expect(await ok(subgraph.query(DELETE, { id, version: 1 }, creators[won]), 'deleteInterventionTeam')).toBe(id);
});

it('a retried creation with the same idempotency key returns the first team and writes once', async () => {
  const input = { areaCode: AR.norrmalm, members: LINES };
  const first = await ok(subgraph.query(CREATE, { input, key: 'team-norrmalm' }, as.district), 'createInterventionTeam');
  const before = await counts();
  const again = await ok(subgraph.query(CREATE, { input, key: 'team-norrmalm' }, as.district), 'createInterventionTeam');
  expect(again.id).toBe(first.id);
  expect(await counts()).toEqual(before);
  expect(await ok(subgraph.query(DELETE, { id: first.id, version: 1 }, as.district), 'deleteInterventionTeam')).toBe(first.id);
});

it('the lines, gaps and references of 20 teams cost the statements of 2', async () => {
  // Teams written beside the API, in made-up districts of Stockholm: only their rows matter here.
  for (let n = 1; n <= 20; n += 1) {
    const [{ id }] = await subgraph.dataSource.query(
      `INSERT INTO intervention_teams (area_code, owner_id, visibility, version) VALUES ($1, $2, 'NETWORK', 1) RETURNING id`,
      [`0180-test-${String(n).padStart(2, '0')}`, A.rinkebyKistaStadsdel],
    );
    await subgraph.dataSource.query(
      `INSERT INTO team_members (team_id, contact_function_id, actor_id, actor_kind, function, role, joined_at)
       VALUES ($1, $2, $3, 'MUNICIPALITY', 'SOCIAL_SERVICES', 'LEAD', $5), ($1, $4, $6, 'POLICE', 'POLICE', 'BACKUP', $5)`,
      [id, CF.mottagningenBarnOchUngaRinkebyKista, A.rinkebyKistaStadsdel, CF.kommunpolisJarva, NOW, A.lpoRinkeby],
    );
  }
  const QUERY = `query($first: Int) { interventionTeams(filter: { areaCode: "0180", hasGaps: true }, first: $first) { totalCount nodes { id area { code } owner { id }
    maintainers { id } gaps { kind } gapCount contactFunctionIds members { contactFunction { id } actor { id } function role joinedAt } } } }`;
  process.env.SAMVERKAN_SQL_STATS = 'true';
  try {
    const statements = async (first: number) => {
      const response = await subgraph.query(QUERY, { first }, as.district);
      expect(response.errors).toBeUndefined();
      expect(response.data!.interventionTeams.nodes).toHaveLength(first);
      expect(response.data!.interventionTeams.nodes[0].gaps).toEqual([{ kind: 'NO_COORDINATOR' }]);
      return response.extensions!.sqlStatements as number;
    };
    expect(await statements(2)).toBe(await statements(20));
  } finally {
    delete process.env.SAMVERKAN_SQL_STATS;
  }
});
