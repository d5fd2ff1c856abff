import { DataSource } from 'typeorm';
import { FixedClock } from '@samverkan/platform';
import { verifyAuditChain } from '../src/audit/verify-audit';
import { deleteExpiredConcerns, retentionJob } from '../src/retention/retention';
import { insertConcern, LEAD_ONLY, openConcernsStore, TestConcern } from './support/concerns';

/** Closed concerns are deleted once their retention has run out, by the receiving organisation's kind, leaving tombstones without content. */
const DAY = 86_400_000;
const MINUTE = 60_000;
const now = new Date('2026-11-30T23:30:00.000Z');
const clock = new FixedClock(now);

let store: Awaited<ReturnType<typeof openConcernsStore>>;
let dataSource: DataSource;
const saved = { days: process.env.CONCERN_RETENTION_DAYS, byKind: process.env.CONCERN_RETENTION_DAYS_BY_KIND };

beforeAll(async () => {
  process.env.CONCERN_RETENTION_DAYS = '365';
  process.env.CONCERN_RETENTION_DAYS_BY_KIND = 'POLICE=730';
  store = await openConcernsStore();
  dataSource = store.dataSource;
});
afterAll(async () => {
  for (const [name, value] of [['CONCERN_RETENTION_DAYS', saved.days], ['CONCERN_RETENTION_DAYS_BY_KIND', saved.byKind]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await store?.close();
});

const ago = (ms: number) => new Date(now.getTime() - ms);
/** A concern in Norrköping (0380) with a team of one line, its lead. */
const concernIn0380 = (options: TestConcern) => insertConcern(dataSource, { areaCode: '0380', team: LEAD_ONLY, ...options });
const CHILD_TABLES = ['concern_recipients', 'concern_actions', 'concern_deadlines', 'concern_notifications'];
const childRows = async (ids: string[]) =>
  Object.fromEntries(
    await Promise.all(
      CHILD_TABLES.map(async (table) => [table, (await dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE concern_id = ANY($1)`, [ids]))[0].n]),
    ),
  );

describe('retention', () => {
  let expired: Record<string, string>;
  let kept: Record<string, string>;

  beforeAll(async () => {
    const concern = async (options: TestConcern) => (await concernIn0380(options)).concern.id;
    expired = {
      // Registered 23:10 Swedish time on 31 January (UTC: 22:10): its month is January in Sweden.
      municipalityMinutePast: await concern({ registeredAt: new Date('2025-01-31T22:10:00.000Z'), firstContactAt: new Date('2025-02-01T01:40:30.000Z'), closedAt: ago(365 * DAY + MINUTE) }),
      policeMinutePast: await concern({ registeredAt: ago(800 * DAY), closedAt: ago(730 * DAY + MINUTE), receivingActorKind: 'POLICE' }),
      exactlyDue: await concern({ registeredAt: ago(400 * DAY), closedAt: ago(365 * DAY), receivingActorKind: 'SCHOOL' }),
    };
    kept = {
      municipalityMinuteShort: await concern({ registeredAt: ago(400 * DAY), closedAt: ago(365 * DAY - MINUTE) }),
      policeByItsOwnRetention: await concern({ registeredAt: ago(500 * DAY), closedAt: ago(400 * DAY), receivingActorKind: 'POLICE' }),
      openAndOld: await concern({ registeredAt: ago(3000 * DAY) }),
      contactedAndOld: await concern({ registeredAt: ago(3000 * DAY), firstContactAt: ago(2999 * DAY) }),
    };
  });

  it('deletes exactly the closed concerns past their retention, by the receiving kind, with their child rows', async () => {
    const all = [...Object.values(expired), ...Object.values(kept)];
    expect(await childRows(all)).toEqual({ concern_recipients: 7, concern_actions: 7, concern_deadlines: 28, concern_notifications: 7 });

    expect(await deleteExpiredConcerns(dataSource, clock)).toBe(3);

    const remaining: Array<{ id: string }> = await dataSource.query('SELECT id FROM concerns');
    expect(remaining.map((row) => row.id).sort()).toEqual(Object.values(kept).sort());
    expect(await childRows(Object.values(expired))).toEqual({ concern_recipients: 0, concern_actions: 0, concern_deadlines: 0, concern_notifications: 0 });
    expect(await childRows(Object.values(kept))).toEqual({ concern_recipients: 4, concern_actions: 3, concern_deadlines: 16, concern_notifications: 4 });
  });

  it('leaves a tombstone without content for each, written with the deletion', async () => {
    const columns: Array<{ column_name: string }> = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'concern_tombstones' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['id', 'area_code', 'registered_month', 'receiving_actor_kind', 'minutes_to_first_contact', 'closed_at', 'deleted_at']);
    const tombstones = await dataSource.query('SELECT * FROM concern_tombstones ORDER BY closed_at');
    expect(tombstones).toEqual([
      { id: expired.policeMinutePast, area_code: '0380', registered_month: '2024-09', receiving_actor_kind: 'POLICE', minutes_to_first_contact: null, closed_at: ago(730 * DAY + MINUTE), deleted_at: now },
      // 3 h 30 min 30 s to first contact: counted in whole minutes rounded up, as the figures count a concern.
      { id: expired.municipalityMinutePast, area_code: '0380', registered_month: '2025-01', receiving_actor_kind: 'MUNICIPALITY', minutes_to_first_contact: 211, closed_at: ago(365 * DAY + MINUTE), deleted_at: now },
      { id: expired.exactlyDue, area_code: '0380', registered_month: '2025-10', receiving_actor_kind: 'SCHOOL', minutes_to_first_contact: null, closed_at: ago(365 * DAY), deleted_at: now },
    ]);
  });

  it('keeps the audit entries of deleted concerns, adds a DELETED entry by the system for each, and the chain still verifies', async () => {
    const entries: Array<{ concern_id: string; action: string; actor_id: string | null; at: Date }> = await dataSource.query(
      `SELECT concern_id, action, actor_id, at FROM concern_audit WHERE concern_id = ANY($1) ORDER BY seq`,
      [Object.values(expired)],
    );
    expect(entries.filter((entry) => entry.action === 'REGISTERED')).toHaveLength(3);
    expect(entries.filter((entry) => entry.action === 'DELETED')).toEqual(
      expect.arrayContaining(Object.values(expired).map((id) => ({ concern_id: id, action: 'DELETED', actor_id: null, at: now }))),
    );
    expect(entries).toHaveLength(6);
    expect(await verifyAuditChain((sql, parameters) => dataSource.query(sql, parameters))).toEqual({ ok: true, entries: 10 });
  });

  it('deletes nothing on a second run: idempotent', async () => {
    const before = await dataSource.query('SELECT (SELECT count(*)::int FROM concerns) AS concerns, (SELECT count(*)::int FROM concern_tombstones) AS tombstones, (SELECT count(*)::int FROM concern_audit) AS audit');
    expect(await deleteExpiredConcerns(dataSource, clock)).toBe(0);
    await retentionJob.run(dataSource, clock);
    expect(await dataSource.query('SELECT (SELECT count(*)::int FROM concerns) AS concerns, (SELECT count(*)::int FROM concern_tombstones) AS tombstones, (SELECT count(*)::int FROM concern_audit) AS audit')).toEqual(before);
  });

  it('deletes the one short by a minute once the clock has moved on by that minute, and never the open ones', async () => {
    clock.set(new Date(now.getTime() + MINUTE));
    try {
      expect(await deleteExpiredConcerns(dataSource, clock)).toBe(1);
      const remaining: Array<{ id: string }> = await dataSource.query('SELECT id FROM concerns');
      expect(remaining.map((row) => row.id).sort()).toEqual([kept.policeByItsOwnRetention, kept.openAndOld, kept.contactedAndOld].sort());
    } finally {
      clock.set(now);
    }
  });

  it('deletes in bounded batches, and concurrent runs share the work without deleting a concern twice', async () => {
    const many = (await Promise.all(Array.from({ length: 7 }, () => concernIn0380({ registeredAt: ago(500 * DAY), closedAt: ago(400 * DAY) })))).map(({ concern }) => concern.id);
    const runs = await Promise.all([deleteExpiredConcerns(dataSource, clock, { batchSize: 2 }), deleteExpiredConcerns(dataSource, clock, { batchSize: 2 })]);
    expect(runs[0] + runs[1]).toBe(7);
    const [{ tombstones }] = await dataSource.query('SELECT count(*)::int AS tombstones FROM concern_tombstones WHERE id = ANY($1)', [many]);
    expect(tombstones).toBe(7);
    const [{ deleted }] = await dataSource.query(`SELECT count(*)::int AS deleted FROM concern_audit WHERE action = 'DELETED' AND concern_id = ANY($1)`, [many]);
    expect(deleted).toBe(7);
    expect(await verifyAuditChain((sql, parameters) => dataSource.query(sql, parameters))).toMatchObject({ ok: true });
  });

  it('is an hourly job on its own queue', () => {
    expect({ queue: retentionJob.queue, everySeconds: retentionJob.everySeconds() }).toEqual({ queue: 'concern-retention', everySeconds: 3600 });
  });
});
