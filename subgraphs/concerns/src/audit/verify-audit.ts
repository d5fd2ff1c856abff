import { auditHash, GENESIS_HASH } from './audit-log';

/** Runs one SQL statement and returns its rows: `DataSource.query` or `EntityManager.query`. */
export type Query = (sql: string, parameters?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export type AuditVerification = { ok: true; entries: number } | { ok: false; seq: number; reason: string };

/** Entries read at a time: memory stays bounded however long the log grows. */
const PAGE_SIZE = 5000;

/**
 * Walks the audit log from its first entry in `seq` order and checks each link of the chain: its
 * seq follows the previous one without a gap (else an entry was removed), its prev_hash is the
 * previous entry's hash, and its hash is what its own fields and that hash give (else it was
 * altered). Stops at the first broken entry. Removing the newest entries leaves no gap to see; an
 * operator who keeps the last verified count (the command prints it) sees the log shrink.
 */
export async function verifyAuditChain(query: Query, pageSize = PAGE_SIZE): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let seq = 0;
  for (;;) {
    const page = await query(
      `SELECT seq, at, concern_id, action, actor_id, subject, prev_hash, hash FROM concern_audit WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [seq, pageSize],
    );
    for (const row of page) {
      const rowSeq = Number(row.seq);
      if (rowSeq !== seq + 1) return { ok: false, seq: seq + 1, reason: `entry ${seq + 1} is missing (the next is ${rowSeq}): an entry was removed` };
      if (row.prev_hash !== prevHash) return { ok: false, seq: rowSeq, reason: "prev_hash is not the previous entry's hash: the chain was relinked" };
      const hash = auditHash(prevHash, {
        seq: rowSeq,
        at: row.at as Date,
        concernId: row.concern_id as string,
        action: row.action as string,
        actorId: row.actor_id as string | null,
        subject: row.subject as string | null,
      });
      if (row.hash !== hash) return { ok: false, seq: rowSeq, reason: 'hash mismatch: the entry was altered' };
      [prevHash, seq] = [hash, rowSeq];
    }
    if (page.length < pageSize) return { ok: true, entries: seq };
  }
}
