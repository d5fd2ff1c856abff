import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS as F, demoCalendar } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { FixedClock } from '@samverkan/platform';
import { bearer, errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { situationSubgraph } from '../src';
import { OVERDUE_SUBJECT, recordOverdueIncidents } from '../src/incidents/overdue-upkeep';
import { capViolations } from './support/cap-check';
import { DEMO_INCIDENTS, insertDemoIncidents } from '../src/demo/seed-crisis';
import { AddIncidentContactAttempts1765100000300 } from '../src/migrations/1765100000300-AddIncidentContactAttempts';

/**
 * Incidents (issue 13): opening one activates the area's crisis roster into a contact list, the
 * contact log works through it, "not contacted" and overdue are exact on the test's clock, and
 * every path shows an incident, its lines and its follow-up only to those who may see it.
 */
const START = new Date('2026-03-10T20:00:00Z');
const clock = new FixedClock(START);
let subgraph: TestSubgraph;

const PEOPLE = {
  public: null,
  police: [A.lpoUppsala, Role.COORDINATOR],
  policeMember: [A.lpoUppsala, Role.MEMBER],
  kommun: [A.uppsalaKommun, Role.COORDINATOR],
  kyrkan: [A.svenskaKyrkanUppsala, Role.COORDINATOR],
  hyresgast: [A.hyresgastforeningen, Role.COORDINATOR],
  fryshuset: [A.fryshuset, Role.COORDINATOR],
  stockholm: [A.stockholmsStad, Role.COORDINATOR],
} as const;
type Who = keyof typeof PEOPLE;
const as = {} as Record<Who, Record<string, string>>;

type Line = [position: number, role: 'PRIMARY' | 'BACKUP', functionId: string, actorId: string, task: string | null];
const ROSTER_LINES: Record<string, Line[]> = {
  // Written out of order: the list must come in calling order whatever the roster's row order.
  SHOOTING_OR_EXPLOSION: [
    [3, 'PRIMARY', F.lokalansvarigHyresgastforeningenGottsunda, A.hyresgastforeningen, 'Öppna föreningslokalen'],
    [1, 'BACKUP', F.trygghetssamordnareGottsunda, A.uppsalaKommun, null],
    [2, 'PRIMARY', F.lokalbokningSvenskaKyrkanUppsala, A.svenskaKyrkanUppsala, 'Öppna församlingshemmet'],
    [1, 'PRIMARY', F.posomUppsala, A.uppsalaKommun, 'Aktivera POSOM'],
  ],
  FIRE: [[1, 'PRIMARY', F.trygghetssamordnareGottsunda, A.uppsalaKommun, 'Vuxna på plats i kväll']],
};
/** The shooting list in calling order: by place, the primary before its backup. */
const SHOOTING_ORDER = [F.posomUppsala, F.trygghetssamordnareGottsunda, F.lokalbokningSvenskaKyrkanUppsala, F.lokalansvarigHyresgastforeningenGottsunda];

async function insertRoster(areaCode: string, ownerId: string, visibility: string, lines: Record<string, Line[]>): Promise<string> {
  const [{ id }] = await subgraph.dataSource.query(
    `INSERT INTO crisis_rosters (area_code, owner_id, visibility, version) VALUES ($1, $2, $3, 1) RETURNING id`,
    [areaCode, ownerId, visibility],
  );
  for (const [kind, entries] of Object.entries(lines)) {
    for (const [position, role, functionId, actorId, task] of entries) {
      await subgraph.dataSource.query(
        `INSERT INTO crisis_roster_entries (roster_id, incident_kind, position, role, contact_function_id, actor_id, task) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, kind, position, role, functionId, actorId, task],
      );
    }
  }
  return id;
}

let gottsundaRoster: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph, { seed: false, clock });
  for (const [who, person] of Object.entries(PEOPLE) as Array<[Who, readonly [string, Role] | null]>) {
    as[who] = person ? await bearer(person[0], [person[1]], { subject: `test-${who}` }) : {};
  }
  gottsundaRoster = await insertRoster(AR.gottsunda, A.uppsalaKommun, 'NETWORK', ROSTER_LINES);
  // Uppsala's municipality-wide roster covers violence with fatal outcome for its districts.
  await insertRoster(AR.uppsala, A.uppsalaKommun, 'NETWORK', { FATAL_VIOLENCE: [[1, 'PRIMARY', F.posomUppsala, A.uppsalaKommun, 'Aktivera POSOM']] });
  // A roster its owner keeps to itself: never copied into a list shown to others.
  await insertRoster(AR.rinkebyKista, A.stockholmsStad, 'OWNER', { SHOOTING_OR_EXPLOSION: [[1, 'PRIMARY', F.fritidssamordnareRinkebyKista, A.rinkebyKistaStadsdel, null]] });
});
afterAll(() => subgraph?.stop());

const minutes = (n: number) => new Date(START.getTime() + n * 60_000);
afterEach(() => {
  clock.set(START);
  delete process.env.INCIDENT_CONTACT_DEADLINE_MINUTES;
});

const LINE = 'position role contactFunction { id } actor { id } task status channel contactedAt contactedBy { id } acknowledged commitment note';
const FULL = `id version status kind severity title area { code } rosterArea { code } contactListComplete activatedAt stoodDownAt closedAt
  contacts { ${LINE} } notContacted { contactFunction { id } status } organisationsNotReached { id }
  overdue overdueContacts { contactFunction { id } } contactDeadline followUps { author { id } whatWorked whatDidNotWork writtenAt } contactLog { id }`;
const CREATE = `mutation($input: CreateIncidentInput!, $key: String) { createIncident(input: $input, idempotencyKey: $key) { ${FULL} } }`;
const GET = `query($id: ID!) { incident(id: $id) { ${FULL} } }`;
const LOG = `mutation($id: ID!, $version: Int!, $input: LogIncidentContactInput!) { logIncidentContact(incidentId: $id, version: $version, input: $input) { ${FULL} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateIncidentInput!) { updateIncident(id: $id, version: $version, input: $input) { ${FULL} } }`;
const FOLLOW_UP = `mutation($id: ID!, $version: Int!, $input: IncidentFollowUpInput!) { addIncidentFollowUp(incidentId: $id, version: $version, input: $input) { ${FULL} } }`;
const DELETE = 'mutation($id: ID!, $version: Int!) { deleteIncident(id: $id, version: $version) }';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Incident = Record<string, any>;

const shooting = (overrides: Record<string, unknown> = {}) => ({
  areaCode: AR.gottsunda,
  kind: 'SHOOTING_OR_EXPLOSION',
  severity: 'SEVERE',
  title: 'Skottlossning vid Gottsunda centrum',
  description: 'Skottlossning på torget på kvällen; en ung person skadad. Oro bland unga och föräldrar.',
  occurredAt: minutes(-20).toISOString(),
  point: { latitude: 59.8093, longitude: 17.617 },
  visibility: 'SHARED',
  sharedWithIds: [A.uppsalaKommun, A.svenskaKyrkanUppsala],
  ...overrides,
});

async function ok(response: GraphQLResponse<Incident>): Promise<Incident> {
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0];
}
const open = (overrides: Record<string, unknown> = {}, who: Who = 'police') => subgraph.query(CREATE, { input: shooting(overrides) }, as[who]).then(ok);
const read = (id: string, who: Who = 'police') => subgraph.query(GET, { id }, as[who]).then((r) => r.data?.incident as Incident | null);
const log = (incident: Incident, input: Record<string, unknown>, who: Who = 'police') =>
  subgraph.query(LOG, { id: incident.id, version: incident.version, input }, as[who]);
const update = (incident: Incident, input: Record<string, unknown>, who: Who = 'police') =>
  subgraph.query(UPDATE, { id: incident.id, version: incident.version, input }, as[who]);

/** Everything a refused write could have touched, to check that nothing was written. */
async function state(id?: string) {
  const q = (sql: string, params: unknown[] = []) => subgraph.dataSource.query(sql, params);
  return {
    incidents: await q('SELECT id, version, status, title, description FROM incidents ORDER BY id'),
    contacts: await q('SELECT * FROM incident_contacts ORDER BY id'),
    followUps: await q('SELECT * FROM incident_follow_ups ORDER BY id'),
    log: await q('SELECT * FROM incident_contact_log ORDER BY sequence'),
    changes: (await q('SELECT count(*)::int AS n FROM change_log'))[0].n,
    ...(id ? { version: (await q('SELECT version FROM incidents WHERE id = $1', [id]))[0]?.version } : {}),
  };
}

const functionsOf = (lines: Array<{ contactFunction: { id: string } }>) => lines.map((line) => line.contactFunction.id);

describe('opening an incident activates the crisis roster', () => {
  it('copies exactly the roster lines for its kind, in calling order, primaries before backups, all uncontacted', async () => {
    const incident = await open();
    expect(incident).toMatchObject({ version: 1, status: 'OPEN', contactListComplete: true, rosterArea: { code: AR.gottsunda }, area: { code: AR.gottsunda } });
    expect(incident.activatedAt).toBe(START.toISOString());
    expect(incident.contacts).toEqual([
      { position: 1, role: 'PRIMARY', contactFunction: { id: F.posomUppsala }, actor: { id: A.uppsalaKommun }, task: 'Aktivera POSOM' },
      { position: 1, role: 'BACKUP', contactFunction: { id: F.trygghetssamordnareGottsunda }, actor: { id: A.uppsalaKommun }, task: null },
      { position: 2, role: 'PRIMARY', contactFunction: { id: F.lokalbokningSvenskaKyrkanUppsala }, actor: { id: A.svenskaKyrkanUppsala }, task: 'Öppna församlingshemmet' },
      { position: 3, role: 'PRIMARY', contactFunction: { id: F.lokalansvarigHyresgastforeningenGottsunda }, actor: { id: A.hyresgastforeningen }, task: 'Öppna föreningslokalen' },
    ].map((line) => ({ ...line, status: 'UNCONTACTED', channel: null, contactedAt: null, contactedBy: null, acknowledged: false, commitment: null, note: null })));
    expect(functionsOf(incident.notContacted)).toEqual(SHOOTING_ORDER);
    expect(incident.organisationsNotReached).toEqual([{ id: A.uppsalaKommun }, { id: A.svenskaKyrkanUppsala }, { id: A.hyresgastforeningen }]);
    expect(incident.overdue).toBe(false);
    expect(incident.contactDeadline).toBe(minutes(60).toISOString());
    // Another kind takes only its own lines.
    const fire = await open({ kind: 'FIRE', title: 'Brand i skolan' });
    expect(fire.contacts.map((l: Incident) => [l.contactFunction.id, l.task])).toEqual([[F.trygghetssamordnareGottsunda, 'Vuxna på plats i kväll']]);
  });

  it('keeps the list as it was when the roster changes later', async () => {
    const incident = await open();
    await subgraph.dataSource.query(`UPDATE crisis_roster_entries SET task = 'Ny uppgift' WHERE roster_id = $1`, [gottsundaRoster]);
    await subgraph.dataSource.query(`DELETE FROM crisis_roster_entries WHERE roster_id = $1 AND contact_function_id = $2`, [gottsundaRoster, F.lokalbokningSvenskaKyrkanUppsala]);
    try {
      const after = await read(incident.id);
      expect(after!.contacts).toEqual(incident.contacts);
      expect(after!.version).toBe(1);
      // A new incident activates the roster as it stands now.
      const later = await open();
      expect(functionsOf(later.contacts)).toEqual([F.posomUppsala, F.trygghetssamordnareGottsunda, F.lokalansvarigHyresgastforeningenGottsunda]);
      expect(later.contacts[0].task).toBe('Ny uppgift');
    } finally {
      await subgraph.dataSource.query(`DELETE FROM crisis_roster_entries WHERE roster_id = $1`, [gottsundaRoster]);
      for (const [position, role, functionId, actorId, task] of ROSTER_LINES.SHOOTING_OR_EXPLOSION) {
        await subgraph.dataSource.query(
          `INSERT INTO crisis_roster_entries (roster_id, incident_kind, position, role, contact_function_id, actor_id, task) VALUES ($1, 'SHOOTING_OR_EXPLOSION', $2, $3, $4, $5, $6)`,
          [gottsundaRoster, position, role, functionId, actorId, task],
        );
      }
      const [[position, role, functionId, actorId, task]] = ROSTER_LINES.FIRE;
      await subgraph.dataSource.query(
        `INSERT INTO crisis_roster_entries (roster_id, incident_kind, position, role, contact_function_id, actor_id, task) VALUES ($1, 'FIRE', $2, $3, $4, $5, $6)`,
        [gottsundaRoster, position, role, functionId, actorId, task],
      );
    }
  });

  it('takes the nearest wider area\'s roster when the area has no lines for the kind', async () => {
    const incident = await open({ kind: 'FATAL_VIOLENCE', title: 'Dödligt våld i Gottsunda' });
    expect(incident).toMatchObject({ contactListComplete: true, rosterArea: { code: AR.uppsala } });
    expect(functionsOf(incident.contacts)).toEqual([F.posomUppsala]);
  });

  it('opens with an empty list, flagged, when no roster has lines for the kind, or only one the opener may not see', async () => {
    const accident = await open({ kind: 'LARGE_ACCIDENT', title: 'Trafikolycka med flera unga' });
    expect(accident).toMatchObject({ contactListComplete: false, rosterArea: null, contacts: [], notContacted: [], overdue: false });
    const hidden = await open({ areaCode: AR.rinkebyKista, title: 'Skottlossning i Rinkeby' });
    expect(hidden).toMatchObject({ contactListComplete: false, rosterArea: null, contacts: [] });
  });

  it('answers a retried create with the same incident and list, writing nothing more', async () => {
    const first = await subgraph.query(CREATE, { input: shooting(), key: 'incident-retry-1' }, as.police).then(ok);
    const before = await state();
    const again = await subgraph.query(CREATE, { input: shooting(), key: 'incident-retry-1' }, as.police).then(ok);
    expect(again).toEqual(first);
    expect(await state()).toEqual(before);
  });
});

describe('the contact log', () => {
  it('records each contact on its line, bumps the version, and answers "not contacted" exactly', async () => {
    let incident = await open();
    incident = await log(incident, { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }).then(ok);
    expect(incident.version).toBe(2);
    clock.set(minutes(5));
    incident = await log(incident, { contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala, outcome: 'NOT_REACHED', channel: 'PHONE', note: 'Inget svar, sms skickat' }).then(ok);
    // The municipality confirms, itself, what it will do.
    clock.set(minutes(8));
    incident = await log(incident, { contactFunctionId: F.posomUppsala, outcome: 'ACKNOWLEDGED', channel: 'PHONE', commitment: 'POSOM aktiverad' }, 'kommun').then(ok);
    expect(incident.version).toBe(4);
    expect(incident.contacts[0]).toMatchObject({
      status: 'ACKNOWLEDGED', acknowledged: true, channel: 'PHONE', contactedAt: minutes(8).toISOString(), contactedBy: { id: A.uppsalaKommun }, commitment: 'POSOM aktiverad',
    });
    expect(incident.contacts[2]).toMatchObject({ status: 'NOT_REACHED', acknowledged: false, contactedBy: { id: A.lpoUppsala }, note: 'Inget svar, sms skickat', contactedAt: minutes(5).toISOString() });
    expect(incident.notContacted).toEqual([
      { contactFunction: { id: F.trygghetssamordnareGottsunda }, status: 'UNCONTACTED' },
      { contactFunction: { id: F.lokalbokningSvenskaKyrkanUppsala }, status: 'NOT_REACHED' },
      { contactFunction: { id: F.lokalansvarigHyresgastforeningenGottsunda }, status: 'UNCONTACTED' },
    ]);
    // The municipality was reached through its POSOM line; the church and the tenants' association were not.
    expect(incident.organisationsNotReached).toEqual([{ id: A.svenskaKyrkanUppsala }, { id: A.hyresgastforeningen }]);
    // A later try that reaches the church takes it off the list.
    incident = await log(incident, { contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala, outcome: 'CONTACTED', channel: 'SMS', contactedAt: minutes(6).toISOString() }).then(ok);
    expect(functionsOf(incident.notContacted)).toEqual([F.trygghetssamordnareGottsunda, F.lokalansvarigHyresgastforeningenGottsunda]);
    expect(incident.organisationsNotReached).toEqual([{ id: A.hyresgastforeningen }]);
    const history = await subgraph.query('query($id: ID!) { incident(id: $id) { changeLog { action fields } } }', { id: incident.id }, as.police);
    expect(history.data!.incident.changeLog).toEqual([
      { action: 'CREATED', fields: expect.arrayContaining(['areaCode', 'kind', 'contacts']) },
      ...Array(4).fill({ action: 'UPDATED', fields: ['contacts'] }),
    ]);
  });

  it('keeps every contact, made or tried, in the log in the order logged, while each line shows its latest', async () => {
    const ENTRY = 'outcome channel contactedAt loggedAt contactedBy { id } acknowledged commitment note contact { contactFunction { id } actor { id } }';
    const LOGS = `query($id: ID!) { incident(id: $id) { version
      contacts { contactFunction { id } status channel contactedAt contactedBy { id } commitment note log { ${ENTRY} } }
      contactLog { ${ENTRY} } latest: contactLog(first: 2) { outcome channel } firstTries: contacts { log(first: 1) { channel } } } }`;
    let incident = await open();
    const tries: Array<[minute: number, who: Who, input: Record<string, unknown>]> = [
      [2, 'police', { contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala, outcome: 'NOT_REACHED', channel: 'PHONE', note: 'Inget svar' }],
      [3, 'police', { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }],
      [4, 'police', { contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala, outcome: 'NOT_REACHED', channel: 'SMS', note: 'Sms skickat' }],
      // Logged at 7 for a call made at 6.
      [7, 'police', { contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala, outcome: 'CONTACTED', channel: 'PHONE', contactedAt: minutes(6).toISOString() }],
      [9, 'kyrkan', { contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala, outcome: 'ACKNOWLEDGED', channel: 'MEETING', commitment: 'Öppnar församlingshemmet i kväll' }],
    ];
    for (const [minute, who, input] of tries) {
      clock.set(minutes(minute));
      incident = await log(incident, input, who).then(ok);
    }
    const entry = ([minute, who, input]: (typeof tries)[number]) => ({
      outcome: input.outcome,
      channel: input.channel,
      contactedAt: (input.contactedAt as string | undefined) ?? minutes(minute).toISOString(),
      loggedAt: minutes(minute).toISOString(),
      contactedBy: { id: PEOPLE[who]![0] },
      acknowledged: input.outcome === 'ACKNOWLEDGED',
      commitment: input.commitment ?? null,
      note: input.note ?? null,
      contact: {
        contactFunction: { id: input.contactFunctionId },
        actor: { id: input.contactFunctionId === F.posomUppsala ? A.uppsalaKommun : A.svenskaKyrkanUppsala },
      },
    });
    const got = (await subgraph.query(LOGS, { id: incident.id }, as.police)).data!.incident;
    expect(got.version).toBe(6);
    const [posom, backup, kyrkan, hyresgast] = got.contacts;
    // Every try on the church's line, oldest first, each with who logged it; the line is the last.
    expect(kyrkan.log).toEqual([tries[0], tries[2], tries[3], tries[4]].map(entry));
    expect(kyrkan).toMatchObject({ status: 'ACKNOWLEDGED', channel: 'MEETING', contactedAt: minutes(9).toISOString(), contactedBy: { id: A.svenskaKyrkanUppsala }, commitment: 'Öppnar församlingshemmet i kväll', note: null });
    expect(posom.log).toEqual([entry(tries[1])]);
    expect([backup.log, hyresgast.log]).toEqual([[], []]);
    // The incident's log: all of them, the latest first, bounded by `first`.
    expect(got.contactLog).toEqual([...tries].reverse().map(entry));
    expect(got.latest).toEqual([{ outcome: 'ACKNOWLEDGED', channel: 'MEETING' }, { outcome: 'CONTACTED', channel: 'PHONE' }]);
    expect(got.firstTries).toEqual([{ log: [{ channel: 'PHONE' }] }, { log: [] }, { log: [{ channel: 'PHONE' }] }, { log: [] }]);
    // Bounds out of range are refused.
    const unbounded = await subgraph.query('query($id: ID!) { incident(id: $id) { contactLog(first: 101) { outcome } } }', { id: incident.id }, as.police);
    expect(errorCode(unbounded)).toBe('BAD_USER_INPUT');
  });

  it('lets an organisation on the list acknowledge only its own lines, and the owner\'s coordinators log any', async () => {
    const incident = await open();
    const before = await state(incident.id);
    const refusals: Array<[Who, Record<string, unknown>, string]> = [
      ['kommun', { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }, 'FORBIDDEN'],
      ['kommun', { contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala, outcome: 'ACKNOWLEDGED', channel: 'PHONE' }, 'FORBIDDEN'],
      ['policeMember', { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }, 'FORBIDDEN'],
      // Not shared with them: for them the incident does not exist.
      ['hyresgast', { contactFunctionId: F.lokalansvarigHyresgastforeningenGottsunda, outcome: 'ACKNOWLEDGED', channel: 'SMS' }, 'NOT_FOUND'],
      ['fryshuset', { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }, 'NOT_FOUND'],
      ['public', { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }, 'UNAUTHENTICATED'],
    ];
    for (const [who, input, code] of refusals) expect([who, errorCode(await log(incident, input, who))]).toEqual([who, code]);
    expect(await state(incident.id)).toEqual(before);
  });
});

describe('the migration to an append-only log', () => {
  it('gives each line contacted before it one entry, from what the line kept, and none to the others', async () => {
    let incident = await open();
    clock.set(minutes(3));
    incident = await log(incident, { contactFunctionId: F.posomUppsala, outcome: 'ACKNOWLEDGED', channel: 'PHONE', commitment: 'POSOM aktiverad', contactedAt: minutes(2).toISOString() }).then(ok);
    await log(incident, { contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala, outcome: 'NOT_REACHED', channel: 'SMS', note: 'Inget svar' }).then(ok);
    const runner = subgraph.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      // As before the migration: the lines keep their latest contact, there is no log.
      await runner.query('DROP TABLE incident_contact_log');
      await new AddIncidentContactAttempts1765100000300().up(runner);
      const entries = await runner.query(
        `SELECT c.contact_function_id, l.logged_at, l.contacted_at, l.outcome, l.channel, l.contacted_by_id, l.commitment, l.note
           FROM incident_contact_log l JOIN incident_contacts c ON c.id = l.contact_id WHERE l.incident_id = $1 ORDER BY l.sequence`,
        [incident.id],
      );
      const kept = { contacted_by_id: A.lpoUppsala, commitment: null, note: null };
      expect(entries).toEqual([
        { ...kept, contact_function_id: F.posomUppsala, logged_at: minutes(2), contacted_at: minutes(2), outcome: 'ACKNOWLEDGED', channel: 'PHONE', commitment: 'POSOM aktiverad' },
        { ...kept, contact_function_id: F.lokalbokningSvenskaKyrkanUppsala, logged_at: minutes(3), contacted_at: minutes(3), outcome: 'NOT_REACHED', channel: 'SMS', note: 'Inget svar' },
      ]);
      // Over all incidents: one entry for each line contacted, none for a line never contacted.
      const [counts] = await runner.query(
        `SELECT count(*) FILTER (WHERE c.status <> 'UNCONTACTED' AND n <> 1)::int AS wrong, count(*) FILTER (WHERE c.status = 'UNCONTACTED' AND n > 0)::int AS invented,
                count(*) FILTER (WHERE c.status <> 'UNCONTACTED')::int AS contacted
           FROM incident_contacts c, LATERAL (SELECT count(*) AS n FROM incident_contact_log l WHERE l.contact_id = c.id) AS logged`,
      );
      expect(counts).toEqual({ wrong: 0, invented: 0, contacted: expect.any(Number) });
      expect(counts.contacted).toBeGreaterThan(2);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

describe('bad input is refused with a clear error, and nothing is written', () => {
  it.each([
    ['a contact function not on the list', { contactFunctionId: F.kommunpolisJarva, outcome: 'CONTACTED', channel: 'PHONE' }, 'BAD_USER_INPUT', /not on this incident's contact list/],
    ['a personal identity number in the commitment', { contactFunctionId: F.posomUppsala, outcome: 'ACKNOWLEDGED', channel: 'PHONE', commitment: 'Stöd till 20080314-1234' }, 'BAD_USER_INPUT', /personal identity number/],
    ['UNCONTACTED as an outcome', { contactFunctionId: F.posomUppsala, outcome: 'UNCONTACTED', channel: 'PHONE' }, 'BAD_USER_INPUT', /not an outcome/],
    ['a contact in the future', { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE', contactedAt: minutes(1).toISOString() }, 'BAD_USER_INPUT', /future/],
  ])('%s', async (_name, input, code, message) => {
    const incident = await open();
    const before = await state(incident.id);
    const response = await log(incident, input);
    expect(errorCode(response)).toBe(code);
    expect(response.errors![0].message).toMatch(message);
    expect(await state(incident.id)).toEqual(before);
  });

  it('a stale version: VERSION_CONFLICT', async () => {
    const incident = await open();
    await log(incident, { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }).then(ok);
    const before = await state(incident.id);
    const response = await log(incident, { contactFunctionId: F.trygghetssamordnareGottsunda, outcome: 'CONTACTED', channel: 'PHONE' });
    expect(errorCode(response)).toBe('VERSION_CONFLICT');
    expect(await state(incident.id)).toEqual(before);
    expect(before.version).toBe(2);
  });

  it('a log entry on a CLOSED incident: RECORD_CLOSED (409), and a closed incident is never reopened', async () => {
    let incident = await open();
    incident = await update(incident, { status: 'CLOSED' }).then(ok);
    expect(incident).toMatchObject({ status: 'CLOSED', closedAt: START.toISOString() });
    const before = await state(incident.id);
    const response = await log(incident, { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' });
    expect(errorCode(response)).toBe('RECORD_CLOSED');
    expect(response.errors![0].message).toMatch(/CLOSED: its contact log takes no more entries/);
    const raw = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as.police },
      body: JSON.stringify({ query: LOG, variables: { id: incident.id, version: incident.version, input: { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' } } }),
    });
    expect(raw.status).toBe(409);
    expect(errorCode(await update(incident, { status: 'ACTIVE' }))).toBe('RECORD_CLOSED');
    expect(await state(incident.id)).toEqual(before);
  });

  it('an invalid status change, or text with a personal identity number: BAD_USER_INPUT', async () => {
    let incident = await open();
    incident = await update(incident, { status: 'ACTIVE' }).then(ok);
    const before = await state(incident.id);
    const back = await update(incident, { status: 'OPEN' });
    expect(errorCode(back)).toBe('BAD_USER_INPUT');
    expect(back.errors![0].message).toMatch(/cannot go from ACTIVE to OPEN/);
    expect(errorCode(await update(incident, { description: 'Den skadade, 080314-1234, fördes till sjukhus' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await update(incident, { title: null }))).toBe('BAD_USER_INPUT');
    expect(await state(incident.id)).toEqual(before);
    const created = await subgraph.query(CREATE, { input: shooting({ title: 'Skjuten: 200803141234' }) }, as.police);
    expect(errorCode(created)).toBe('BAD_USER_INPUT');
    const future = await subgraph.query(CREATE, { input: shooting({ occurredAt: minutes(5).toISOString() }) }, as.police);
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    const point = await subgraph.query(CREATE, { input: shooting({ point: { latitude: 91, longitude: 17 } }) }, as.police);
    expect(errorCode(point)).toBe('BAD_USER_INPUT');
    expect(await state(incident.id)).toEqual(before);
  });

  it('status changes stamp their time; STOOD_DOWN may flare up to ACTIVE again', async () => {
    let incident = await open();
    clock.set(minutes(90));
    incident = await update(incident, { status: 'STOOD_DOWN' }).then(ok);
    expect(incident).toMatchObject({ status: 'STOOD_DOWN', stoodDownAt: minutes(90).toISOString(), closedAt: null });
    incident = await update(incident, { status: 'ACTIVE', severity: 'EXTREME' }).then(ok);
    expect(incident).toMatchObject({ status: 'ACTIVE', severity: 'EXTREME', version: 3 });
    expect(errorCode(await update(incident, { status: 'CLOSED' }, 'kommun'))).toBe('FORBIDDEN');
  });
});

describe('overdue, on the test\'s clock', () => {
  const OVERDUE_LIST = `query($filter: IncidentFilter) { incidents(filter: $filter, first: 100) { totalCount nodes { id } } }`;
  const listed = async (overdue: boolean) => {
    const response = await subgraph.query(OVERDUE_LIST, { filter: { overdue, areaCode: AR.uppsala } }, as.police);
    expect(response.errors).toBeUndefined();
    const ids = response.data!.incidents.nodes.map((n: { id: string }) => n.id);
    expect(response.data!.incidents.totalCount).toBe(ids.length);
    return ids as string[];
  };

  it('appears exactly when the configured time has passed with lines still not contacted, and goes when they are', async () => {
    process.env.INCIDENT_CONTACT_DEADLINE_MINUTES = '30';
    let incident = await open();
    incident = await log(incident, { contactFunctionId: F.posomUppsala, outcome: 'ACKNOWLEDGED', channel: 'PHONE', commitment: 'POSOM aktiverad' }).then(ok);
    expect(incident.contactDeadline).toBe(minutes(30).toISOString());
    clock.set(new Date(minutes(30).getTime() - 1));
    incident = (await read(incident.id))!;
    expect([incident.overdue, incident.overdueContacts]).toEqual([false, []]);
    expect(await listed(true)).not.toContain(incident.id);
    expect(await listed(false)).toContain(incident.id);

    clock.set(minutes(30));
    incident = (await read(incident.id))!;
    expect(incident.overdue).toBe(true);
    expect(functionsOf(incident.overdueContacts)).toEqual([F.trygghetssamordnareGottsunda, F.lokalbokningSvenskaKyrkanUppsala, F.lokalansvarigHyresgastforeningenGottsunda]);
    expect(await listed(true)).toContain(incident.id);
    expect(await listed(false)).not.toContain(incident.id);

    // A longer deadline, read on use, takes the flag away again.
    process.env.INCIDENT_CONTACT_DEADLINE_MINUTES = '45';
    expect((await read(incident.id))!.overdue).toBe(false);
    expect(await listed(true)).not.toContain(incident.id);
    process.env.INCIDENT_CONTACT_DEADLINE_MINUTES = '30';

    for (const functionId of [F.trygghetssamordnareGottsunda, F.lokalbokningSvenskaKyrkanUppsala]) {
      incident = await log(incident, { contactFunctionId: functionId, outcome: 'CONTACTED', channel: 'PHONE' }).then(ok);
      expect(incident.overdue).toBe(true);
    }
    // The last one not reached still counts.
    incident = await log(incident, { contactFunctionId: F.lokalansvarigHyresgastforeningenGottsunda, outcome: 'NOT_REACHED', channel: 'SMS' }).then(ok);
    expect(incident.overdue).toBe(true);
    incident = await log(incident, { contactFunctionId: F.lokalansvarigHyresgastforeningenGottsunda, outcome: 'CONTACTED', channel: 'MEETING' }).then(ok);
    expect([incident.overdue, incident.overdueContacts, incident.notContacted]).toEqual([false, [], []]);
    expect(await listed(true)).not.toContain(incident.id);
  });

  it('is not overdue once stood down, nor with an empty list', async () => {
    let incident = await open();
    const empty = await open({ kind: 'LARGE_ACCIDENT' });
    clock.set(minutes(61));
    expect((await read(empty.id))!.overdue).toBe(false);
    expect((await read(incident.id))!.overdue).toBe(true);
    incident = await update(incident, { status: 'STOOD_DOWN' }).then(ok);
    expect([incident.overdue, incident.overdueContacts]).toEqual([false, []]);
    expect(await listed(true)).not.toContain(incident.id);
  });
});

describe('the joint follow-up', () => {
  it('is written after standing down, once per organisation, by the owner and the organisations on the list', async () => {
    let incident = await open({ visibility: 'NETWORK', sharedWithIds: [] });
    const write = (who: Who, whatWorked = 'Snabb kontakt med POSOM') =>
      subgraph.query(FOLLOW_UP, { id: incident.id, version: incident.version, input: { whatWorked, whatDidNotWork: 'Kyrkan nåddes inte på första försöket' } }, as[who]);
    const early = await write('police');
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toMatch(/once the incident is stood down or closed/);
    incident = await update(incident, { status: 'STOOD_DOWN' }).then(ok);
    clock.set(minutes(120));
    incident = await write('police').then(ok);
    clock.set(minutes(125));
    incident = await write('kommun', 'Lokalen öppnades samma kväll').then(ok);
    const before = await state(incident.id);
    expect(errorCode(await write('kommun'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await write('fryshuset'))).toBe('FORBIDDEN');
    expect(errorCode(await write('policeMember'))).toBe('FORBIDDEN');
    expect(errorCode(await write('kyrkan', 'x'.repeat(2001)))).toBe('BAD_USER_INPUT');
    expect(errorCode(await write('kyrkan', 'Samtal med 0803141234'))).toBe('BAD_USER_INPUT');
    expect(await state(incident.id)).toEqual(before);
    incident = await update(incident, { status: 'CLOSED' }).then(ok);
    clock.set(minutes(130));
    incident = await write('kyrkan').then(ok);
    expect(incident.followUps).toEqual([
      { author: { id: A.lpoUppsala }, whatWorked: 'Snabb kontakt med POSOM', whatDidNotWork: 'Kyrkan nåddes inte på första försöket', writtenAt: minutes(120).toISOString() },
      { author: { id: A.uppsalaKommun }, whatWorked: 'Lokalen öppnades samma kväll', whatDidNotWork: 'Kyrkan nåddes inte på första försöket', writtenAt: minutes(125).toISOString() },
      { author: { id: A.svenskaKyrkanUppsala }, whatWorked: 'Snabb kontakt med POSOM', whatDidNotWork: 'Kyrkan nåddes inte på första försöket', writtenAt: minutes(130).toISOString() },
    ]);
    expect(incident.version).toBe(6);
  });
});

describe('visibility on every path', () => {
  const SEEN = `fragment Seen on Incident { id visibility owner { id } sharedWith { id } changeLog { action } contacts { contactFunction { id } } followUps { author { id } } notContacted { status } contactLog { id } }`;
  const MATRIX = `query($reps: [_Any!]!) {
    list: incidents(filter: { areaCode: "${AR.skaggetorp}" }, first: 100) { totalCount nodes { ...Seen } }
    entities: _entities(representations: $reps) { __typename ... on Incident { ...Seen } ... on Area { code incidents { id } } }
  }
  ${SEEN}`;
  const incidents: Record<string, string> = {};

  beforeAll(async () => {
    // One incident per visibility, in an area nothing else uses, each with a follow-up.
    const made = [['PUBLIC', []], ['NETWORK', []], ['SHARED', [A.uppsalaKommun]], ['OWNER', []]] as const;
    for (const [index, [visibility, sharedWithIds]] of made.entries()) {
      clock.set(minutes(index + 1)); // opened one after another: the lists' order is known
      let incident = await open({ areaCode: AR.skaggetorp, kind: 'FIRE', visibility, sharedWithIds, title: `Brand (${visibility})` });
      incident = await update(incident, { status: 'STOOD_DOWN' }).then(ok);
      await subgraph.query(FOLLOW_UP, { id: incident.id, version: incident.version, input: { whatWorked: 'Bra', whatDidNotWork: 'Sent' } }, as.police).then(ok);
      incidents[visibility] = incident.id;
    }
    clock.set(START);
  });

  const SEES: Record<Who, string[]> = {
    public: ['PUBLIC'],
    police: ['PUBLIC', 'NETWORK', 'SHARED', 'OWNER'],
    policeMember: ['PUBLIC', 'NETWORK', 'SHARED', 'OWNER'],
    kommun: ['PUBLIC', 'NETWORK', 'SHARED'],
    kyrkan: ['PUBLIC', 'NETWORK'],
    hyresgast: ['PUBLIC', 'NETWORK'],
    fryshuset: ['PUBLIC', 'NETWORK'],
    stockholm: ['PUBLIC', 'NETWORK'],
  };

  it.each(Object.keys(SEES) as Who[])('%s sees exactly the incidents shown to them, with their lines and follow-ups, on every path', async (who) => {
    const order = ['OWNER', 'SHARED', 'NETWORK', 'PUBLIC']; // newest first
    const visible = order.filter((v) => SEES[who].includes(v));
    const reps = [...order.map((v) => ({ __typename: 'Incident', id: incidents[v] })), { __typename: 'Area', code: AR.skaggetorp }, { __typename: 'Area', code: AR.linkoping }];
    const response = await subgraph.query(MATRIX, { reps }, as[who]);
    expect(response.errors).toBeUndefined();
    const ownerMember = who === 'police' || who === 'policeMember';
    // Skäggetorp has no roster: each list is empty, the follow-up is the owner's.
    const expected = (v: string) => ({
      id: incidents[v],
      visibility: v,
      owner: { id: A.lpoUppsala },
      sharedWith: ownerMember ? (v === 'SHARED' ? [{ id: A.uppsalaKommun }] : []) : null,
      changeLog: ownerMember ? [{ action: 'CREATED' }, { action: 'UPDATED' }, { action: 'UPDATED' }] : null,
      contacts: [],
      followUps: [{ author: { id: A.lpoUppsala } }],
      notContacted: [],
      contactLog: [],
    });
    expect(response.data!.list).toEqual({ totalCount: visible.length, nodes: visible.map(expected) });
    expect(response.data!.entities.slice(0, 4)).toEqual(order.map((v) => (SEES[who].includes(v) ? { __typename: 'Incident', ...expected(v) } : null)));
    const ids = visible.map((v) => ({ id: incidents[v] }));
    expect(response.data!.entities.slice(4)).toEqual([
      { __typename: 'Area', code: AR.skaggetorp, incidents: ids },
      { __typename: 'Area', code: AR.linkoping, incidents: ids },
    ]);
    for (const v of order) {
      const one = await subgraph.query('query($id: ID!) { incident(id: $id) { id contacts { status } followUps { whatWorked } } }', { id: incidents[v] }, as[who]);
      expect(one.data!.incident).toEqual(SEES[who].includes(v) ? { id: incidents[v], contacts: [], followUps: [{ whatWorked: 'Bra' }] } : null);
    }
  });

  it('shows lines and the log only with their incident: a SHARED list to its partners, nothing to others', async () => {
    clock.set(minutes(300)); // the newest incident: first in every list below
    const incident = await open();
    await log(incident, { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE', note: 'Nådd direkt' }).then(ok);
    for (const who of ['kommun', 'kyrkan'] as Who[]) expect((await read(incident.id, who))!.contacts[0]).toMatchObject({ status: 'CONTACTED', note: 'Nådd direkt' });
    for (const who of ['hyresgast', 'fryshuset', 'public'] as Who[]) expect(await read(incident.id, who)).toBeNull();
    const entities = await subgraph.query('query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Incident { id contacts { note } } } }', { reps: [{ __typename: 'Incident', id: incident.id }] }, as.hyresgast);
    expect(entities.data!._entities).toEqual([null]);

    // The log's entries, on every path that reaches an incident: by id, the list, an area's incidents, `_entities`.
    const LOGGED = 'id contactLog { id note } contacts { log { id note } }';
    const PATHS = `query($id: ID!, $reps: [_Any!]!) {
      one: incident(id: $id) { ${LOGGED} }
      list: incidents(filter: { areaCode: "${AR.gottsunda}" }, first: 100) { nodes { ${LOGGED} } }
      entities: _entities(representations: $reps) { ... on Incident { ${LOGGED} } ... on Area { incidents(first: 100) { ${LOGGED} } } }
    }`;
    const [{ id: entryId }] = (await read(incident.id))!.contactLog;
    const reps = [{ __typename: 'Incident', id: incident.id }, { __typename: 'Area', code: AR.gottsunda }];
    for (const who of ['police', 'kommun', 'kyrkan', 'hyresgast', 'fryshuset', 'public'] as Who[]) {
      const response = await subgraph.query(PATHS, { id: incident.id, reps }, as[who]);
      expect(response.errors).toBeUndefined();
      if (['police', 'kommun', 'kyrkan'].includes(who)) {
        const seen = { id: incident.id, contactLog: [{ id: entryId, note: 'Nådd direkt' }], contacts: expect.arrayContaining([{ log: [{ id: entryId, note: 'Nådd direkt' }] }]) };
        const { one, list, entities } = response.data!;
        expect([one, list.nodes[0], entities[0], entities[1].incidents[0]]).toEqual([seen, seen, seen, seen]);
      } else {
        expect([who, JSON.stringify(response.data).includes(entryId), JSON.stringify(response.data).includes('Nådd direkt')]).toEqual([who, false, false]);
        expect(response.data!.one).toBeNull();
        expect(response.data!.entities[0]).toBeNull();
      }
    }
  });

  it('deletes only for the owner\'s coordinators, with its lines and follow-ups', async () => {
    const incident = await log(await open({ visibility: 'NETWORK', sharedWithIds: [] }), { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }).then(ok);
    expect(errorCode(await subgraph.query(DELETE, { id: incident.id, version: 2 }, as.kommun))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.query(DELETE, { id: incident.id, version: 2 }, as.policeMember))).toBe('FORBIDDEN');
    expect((await subgraph.query(DELETE, { id: incident.id, version: 2 }, as.police)).data!.deleteIncident).toBe(incident.id);
    expect(await read(incident.id)).toBeNull();
    expect((await subgraph.dataSource.query('SELECT count(*)::int AS n FROM incident_contacts WHERE incident_id = $1', [incident.id]))[0].n).toBe(0);
    expect((await subgraph.dataSource.query('SELECT count(*)::int AS n FROM incident_contact_log WHERE incident_id = $1', [incident.id]))[0].n).toBe(0);
  });
});

describe('the change feed', () => {
  it('carries every change of an incident, to those who may see it', async () => {
    const end = (await subgraph.query('{ situationFeedEnd }', {}, as.police)).data!.situationFeedEnd;
    const incident = await open();
    await log(incident, { contactFunctionId: F.posomUppsala, outcome: 'CONTACTED', channel: 'PHONE' }).then(ok);
    const feed = async (who: Who) => {
      const response = await subgraph.query(
        'query($after: String) { situationChanges(after: $after, types: ["Incident"]) { entries { id action fields } } }',
        { after: end },
        as[who],
      );
      expect(response.errors).toBeUndefined();
      return response.data!.situationChanges.entries;
    };
    const expected = [
      { id: incident.id, action: 'CREATED', fields: expect.arrayContaining(['kind', 'contacts']) },
      { id: incident.id, action: 'UPDATED', fields: ['contacts'] },
    ];
    expect(await feed('police')).toEqual(expected);
    expect(await feed('kommun')).toEqual(expected);
    expect(await feed('hyresgast')).toEqual([]);
  });

  it('hears, once, when an incident becomes overdue (the upkeep), without a new version', async () => {
    const end = (await subgraph.query('{ situationFeedEnd }', {}, as.police)).data!.situationFeedEnd;
    // Only this one is under way with lines not contacted: those of the tests before are closed.
    await subgraph.dataSource.query(`UPDATE incidents SET status = 'CLOSED'`);
    const incident = await open();
    const feed = async (who: Who) =>
      (await subgraph.query('query($after: String) { situationChanges(after: $after, types: ["Incident"]) { entries { id action fields } } }', { after: end }, as[who])).data!
        .situationChanges.entries;
    clock.set(new Date(minutes(60).getTime() - 1));
    await recordOverdueIncidents(subgraph.dataSource, clock);
    expect(await feed('police')).toEqual([{ id: incident.id, action: 'CREATED', fields: expect.any(Array) }]);
    clock.set(minutes(60));
    await recordOverdueIncidents(subgraph.dataSource, clock);
    await recordOverdueIncidents(subgraph.dataSource, clock);
    const told = [{ id: incident.id, action: 'CREATED', fields: expect.any(Array) }, { id: incident.id, action: 'UPDATED', fields: ['overdue'] }];
    expect(await feed('police')).toEqual(told);
    expect(await feed('kommun')).toEqual(told);
    expect(await feed('hyresgast')).toEqual([]);
    const [entry] = await subgraph.dataSource.query(`SELECT organisation_id, subject FROM change_log WHERE entity_id = $1 AND 'overdue' = ANY(fields)`, [incident.id]);
    expect(entry).toEqual({ organisation_id: A.lpoUppsala, subject: OVERDUE_SUBJECT });
    expect((await read(incident.id))!.version).toBe(1);
  });
});

describe('statement counts', () => {
  it('do not grow with the incidents, their lines, log entries and follow-ups, nor with the areas asked', async () => {
    // The newest incidents, each with entries on several lines.
    clock.set(minutes(400));
    for (let i = 0; i < 3; i++) {
      let incident = await open();
      for (const contactFunctionId of [F.posomUppsala, F.lokalbokningSvenskaKyrkanUppsala, F.posomUppsala]) {
        incident = await log(incident, { contactFunctionId, outcome: 'CONTACTED', channel: 'PHONE' }).then(ok);
      }
    }
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const fields = `id area { code } contacts { status contactFunction { id } log { outcome contactedBy { id } contact { position } } } notContacted { status } overdue overdueContacts { status }
        followUps { whatWorked } organisationsNotReached { id } contactLog(first: 5) { outcome contact { contactFunction { id } log { outcome } } }`;
      const list = async (first: number) => {
        const response = await subgraph.query(`{ incidents(first: ${first}) { totalCount nodes { ${fields} } } }`, {}, as.police);
        expect(response.errors).toBeUndefined();
        expect(response.data!.incidents.nodes.length).toBe(first);
        return response.extensions!.sqlStatements;
      };
      expect(await list(10)).toBe(await list(1));
      const areas = async (codes: string[]) => {
        const response = await subgraph.query(
          `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Area { incidents(first: 20) { ${fields} } } } }`,
          { reps: codes.map((code) => ({ __typename: 'Area', code })) },
          as.police,
        );
        expect(response.errors).toBeUndefined();
        return response.extensions!.sqlStatements;
      };
      expect(await areas([AR.gottsunda, AR.uppsala, AR.skaggetorp, AR.rinkebyKista])).toBe(await areas([AR.gottsunda]));
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('the CAP 1.2 export', () => {
  const CAP = 'query($id: ID!) { incident(id: $id) { capAlert } }';
  const http = (path: string, who: Who) => fetch(subgraph.url.replace(/\/graphql$/, path), { headers: as[who] });

  it('gives an incident the caller may see as a valid alert, in GraphQL and over HTTP, one message per version', async () => {
    const incident = await open();
    const first = (await subgraph.query(CAP, { id: incident.id }, as.kyrkan)).data!.incident.capAlert as string;
    expect(capViolations(first)).toEqual([]);
    expect(first).toContain('<msgType>Alert</msgType>');
    expect(first).toContain('<scope>Restricted</scope>');
    // The registry's name of the area, not its code.
    expect(first).toMatch(/<areaDesc>Gottsunda/);

    const active = await ok(await update(incident, { status: 'ACTIVE' }));
    const response = await http(`/cap/incidents/${incident.id}`, 'kommun');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/cap+xml');
    const second = await response.text();
    expect(capViolations(second)).toEqual([]);
    expect(second).toContain(`<identifier>${incident.id}-v${active.version}</identifier>`);
    expect(second).toContain('<msgType>Update</msgType>');
    expect(second).toMatch(new RegExp(`<references>[^,]+,${incident.id}-v1,`));
  });

  it('shows nobody an incident they may not see: 404 for one, left out of the index; a PUBLIC one reaches everyone as Public', async () => {
    const shared = await open({ title: 'Delad händelse för CAP' });
    const published = await open({ title: 'Publik händelse för CAP', visibility: 'PUBLIC', sharedWithIds: [] });
    for (const who of ['fryshuset', 'public'] as const) expect((await http(`/cap/incidents/${shared.id}`, who)).status).toBe(404);

    const anonymous = await http(`/cap/incidents/${published.id}`, 'public');
    const alert = await anonymous.text();
    expect(capViolations(alert)).toEqual([]);
    expect(alert).toContain('<scope>Public</scope>');

    const index = async (who: Who) => (await http(`/cap/incidents?area=${AR.uppsala}`, who)).text();
    expect(await index('kyrkan')).toContain(`incidents/${shared.id}`);
    expect(await index('fryshuset')).not.toContain(`incidents/${shared.id}`);
    expect(await index('public')).toContain(`incidents/${published.id}`);
    expect(await index('public')).not.toContain(`incidents/${shared.id}`);
  });

  it('refuses a bad index query with 400 and a code, and is read-only', async () => {
    const bad = await http('/cap/incidents?area=not-an-area', 'police');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await http('/cap/incidents?limit=0', 'police')).status).toBe(400);
    const post = await fetch(subgraph.url.replace(/\/graphql$/, '/cap/incidents'), { method: 'POST', headers: as.police });
    expect(post.status).toBe(405);
  });
});

describe('the demo incident', () => {
  it('has a contact log that agrees with its lines: the church called, then texted, and not reached, like the tenants\' association', async () => {
    await subgraph.dataSource.transaction((manager) => insertDemoIncidents(manager, demoCalendar('2026-03-10')));
    const response = await subgraph.query(
      `query($id: ID!) { incident(id: $id) { status organisationsNotReached { id }
        contacts { contactFunction { id } status channel contactedAt contactedBy { id } commitment note log { outcome channel contactedAt contactedBy { id } commitment note } }
        contactLog { outcome } } }`,
      { id: DEMO_INCIDENTS.gottsundaShooting },
      as.police,
    );
    expect(response.errors).toBeUndefined();
    const { status, organisationsNotReached, contacts, contactLog } = response.data!.incident;
    expect(status).toBe('CLOSED');
    expect(organisationsNotReached).toEqual([{ id: A.svenskaKyrkanUppsala }, { id: A.hyresgastforeningen }]);
    const church = contacts.find((line: Incident) => line.contactFunction.id === F.lokalbokningSvenskaKyrkanUppsala);
    expect(church.log.map((entry: Incident) => [entry.outcome, entry.channel])).toEqual([['NOT_REACHED', 'PHONE'], ['NOT_REACHED', 'SMS']]);
    // Each line is its last entry.
    for (const { log: entries, contactFunction, ...line } of contacts) {
      expect([contactFunction.id, entries.at(-1)]).toEqual([contactFunction.id, { outcome: line.status, channel: line.channel, contactedAt: line.contactedAt, contactedBy: line.contactedBy, commitment: line.commitment, note: line.note }]);
    }
    expect(contactLog).toHaveLength(contacts.reduce((n: number, line: Incident) => n + line.log.length, 0));
  });
});
