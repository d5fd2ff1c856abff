import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager } from 'typeorm';
import { assertSignedIn } from './auth/tokens';
import { Viewer } from './auth/viewer';
import { Clock } from './clock';
import { idempotencyKeyRetentionHours } from './config';
import { badInput, ErrorCode, notFound } from './errors';

/**
 * DDL of the table every subgraph keeps its idempotency keys in (each subgraph's migration runs it):
 * one row per organisation and key, naming the create it was used for, a hash of that create's
 * input and the record it made. Rows older than IDEMPOTENCY_KEY_RETENTION_HOURS count as unused and
 * are deleted by the platform's upkeep.
 */
export const IDEMPOTENCY_KEYS_DDL = [
  `CREATE TABLE idempotency_keys (
     organisation_id uuid NOT NULL,
     key text NOT NULL,
     operation text NOT NULL,
     request_hash text NOT NULL,
     record_id uuid,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (organisation_id, key)
   )`,
  // The upkeep's deletion of expired keys.
  'CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)',
];

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** How the `idempotencyKey` argument of every create mutation is documented. */
export const IDEMPOTENCY_KEY_DESCRIPTION = `A key of your own choosing (1–${MAX_IDEMPOTENCY_KEY_LENGTH} printable characters, e.g. a UUID) that makes a retry safe: repeating this create with the same key and the same input returns the record the first call created and writes nothing; the same key with another operation or input is refused with IDEMPOTENCY_KEY_REUSED. Keys are your organisation's and are kept IDEMPOTENCY_KEY_RETENTION_HOURS (default 24).`;

// Printable: no control, format, surrogate, private-use or unassigned characters.
const PRINTABLE = /^\P{C}+$/u;

/** A create that may carry an idempotency key: which mutation, with which input. */
export interface IdempotentRequest {
  operation: string;
  key: string | null | undefined;
  input: unknown;
}

/** What an idempotent create needs of the request it serves. */
export interface IdempotencyScope {
  dataSource: DataSource;
  viewer: Viewer;
  clock: Clock;
}

/** JSON with every object's keys sorted, so that the same input always hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

export const requestHash = (operation: string, input: unknown) =>
  createHash('sha256').update(`${operation}\n${canonicalJson(input ?? null)}`).digest('hex');

export function assertIdempotencyKey(key: string): void {
  if ([...key].length > MAX_IDEMPOTENCY_KEY_LENGTH || !PRINTABLE.test(key)) {
    const message = `must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} printable characters`;
    throw badInput(`idempotencyKey ${message}`, [{ field: 'idempotencyKey', message }]);
  }
}

const keyReused = (operation: string) =>
  new GraphQLError(
    `This idempotency key was used, within its retention, for another operation or another input than this ${operation}: choose a new key for a new create`,
    { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED } },
  );

/** When a key used now would have expired: keys created before this count as unused. */
const expiryOf = (clock: Clock) => new Date(clock.now().getTime() - idempotencyKeyRetentionHours() * 3_600_000);

/**
 * Takes the key for this request, or finds whom it was taken for. One statement: a new key is
 * inserted, an expired one is taken over; a key in use (also one a concurrent transaction is taking:
 * PostgreSQL makes this statement wait for that transaction's end) is left alone and read.
 */
async function claimKey(manager: EntityManager, organisationId: string, request: IdempotentRequest & { key: string }, hash: string, clock: Clock) {
  const claimed: unknown[] = await manager.query(
    `INSERT INTO idempotency_keys (organisation_id, key, operation, request_hash, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organisation_id, key) DO UPDATE
       SET operation = EXCLUDED.operation, request_hash = EXCLUDED.request_hash, record_id = NULL, created_at = EXCLUDED.created_at
       WHERE idempotency_keys.created_at < $6
     RETURNING key`,
    [organisationId, request.key, request.operation, hash, clock.now(), expiryOf(clock)],
  );
  if (claimed.length) return { claimed: true as const };
  const [used]: Array<{ request_hash: string; record_id: string | null }> = await manager.query(
    'SELECT request_hash, record_id FROM idempotency_keys WHERE organisation_id = $1 AND key = $2',
    [organisationId, request.key],
  );
  if (used.request_hash !== hash || !used.record_id) throw keyReused(request.operation);
  return { claimed: false as const, recordId: used.record_id };
}

/**
 * Runs a create mutation's transaction once per idempotency key: without a key, simply `create`;
 * with one, the first call creates and remembers the record in the same transaction, and a retry
 * (same key, operation and input) writes nothing and answers with that record as `loadFirst` loads
 * it now, as the caller may see it (after the transaction, on a connection of its own). Another
 * operation or input under the key is IDEMPOTENCY_KEY_REUSED, and nothing is written.
 */
export async function idempotentCreate<T extends { id: string }>(
  { dataSource, viewer, clock }: IdempotencyScope,
  request: IdempotentRequest,
  create: (manager: EntityManager) => Promise<T>,
  loadFirst: (id: string) => Promise<T | null | undefined>,
  typeName: string,
): Promise<T> {
  const { key } = request;
  if (key === null || key === undefined) return dataSource.transaction(create);
  assertIdempotencyKey(key);
  assertSignedIn(viewer, 'create records');
  const hash = requestHash(request.operation, request.input);
  const outcome = await dataSource.transaction(async (manager): Promise<{ record: T } | { firstId: string }> => {
    const claim = await claimKey(manager, viewer.organisationId, { ...request, key }, hash, clock);
    if (!claim.claimed) return { firstId: claim.recordId };
    const record = await create(manager);
    await manager.query('UPDATE idempotency_keys SET record_id = $3 WHERE organisation_id = $1 AND key = $2', [viewer.organisationId, key, record.id]);
    return { record };
  });
  if ('record' in outcome) return outcome.record;
  const first = await loadFirst(outcome.firstId);
  // Deleted since, or no longer visible to the caller.
  if (!first) throw notFound(typeName, outcome.firstId);
  return first;
}

/** Deletes the keys older than their retention: the platform's upkeep, in every subgraph. */
export async function deleteExpiredIdempotencyKeys(dataSource: DataSource, clock: Clock): Promise<void> {
  await dataSource.query('DELETE FROM idempotency_keys WHERE created_at < $1', [expiryOf(clock)]);
}
