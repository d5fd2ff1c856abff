import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as AG, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { openDatabase } from '@samverkan/platform';
import { Role } from '@samverkan/federation';
import { activitiesSubgraph } from '../src';
import { CreateActivities1764000000000 } from '../src/migrations/1764000000000-CreateActivities';
import { DEMO_ACTIVITIES as D, seedDemoData } from '../src/demo/seed';
import { bearer, PEOPLE } from '@samverkan/test-support';
import { dropDatabase, freshDatabase } from '@samverkan/test-support';
import { errorCode, GraphQLResponse } from '@samverkan/test-support';
import { startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Who may see and change what in the activities subgraph. Activities are public listings: the record
 * is readable by everyone, always. The owner's `visibility` governs only the INTERNAL fields
 * (`internalClassification`, `participantCount`), and `internalClassification` never reaches the
 * public, even when the owner chose PUBLIC.
 */

type Headers = Record<string, string>;
const NO_TOKEN: Headers = {};

let subgraph: TestSubgraph;
let agreements: Server;
/** The day the demo data is seeded for. */
const calendar = demoCalendar();

/**
 * A stand-in for the agreements subgraph, answering `_entities` as the real one does with its own
 * visibility: the IOP in Angered is visible to everyone; a draft agreement only to its parties.
 * It reads the caller's organisation from the token it is passed (signature checks are the real
 * subgraph's business), so it tells whether the activities subgraph passed the caller's token on.
 */
const DRAFT_AGREEMENT = 'b0000000-0000-4000-8000-000000000099';
const DRAFT_PARTIES: string[] = [A.goteborgsStad, A.raddaBarnenGoteborg];
const agreementCalls: Array<string | undefined> = [];

function organisationOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { org?: string }).org;
}

function startFakeAgreements(): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      agreementCalls.push(request.headers.authorization);
      const org = organisationOf(request.headers.authorization);
      const { variables } = JSON.parse(body) as { variables: { representations: Array<{ id: string }> } };
      const visible = (id: string) => id === AG.iopGoteborgAngered || (id === DRAFT_AGREEMENT && !!org && DRAFT_PARTIES.includes(org));
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { _entities: variables.representations.map(({ id }) => (visible(id) ? { id } : null)) } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The people of the access matrix, plus members of a partner and of the owner of the SHARED safety walks. */
const VIEWERS = {
  public: null,
  ngoMember: PEOPLE.ngoMember,
  ngoCoordinator: PEOPLE.ngoCoordinator,
  policeOfficer: PEOPLE.policeOfficer,
  municipalityOfficial: PEOPLE.municipalityOfficial,
  nationalCoordinator: PEOPLE.nationalCoordinator,
  administrator: PEOPLE.administrator,
  walkPartner: { organisationId: A.lpoUppsala, roles: [Role.MEMBER] },
} as const;
type ViewerName = keyof typeof VIEWERS;
const headers = {} as Record<ViewerName, Headers>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  agreements = await startFakeAgreements();
  process.env.AGREEMENTS_URL = `http://127.0.0.1:${(agreements.address() as AddressInfo).port}/graphql`;
  for (const [name, person] of Object.entries(VIEWERS) as Array<[ViewerName, (typeof VIEWERS)[ViewerName]]>) {
    headers[name] = person ? await bearer(person.organisationId, [...person.roles], { subject: `${name}-subject` }) : NO_TOKEN;
  }
});

afterAll(async () => {
  await new Promise((resolve) => agreements?.close(resolve));
  await subgraph?.stop();
});

// ---------------------------------------------------------------------------------------------
// What the seed means: each demo activity's internal fields, and who its owner lets see them.
// ---------------------------------------------------------------------------------------------

const NAMES = Object.fromEntries(Object.entries(D).map(([name, id]) => [id, name])) as Record<string, keyof typeof D>;

/** The internal fields of the demo activities, as seeded. */
const INTERNALS: Record<keyof typeof D, [classification: string, participants: number | null]> = {
  mbuRinkeby: ['SELECTIVE_PREVENTION', 24],
  mbuAngered: ['SELECTIVE_PREVENTION', null],
  safetyWalkGottsundaSpring: ['SITUATIONAL_PREVENTION', 35],
  safetyWalkGottsundaAutumn: ['SITUATIONAL_PREVENTION', 28],
  safeFarsta: ['SITUATIONAL_PREVENTION', null],
  safeLiljeholmen: ['SITUATIONAL_PREVENTION', null],
  safeNorrmalm: ['SITUATIONAL_PREVENTION', null],
  posomUppsala: ['CRISIS_RESPONSE', null],
  footballAngered: ['UNIVERSAL_PREVENTION', 180],
  mammaUnitedTrygg: ['UNIVERSAL_PREVENTION', 40],
  summerJobsJarva: ['SELECTIVE_PREVENTION', 60],
  homeworkHelpAngered: ['UNIVERSAL_PREVENTION', 45],
  exitProgramme: ['INDICATED_PREVENTION', null],
  democracySchoolSkaggetorp: ['NOT_CLASSIFIED', null],
  footballPracticeAngered: ['UNIVERSAL_PREVENTION', 22],
};

/** Internal fields shown to the whole network (NETWORK), and homework help's to everyone (PUBLIC). */
const NETWORK_WIDE: Array<keyof typeof D> = [
  'safeFarsta',
  'safeLiljeholmen',
  'safeNorrmalm',
  'posomUppsala',
  'footballAngered',
  'mammaUnitedTrygg',
  'summerJobsJarva',
  'democracySchoolSkaggetorp',
  'homeworkHelpAngered',
  'footballPracticeAngered',
];

/**
 * Whose internal fields each viewer sees. MBU meetings are SHARED by the police with Fryshuset, the
 * safety walks by Uppsala kommun with the police and Hyresgästföreningen; the exit programme is
 * Fryshuset's alone (OWNER). Administrators get nothing extra; the public only homework help's count.
 */
const INTERNALS_SEEN_BY: Record<ViewerName, Array<keyof typeof D>> = {
  public: ['homeworkHelpAngered'],
  ngoMember: [...NETWORK_WIDE, 'mbuRinkeby', 'mbuAngered', 'exitProgramme'],
  ngoCoordinator: [...NETWORK_WIDE, 'mbuRinkeby', 'mbuAngered', 'exitProgramme'],
  policeOfficer: [...NETWORK_WIDE, 'mbuRinkeby'],
  municipalityOfficial: NETWORK_WIDE,
  nationalCoordinator: NETWORK_WIDE,
  administrator: NETWORK_WIDE,
  walkPartner: [...NETWORK_WIDE, 'safetyWalkGottsundaSpring', 'safetyWalkGottsundaAutumn'],
};

interface Internals {
  id: string;
  internalClassification: string | null;
  participantCount: number | null;
}

/** What a viewer should get for a demo activity: [name, internalClassification, participantCount]. */
function expected(viewer: ViewerName, id: string): [string, string | null, number | null] {
  const name = NAMES[id];
  const [classification, participants] = INTERNALS[name];
  const sees = INTERNALS_SEEN_BY[viewer].includes(name);
  return [name, sees && viewer !== 'public' ? classification : null, sees ? participants : null];
}

/** Checks every demo activity among `nodes` against the seed's intent; returns the names seen. */
function expectInternals(viewer: ViewerName, nodes: Internals[]): string[] {
  const demo = nodes.filter((node) => NAMES[node.id]);
  expect(demo.map((n) => [NAMES[n.id], n.internalClassification, n.participantCount])).toEqual(demo.map((n) => expected(viewer, n.id)));
  return [...new Set(demo.map((n) => NAMES[n.id]))].sort();
}

const ALL_DEMO = Object.keys(D).sort();
const count = async (table: string) => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const counts = async () => ({
  activities: await count('activities'),
  organisers: await count('activity_organisers'),
  changeLog: await count('change_log'),
});

describe.each(Object.keys(VIEWERS) as ViewerName[])('reading as %s', (viewer) => {
  const query = (q: string, variables?: Record<string, unknown>) => subgraph.query(q, variables, headers[viewer]);
  const INTERNAL = 'id internalClassification participantCount';

  it('gets every activity by id, with only the internal fields it may see (aliases)', async () => {
    const aliased = Object.entries(D)
      .map(([name, id]) => `${name}: activity(id: "${id}") { ${INTERNAL} title publicDescription }`)
      .join('\n');
    const { data, errors } = await query(`{ ${aliased} }`);
    expect(errors).toBeUndefined();
    const nodes = Object.values(data!) as Array<Internals & { title: string; publicDescription: string }>;
    expect(nodes.every((n) => n && n.title && n.publicDescription)).toBe(true);
    expect(expectInternals(viewer, nodes)).toEqual(ALL_DEMO);
  });

  it('lists every activity, totalCount included, with only the internal fields it may see', async () => {
    const { data, errors } = await query(`{ activities(first: 100) { totalCount nodes { ${INTERNAL} } } }`);
    expect(errors).toBeUndefined();
    expect(data!.activities.totalCount).toBe(await count('activities'));
    expect(data!.activities.nodes).toHaveLength(data!.activities.totalCount);
    expect(expectInternals(viewer, data!.activities.nodes)).toEqual(ALL_DEMO);
  });

  it('gets the same through _entities', async () => {
    const { data, errors } = await query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { ${INTERNAL} } } }`, {
      r: Object.values(D).map((id) => ({ __typename: 'Activity', id })),
    });
    expect(errors).toBeUndefined();
    expect(data!._entities.every(Boolean)).toBe(true);
    expect(expectInternals(viewer, data!._entities)).toEqual(ALL_DEMO);
  });

  it('gets the same through Area.activities, Actor.activities and Agreement.activities', async () => {
    const leads = [A.lpoRinkeby, A.lpoGoteborgNordost, A.uppsalaKommun, A.safeTrygghetsvardar, A.kfumGoteborg, A.mammaUnited, A.familjebostader, A.fryshuset, A.ostergotlandsStadsmission];
    const { data, errors } = await query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Area { activities { ${INTERNAL} } overlapping: activities(scope: OVERLAPPING) { ${INTERNAL} } }
        ... on Actor { activities { ${INTERNAL} } }
        ... on Agreement { activities { ${INTERNAL} } } } }`,
      {
        r: [
          { __typename: 'Area', code: AR.sweden },
          { __typename: 'Area', code: AR.angered },
          ...leads.map((id) => ({ __typename: 'Actor', id })),
          { __typename: 'Agreement', id: AG.iopGoteborgAngered },
          { __typename: 'Agreement', id: AG.rattKurvaJarva },
        ],
      },
    );
    expect(errors).toBeUndefined();
    const [sweden, angered, ...rest] = data!._entities as Array<{ activities: Internals[]; overlapping?: Internals[] }>;
    const byActor = rest.slice(0, leads.length);
    const [iop, rattKurva] = rest.slice(leads.length);
    expect(expectInternals(viewer, sweden.activities)).toEqual(ALL_DEMO);
    expect(expectInternals(viewer, angered.overlapping!)).toEqual(['exitProgramme', 'footballAngered', 'footballPracticeAngered', 'homeworkHelpAngered', 'mbuAngered']);
    expect(expectInternals(viewer, byActor.flatMap((actor) => actor.activities))).toEqual(ALL_DEMO);
    expect(expectInternals(viewer, iop.activities)).toEqual(['footballAngered', 'homeworkHelpAngered']);
    // The stand-in hides Rätt kurva from everyone, so what it funds stays hidden too.
    expect(rattKurva.activities).toEqual([]);
  });

  it('gets the same through fragments and aliased fields', async () => {
    const { data, errors } = await query(
      `query($exit: ID!, $homework: ID!, $walk: ID!) {
        exit: activity(id: $exit) { ...Internal }
        homework: activity(id: $homework) { ... on Activity { id label: internalClassification count: participantCount } }
        walk: activity(id: $walk) { id ...Internal again: internalClassification }
      }
      fragment Internal on Activity { id internalClassification participantCount }`,
      { exit: D.exitProgramme, homework: D.homeworkHelpAngered, walk: D.safetyWalkGottsundaSpring },
    );
    expect(errors).toBeUndefined();
    const { exit, homework, walk } = data!;
    expect(expectInternals(viewer, [exit, walk])).toEqual(['exitProgramme', 'safetyWalkGottsundaSpring']);
    expect(walk.again).toBe(walk.internalClassification);
    const [, classification, participants] = expected(viewer, D.homeworkHelpAngered);
    expect(homework).toEqual({ id: D.homeworkHelpAngered, label: classification, count: participants });
  });

  it('reads the public fields of every activity, even one whose owner keeps the internal fields to itself', async () => {
    const { data } = await query(
      `query($id: ID!) { activity(id: $id) {
        title kind startsOn endsOn targetGroups ageMin ageMax publicDescription policeParticipation { purpose }
        organisers { id } area { code } owner { id } visibility fundingAgreement { id } } }`,
      { id: D.exitProgramme },
    );
    expect(data!.activity).toMatchObject({
      title: 'Avhopparverksamhet',
      kind: 'EXIT_PROGRAMME',
      startsOn: calendar.month(-24),
      endsOn: null,
      targetGroups: ['YOUNG_PEOPLE', 'RELATIVES'],
      ageMin: 15,
      ageMax: 35,
      organisers: [{ id: A.fryshuset }],
      area: { code: AR.sweden },
      owner: { id: A.fryshuset },
      visibility: 'OWNER',
      fundingAgreement: null,
      policeParticipation: null,
    });
    expect(data!.activity.publicDescription).toMatch(/lämna ett kriminellt sammanhang/);
    // A funding agreement shows only if its owner lets the caller see it: the stand-in shows the IOP, hides Rätt kurva.
    const { data: funded } = await query(
      `{ shown: activity(id: "${D.homeworkHelpAngered}") { fundingAgreement { id } } hidden: activity(id: "${D.summerJobsJarva}") { fundingAgreement { id } } }`,
      {},
    );
    expect(funded).toEqual({ shown: { fundingAgreement: { id: AG.iopGoteborgAngered } }, hidden: { fundingAgreement: null } });
  });

  it('never finds activities by their internal classification', async () => {
    for (const text of ['SELECTIVE', 'INDICATED_PREVENTION', 'prevention', 'CRISIS_RESPONSE']) {
      const { data } = await query(`query($text: String) { activities(filter: { text: $text }) { totalCount } }`, { text });
      expect([text, data!.activities.totalCount]).toEqual([text, 0]);
    }
  });
});

describe('owner, sharedWith and changeLog of the demo activities', () => {
  const read = `query($id: ID!) { activity(id: $id) { owner { id } visibility sharedWith { id } changeLog { action } } }`;

  it.each([
    // [viewer, activity, sharedWith, changeLog]: who it is shared with and its history are the owner's business.
    ['policeOfficer', 'mbuRinkeby', [{ id: A.fryshuset }], []],
    ['ngoMember', 'mbuRinkeby', null, null],
    ['ngoCoordinator', 'mbuRinkeby', null, null],
    ['public', 'mbuRinkeby', null, null],
    ['walkPartner', 'safetyWalkGottsundaSpring', null, null],
    ['municipalityOfficial', 'safetyWalkGottsundaSpring', null, null],
    ['ngoMember', 'exitProgramme', [], []],
    ['administrator', 'exitProgramme', null, null],
    ['public', 'homeworkHelpAngered', null, null],
  ] as Array<[ViewerName, keyof typeof D, unknown, unknown]>)('as %s, %s', async (viewer, name, sharedWith, changeLog) => {
    const { data, errors } = await subgraph.query(read, { id: D[name] }, headers[viewer]);
    expect(errors).toBeUndefined();
    expect(data!.activity.sharedWith).toEqual(sharedWith);
    expect(data!.activity.changeLog).toEqual(changeLog);
  });

  it('each demo activity is owned by its lead organiser, with the visibility it chose', async () => {
    const { data } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { id owner { id } visibility } } }`,
      { r: Object.values(D).map((id) => ({ __typename: 'Activity', id })) },
      headers.public,
    );
    const seen = Object.fromEntries(
      (data!._entities as Array<{ id: string; owner: { id: string }; visibility: string }>).map((a) => [NAMES[a.id], [a.owner.id, a.visibility]]),
    );
    expect(seen).toEqual({
      mbuRinkeby: [A.lpoRinkeby, 'SHARED'],
      mbuAngered: [A.lpoGoteborgNordost, 'SHARED'],
      safetyWalkGottsundaSpring: [A.uppsalaKommun, 'SHARED'],
      safetyWalkGottsundaAutumn: [A.uppsalaKommun, 'SHARED'],
      safeFarsta: [A.safeTrygghetsvardar, 'NETWORK'],
      safeLiljeholmen: [A.safeTrygghetsvardar, 'NETWORK'],
      safeNorrmalm: [A.safeTrygghetsvardar, 'NETWORK'],
      posomUppsala: [A.uppsalaKommun, 'NETWORK'],
      footballAngered: [A.kfumGoteborg, 'NETWORK'],
      mammaUnitedTrygg: [A.mammaUnited, 'NETWORK'],
      summerJobsJarva: [A.familjebostader, 'NETWORK'],
      homeworkHelpAngered: [A.kfumGoteborg, 'PUBLIC'],
      exitProgramme: [A.fryshuset, 'OWNER'],
      democracySchoolSkaggetorp: [A.ostergotlandsStadsmission, 'NETWORK'],
      footballPracticeAngered: [A.kfumGoteborg, 'NETWORK'],
    });
  });

  it('seeds idempotently: a second run changes nothing, also on a later day', async () => {
    const snapshot = () =>
      subgraph.dataSource.query('SELECT id, title, starts_on, ends_on, version, created_at, updated_at, owner_id, visibility, shared_with FROM activities ORDER BY id');
    const before = await snapshot();
    await (await activitiesSubgraph.loadDemoSeed())(subgraph.dataSource);
    await seedDemoData(subgraph.dataSource, demoCalendar(calendar.days(200)));
    expect(await snapshot()).toEqual(before);
  });

  it('gives the demo activities times of registration in the past, not all the moment of seeding', async () => {
    const rows: Array<{ created_at: Date; updated_at: Date }> = await subgraph.dataSource.query(
      'SELECT created_at, updated_at FROM activities WHERE id = ANY($1::uuid[])',
      [Object.values(D)],
    );
    expect(rows).toHaveLength(Object.values(D).length);
    expect(new Set(rows.map((r) => r.created_at.getTime())).size).toBeGreaterThan(5);
    for (const { created_at, updated_at } of rows) {
      expect(created_at.toISOString().slice(0, 10) < calendar.today).toBe(true);
      expect(updated_at).toEqual(created_at);
    }
  });
});

describe('changing activities', () => {
  const create = `mutation($input: CreateActivityInput!) { createActivity(input: $input) {
    id version visibility owner { id } sharedWith { id } internalClassification participantCount
    changeLog { action organisationId subject fields } } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) {
    id version visibility sharedWith { id } internalClassification participantCount } }`;
  const remove = `mutation($id: ID!, $version: Int!) { deleteActivity(id: $id, version: $version) }`;
  const read = `query($id: ID!) { activity(id: $id) {
    version title visibility internalClassification participantCount sharedWith { id } changeLog { action organisationId subject fields } } }`;

  /** An activity Fryshuset registers in Rinkeby-Kista. */
  const input = (overrides: Record<string, unknown> = {}) => ({
    title: 'Öppen mötesplats på Fryshuset Järva',
    kind: 'OPEN_MEETING_PLACE',
    organiserIds: [A.fryshuset],
    areaCode: AR.rinkebyKista,
    startsOn: '2026-03-02',
    targetGroups: ['YOUNG_PEOPLE'],
    internalClassification: 'SELECTIVE_PREVENTION',
    participantCount: 30,
    ...overrides,
  });

  const createAs = async (viewer: ViewerName, overrides: Record<string, unknown> = {}) => {
    const response = await subgraph.query(create, { input: input(overrides) }, headers[viewer]);
    expect(response.errors).toBeUndefined();
    return response.data!.createActivity as { id: string; version: number };
  };

  it('lets a coordinator create an activity, owned by their organisation, internal fields private by default', async () => {
    const { data, errors } = await subgraph.query(create, { input: input() }, headers.ngoCoordinator);
    expect(errors).toBeUndefined();
    expect(data!.createActivity).toMatchObject({
      version: 1,
      visibility: 'OWNER',
      owner: { id: A.fryshuset },
      sharedWith: [],
      internalClassification: 'SELECTIVE_PREVENTION',
      participantCount: 30,
    });
    expect(data!.createActivity.changeLog).toEqual([
      { action: 'CREATED', organisationId: A.fryshuset, subject: 'ngoCoordinator-subject', fields: expect.arrayContaining(['title', 'participantCount', 'internalClassification']) },
    ]);
    const id = data!.createActivity.id;
    // Fryshuset's member sees everything; others see the activity, not its internal fields.
    const asMember = await subgraph.query(read, { id }, headers.ngoMember);
    expect(asMember.data!.activity).toMatchObject({ internalClassification: 'SELECTIVE_PREVENTION', participantCount: 30, sharedWith: [] });
    expect(asMember.data!.activity.changeLog).toHaveLength(1);
    for (const viewer of ['public', 'policeOfficer', 'administrator'] as ViewerName[]) {
      const { data: other } = await subgraph.query(read, { id }, headers[viewer]);
      expect([viewer, other!.activity]).toEqual([
        viewer,
        { version: 1, title: 'Öppen mötesplats på Fryshuset Järva', visibility: 'OWNER', internalClassification: null, participantCount: null, sharedWith: null, changeLog: null },
      ]);
    }
  });

  it('lets the owner share the internal fields, and logs who changed what', async () => {
    const { id } = await createAs('ngoCoordinator');
    const shared = await subgraph.query(
      update,
      { id, version: 1, input: { visibility: 'SHARED', sharedWithIds: [A.lpoRinkeby, A.lpoRinkeby] } },
      headers.ngoCoordinator,
    );
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.updateActivity).toMatchObject({ version: 2, visibility: 'SHARED', sharedWith: [{ id: A.lpoRinkeby }] });

    const asPolice = await subgraph.query(read, { id }, headers.policeOfficer);
    expect(asPolice.data!.activity).toMatchObject({ internalClassification: 'SELECTIVE_PREVENTION', participantCount: 30, sharedWith: null, changeLog: null });
    const asMunicipality = await subgraph.query(read, { id }, headers.municipalityOfficial);
    expect(asMunicipality.data!.activity).toMatchObject({ internalClassification: null, participantCount: null });

    // PUBLIC shows the participant count to everyone, the internal classification still to signed-in parties only.
    await subgraph.query(update, { id, version: 2, input: { visibility: 'PUBLIC' } }, headers.ngoCoordinator);
    const asPublic = await subgraph.query(read, { id }, headers.public);
    expect(asPublic.data!.activity).toMatchObject({ visibility: 'PUBLIC', internalClassification: null, participantCount: 30, changeLog: null });
    const asMunicipalityNow = await subgraph.query(read, { id }, headers.municipalityOfficial);
    expect(asMunicipalityNow.data!.activity).toMatchObject({ internalClassification: 'SELECTIVE_PREVENTION', participantCount: 30 });

    const asOwner = await subgraph.query(read, { id }, headers.ngoMember);
    const history = (asOwner.data!.activity.changeLog as Array<{ fields: string[] }>).map((entry) => ({ ...entry, fields: [...entry.fields].sort() }));
    expect(history).toEqual([
      expect.objectContaining({ action: 'CREATED', organisationId: A.fryshuset, subject: 'ngoCoordinator-subject' }),
      { action: 'UPDATED', organisationId: A.fryshuset, subject: 'ngoCoordinator-subject', fields: ['sharedWithIds', 'visibility'] },
      { action: 'UPDATED', organisationId: A.fryshuset, subject: 'ngoCoordinator-subject', fields: ['visibility'] },
    ]);
  });

  it('shares with an organisation however its id is written, and never lists the owner', async () => {
    const { id } = await createAs('ngoCoordinator');
    const shared = await subgraph.query(
      update,
      { id, version: 1, input: { visibility: 'SHARED', sharedWithIds: [A.lpoRinkeby.toUpperCase(), A.fryshuset] } },
      headers.ngoCoordinator,
    );
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.updateActivity).toMatchObject({ sharedWith: [{ id: A.lpoRinkeby }] });
    const asPolice = await subgraph.query(read, { id }, headers.policeOfficer);
    expect(asPolice.data!.activity).toMatchObject({ internalClassification: 'SELECTIVE_PREVENTION', participantCount: 30 });
  });

  it('lets the owner delete an activity and its organiser links, logging it', async () => {
    const { id } = await createAs('policeOfficer', { organiserIds: [A.lpoRinkeby, A.fryshuset] });
    const before = await counts();
    const stale = await subgraph.query(remove, { id, version: 2 }, headers.policeOfficer);
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    expect(await counts()).toEqual(before);

    const { data, errors } = await subgraph.query(remove, { id, version: 1 }, headers.policeOfficer);
    expect(errors).toBeUndefined();
    expect(data!.deleteActivity).toBe(id);
    expect(await counts()).toEqual({ activities: before.activities - 1, organisers: before.organisers - 2, changeLog: before.changeLog + 1 });
    expect((await subgraph.query(read, { id }, headers.policeOfficer)).data!.activity).toBeNull();
    const log = await subgraph.dataSource.query('SELECT action, organisation_id, subject, entity_type FROM change_log WHERE entity_id = $1 ORDER BY sequence', [id]);
    expect(log).toEqual([
      { action: 'CREATED', organisation_id: A.lpoRinkeby, subject: 'policeOfficer-subject', entity_type: 'Activity' },
      { action: 'DELETED', organisation_id: A.lpoRinkeby, subject: 'policeOfficer-subject', entity_type: 'Activity' },
    ]);
  });

  it.each([
    ['the public', 'public', 'UNAUTHENTICATED'],
    ['a member who is no coordinator', 'ngoMember', 'FORBIDDEN'],
    ['an administrator', 'administrator', 'FORBIDDEN'],
  ] as Array<[string, ViewerName, string]>)('refuses creation by %s, writing nothing', async (_case, viewer, code) => {
    const before = await counts();
    const response = await subgraph.query(create, { input: input() }, headers[viewer]);
    expect(errorCode(response)).toBe(code);
    expect(response.data).toBeNull();
    expect(await counts()).toEqual(before);
  });

  // Activities are public, so refusing a change hides nothing: FORBIDDEN, also where the internal
  // fields are hidden from the caller; NOT_FOUND only for ids that do not exist.
  it.each([
    ['the public, on a network activity', 'public', 'footballAngered', 'UNAUTHENTICATED'],
    ['the public, on an owner-only activity', 'public', 'exitProgramme', 'UNAUTHENTICATED'],
    ['a police officer, on a network activity', 'policeOfficer', 'footballAngered', 'FORBIDDEN'],
    ['a police officer, on an owner-only activity', 'policeOfficer', 'exitProgramme', 'FORBIDDEN'],
    ['a partner it is shared with, who co-organises it', 'ngoCoordinator', 'mbuRinkeby', 'FORBIDDEN'],
    ["a member of the owner who is no coordinator", 'ngoMember', 'exitProgramme', 'FORBIDDEN'],
    ['a municipality official, on a SHARED activity it may not see inside', 'municipalityOfficial', 'safetyWalkGottsundaSpring', 'FORBIDDEN'],
    ['a national coordinator', 'nationalCoordinator', 'posomUppsala', 'FORBIDDEN'],
    ['an administrator', 'administrator', 'mbuRinkeby', 'FORBIDDEN'],
  ] as Array<[string, ViewerName, keyof typeof D, string]>)('refuses update and delete by %s, writing nothing', async (_case, viewer, name, code) => {
    const before = await counts();
    const { data: old } = await subgraph.query(read, { id: D[name] }, headers.ngoCoordinator);
    const updated = await subgraph.query(update, { id: D[name], version: 1, input: { title: 'Kapad', visibility: 'PUBLIC' } }, headers[viewer]);
    const deleted = await subgraph.query(remove, { id: D[name], version: 1 }, headers[viewer]);
    expect([errorCode(updated), errorCode(deleted)]).toEqual([code, code]);
    expect(await counts()).toEqual(before);
    const { data: now } = await subgraph.query(read, { id: D[name] }, headers.ngoCoordinator);
    expect(now).toEqual(old);
    expect(now!.activity.version).toBe(1);
  });

  it('answers NOT_FOUND for unknown ids, to the owner and to others alike', async () => {
    for (const viewer of ['ngoCoordinator', 'policeOfficer'] as ViewerName[]) {
      const updated = await subgraph.query(update, { id: '00000000-0000-4000-8000-000000000000', version: 1, input: { title: 'X' } }, headers[viewer]);
      const deleted = await subgraph.query(remove, { id: 'not-a-uuid', version: 1 }, headers[viewer]);
      expect([errorCode(updated), errorCode(deleted)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    }
  });

  it('keeps the change log append-only', async () => {
    await createAs('ngoCoordinator');
    const before = await subgraph.dataSource.query('SELECT * FROM change_log ORDER BY sequence');
    expect(before.length).toBeGreaterThan(0);
    await expect(subgraph.dataSource.query(`UPDATE change_log SET organisation_id = $1`, [A.polisen])).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query('DELETE FROM change_log')).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query('TRUNCATE change_log')).rejects.toThrow(/append-only/);
    expect(await subgraph.dataSource.query('SELECT * FROM change_log ORDER BY sequence')).toEqual(before);
  });
});

describe('funding agreements the caller may not see', () => {
  const create = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id version fundingAgreement { id } } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) {
    updateActivity(id: $id, version: $version, input: $input) { version fundingAgreement { id } } }`;
  const input = (fundingAgreementId: string) => ({
    title: 'Föräldracafé i Angered',
    kind: 'PARENT_SUPPORT',
    organiserIds: [A.raddaBarnenGoteborg, A.kfumGoteborg],
    areaCode: AR.angered,
    startsOn: '2026-04-01',
    targetGroups: ['PARENTS'],
    fundingAgreementId,
  });

  it('passes the caller\'s token on, so an agreement hidden from the caller is unknown', async () => {
    // KFUM Göteborg is no party to the draft agreement, so for its coordinator it does not exist.
    const kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
    const before = await counts();
    agreementCalls.length = 0;
    const refused = await subgraph.query(create, { input: input(DRAFT_AGREEMENT) }, kfum);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/Unknown agreement id/);
    expect(await counts()).toEqual(before);
    expect(agreementCalls).toEqual([kfum.authorization]);

    // Rädda Barnen Göteborg is a party: it may fund its activity with the agreement.
    const raddaBarnen = await bearer(A.raddaBarnenGoteborg, [Role.COORDINATOR]);
    const created = await subgraph.query(create, { input: input(DRAFT_AGREEMENT) }, raddaBarnen);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createActivity.fundingAgreement).toEqual({ id: DRAFT_AGREEMENT });
  });

  it('keeps what a hidden agreement funds hidden, also through _entities sent straight here', async () => {
    const raddaBarnen = await bearer(A.raddaBarnenGoteborg, [Role.COORDINATOR]);
    const created = await subgraph.query(create, { input: { ...input(DRAFT_AGREEMENT), title: 'Föräldracafé, utkast' } }, raddaBarnen);
    const id = created.data!.createActivity.id;
    const funded = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agreement { activities { id } } } }`;
    const representations = { r: [{ __typename: 'Agreement', id: DRAFT_AGREEMENT }] };
    const asParty = await subgraph.query(funded, representations, raddaBarnen);
    expect(asParty.data!._entities[0].activities.map((a: { id: string }) => a.id)).toContain(id);
    for (const outsider of [NO_TOKEN, await bearer(A.kfumGoteborg, [Role.COORDINATOR])]) {
      const response = await subgraph.query(funded, representations, outsider);
      expect(response.data!._entities[0].activities).toEqual([]);
    }
  });

  it('checks the same on update', async () => {
    const kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
    const { data } = await subgraph.query(create, { input: input(AG.iopGoteborgAngered) }, await bearer(A.kfumGoteborg, [Role.COORDINATOR]));
    const id = data!.createActivity.id;
    const before = await counts();
    const refused: GraphQLResponse = await subgraph.query(update, { id, version: 1, input: { fundingAgreementId: DRAFT_AGREEMENT } }, kfum);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    const { data: now } = await subgraph.query(`query($id: ID!) { activity(id: $id) { version fundingAgreement { id } } }`, { id });
    expect(now!.activity).toEqual({ version: 1, fundingAgreement: { id: AG.iopGoteborgAngered } });
  });
});

describe('upgrading a database from before ownership', () => {
  it('gives existing activities an organiser as owner and private internal fields; the seed then sets the demo ones as meant', async () => {
    const url = await freshDatabase('activities_upgrade');
    try {
      const old = await openDatabase({ url, entities: activitiesSubgraph.entities, migrations: [CreateActivities1764000000000] });
      const insert = (id: string, title: string, version: number, organisers: string[]) =>
        old.query(
          `WITH a AS (INSERT INTO activities (id, title, kind, area_code, starts_on, target_groups, internal_classification, version)
             VALUES ($1, $2, 'SAFETY_WALK', '${AR.gottsunda}', '2025-04-23', '{RESIDENTS}', 'SITUATIONAL_PREVENTION', $3) RETURNING id)
           INSERT INTO activity_organisers (activity_id, actor_id) SELECT a.id, o FROM a, unnest($4::uuid[]) o`,
          [id, title, version, organisers],
        );
      const ownOne = 'd0000000-0000-4000-8000-000000000001';
      await insert(D.safetyWalkGottsundaSpring, 'Trygghetsvandring i Gottsunda – våren', 1, [A.uppsalaKommun, A.lpoUppsala, A.hyresgastforeningen]);
      await insert(D.safetyWalkGottsundaAutumn, 'Trygghetsvandring i Gottsunda – hösten', 2, [A.uppsalaKommun, A.lpoUppsala, A.hyresgastforeningen]);
      await insert(ownOne, 'Egen vandring', 1, [A.hyresgastforeningen]);
      await old.destroy();

      const upgraded = await openDatabase({ url, entities: activitiesSubgraph.entities, migrations: activitiesSubgraph.migrations });
      try {
        const rows = () => upgraded.query('SELECT id, owner_id, visibility, shared_with, version FROM activities ORDER BY id');
        // The table kept no order of organisers: the owner is one of them, and only it sees the internal fields.
        expect(await rows()).toEqual([
          { id: D.safetyWalkGottsundaSpring, owner_id: A.lpoUppsala, visibility: 'OWNER', shared_with: [], version: 1 },
          { id: D.safetyWalkGottsundaAutumn, owner_id: A.lpoUppsala, visibility: 'OWNER', shared_with: [], version: 2 },
          { id: ownOne, owner_id: A.hyresgastforeningen, visibility: 'OWNER', shared_with: [], version: 1 },
        ]);
        // The seed corrects the demo activity nobody changed since it was seeded, and only that one.
        await (await activitiesSubgraph.loadDemoSeed())(upgraded);
        const after = await rows();
        expect(after.filter((row: { id: string }) => NAMES[row.id]?.startsWith('safetyWalk'))).toEqual([
          { id: D.safetyWalkGottsundaSpring, owner_id: A.uppsalaKommun, visibility: 'SHARED', shared_with: [A.lpoUppsala, A.hyresgastforeningen], version: 1 },
          { id: D.safetyWalkGottsundaAutumn, owner_id: A.lpoUppsala, visibility: 'OWNER', shared_with: [], version: 2 },
        ]);
        expect(after.find((row: { id: string }) => row.id === ownOne)).toEqual({ id: ownOne, owner_id: A.hyresgastforeningen, visibility: 'OWNER', shared_with: [], version: 1 });
      } finally {
        await upgraded.destroy();
      }
    } finally {
      await dropDatabase(url);
    }
  });
});
