import PgBoss from 'pg-boss';
import { BackgroundContext, BackgroundTask, logger, retryingStart } from '@samverkan/platform';
import { PeriodicJob } from './periodic-job';

/** A run not finished in this time is taken for dead (its process killed) and run again by pg-boss. */
const EXPIRE_SECONDS = 120;
/** How often pg-boss looks for expired runs (its default, 2 minutes, would leave a killed run's chain waiting long). */
const MAINTENANCE_SECONDS = 30;
/**
 * How often each chain is checked to have a tick queued: the safety net for a run that could neither
 * finish nor fail while the database was away (it stays active until it expires), or that pg-boss gave up on.
 */
const ENSURE_MS = 10_000;

/**
 * The concerns' clock: each job runs on a pg-boss queue in the subgraph's database as a chain of
 * ticks. A tick runs the job, then queues the next one `everySeconds` later; every queue takes one
 * queued tick at most (policy `short`, one `singletonKey`), so queueing a tick at start (and every
 * few seconds, in case a chain broke) never doubles a chain, however many processes or restarts. The
 * chain lives in the database: a killed process's queued tick is taken by the next process, and a
 * tick killed mid-run expires and is retried. Started beside the API like the webhook worker: a
 * database away at start delays the clock, not the subgraph; pg-boss reconnects after a database restart.
 */
export function concernClockWorker(jobs: PeriodicJob[]): BackgroundTask {
  return retryingStart('concerns clock worker', (context) => runWorker(jobs, context));
}

/** Starts the queues; resolves with what stops them (waiting for runs under way), or fails having stopped what it started. */
async function runWorker(jobs: PeriodicJob[], { name, dataSource, databaseUrl, clock }: BackgroundContext): Promise<() => Promise<void>> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2, schedule: false, maintenanceIntervalSeconds: MAINTENANCE_SECONDS, application_name: `${name}-clock` });
  boss.on('error', (error) => logger.error({ err: error }, `${name} clock queue error`));
  let stopping = false;
  /** Queues the job's next tick, unless one is queued already (then pg-boss returns null). */
  const tick = (job: PeriodicJob, startAfter?: number) =>
    stopping ? Promise.resolve(null) : boss.send(job.queue, {}, { singletonKey: job.queue, ...(startAfter ? { startAfter } : {}) });
  /** Queues whose run is under way in this process: that run queues their next tick. */
  const running = new Set<string>();
  const ensureTicks = () =>
    Promise.all(jobs.filter((job) => !running.has(job.queue)).map((job) => tick(job))).catch((error) =>
      logger.warn({ err: error }, `${name} clock could not queue its ticks`),
    );
  let ensurer: NodeJS.Timeout | undefined = undefined;
  let ensuring: Promise<unknown> | undefined;
  const stop = async () => {
    stopping = true;
    clearInterval(ensurer);
    await ensuring;
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => undefined);
  };
  try {
    await boss.start();
    for (const job of jobs) {
      // Retried often: a run fails when the database is away, and the chain goes on only from a run that ends.
      await boss.createQueue(job.queue, { name: job.queue, policy: 'short', retryLimit: 1000, retryDelay: 5, expireInSeconds: EXPIRE_SECONDS });
      await boss.work(job.queue, { pollingIntervalSeconds: 1 }, async () => {
        running.add(job.queue);
        try {
          await job.run(dataSource, clock);
        } finally {
          running.delete(job.queue);
          // Next tick whether or not this run failed: a failed run is retried besides, and the two are one chain again once either queues.
          await tick(job, job.everySeconds());
        }
      });
    }
    await ensureTicks();
  } catch (error) {
    await stop();
    throw error;
  }
  ensurer = setInterval(() => void (ensuring = ensureTicks()), ENSURE_MS);
  ensurer.unref();
  return stop;
}
