import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isSignedIn, Viewer } from '@samverkan/platform';

/** What the audit log records about a concern. */
export type AuditAction =
  | 'READ'
  | 'REGISTERED'
  | 'ACKNOWLEDGED'
  | 'CONTACTED'
  | 'ACTION_ADDED'
  | 'CONSENT_WITHDRAWN'
  | 'CLOSED'
  | 'DEADLINE_FIRED'
  | 'DELETED';

/** The hash the first entry chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The transaction-level advisory lock that puts appends in one order (first key; the second is unused). */
const AUDIT_LOCK = 7_214_531;

export interface AuditFields {
  seq: number;
  at: Date;
  concernId: string;
  action: string;
  actorId: string | null;
  subject: string | null;
}

/** An entry's hash: over the previous entry's hash and every field of its own, so changing any of them shows. */
export const auditHash = (prevHash: string, entry: AuditFields) =>
  createHash('sha256')
    .update([prevHash, entry.seq, entry.at.toISOString(), entry.concernId, entry.action, entry.actorId ?? '', entry.subject ?? ''].join('|'))
    .digest('hex');

/**
 * Appends entries to the audit log, chained in the order given, inside the caller's transaction: a
 * change and its entry commit together, or neither does. `viewer` is who acted (null: the system,
 * e.g. the clock or retention); `at` the request clock's now. Appends wait for each other (an
 * advisory lock held to commit), so the chain has one order and no gaps.
 */
export async function appendAudit(
  manager: EntityManager,
  entries: ReadonlyArray<{ concernId: string; action: AuditAction }>,
  viewer: Viewer | null,
  at: Date,
): Promise<void> {
  if (!entries.length) return;
  if (!manager.queryRunner?.isTransactionActive) throw new Error('appendAudit needs a transaction');
  await manager.query('SELECT pg_advisory_xact_lock($1, 0)', [AUDIT_LOCK]);
  const [last] = await manager.query('SELECT seq, hash FROM concern_audit ORDER BY seq DESC LIMIT 1');
  const actorId = viewer && isSignedIn(viewer) ? viewer.organisationId : null;
  const subject = viewer && isSignedIn(viewer) ? viewer.subject : null;
  let prevHash: string = last?.hash ?? GENESIS_HASH;
  let seq = last ? Number(last.seq) : 0;
  const rows = entries.map(({ concernId, action }) => {
    const fields: AuditFields = { seq: ++seq, at, concernId, action, actorId, subject };
    const row = { ...fields, prevHash, hash: auditHash(prevHash, fields) };
    prevHash = row.hash;
    return row;
  });
  await manager.query(
    `INSERT INTO concern_audit (seq, at, concern_id, action, actor_id, subject, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[])`,
    [
      rows.map((row) => row.seq),
      rows.map((row) => row.at),
      rows.map((row) => row.concernId),
      rows.map((row) => row.action),
      rows.map((row) => row.actorId),
      rows.map((row) => row.subject),
      rows.map((row) => row.prevHash),
      rows.map((row) => row.hash),
    ],
  );
}
