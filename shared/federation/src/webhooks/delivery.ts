import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { GraphQLError } from 'graphql';
import { Clock, ErrorCode, SignedIn, webhookSettings } from '@samverkan/platform';
import { AreaScope } from '../areas';
import { ChangeFeed, FeedEntry, readChanges } from '../change-feed/change-feed';
import { signature } from './signing';
import { publicAddressesOnly } from './webhook-url';
import { DeliveryRow, SubscriptionRow, WebhookStatus } from './webhook-tables';

/** Entries in one delivery at most. */
export const DELIVERY_BATCH = 100;

/** SQL the worker runs, on a pool of its own (so the API's load does not hold up deliveries, nor deliveries the API). */
export interface Queryable {
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface WorkerDatabase extends Queryable {
  transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T>;
}

export interface PumpContext {
  database: WorkerDatabase;
  feed: ChangeFeed;
  clock: Clock;
  /** Aborted when the subgraph stops: a request under way is dropped, its delivery left to be resent. */
  signal: AbortSignal;
  /** Asks for this subscription to be pumped again at `at` (a retry after back-off). */
  retryAt(id: string, at: Date): Promise<void>;
}

/** The body of a delivery, the same on every attempt (its `webhook-timestamp` header is the attempt's). */
export function deliveryBody(feed: ChangeFeed, delivery: Pick<DeliveryRow, 'entries' | 'to_cursor' | 'created_at'>): string {
  return JSON.stringify({
    type: 'samverkan.changes',
    subgraph: feed.subgraph,
    timestamp: new Date(delivery.created_at).toISOString(),
    data: { entries: delivery.entries, cursor: delivery.to_cursor },
  });
}

/** Whom the subscription reads the feed as: a member of its organisation (what they may see is what it gets). */
const viewerOf = (subscription: SubscriptionRow): SignedIn => ({
  kind: 'member',
  subject: subscription.created_by,
  organisationId: subscription.organisation_id,
  roles: [],
});

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string } | { ok: false; aborted: true };

/** POSTs a body and resolves with the answer's status (the answer's body is not read). */
function post(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, signal, lookup: webhookSettings().allowInsecureUrls ? undefined : publicAddressesOnly },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Sends one delivery, signed; never follows a redirect (a 3xx is a failure like any non-2xx). */
async function attempt(context: PumpContext, subscription: SubscriptionRow, delivery: DeliveryRow): Promise<Attempt> {
  const { timeoutMs } = webhookSettings();
  const body = deliveryBody(context.feed, delivery);
  const timestamp = Math.floor(context.clock.now().getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'samverkan-webhooks',
    'webhook-id': delivery.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature(subscription.secret, delivery.id, timestamp, body),
  };
  try {
    const status = await post(subscription.url, headers, body, AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]));
    return status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` };
  } catch (error) {
    if (context.signal.aborted) return { ok: false, aborted: true };
    if ((error as Error).name === 'AbortError') return { ok: false, status: null, error: `no answer within ${timeoutMs} ms` };
    // Only the system's error code (ECONNREFUSED, ENOTFOUND, EPRIVATEADDRESS...): nothing of our internals.
    const code = String((error as { code?: unknown }).code ?? 'network error').slice(0, 40);
    return { ok: false, status: null, error: `could not connect (${code})` };
  }
}

const subscriptionOf = async (database: Queryable, id: string): Promise<SubscriptionRow | undefined> =>
  (await database.query('SELECT * FROM webhook_subscriptions WHERE id = $1', [id]))[0];

const undeliveredOf = async (database: Queryable, id: string): Promise<DeliveryRow | undefined> =>
  (await database.query(`SELECT * FROM webhook_deliveries WHERE subscription_id = $1 AND status <> 'DELIVERED'`, [id]))[0];

/**
 * The next delivery of a subscription: its undelivered one if it has one (sent again as it was
 * written), else the changes after its cursor as its organisation may see them now, written before
 * they are sent. Changes it may not see only move its cursor. Null when it is at the feed's end.
 */
async function nextDelivery(context: PumpContext, subscription: SubscriptionRow): Promise<DeliveryRow | null> {
  const { database, feed } = context;
  let cursor = subscription.cursor;
  for (;;) {
    const undelivered = await undeliveredOf(database, subscription.id);
    if (undelivered) return undelivered;
    const page = await readChanges(
      database,
      viewerOf(subscription),
      feed,
      { after: cursor, first: DELIVERY_BATCH, types: subscription.types, areaCode: subscription.area_code, scope: subscription.scope as AreaScope },
      context.clock.now(),
    );
    if (page.entries.length) {
      const [delivery] = await database.query(
        `INSERT INTO webhook_deliveries (id, subscription_id, from_cursor, to_cursor, entries) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [randomUUID(), subscription.id, cursor, page.cursor, JSON.stringify(page.entries.map(asSent))],
      );
      return delivery;
    }
    if (page.cursor !== cursor) {
      await database.query('UPDATE webhook_subscriptions SET cursor = $2 WHERE id = $1 AND cursor = $3', [subscription.id, page.cursor, cursor]);
      cursor = page.cursor;
    }
    if (!page.hasMore) return null;
  }
}

const asSent = (entry: FeedEntry) => ({ cursor: entry.cursor, type: entry.type, id: entry.id, action: entry.action, fields: entry.fields, at: entry.at });

/** Records a delivered delivery and moves the subscription's cursor past it, in one transaction. */
async function markDelivered(database: WorkerDatabase, delivery: DeliveryRow, status: number): Promise<void> {
  await database.transaction(async (transaction) => {
    await transaction.query(
      `UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = attempts + 1, last_status_code = $2, last_attempt_at = now(), delivered_at = now() WHERE id = $1`,
      [delivery.id, status],
    );
    await transaction.query(
      'UPDATE webhook_subscriptions SET cursor = $2, consecutive_failures = 0, next_attempt_at = NULL WHERE id = $1',
      [delivery.subscription_id, delivery.to_cursor],
    );
  });
}

/** The wait before the next attempt after `failures` failed ones in a row: the base, doubling, capped. */
export function backoffMs(failures: number): number {
  const { retryBaseMs, retryMaxMs } = webhookSettings();
  return Math.min(retryBaseMs * 2 ** Math.min(failures - 1, 30), retryMaxMs);
}

/** Records a failed attempt; pauses the subscription after too many in a row, else sets its next attempt. */
async function markFailed(context: PumpContext, subscription: SubscriptionRow, delivery: DeliveryRow, status: number | null, error: string): Promise<void> {
  const failures = subscription.consecutive_failures + 1;
  const pause = failures >= webhookSettings().pauseAfterFailures;
  const nextAt = new Date(context.clock.now().getTime() + backoffMs(failures));
  await context.database.transaction(async (transaction) => {
    await transaction.query(
      `UPDATE webhook_deliveries SET status = 'FAILED', attempts = attempts + 1, last_status_code = $2, last_error = $3, last_attempt_at = now() WHERE id = $1`,
      [delivery.id, status, error],
    );
    await transaction.query(
      pause
        ? `UPDATE webhook_subscriptions SET consecutive_failures = $2, next_attempt_at = NULL, status = 'PAUSED', paused_reason = $3,
                  version = version + 1, updated_at = now() WHERE id = $1`
        : 'UPDATE webhook_subscriptions SET consecutive_failures = $2, next_attempt_at = $3 WHERE id = $1',
      [subscription.id, failures, pause ? `paused after ${failures} failed attempts in a row (last: ${error})` : nextAt],
    );
  });
  if (!pause) await context.retryAt(subscription.id, nextAt);
}

/** Pauses a subscription whose cursor the feed no longer keeps (it was paused for longer than CHANGE_FEED_RETENTION_DAYS). */
async function pauseExpired(database: Queryable, id: string): Promise<void> {
  await database.query(
    `UPDATE webhook_subscriptions SET status = 'PAUSED', paused_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, 'its position is older than the change feed keeps: resynchronise from a snapshot, then create a new subscription'],
  );
}

/**
 * Sends a subscription's deliveries until it is at the feed's end, fails, or the subgraph stops.
 * The caller holds the subscription's lock, so no delivery of it is ever sent twice at once, and one
 * acknowledged (its cursor moved past in the same transaction) is never sent again.
 */
export async function pumpSubscription(context: PumpContext, id: string): Promise<void> {
  while (!context.signal.aborted) {
    const subscription = await subscriptionOf(context.database, id);
    if (!subscription || subscription.status !== WebhookStatus.ACTIVE) return;
    if (subscription.next_attempt_at && subscription.next_attempt_at > context.clock.now()) return void (await context.retryAt(id, subscription.next_attempt_at));
    let delivery: DeliveryRow | null;
    try {
      delivery = await nextDelivery(context, subscription);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.CURSOR_EXPIRED) return pauseExpired(context.database, id);
      throw error;
    }
    if (!delivery) return;
    const result = await attempt(context, subscription, delivery);
    if ('aborted' in result) return;
    if (!result.ok) return markFailed(context, subscription, delivery, result.status, result.error);
    await markDelivered(context.database, delivery, result.status);
  }
}

