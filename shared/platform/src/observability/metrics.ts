import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics, served on `/metrics`. One registry per process, made on first use: tests run
 * several subgraphs in one process, and prom-client refuses a metric registered twice.
 */
let registry: Registry | undefined;

export function metricsRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/** Serves the registry in Prometheus's text format. */
export async function serveMetrics(_req: Request, res: Response): Promise<void> {
  const metrics = metricsRegistry();
  res.type(metrics.contentType).send(await metrics.metrics());
}

/** Created once per process, registered with `metricsRegistry()`. */
function once<T>(make: (registers: Registry[]) => T): () => T {
  let made: T | undefined;
  return () => (made ??= make([metricsRegistry()]));
}

/** How tokens were checked: verified (signature and claims), served from the cache of verified tokens, or refused. */
export const tokenMetrics = once((registers) => {
  const checks = new Counter({
    name: 'auth_token_checks_total',
    help: 'Bearer tokens checked, by result: verified (signature and claims checked), cached (verified lately, taken from the cache by its hash), refused',
    labelNames: ['result'] as const,
    registers,
  });
  return { verified: checks.labels({ result: 'verified' }), cached: checks.labels({ result: 'cached' }), refused: checks.labels({ result: 'refused' }) };
});

const graphqlMetrics = once((registers) => ({
  requests: new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  }),
  duration: new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name, from parsing to the response',
    labelNames: ['operation'] as const,
    registers,
  }),
}));

/** How many distinct operation names get a series of their own; past it, `other`. Clients choose names, so they must be capped. */
const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const operationNames = new Set<string>();

/** An error code for the outcome label; anything that does not look like one is counted as INTERNAL_SERVER_ERROR. */
const codeOf = (code: unknown) => (typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'INTERNAL_SERVER_ERROR');

/**
 * The operation label: the operation's name, `anonymous` for an unnamed one, `unresolved` for a
 * request that never resolved to an operation (it did not parse or validate, or its token was
 * refused first), `other` past the cap.
 */
function operationLabel(resolved: boolean, name: string | null | undefined): string {
  if (!resolved) return 'unresolved';
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (!operationNames.has(name) && operationNames.size >= MAX_OPERATION_NAMES) return 'other';
  operationNames.add(name);
  return name;
}

/**
 * Counts and times every GraphQL request. The outcome is `ok` or the first error's code: a bounded
 * set, since `formatError` passes only documented codes and turns the rest into INTERNAL_SERVER_ERROR.
 */
export function graphqlMetricsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  const { requests, duration } = graphqlMetrics();
  return {
    // A refused token fails before the request starts: counted, not timed.
    async contextCreationDidFail({ error }) {
      requests.inc({ operation: 'unresolved', outcome: codeOf((error as { extensions?: { code?: unknown } }).extensions?.code) });
    },
    async requestDidStart() {
      const stopTimer = duration.startTimer();
      let resolved = false;
      return {
        async didResolveOperation() {
          resolved = true;
        },
        async willSendResponse({ response, operationName }) {
          const operation = operationLabel(resolved, operationName);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          requests.inc({ operation, outcome: errors?.length ? codeOf(errors[0].extensions?.code) : 'ok' });
          stopTimer({ operation });
        },
      };
    },
  };
}

/** What a pg Pool tells about its connections (TypeORM's postgres driver keeps one, as `master`). */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const pools = new Map<PoolCounts, string>();

const poolGauges = once((registers) => {
  const gauge = (name: string, help: string, count: (pool: PoolCounts) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'] as const,
      registers,
      // Read from the pools when scraped: nothing runs between scrapes.
      collect() {
        this.reset();
        for (const [pool, label] of pools) this.inc({ pool: label }, count(pool));
      },
    });
  return [
    gauge('db_pool_connections', 'Open database connections in the pool', (pool) => pool.totalCount),
    gauge('db_pool_idle_connections', 'Open database connections not in use', (pool) => pool.idleCount),
    gauge('db_pool_waiting_requests', 'Queries waiting for a connection from the pool', (pool) => pool.waitingCount),
  ];
});

/** Reports `pool`'s use as gauges labelled `pool: label` until the returned function is called. */
export function trackPool(label: string, pool: PoolCounts): () => void {
  poolGauges();
  pools.set(pool, label);
  return () => pools.delete(pool);
}
