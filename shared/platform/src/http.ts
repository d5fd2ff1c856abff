import { randomUUID } from 'node:crypto';
import http from 'node:http';
import cors from 'cors';
import express from 'express';
import { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { requestStatsEnabled } from './config';
import { graphqlMetricsPlugin } from './observability/metrics';
import { operationalRoutes, ReadinessCheck } from './observability/readiness';
import { ErrorCode, unexpectedError } from './errors';
import { refusalStatusPlugin } from './http-status';
import { logger } from './log';
import { operationPlugin } from './request-guard';
import { currentRequestStats, runWithRequestStats } from './request-stats';

/** The header that carries a request's id: taken from the caller if sane, sent back, and passed on to every service it calls. */
export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;
/** Probes and scrapes: many a minute, logged only when debugging. */
const OPERATOR_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface ServedGraphQL {
  url: string;
  stop(): Promise<void>;
}

/** Adds `extensions.sqlStatements` to each response when statement statistics are on. */
export const requestStatsPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const stats = currentRequestStats();
        if (!stats || response.body.kind !== 'single' || !requestStatsEnabled()) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, sqlStatements: stats.sqlStatements };
      },
    };
  },
};

/**
 * Gives each request an id (the caller's `x-request-id` if sane, else a new one), sends it back,
 * runs the rest of the request in its context (so every log line carries it), and writes one
 * access line when the response is sent.
 */
const requestContext: express.RequestHandler = (req, res, next) => {
  const given = req.get(REQUEST_ID_HEADER);
  const requestId = given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  const started = process.hrtime.bigint();
  // Read now: routers mounted on a prefix change req.path for themselves. No query string, which may hold search terms.
  const { method, path } = req;
  res.set(REQUEST_ID_HEADER, requestId);
  runWithRequestStats(requestId, () => {
    const stats = currentRequestStats()!;
    res.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      // The context of a 'finish' listener is not the request's: the id is given explicitly. Probes and scrapes only when debugging.
      logger[OPERATOR_PATHS.has(path) ? 'debug' : 'info'](
        { requestId, method, path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10, operationName: stats.operationName },
        'request',
      );
    });
    next();
  });
};

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * No answer is to be kept by a browser or proxy: the header Apollo's cache-control plugin would set
 * for answers without cache hints, set here once instead of the plugin hooking every field (we use no
 * cache hints).
 */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.set('cache-control', 'no-store');
  next();
};

/**
 * Serves an Apollo server (subgraph or gateway) on `/graphql`, with `/health`, `/ready` and
 * `/metrics` for operators. `build` gets the plugins the server must include (draining the HTTP
 * server on stop; refusing operations that cannot run; a 4xx status for a refused operation;
 * counting requests when metrics are on;
 * no cache-control plugin, as no service uses cache hints: answers are `no-store`).
 */
export async function serveGraphQL<C extends BaseContext>(
  build: (plugins: ApolloServerPlugin<C>[]) => ApolloServer<C>,
  {
    port,
    host = '0.0.0.0',
    context,
    routes,
    guard,
    maxRequestSize = '100kb',
    ready,
    metrics,
  }: {
    port: number;
    host?: string;
    context: (req: express.Request) => Promise<C>;
    routes?: express.Router;
    /** Checks a GraphQL request before Apollo parses it (`queryLimits(...).guard`). */
    guard: express.RequestHandler;
    /** Largest request body. */
    maxRequestSize?: string;
    /** What `/ready` answers. */
    ready: ReadinessCheck;
    /** Prometheus metrics on `/metrics` (METRICS_ENABLED). */
    metrics: boolean;
  },
): Promise<ServedGraphQL> {
  const app = express();
  const httpServer = http.createServer(app);
  const server = build([
    ApolloServerPluginDrainHttpServer({ httpServer }) as ApolloServerPlugin<C>,
    operationPlugin as ApolloServerPlugin<C>,
    refusalStatusPlugin as ApolloServerPlugin<C>,
    ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<C>,
    ...(metrics ? [graphqlMetricsPlugin<C>()] : []),
  ]);
  await server.start();

  app.use(requestContext);
  app.use(operationalRoutes({ ready, metrics }));
  if (routes) app.use(routes);
  app.use(
    '/graphql',
    noStore,
    cors(),
    express.json({ limit: maxRequestSize }),
    guard,
    expressMiddleware(server, { context: ({ req }) => context(req) }),
  );
  // Keep last among the routes: anything not served above.
  app.use((_req, res) => void res.status(404).json(errorBody('No such path', ErrorCode.NOT_FOUND)));
  // Body parser refusals (too large, malformed JSON) as GraphQL-shaped errors; anything else is unexpected. Never an HTML stack trace.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status ?? 500;
    if (status >= 500) return void res.status(500).json({ errors: [unexpectedError(error)] });
    res.status(status).json(errorBody(error.type === 'entity.too.large' ? 'The request body is too large' : 'The request body is not valid JSON', 'BAD_REQUEST'));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, resolve);
  });
  const address = httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${actualPort}/graphql`,
    stop: () => (stopping ??= server.stop()),
  };
}
