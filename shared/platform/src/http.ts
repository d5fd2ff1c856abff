import http from 'node:http';
import cors from 'cors';
import express from 'express';
import { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { requestStatsEnabled } from './config';
import { graphqlMetricsPlugin } from './observability/metrics';
import { operationalRoutes, ReadinessCheck } from './observability/readiness';
import { currentRequestStats, runWithRequestStats } from './request-stats';

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
 * Serves an Apollo server (subgraph or gateway) on `/graphql`, with `/health`, `/ready` and
 * `/metrics` for operators. `build` gets the plugins the server must include (draining the HTTP
 * server on stop, and counting requests when metrics are on).
 */
export async function serveGraphQL<C extends BaseContext>(
  build: (plugins: ApolloServerPlugin<C>[]) => ApolloServer<C>,
  {
    port,
    host = '0.0.0.0',
    context,
    routes,
    maxRequestSize = '100kb',
    ready,
    metrics,
  }: {
    port: number;
    host?: string;
    context: (req: express.Request) => Promise<C>;
    routes?: express.Router;
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
  const server = build([ApolloServerPluginDrainHttpServer({ httpServer }) as ApolloServerPlugin<C>, ...(metrics ? [graphqlMetricsPlugin<C>()] : [])]);
  await server.start();

  app.use(operationalRoutes({ ready, metrics }));
  if (routes) app.use(routes);
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: maxRequestSize }),
    (_req, _res, next) => runWithRequestStats(next),
    expressMiddleware(server, { context: ({ req }) => context(req) }),
  );
  // Body parser refusals (too large, malformed JSON) as GraphQL-shaped errors, never an HTML stack trace.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status ?? 500;
    const message = error.type === 'entity.too.large' ? 'The request body is too large' : status < 500 ? 'The request body is not valid JSON' : 'Internal server error';
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
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
