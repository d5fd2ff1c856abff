import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { FixedClock, Viewer } from '@samverkan/platform';
import { appendAudit, auditHash } from '../src/audit/audit-log';
import { verifyAuditChain } from '../src/audit/verify-audit';
import { insertConcern, LEAD_ONLY, openConcernsStore } from './support/concerns';

/** The audit log is append-only and hash-chained: appends chain without gaps, and tampering shows at the entry tampered with. */
const VERIFY_COMMAND = resolve(__dirname, '../dist/audit/verify-command.js');
const clock = new FixedClock(new Date('2026-03-02T09:15:30.123Z'));

let store: Awaited<ReturnType<typeof openConcernsStore>>;
let dataSource: DataSource;
let concernId: string;

beforeAll(async () => {
  store = await openConcernsStore();
  dataSource = store.dataSource;
  concernId = (await insertConcern(dataSource, { registeredAt: clock.now(), team: LEAD_ONLY })).concern.id;
});
afterAll(() => store?.close());

const verify = () => verifyAuditChain((sql, parameters) => dataSource.query(sql, parameters));
const viewer = (i: number): Viewer => ({ kind: 'member', organisationId: `6f1c2a4e-0000-4000-8000-00000000000${i}`, subject: `person-${i}`, roles: [] });

/** Changes the database behind the trigger's back, as someone with the table owner's rights could. */
async function tamper(statement: string, parameters: unknown[]) {
  await dataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE concern_audit DISABLE TRIGGER concern_audit_append_only');
    await manager.query(statement, parameters);
    await manager.query('ALTER TABLE concern_audit ENABLE TRIGGER concern_audit_append_only');
  });
}

const runCommand = (url: string) =>
  promisify(execFile)(process.execPath, [VERIFY_COMMAND], { env: { ...process.env, CONCERNS_DATABASE_URL: url } }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );

describe('the audit log', () => {
  it('chains appends from 10 concurrent transactions in one order without gaps, and the chain verifies', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        dataSource.transaction((manager) =>
          appendAudit(manager, [{ concernId, action: 'READ' }, { concernId, action: 'ACKNOWLEDGED' }], viewer(i), new Date(clock.now().getTime() + i)),
        ),
      ),
    );
    const rows: Array<{ seq: string; prev_hash: string; hash: string }> = await dataSource.query('SELECT seq, prev_hash, hash FROM concern_audit ORDER BY seq');
    expect(rows.map((row) => Number(row.seq))).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const [{ actors }] = await dataSource.query(`SELECT count(DISTINCT actor_id)::int AS actors FROM concern_audit WHERE action <> 'REGISTERED'`);
    expect(actors).toBe(10);
    rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i].hash));
    expect(await verify()).toEqual({ ok: true, entries: 21 });
  });

  it('keeps `at` to the millisecond, so the hash over its ISO form still verifies after the round trip', async () => {
    const [row] = await dataSource.query(`SELECT at FROM concern_audit WHERE seq = 1`);
    expect((row.at as Date).toISOString()).toBe('2026-03-02T09:15:30.123Z');
  });

  it('verifies page by page as it does in one page', async () => {
    expect(await verifyAuditChain((sql, parameters) => dataSource.query(sql, parameters), 4)).toEqual({ ok: true, entries: 21 });
  });

  it.each([
    ['UPDATE', `UPDATE concern_audit SET actor_id = NULL WHERE seq = 3`],
    ['DELETE', `DELETE FROM concern_audit WHERE seq = 3`],
    ['TRUNCATE', `TRUNCATE concern_audit`],
  ])('refuses %s by its trigger', async (operation, statement) => {
    await expect(dataSource.query(statement)).rejects.toThrow(`concern_audit is append-only: ${operation} refused`);
    expect(await verify()).toEqual({ ok: true, entries: 21 });
  });

  it('prints the verified count and exits 0 from the command', async () => {
    expect(await runCommand(store.url)).toEqual({ code: 0, output: 'audit log verified: 21 entries\n' });
  });

  it.each([
    ['actor_id', `UPDATE concern_audit SET actor_id = 'a11ce000-0000-4000-8000-000000000000' WHERE seq = $1`],
    ['at', `UPDATE concern_audit SET at = at + interval '1 millisecond' WHERE seq = $1`],
  ])("fails exactly at an entry whose %s was altered in the database, and the command exits 1 naming it", async (_column, statement) => {
    const [{ actor_id: actorId, at }] = await dataSource.query('SELECT actor_id, at FROM concern_audit WHERE seq = 7');
    await tamper(statement, [7]);
    expect(await verify()).toEqual({ ok: false, seq: 7, reason: 'hash mismatch: the entry was altered' });
    expect(await runCommand(store.url)).toEqual({ code: 1, output: 'audit log broken at entry 7: hash mismatch: the entry was altered\n' });
    await tamper('UPDATE concern_audit SET actor_id = $2, at = $3 WHERE seq = $1', [7, actorId, at]);
    expect(await verify()).toEqual({ ok: true, entries: 21 });
  });

  it('fails at the next entry when an altered entry was given a matching hash: its link no longer holds', async () => {
    const [original] = await dataSource.query('SELECT * FROM concern_audit WHERE seq = 9');
    const forged = { seq: 9, at: original.at, concernId: original.concern_id, action: 'READ', actorId: null, subject: null };
    await tamper('UPDATE concern_audit SET action = $2, actor_id = NULL, subject = NULL, hash = $3 WHERE seq = $1', [9, 'READ', auditHash(original.prev_hash, forged)]);
    expect(await verify()).toEqual({ ok: false, seq: 10, reason: "prev_hash is not the previous entry's hash: the chain was relinked" });
    await tamper('UPDATE concern_audit SET action = $2, actor_id = $3, subject = $4, hash = $5 WHERE seq = $1', [9, original.action, original.actor_id, original.subject, original.hash]);
    expect(await verify()).toEqual({ ok: true, entries: 21 });
  });

  it('fails at the gap where an entry was deleted, and the command exits 1 naming it', async () => {
    await tamper('DELETE FROM concern_audit WHERE seq = $1', [12]);
    expect(await verify()).toEqual({ ok: false, seq: 12, reason: 'entry 12 is missing (the next is 13): an entry was removed' });
    expect(await runCommand(store.url)).toEqual({ code: 1, output: 'audit log broken at entry 12: entry 12 is missing (the next is 13): an entry was removed\n' });
  });
});
