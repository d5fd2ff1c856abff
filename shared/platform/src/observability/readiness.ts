import { Router } from 'express';
import { logger } from '../log';
import { DataSource } from 'typeorm';
import { serveMetrics } from './metrics';

/** Whether a service can serve requests now, and if not, why (for the operator, never secrets). */
export interface Readiness {
  ready: boolean;
  reason?: string;
}

export type ReadinessCheck = () => Promise<Readiness>;

/** How long `/ready` waits for the database: a probe must answer well within its own timeout. */
const READINESS_TIMEOUT_MS = 2000;

/**
 * A subgraph is ready when its database answers `SELECT 1` through its pool within the timeout (a
 * pool that stays exhausted that long counts as not ready too). One query at a time: probes that
 * come while the database hangs wait on the query in flight instead of queueing more.
 * The answer says only what failed; the log says why, once per change.
 */
export function databaseReadiness(dataSource: DataSource, timeoutMs = READINESS_TIMEOUT_MS): ReadinessCheck {
  let inFlight: Promise<Error | undefined> | undefined;
  const ping = () =>
    (inFlight ??= dataSource
      .query('SELECT 1')
      .then(
        () => undefined,
        (error: Error) => error,
      )
      .finally(() => (inFlight = undefined)));
  let wasReady = true;
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Error>((resolve) => {
      timer = setTimeout(() => resolve(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const failure = await Promise.race([ping(), timeout]).finally(() => clearTimeout(timer));
    const ready = !failure;
    if (ready !== wasReady) {
      if (failure) logger.warn({ err: failure }, 'Not ready: the database does not answer');
      else logger.info('Ready: the database answers again');
      wasReady = ready;
    }
    return ready ? { ready } : { ready, reason: 'the database does not answer' };
  };
}

/**
 * `/health`: the process answers (liveness: restart it if not). `/ready`: it can serve now
 * (readiness: send it traffic). `/metrics`: Prometheus, when on.
 */
export function operationalRoutes({ ready, metrics }: { ready: ReadinessCheck; metrics: boolean }): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const { ready: isReady, reason } = await ready();
    res.status(isReady ? 200 : 503).json(isReady ? { status: 'ready' } : { status: 'not ready', reason });
  });
  if (metrics) router.get('/metrics', serveMetrics);
  // Said here, or Express answers OPTIONS with a plain-text body: every answer of ours is JSON or empty.
  router.options(['/health', '/ready', '/metrics'], (_req, res) => void res.set('allow', 'GET, HEAD').status(204).end());
  return router;
}
