import { randomBytes } from 'node:crypto';
import { DEMO_ACTORS } from '@samverkan/demo';
import { FixedClock } from '@samverkan/platform';
import { bearer, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { createConcernsSubgraph } from '../src';
import { DeadlineStep } from '../src/clock/concern-deadline';
import { ConcernNotification, NotificationKind } from '../src/clock/concern-notification';
import { deliverNotifications } from '../src/clock/notification-sender';
import { fireDueDeadlines } from '../src/clock/fire-deadlines';
import { Concern } from '../src/concerns/concern';
import { ConcernStatus } from '../src/concerns/concern-vocabulary';
import { insertConcern, LEAD_ONLY, RECEIVING_ACTOR } from './support/concerns';
import { recordingSender } from './support/recording-sender';

/**
 * The 24-hour clock with a clock the test moves: the subgraph runs its pg-boss worker (ticking every
 * second), and the test waits for what the worker does; "not yet" is checked by firing directly.
 */
const HOUR = 3_600_000;
const MINUTE = 60_000;
const clock = new FixedClock(new Date('2026-03-02T08:00:00Z'));
const recorder = recordingSender();
let subgraph: TestSubgraph;

beforeAll(async () => {
  process.env.CONCERN_CLOCK_TICK_SECONDS = '1';
  process.env.CONCERN_CONTACT_KEY ??= randomBytes(32).toString('base64');
  subgraph = await startTestSubgraph(createConcernsSubgraph({ sender: recorder.sender }), { seed: false, clock });
}, 120000);

afterAll(async () => {
  await subgraph?.stop();
  delete process.env.CONCERN_CLOCK_TICK_SECONDS;
});

const later = (ms: number) => new Date(clock.now().getTime() + ms);
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not within ${timeoutMs} ms: ${what}`);
}

const deadlinesOf = async (concernId: string) =>
  Object.fromEntries(
    (await subgraph.dataSource.query('SELECT step, fired_at, skipped FROM concern_deadlines WHERE concern_id = $1', [concernId])).map(
      (row: { step: DeadlineStep; fired_at: Date | null; skipped: boolean }) => [row.step, { firedAt: row.fired_at, skipped: row.skipped }],
    ),
  ) as Record<DeadlineStep, { firedAt: Date | null; skipped: boolean }>;
const notificationsOf = (concernId: string) => subgraph.dataSource.getRepository(ConcernNotification).find({ where: { concernId } });
const firedAudit = async (concernId: string) =>
  Number((await subgraph.dataSource.query(`SELECT count(*) FROM concern_audit WHERE concern_id = $1 AND action = 'DEADLINE_FIRED'`, [concernId]))[0].count);
/** Who got what: "ROLE:KIND" per notice sent, sorted. */
const sentTo = (concernId: string, kinds: NotificationKind[]) =>
  recorder
    .of(concernId)
    .filter((notice) => kinds.includes(notice.kind))
    .map((notice) => `${notice.role}:${notice.kind}`)
    .sort();

it('a registered concern activates its team: ACTIVATED to every line, sent by the sender, without content', async () => {
  const { concern, recipients } = await insertConcern(subgraph.dataSource, { registeredAt: clock.now() });
  await until(() => recorder.of(concern.id).length === 5, 'the five ACTIVATED notices are sent');
  expect(sentTo(concern.id, [NotificationKind.ACTIVATED])).toEqual(['BACKUP:ACTIVATED', 'BACKUP:ACTIVATED', 'COORDINATOR:ACTIVATED', 'LEAD:ACTIVATED', 'MEMBER:ACTIVATED']);
  expect(new Set(recorder.of(concern.id).map((notice) => notice.contactFunctionId))).toEqual(new Set(recipients.map((r) => r.contactFunctionId)));
  for (const notice of recorder.of(concern.id)) {
    expect(Object.keys(notice).sort()).toEqual(['actorId', 'concernId', 'contactFunctionId', 'kind', 'queuedAt', 'role']);
  }
  expect((await notificationsOf(concern.id)).every((n) => n.sentAt?.getTime() === clock.now().getTime())).toBe(true);
});

it('fires the reminder at 4 h, the escalations at 12 h and 20 h and the breach at 24 h, not a minute before, to the right lines', async () => {
  const registeredAt = clock.now();
  const { concern } = await insertConcern(subgraph.dataSource, { registeredAt: registeredAt });
  const steps: Array<[DeadlineStep, number, string[]]> = [
    [DeadlineStep.REMINDER, 4, ['LEAD:REMINDER']],
    [DeadlineStep.ESCALATE_BACKUPS, 12, ['BACKUP:ESCALATION', 'BACKUP:ESCALATION']],
    [DeadlineStep.ESCALATE_COORDINATOR, 20, ['COORDINATOR:ESCALATION', 'LEAD:REMINDER']],
    [DeadlineStep.BREACH, 24, ['COORDINATOR:BREACH', 'LEAD:BREACH']],
  ];
  let expected: string[] = [];
  for (const [step, hours, told] of steps) {
    clock.set(at(registeredAt, hours * HOUR - MINUTE));
    await fireDueDeadlines(subgraph.dataSource, clock);
    expect((await deadlinesOf(concern.id))[step].firedAt).toBeNull();

    clock.set(at(registeredAt, hours * HOUR));
    expected = [...expected, ...told].sort();
    await until(() => sentTo(concern.id, [NotificationKind.REMINDER, NotificationKind.ESCALATION, NotificationKind.BREACH]).length === expected.length, `${step} is sent`);
    expect(sentTo(concern.id, [NotificationKind.REMINDER, NotificationKind.ESCALATION, NotificationKind.BREACH])).toEqual(expected);
    expect((await deadlinesOf(concern.id))[step]).toEqual({ firedAt: at(registeredAt, hours * HOUR), skipped: false });
  }
  const breached = await subgraph.dataSource.getRepository(Concern).findOneByOrFail({ id: concern.id });
  expect(breached.breachedAt).toEqual(at(registeredAt, 24 * HOUR));
  expect(breached.version).toBe(concern.version + 1);
  expect(await firedAudit(concern.id)).toBe(4);
  const notifications = await notificationsOf(concern.id);
  expect(notifications).toHaveLength(5 + 1 + 2 + 2 + 2);
  expect(notifications.every((n) => n.sentAt)).toBe(true);
});

it('skips the points after a first contact: nothing more is sent and no breach is recorded', async () => {
  const registeredAt = clock.now();
  const { concern } = await insertConcern(subgraph.dataSource, { registeredAt: registeredAt });
  clock.set(at(registeredAt, 5 * HOUR));
  await until(async () => (await deadlinesOf(concern.id)).REMINDER.firedAt !== null, 'the reminder fires');
  await subgraph.dataSource
    .getRepository(Concern)
    .update(concern.id, { firstContactAt: at(registeredAt, 5 * HOUR), firstContactBy: RECEIVING_ACTOR, status: ConcernStatus.CONTACTED });
  const sentBefore = recorder.of(concern.id).length;

  clock.set(at(registeredAt, 25 * HOUR));
  await until(async () => (await deadlinesOf(concern.id)).BREACH.skipped, 'the breach is skipped');
  expect(await deadlinesOf(concern.id)).toEqual({
    REMINDER: { firedAt: at(registeredAt, 5 * HOUR), skipped: false },
    ESCALATE_BACKUPS: { firedAt: null, skipped: true },
    ESCALATE_COORDINATOR: { firedAt: null, skipped: true },
    BREACH: { firedAt: null, skipped: true },
  });
  expect((await subgraph.dataSource.getRepository(Concern).findOneByOrFail({ id: concern.id })).breachedAt).toBeNull();
  expect(await notificationsOf(concern.id)).toHaveLength(5 + 1);
  expect(recorder.of(concern.id)).toHaveLength(sentBefore);
  expect(await firedAudit(concern.id)).toBe(1);
});

it('skips every point of a closed concern', async () => {
  const registeredAt = clock.now();
  const { concern } = await insertConcern(subgraph.dataSource, { registeredAt: registeredAt });
  await subgraph.dataSource.getRepository(Concern).update(concern.id, { status: ConcernStatus.CLOSED, closedAt: registeredAt });
  clock.set(at(registeredAt, 24 * HOUR));
  await until(async () => Object.values(await deadlinesOf(concern.id)).every((d) => d.skipped), 'every point is skipped');
  expect(await notificationsOf(concern.id)).toHaveLength(5);
});

it('honours configured points (CONCERN_REMINDER_HOURS=1, CONCERN_ANSWER_HOURS=2.5)', async () => {
  process.env.CONCERN_REMINDER_HOURS = '1';
  process.env.CONCERN_ANSWER_HOURS = '2.5';
  try {
    const registeredAt = clock.now();
    const { concern } = await insertConcern(subgraph.dataSource, { registeredAt, team: LEAD_ONLY });
    clock.set(at(registeredAt, HOUR - MINUTE));
    await fireDueDeadlines(subgraph.dataSource, clock);
    expect((await deadlinesOf(concern.id)).REMINDER.firedAt).toBeNull();
    clock.set(at(registeredAt, HOUR));
    await until(() => sentTo(concern.id, [NotificationKind.REMINDER]).length === 1, 'the reminder at 1 h');
    clock.set(at(registeredAt, 2.5 * HOUR));
    await until(async () => (await subgraph.dataSource.getRepository(Concern).findOneByOrFail({ id: concern.id })).breachedAt !== null, 'the breach at 2.5 h');
    expect((await subgraph.dataSource.getRepository(Concern).findOneByOrFail({ id: concern.id })).breachedAt).toEqual(at(registeredAt, 2.5 * HOUR));
    const answer = await subgraph.query(`query($id: ID!) { concern(id: $id) { dueBy } }`, { id: concern.id }, await bearer(RECEIVING_ACTOR));
    expect(answer.data?.concern.dueBy).toBe(at(registeredAt, 2.5 * HOUR).toISOString());
  } finally {
    delete process.env.CONCERN_REMINDER_HOURS;
    delete process.env.CONCERN_ANSWER_HOURS;
  }
});

it('never fires a point twice when runs overlap: two runs in parallel beside the worker', async () => {
  const registeredAt = clock.now();
  const concerns = await Promise.all(Array.from({ length: 30 }, () => insertConcern(subgraph.dataSource, { registeredAt: registeredAt })));
  const ids = concerns.map(({ concern }) => concern.id);
  clock.set(at(registeredAt, 24 * HOUR));
  await Promise.all([fireDueDeadlines(subgraph.dataSource, clock), fireDueDeadlines(subgraph.dataSource, clock), fireDueDeadlines(subgraph.dataSource, clock)]);
  const [{ fired, notifications, audited }] = await subgraph.dataSource.query(
    `SELECT (SELECT count(*) FROM concern_deadlines WHERE concern_id = ANY($1) AND fired_at IS NOT NULL)::int AS fired,
            (SELECT count(*) FROM concern_notifications WHERE concern_id = ANY($1) AND kind <> 'ACTIVATED')::int AS notifications,
            (SELECT count(*) FROM concern_audit WHERE concern_id = ANY($1) AND action = 'DEADLINE_FIRED')::int AS audited`,
    [ids],
  );
  expect({ fired, notifications, audited }).toEqual({ fired: 30 * 4, notifications: 30 * 7, audited: 30 * 4 });
  await Promise.all([deliverNotifications(subgraph.dataSource, clock, recorder.sender), deliverNotifications(subgraph.dataSource, clock, recorder.sender)]);
  await until(() => ids.every((id) => recorder.of(id).length === 5 + 7), 'every notice sent');
  const sent = recorder.notices.filter((notice) => ids.includes(notice.concernId));
  expect(sent).toHaveLength(30 * 12);
  const versions = await subgraph.dataSource.getRepository(Concern).find({ where: ids.map((id) => ({ id })) });
  expect(versions.every((concern) => concern.version === 2)).toBe(true);
});

it('tries a failing sender again later, with back-off by the clock', async () => {
  const registeredAt = clock.now();
  const { concern } = await insertConcern(subgraph.dataSource, { registeredAt: registeredAt });
  recorder.failing.add(concern.id);
  await until(async () => (await notificationsOf(concern.id)).every((n) => n.attempts === 1), 'a first attempt fails');
  // Not due again before a minute has passed: the worker's ticks meanwhile change nothing.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect((await notificationsOf(concern.id)).map((n) => [n.attempts, n.sentAt])).toEqual(Array(5).fill([1, null]));
  clock.set(later(MINUTE));
  await until(async () => (await notificationsOf(concern.id)).every((n) => n.attempts === 2), 'a second attempt after a minute');
  recorder.failing.delete(concern.id);
  clock.set(at(registeredAt, 3 * MINUTE));
  await until(async () => (await notificationsOf(concern.id)).every((n) => n.sentAt !== null), 'sent once the sender is back');
  expect(recorder.of(concern.id)).toHaveLength(5);
});

it('shows a reader the clock: deadlines, notifications and dueBy', async () => {
  const registeredAt = clock.now();
  const { concern } = await insertConcern(subgraph.dataSource, { registeredAt: registeredAt });
  clock.set(at(registeredAt, 4 * HOUR));
  await until(async () => (await deadlinesOf(concern.id)).REMINDER.firedAt !== null, 'the reminder fires');
  const answer = await subgraph.query(
    `query($id: ID!) { concern(id: $id) { dueBy deadlines { step dueAt firedAt skipped } notifications { kind role queuedAt contactFunction { id } actor { id } } } }`,
    { id: concern.id },
    await bearer(RECEIVING_ACTOR),
  );
  expect(answer.errors).toBeUndefined();
  const read = answer.data!.concern;
  expect(read.dueBy).toBe(at(registeredAt, 24 * HOUR).toISOString());
  expect(read.deadlines.map((d: { step: string }) => d.step)).toEqual(['REMINDER', 'ESCALATE_BACKUPS', 'ESCALATE_COORDINATOR', 'BREACH']);
  expect(read.deadlines[0]).toEqual({ step: 'REMINDER', dueAt: at(registeredAt, 4 * HOUR).toISOString(), firedAt: at(registeredAt, 4 * HOUR).toISOString(), skipped: false });
  expect(read.notifications.map((n: { kind: string; role: string }) => `${n.role}:${n.kind}`)).toEqual([
    'LEAD:ACTIVATED', 'BACKUP:ACTIVATED', 'BACKUP:ACTIVATED', 'MEMBER:ACTIVATED', 'COORDINATOR:ACTIVATED', 'LEAD:REMINDER',
  ]);
  // Someone the concern is not routed to sees no concern, so no clock either.
  const outsider = await subgraph.query(`query($id: ID!) { concern(id: $id) { deadlines { step } } }`, { id: concern.id }, await bearer(DEMO_ACTORS.lpoRinkeby));
  expect(outsider.errors).toBeUndefined();
  expect(outsider.data?.concern).toBeNull();
});
