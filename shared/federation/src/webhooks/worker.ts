import PgBoss from 'pg-boss';
import { Client, Pool } from 'pg';
import { BackgroundContext, BackgroundTask, changeFeedRetentionDays, logger, retryingStart } from '@samverkan/platform';
import { ChangeFeed, feedEnd } from '../change-feed/change-feed';
import { pumpSubscription, PumpContext, WorkerDatabase } from './delivery';
import { WEBHOOK_CHANNEL } from './webhook-tables';

const QUEUE = 'webhook-pump';
/** How often every subscription is checked for work the notifications missed (a change committed while no worker listened, a retry that fell due). */
const SWEEP_MS = 5000;
/** The first key of the advisory locks held while a subscription is pumped (the second: a hash of its id). */
const PUMP_LOCK = 7_214_530;
/** When another process pumps a subscription, ask again after this long: it may have read the feed before the latest change. */
const BUSY_RETRY_SECONDS = 1;
const RECONNECT_MS = 1000;
const PRUNE_EVERY_MS = 3_600_000;

const ACTIVE_DUE = `SELECT id FROM webhook_subscriptions WHERE status = 'ACTIVE' AND (next_attempt_at IS NULL OR next_attempt_at <= now())`;

/**
 * The webhook worker of a subgraph. A commit to the change log notifies it (LISTEN); it then puts
 * one pump job per active subscription on a pg-boss queue in the subgraph's database (one queued at
 * most per subscription, `singletonKey`); a retry after back-off is a job that starts later. A sweep
 * at start and every few seconds finds subscriptions behind the feed's end or with an undelivered
 * delivery, so nothing waits on a notification lost while no process listened. Each subscription
 * is pumped under a session advisory lock on the worker's own connection: one pump at a time across
 * processes, and a killed process's lock goes with its connection.
 */
export function webhookWorker(feed: ChangeFeed): BackgroundTask {
  return retryingStart(`${feed.subgraph} webhook worker`, (context) => runWorker(feed, context));
}

/** Starts the worker; resolves with what stops it, or fails having stopped what it started. */
async function runWorker(feed: ChangeFeed, { databaseUrl, clock }: BackgroundContext): Promise<() => Promise<void>> {
  const stopping = new AbortController();
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2, schedule: false, application_name: `${feed.subgraph}-webhooks` });
  boss.on('error', (error) => logger.error({ err: error }, `${feed.subgraph} webhook queue error`));
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  let workerId = '';

  const enqueue = async (ids: string[], startAfter?: Date | number) => {
    if (stopping.signal.aborted || !ids.length) return;
    await Promise.all(ids.map((id) => boss.send(QUEUE, { id }, { singletonKey: id, ...(startAfter ? { startAfter } : {}) })));
    if (!startAfter) boss.notifyWorker(workerId);
  };
  const pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: `${feed.subgraph}-webhooks` });
  pool.on('error', (error) => logger.warn({ err: error }, `${feed.subgraph} webhook pool connection lost`));
  const database: WorkerDatabase = {
    query: async (sql, parameters) => (await pool.query(sql, parameters)).rows as never,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async (sql, parameters) => (await client.query(sql, parameters)).rows as never });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  const context: PumpContext = { database, feed, clock, signal: stopping.signal, retryAt: (id, at) => enqueue([id], at) };

  /** Pumps under the subscription's lock; if another process holds it (or the lock's connection is down), asks again shortly. */
  const pumpLocked = async (id: string) => {
    const client = listener;
    const locked = client && (await client.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [PUMP_LOCK, id])).rows[0].locked;
    if (!locked) return enqueue([id], BUSY_RETRY_SECONDS);
    try {
      await pumpSubscription(context, id);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [PUMP_LOCK, id]).catch(() => undefined);
    }
  };
  /** Pumps a subscription in this process: a request while it is being pumped makes the pump go round once more. */
  const pump = (id: string) => {
    const current = running.get(id);
    if (current) return void (current.again = true);
    const state = { again: true, done: Promise.resolve() };
    state.done = (async () => {
      while (state.again && !stopping.signal.aborted) {
        state.again = false;
        await pumpLocked(id).catch((error) => logger.error({ err: error, subscription: id }, `${feed.subgraph} webhook delivery failed unexpectedly`));
      }
    })().finally(() => running.delete(id));
    running.set(id, state);
  };

  // Notifications come in bursts (a commit each): one look at the subscriptions at a time, and one more if any came meanwhile.
  let waking: Promise<void> | undefined;
  let wakeAgain = false;
  const wake = () => {
    if (waking) return void (wakeAgain = true);
    waking = (async () => {
      do {
        wakeAgain = false;
        await enqueue((await database.query(ACTIVE_DUE)).map((row: { id: string }) => row.id));
      } while (wakeAgain && !stopping.signal.aborted);
    })()
      .catch((error) => logger.error({ err: error }, `${feed.subgraph} webhook wake-up failed`))
      .finally(() => (waking = undefined));
  };
  // The worker's own connection: it LISTENs and holds the pump locks. Made again when it drops (a database restart), then a wake-up catches up.
  let listener: Client | undefined;
  let reconnect: NodeJS.Timeout | undefined;
  const connect = async () => {
    const client = new Client({ connectionString: databaseUrl, application_name: `${feed.subgraph}-webhooks` });
    client.on('error', (error) => logger.warn({ err: error }, `${feed.subgraph} webhook connection lost; connecting again`));
    client.on('notification', wake);
    try {
      await client.connect();
      await client.query(`LISTEN ${WEBHOOK_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    client.once('end', () => {
      if (listener === client) listener = undefined;
      if (!stopping.signal.aborted) connectSoon();
    });
    listener = client;
  };
  const connectSoon = () => {
    reconnect = setTimeout(() => connect().then(wake, connectSoon), RECONNECT_MS);
    reconnect.unref();
  };
  let prunedAt = 0;
  const sweep = async () => {
    // Delivered deliveries are kept as long as the feed keeps changes, then dropped: the table does not grow without end.
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await database.query(`DELETE FROM webhook_deliveries WHERE status = 'DELIVERED' AND delivered_at < now() - make_interval(days => $1)`, [changeFeedRetentionDays()]);
    }
    const end = await feedEnd(database, feed);
    const rows: Array<{ id: string }> = await database.query(
      `${ACTIVE_DUE} AND (cursor <> $1 OR EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = webhook_subscriptions.id AND d.status <> 'DELIVERED'))`,
      [end],
    );
    await enqueue(rows.map((row) => row.id));
  };

  let sweeper: NodeJS.Timeout | undefined = undefined;
  const stop = async () => {
    stopping.abort();
    clearInterval(sweeper);
    clearTimeout(reconnect);
    await waking;
    await Promise.all([...running.values()].map((state) => state.done));
    await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
    await listener?.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
  };
  try {
    await boss.start();
    await boss.createQueue(QUEUE, { name: QUEUE, policy: 'short', retryLimit: 2, retryDelay: 1, expireInSeconds: 60 });
    // A job only hands the subscription to this process's pump (done at once), so a slow endpoint holds up no other job.
    workerId = await boss.work<{ id: string }>(QUEUE, { pollingIntervalSeconds: 1, batchSize: 20 }, async (jobs) => jobs.forEach((job) => pump(job.data.id)));
    await connect();
    await sweep();
  } catch (error) {
    await stop();
    throw error;
  }
  sweeper = setInterval(() => sweep().catch((error) => logger.error({ err: error }, `${feed.subgraph} webhook sweep failed`)), SWEEP_MS);
  sweeper.unref();
  return stop;
}
