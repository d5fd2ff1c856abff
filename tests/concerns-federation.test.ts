import { Kind, parse } from 'graphql';
import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { SUBGRAPHS } from '@samverkan/platform';
import { bearer, errorCode, readmeOperation, startFederation, subgraphSdl, TestFederation } from '@samverkan/test-support';

/**
 * The concerns subgraph as a member of the federation (issue 15, docs/dpia-concerns.md): composed by
 * the gateway, its team and figures reachable from the area, and its records nowhere else: no other
 * subgraph knows the type, and it has no change feed or webhooks through which a concern could leave.
 */
const OTHERS = SUBGRAPHS.filter((name) => name !== 'concerns');
const FEEDS = ['actorChanges', 'agreementChanges', 'activityChanges', 'situationChanges'] as const;

/** Every field of every object type in a subgraph's SDL, as `Type.field`. */
const fieldsOf = (sdl: string) =>
  parse(sdl).definitions.flatMap((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION
      ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
      : [],
  );

let federation: TestFederation;
let official: Record<string, string>;
const sdl = {} as Record<(typeof SUBGRAPHS)[number], string>;

beforeAll(async () => {
  const [started] = await Promise.all([
    startFederation(),
    ...SUBGRAPHS.map(async (name) => void (sdl[name] = await subgraphSdl(name))),
  ]);
  federation = started;
  official = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
}, 180000);
afterAll(() => federation?.stop());

describe('the concerns subgraph in the federation', () => {
  it("answers through the gateway: an area's intervention team and its concern figures, for a signed-in viewer", async () => {
    const { data, errors } = await federation.query(
      `query($code: ID!) { area(code: $code) { name interventionTeam { id area { code } } figures { concerns { registered { value suppressed } answeredInTime { value suppressed } medianMinutesToFirstContact } } } }`,
      { code: DEMO_AREAS.rinkebyKista },
      official,
    );
    expect(errors).toBeUndefined();
    expect(data!.area.name).toBe('Rinkeby-Kista');
    expect(data!.area.interventionTeam).toMatchObject({ area: { code: DEMO_AREAS.rinkebyKista } });
    expect(data!.area.figures.concerns).toEqual(expect.objectContaining({ registered: expect.any(Object), answeredInTime: expect.any(Object) }));
  });

  it('gives the public no concern figures', async () => {
    const { data, errors } = await federation.query(`query($code: ID!) { area(code: $code) { figures { concerns { registered { value } } } } }`, {
      code: DEMO_AREAS.rinkebyKista,
    });
    expect(errors).toBeUndefined();
    expect(data!.area.figures.concerns).toBeNull();
  });

  // Teams are no individual data: the registry adds their one-person dependencies. Concerns stay in their subgraph.
  it.each(OTHERS)('%s: its SDL never mentions a concern', (name) => {
    expect(sdl[name]).not.toMatch(/\bConcern/);
  });

  it('only the concerns subgraph defines Concern', () => {
    expect(sdl.concerns).toMatch(/\btype Concern\b/);
    expect(OTHERS.filter((name) => /\btype Concern\b/.test(sdl[name]))).toEqual([]);
  });

  it('has the concerns subgraph no change feed, change log or webhooks', () => {
    const fields = fieldsOf(sdl.concerns);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((field) => /\.(changes|\w*Changes|\w*FeedEnd|\w*[wW]ebhook\w*)$/.test(field))).toEqual([]);
    expect(sdl.concerns).not.toMatch(/\b(ChangeLogEntry|ChangeFeedPage|ChangeFeedEntry|Webhook\w*)\b/);
  });

  it.each(FEEDS)('%s, read by a signed-in viewer, carries no concern or team', async (feed) => {
    const { data, errors } = await federation.query(`{ ${feed}(first: 1000) { entries { type id } } }`, {}, official);
    expect(errors).toBeUndefined();
    const types = new Set((data![feed].entries as Array<{ type: string }>).map((entry) => entry.type));
    expect([...types].filter((type) => /Concern|InterventionTeam|TeamMember/.test(type))).toEqual([]);
  });
});

/** The README's guardian's call ("A worried guardian's call"), with its own operations, as the organisations it names. */
describe("the README's guardian's call, through the gateway", () => {
  const as = {} as Record<'mammaUnited' | 'lead' | 'fryshuset' | 'police' | 'school' | 'national', Record<string, string>>;
  beforeAll(async () => {
    as.mammaUnited = await bearer(DEMO_ACTORS.mammaUnited, [Role.MEMBER]);
    as.lead = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.MEMBER]);
    as.fryshuset = await bearer(DEMO_ACTORS.fryshuset, [Role.MEMBER]);
    as.police = await bearer(DEMO_ACTORS.lpoRinkeby, [Role.COORDINATOR]);
    as.school = await bearer(DEMO_ACTORS.rinkebySkolan, [Role.MEMBER]);
    as.national = await bearer(DEMO_ACTORS.skr, [Role.NATIONAL_COORDINATOR]);
  });

  async function ok(name: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    const response = await federation.query(readmeOperation(name), variables, headers);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }
  const readBy = async (id: string, headers: Record<string, string>) =>
    (await federation.query('query($id: ID!) { concern(id: $id) { id } }', { id }, headers)).data?.concern ?? null;

  // The README's variables.
  const REGISTRATION = {
    key: 'samtal-2026-12-01-0915',
    input: {
      areaCode: '0180-rinkeby-kista',
      childAge: 14,
      worry: 'Sonen har börjat komma hem sent och har nya, äldre kompisar. Han har slutat på fotbollen.',
      answerChannel: 'PHONE',
      answerPreference: 'Efter klockan 16 på vardagar.',
      guardianContact: '070-000 00 00 (demo)',
      legalBasis: 'CONSENT',
      purpose: 'Att insatsteamet ger familjen stöd och återkoppling.',
      consent: { given: true, functions: ['CIVIL_SOCIETY'], purpose: 'Insatsteamet får ta del av oron för att kunna stötta familjen.', givenAt: '2026-12-01T09:10:00Z' },
    },
  };

  it('routes the call to the team, which answers and closes it; the consent decides who else reads it', async () => {
    const { area } = await ok('AreaTeam', {}, as.mammaUnited);
    expect(area.interventionTeam.gaps).toEqual([]);
    expect(area.interventionTeam.members.map((member: { role: string }) => member.role)).toContain('LEAD');

    const { registerConcern: concern } = await ok('RegisterConcern', REGISTRATION, as.mammaUnited);
    expect(concern).toMatchObject({ version: 1, status: 'OPEN', childReference: expect.stringMatching(/^B-[0-9A-Z]{8}$/), consent: { given: true, functions: ['CIVIL_SOCIETY'] } });
    expect(concern.activatedTeam.map((line: { function: string }) => line.function).sort()).toEqual(['CIVIL_SOCIETY', 'OTHER', 'POLICE', 'SCHOOL', 'SOCIAL_SERVICES']);
    // A retry with the same key answers the same concern.
    expect((await ok('RegisterConcern', REGISTRATION, as.mammaUnited)).registerConcern.id).toBe(concern.id);

    // The social services (the lead) and the consented civil society read it; the police and the school, in the team but not in the consent, and the national coordinator do not.
    expect(await readBy(concern.id, as.fryshuset)).toEqual({ id: concern.id });
    expect(await readBy(concern.id, as.police)).toBeNull();
    expect(await readBy(concern.id, as.school)).toBeNull();
    expect(await readBy(concern.id, as.national)).toBeNull();

    const { concerns: inbox } = await ok('ConcernInbox', {}, as.lead);
    const awaiting = inbox.nodes.find((node: { id: string }) => node.id === concern.id);
    expect(awaiting).toMatchObject({ version: 1, childAge: 14, guardianContact: '070-000 00 00 (demo)', consent: { functions: ['CIVIL_SOCIETY'] } });

    const byFryshuset = await federation.query(readmeOperation('AcknowledgeConcern'), { id: concern.id, version: 1 }, as.fryshuset);
    expect(errorCode(byFryshuset)).toBe('FORBIDDEN');
    const { acknowledgeConcern: acknowledged } = await ok('AcknowledgeConcern', { id: concern.id, version: 1 }, as.lead);
    expect(acknowledged).toMatchObject({ version: 2, status: 'ACKNOWLEDGED' });

    const { recordFirstContact: contacted } = await ok('RecordFirstContact', { id: concern.id, version: 2, contactedAt: new Date().toISOString() }, as.lead);
    expect(contacted).toMatchObject({ version: 3, status: 'CONTACTED', answeredWithin: true });

    const { closeConcern: closed } = await ok('CloseConcern', { id: concern.id, version: 3 }, as.lead);
    expect(closed).toMatchObject({ version: 4, status: 'CLOSED', outcome: 'ACTIVITY_OFFERED' });
    expect(closed.actions.map((action: { kind: string }) => action.kind)).toEqual(['ACKNOWLEDGED', 'FIRST_CONTACT', 'CLOSED']);
    expect(errorCode(await federation.query(readmeOperation('AcknowledgeConcern'), { id: concern.id, version: 4 }, as.lead))).toBe('RECORD_CLOSED');
  });
});
