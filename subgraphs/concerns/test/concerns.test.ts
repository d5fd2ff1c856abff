import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { FixedClock } from '@samverkan/platform';
import { startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { concernsSubgraph } from '../src';
import {
  ACKNOWLEDGE, ADD_ACTION, CLOSE, concernInput, consentGiven, counts, FIRST_CONTACT, headersForEveryone, insertRinkebyTeam, LIST, ok, ONE, OTHER_CONTACT_KEY, REGISTER, refused, TEST_CONTACT_KEY, Who, WITHDRAW,
} from './concern-setup';

process.env.CONCERN_CONTACT_KEY = TEST_CONTACT_KEY;
// The clock's points are clock.test.ts's: here a tick firing one as the test moves its clock would add the entries it counts.
process.env.CONCERN_CLOCK_TICK_SECONDS = '3600';

/**
 * A guardian's concern from registration to closing (issue 15): the team activated, the clock
 * started, the follow-up by the lead and the team, the contact details encrypted at rest; bad input
 * refused with nothing written; statements constant in the number of concerns.
 */
const REGISTERED = new Date('2026-03-10T09:00:00Z');
const clock = new FixedClock(REGISTERED);
let subgraph: TestSubgraph;
let as: Record<Who, Record<string, string>>;

/** A personal identity number with a valid check digit, as the situation tests use. */
const PERSONNUMMER = '19811218-9876';

beforeAll(async () => {
  subgraph = await startTestSubgraph(concernsSubgraph, { seed: false, clock });
  as = await headersForEveryone();
  await insertRinkebyTeam(subgraph, new Date('2026-01-01T00:00:00Z'));
});
afterAll(() => subgraph?.stop());
afterEach(() => {
  clock.set(REGISTERED);
  process.env.CONCERN_CONTACT_KEY = TEST_CONTACT_KEY;
  delete process.env.CONCERN_CONTACT_KEY_PREVIOUS;
});

const register = (input: Record<string, unknown>, who: Who = 'school', key?: string) => ok(subgraph.query(REGISTER, { input: concernInput(input), key }, as[who]), 'registerConcern');

describe('a worried guardian\'s call', () => {
  it('registers the concern, activates the joined lines of the team, starts the clock and runs the follow-up to closing', async () => {
    const consent = consentGiven(['POLICE', 'CIVIL_SOCIETY'], '2026-03-10T08:45:00Z');
    const concern = await register({ consent });
    expect(concern).toMatchObject({
      version: 1,
      status: 'OPEN',
      childAge: 14,
      guardianContact: '070-123 45 67',
      registeredAt: REGISTERED.toISOString(),
      dueBy: '2026-03-11T09:00:00.000Z',
      answeredWithin: null,
      area: { code: AR.rinkebyKista },
      receivingOrganisation: { id: A.rinkebySkolan },
      consent: { ...consent, givenAt: '2026-03-10T08:45:00.000Z', recordedBy: { id: A.rinkebySkolan }, recordedAt: REGISTERED.toISOString(), withdrawnAt: null, withdrawnBy: null },
      actions: [],
    });
    expect(concern.childReference).toMatch(/^B-[0-9A-HJKMNP-TV-Z]{8}$/);
    // Järva i samverkan has not joined: its line is not activated.
    expect(concern.activatedTeam.map((l: { role: string; actor: { id: string } }) => [l.role, l.actor.id])).toEqual([
      ['LEAD', A.rinkebyKistaStadsdel],
      ['BACKUP', A.lpoRinkeby],
      ['MEMBER', A.fryshuset],
      ['COORDINATOR', A.stockholmsStad],
    ]);
    const clockRows = await subgraph.dataSource.query('SELECT step, due_at FROM concern_deadlines WHERE concern_id = $1 ORDER BY due_at', [concern.id]);
    expect(clockRows.map((r: { step: string }) => r.step)).toEqual(['REMINDER', 'ESCALATE_BACKUPS', 'ESCALATE_COORDINATOR', 'BREACH']);
    expect((await subgraph.dataSource.query('SELECT count(*)::int AS n FROM concern_notifications WHERE concern_id = $1', [concern.id]))[0].n).toBe(4);

    clock.set(new Date('2026-03-10T10:00:00Z'));
    const acknowledged = await ok(subgraph.query(ACKNOWLEDGE, { id: concern.id, version: 1 }, as.socialServices), 'acknowledgeConcern');
    expect(acknowledged).toMatchObject({ version: 2, status: 'ACKNOWLEDGED', acknowledgedAt: '2026-03-10T10:00:00.000Z', acknowledgedBy: { id: A.rinkebyKistaStadsdel } });

    clock.set(new Date('2026-03-10T15:00:00Z'));
    await refused(subgraph, () => subgraph.query(FIRST_CONTACT, { id: concern.id, version: 2, at: '2026-03-10T15:30:00Z' }, as.fryshuset), 'BAD_USER_INPUT', 'contactedAt');
    await refused(subgraph, () => subgraph.query(FIRST_CONTACT, { id: concern.id, version: 2, at: '2026-03-10T08:00:00Z' }, as.fryshuset), 'BAD_USER_INPUT', 'contactedAt');
    const contacted = await ok(subgraph.query(FIRST_CONTACT, { id: concern.id, version: 2, at: '2026-03-10T14:30:00Z', note: 'Ringde, bokade möte.' }, as.fryshuset), 'recordFirstContact');
    expect(contacted).toMatchObject({ version: 3, status: 'CONTACTED', firstContactAt: '2026-03-10T14:30:00.000Z', firstContactBy: { id: A.fryshuset }, answeredWithin: true });

    const acted = await ok(subgraph.query(ADD_ACTION, { id: concern.id, version: 3, input: { outcome: 'MENTOR_OFFERED', note: 'Mentor via Fryshuset.' } }, as.fryshuset), 'addConcernAction');
    expect(acted.version).toBe(4);
    await refused(subgraph, () => subgraph.query(CLOSE, { id: concern.id, version: 4, input: { outcome: 'MENTOR_OFFERED', guardianInformed: false } }, as.socialServices), 'BAD_USER_INPUT', 'input.guardianInformed');
    clock.set(new Date('2026-03-10T15:05:00Z'));
    const closed = await ok(subgraph.query(CLOSE, { id: concern.id, version: 4, input: { outcome: 'MENTOR_OFFERED', note: 'Familjen nöjd.', guardianInformed: true } }, as.socialServices), 'closeConcern');
    expect(closed).toMatchObject({ version: 5, status: 'CLOSED', closedAt: '2026-03-10T15:05:00.000Z', outcome: 'MENTOR_OFFERED', outcomeNote: 'Familjen nöjd.' });
    expect(closed.actions.map((a: { kind: string; recordedBy: { id: string } }) => [a.kind, a.recordedBy.id])).toEqual([
      ['ACKNOWLEDGED', A.rinkebyKistaStadsdel],
      ['FIRST_CONTACT', A.fryshuset],
      ['ACTION', A.fryshuset],
      ['CLOSED', A.rinkebyKistaStadsdel],
    ]);
    // Closed: every change is RECORD_CLOSED, nothing written.
    await refused(subgraph, () => subgraph.query(ADD_ACTION, { id: concern.id, version: 5, input: { outcome: 'OTHER' } }, as.socialServices), 'RECORD_CLOSED');
    await refused(subgraph, () => subgraph.query(WITHDRAW, { id: concern.id, version: 5 }, as.police), 'RECORD_CLOSED');

    const audit = await subgraph.dataSource.query(`SELECT action FROM concern_audit WHERE concern_id = $1 AND action <> 'READ' ORDER BY seq`, [concern.id]);
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['REGISTERED', 'ACKNOWLEDGED', 'CONTACTED', 'ACTION_ADDED', 'CLOSED']);
  });

  it('refuses a stale version with VERSION_CONFLICT, writing nothing', async () => {
    const concern = await register({});
    await ok(subgraph.query(ACKNOWLEDGE, { id: concern.id, version: 1 }, as.socialServices), 'acknowledgeConcern');
    await refused(subgraph, () => subgraph.query(FIRST_CONTACT, { id: concern.id, version: 1, at: REGISTERED.toISOString() }, as.socialServices), 'VERSION_CONFLICT');
    await refused(subgraph, () => subgraph.query(ACKNOWLEDGE, { id: concern.id, version: 2 }, as.socialServices), 'BAD_USER_INPUT');
  });

  it('refuses acknowledgement for another team: FORBIDDEN for a reader that is not the lead, NOT_FOUND for others, nothing written', async () => {
    const concern = await register({ consent: consentGiven(['POLICE'], '2026-03-10T08:00:00Z') });
    await refused(subgraph, () => subgraph.query(ACKNOWLEDGE, { id: concern.id, version: 1 }, as.police), 'FORBIDDEN');
    await refused(subgraph, () => subgraph.query(ACKNOWLEDGE, { id: concern.id, version: 1 }, as.outsider), 'NOT_FOUND');
  });
});

describe('bad registrations: clear errors, nothing written', () => {
  const rejects = (input: Record<string, unknown>, code: string, field?: string, who: Who = 'school') =>
    refused(subgraph, () => subgraph.query(REGISTER, { input: concernInput(input) }, as[who]), code, field);

  it('refuses a personal identity number in any free text', async () => {
    await rejects({ worry: `Det gäller ${PERSONNUMMER}.` }, 'BAD_USER_INPUT', 'worry');
    await rejects({ answerPreference: PERSONNUMMER }, 'BAD_USER_INPUT', 'answerPreference');
    await rejects({ purpose: PERSONNUMMER }, 'BAD_USER_INPUT', 'purpose');
    await rejects({ consent: { ...consentGiven(['POLICE'], '2026-03-10T08:00:00Z'), purpose: PERSONNUMMER } }, 'BAD_USER_INPUT', 'consent.purpose');
  });

  it('refuses a missing or inconsistent consent record', async () => {
    const { consent: _none, ...withoutConsent } = concernInput();
    await refused(subgraph, () => subgraph.query(REGISTER, { input: withoutConsent }, as.school), 'BAD_USER_INPUT');
    await rejects({ consent: { given: true, purpose: 'x', givenAt: '2026-03-10T08:00:00Z' } }, 'BAD_USER_INPUT', 'consent.functions');
    await rejects({ consent: { given: true, functions: ['POLICE'], givenAt: '2026-03-10T08:00:00Z' } }, 'BAD_USER_INPUT', 'consent.purpose');
    await rejects({ consent: consentGiven(['POLICE'], '2026-03-10T10:00:00Z') }, 'BAD_USER_INPUT', 'consent.givenAt');
    await rejects({ consent: { given: false, functions: ['POLICE'] } }, 'BAD_USER_INPUT', 'consent.functions');
    await rejects({ legalBasis: 'CONSENT' }, 'BAD_USER_INPUT', 'legalBasis');
  });

  it('refuses an area without a team or unknown, an age out of range, an empty worry, and the public', async () => {
    await rejects({ areaCode: AR.angered }, 'BAD_USER_INPUT', 'areaCode');
    await rejects({ areaCode: '0180-nowhere' }, 'BAD_USER_INPUT', 'areaCode');
    await rejects({ childAge: 21 }, 'BAD_USER_INPUT');
    await rejects({ worry: '' }, 'BAD_USER_INPUT');
    await rejects({ worry: 'x'.repeat(4001) }, 'BAD_USER_INPUT');
    await rejects({}, 'UNAUTHENTICATED', undefined, 'public');
  });

  it('registers once per idempotency key', async () => {
    const first = await register({ worry: 'Nyckel' }, 'school', 'call-1');
    const before = await counts(subgraph);
    const again = await register({ worry: 'Nyckel' }, 'school', 'call-1');
    expect(again.id).toBe(first.id);
    expect({ ...(await counts(subgraph)), concern_audit: 0 }).toEqual({ ...before, concern_audit: 0 });
  });
});

describe('contact details', () => {
  it('are stored encrypted, never as plain text, and read after the key is rotated', async () => {
    const concern = await register({ guardianContact: 'anna.andersson@example.se' });
    const [row] = await subgraph.dataSource.query('SELECT contact_ciphertext FROM concerns WHERE id = $1', [concern.id]);
    expect(row.contact_ciphertext).toMatch(/^v1:[0-9a-f]{8}:[^:]+:[^:]+:[^:]+$/);
    expect(row.contact_ciphertext).not.toContain('anna');
    const dump = JSON.stringify(await subgraph.dataSource.query('SELECT * FROM concerns'));
    expect(dump).not.toContain('anna.andersson');
    // Rotation: the old key becomes the previous one; old values still read, new ones use the new key.
    process.env.CONCERN_CONTACT_KEY = OTHER_CONTACT_KEY;
    process.env.CONCERN_CONTACT_KEY_PREVIOUS = TEST_CONTACT_KEY;
    expect((await ok(subgraph.query(ONE, { id: concern.id }, as.school), 'concern')).guardianContact).toBe('anna.andersson@example.se');
    const newer = await register({ guardianContact: '08-123 456' });
    const [newRow] = await subgraph.dataSource.query('SELECT contact_ciphertext FROM concerns WHERE id = $1', [newer.id]);
    expect(newRow.contact_ciphertext.split(':')[1]).not.toBe(row.contact_ciphertext.split(':')[1]);
    // Without the old key, the old value cannot be read.
    delete process.env.CONCERN_CONTACT_KEY_PREVIOUS;
    const response = await subgraph.query(ONE, { id: concern.id }, as.school);
    expect(response.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    // The concern written under the key this test retires goes, so later tests read every concern.
    await subgraph.dataSource.query('DELETE FROM concerns WHERE id = $1', [newer.id]);
  });
});

describe('lists', () => {
  it('lists newest first, filters, and reads 2 or 20 concerns with their nested fields in the same number of statements', async () => {
    // Every concern so far was registered at REGISTERED; these later, one a minute.
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      clock.set(new Date(REGISTERED.getTime() + (i + 1) * 60_000));
      ids.push((await register({ worry: `Lista ${i}` })).id);
    }
    const page = await ok(subgraph.query(LIST, { first: 3 }, as.socialServices), 'concerns');
    expect(page.nodes.map((n: { id: string }) => n.id)).toEqual([ids[19], ids[18], ids[17]]);
    const awaiting = await ok(subgraph.query(LIST, { filter: { awaitingMe: true }, first: 100 }, as.socialServices), 'concerns');
    expect(awaiting.nodes.every((n: { status: string }) => n.status === 'OPEN')).toBe(true);
    expect((await ok(subgraph.query(LIST, { filter: { awaitingMe: true } }, as.police), 'concerns')).totalCount).toBe(0);
    expect((await ok(subgraph.query(LIST, { filter: { status: 'CLOSED' }, first: 100 }, as.socialServices), 'concerns')).totalCount).toBe(1);

    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (first: number) => {
        const response = await subgraph.query(LIST, { first }, as.socialServices);
        expect(response.errors).toBeUndefined();
        expect(response.data!.concerns.nodes).toHaveLength(first);
        return response.extensions!.sqlStatements;
      };
      expect(await statements(2)).toBe(await statements(20));
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});
