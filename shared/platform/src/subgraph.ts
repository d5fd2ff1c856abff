import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Router } from 'express';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, NonEmptyArray } from 'type-graphql';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { validateArgsOncePerRequest } from './arg-validation';
import { openDatabase } from './database';
import { formatSubgraphError } from './resolver-errors';
import { deleteExpiredIdempotencyKeys } from './idempotency';
import { Authenticate, authConfig, authenticator } from './auth/tokens';
import { Clock, systemClock } from './clock';
import { Viewer } from './auth/viewer';
import { ConfigError, SubgraphConfig } from './config';
import { queryLimits } from './hardening';
import { logger } from './log';
import { requestStatsPlugin, serveGraphQL } from './http';
import { PoolCounts, trackPool } from './observability/metrics';
import { databaseReadiness } from './observability/readiness';
import { SubgraphName } from './services';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** What a resolver sees: who is asking, this request's loaders, and the subgraph's database. */
export interface SubgraphContext<L> {
  viewer: Viewer;
  /** The caller's Authorization header, passed on when this subgraph asks another. */
  authorization?: string;
  loaders: L;
  dataSource: DataSource;
  /** What "now" is for this request's answers (the system clock, or a test's). */
  clock: Clock;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReferenceResolver<L> = (representation: any, context: SubgraphContext<L>) => unknown;

/** Everything that makes one subgraph; `startSubgraph` turns it into a running service. */
export interface SubgraphModule<L> {
  name: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /**
   * Types to include although no query of this subgraph reaches them: entities it only extends
   * through `_entities`, such as `Figures`, which another subgraph's roots return.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name: how `_entities` turns a key into a record. */
  references: Record<string, ReferenceResolver<L>>;
  /**
   * Fresh per request and per viewer, so batching and caching never leak between callers;
   * `authorization` is the caller's header, for loaders that ask another subgraph; `clock` what "now" is.
   */
  createLoaders(dataSource: DataSource, viewer: Viewer, authorization?: string, clock?: Clock): L;
  /** How this subgraph tells that a token's organisation (an Actor id) is registered. */
  organisationExists(id: string, dataSource: DataSource): Promise<boolean>;
  /** Largest request body this subgraph takes (default 100kb), e.g. larger for file imports; `MAX_REQUEST_SIZE` replaces it. */
  maxRequestSize?: string;
  /** HTTP endpoints besides `/graphql` (e.g. an HSDS export); `authenticate` tells them who is asking, as for GraphQL, `clock` what "now" is. */
  routes?(dataSource: DataSource, authenticate: Authenticate, clock: Clock): Router;
  /** The demo data's loader (idempotent: a second start reuses the data), imported only when demo data is asked for. */
  loadDemoSeed(): Promise<(dataSource: DataSource) => Promise<void>>;
  /** The loader of the demo data's generated layer (SEED_GENERATED_DEMO_DATA), run after `loadDemoSeed`'s. */
  loadGeneratedDemoSeed?(): Promise<(dataSource: DataSource) => Promise<void>>;
  /**
   * Upkeep that keeps stored data current as time passes (e.g. the activities' stored occurrence
   * days): run once at start, after the demo data, then every `everyMs` while the subgraph runs.
   * A failure is logged and tried again at the next round; it never stops the subgraph.
   */
  upkeep?: { everyMs: number; run(dataSource: DataSource, clock: Clock): Promise<void> };
  /**
   * Work that runs beside the API for as long as the subgraph runs (e.g. sending webhooks), each
   * started once the API serves and stopped, by what it returns, before the database closes.
   */
  background?: BackgroundTask[];
}

/** Where a background task works: the subgraph's database (its pool, and its URL for a connection of the task's own). */
export interface BackgroundContext {
  name: SubgraphName;
  dataSource: DataSource;
  databaseUrl: string;
  clock: Clock;
}

/** Starts a background task; resolves with what stops it (waiting for work under way, leaving no timer behind). */
export type BackgroundTask = (context: BackgroundContext) => Promise<() => Promise<void>>;

/** How long a background task that could not start waits before it tries again. */
const BACKGROUND_START_RETRY_MS = 5000;

/**
 * A background task started beside the API, not before it: a database that is away at start delays
 * the task (`what`, for the log), which tries again every few seconds, not the subgraph. `start`
 * resolves with what stops the task, or fails having stopped what it started.
 */
export function retryingStart(what: string, start: (context: BackgroundContext) => Promise<() => Promise<void>>): BackgroundTask {
  return async (context) => {
    let stopTask: (() => Promise<void>) | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const attempt = async (): Promise<void> => {
      try {
        const stop = await start(context);
        if (stopped) await stop();
        else stopTask = stop;
      } catch (error) {
        logger.warn({ err: error }, `${what} did not start; trying again in ${BACKGROUND_START_RETRY_MS / 1000} s`);
        if (stopped) return;
        retry = setTimeout(() => void (starting = attempt()), BACKGROUND_START_RETRY_MS);
        retry.unref();
      }
    };
    let starting = attempt();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await starting;
      await stopTask?.();
    };
  };
}

/** The federated schema of a subgraph, as served and as composed by the gateway. */
export async function buildFederatedSchema<L>(module: Pick<SubgraphModule<L>, 'resolvers' | 'references' | 'orphanedTypes'>): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: module.resolvers,
    orphanedTypes: module.orphanedTypes,
    validateFn: validateArgsOncePerRequest,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(module.references)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/** The SDL the gateway composes (what `_service { sdl }` answers), built without a database. */
export async function printFederatedSdl<L>(module: Pick<SubgraphModule<L>, 'resolvers' | 'references' | 'orphanedTypes'>): Promise<string> {
  return printSubgraphSchema(await buildFederatedSchema(module));
}

/** The subgraph's demo seed, or a clear refusal where the build has none (production images). */
async function demoSeedOf<L>(module: SubgraphModule<L>) {
  try {
    return await module.loadDemoSeed();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new ConfigError([`SEED_DEMO_DATA is true, but this build of the ${module.name} subgraph has no demo data (production images leave it out)`]);
  }
}

type Upkeep = NonNullable<SubgraphModule<unknown>['upkeep']>;

/** Upkeep the platform runs in every subgraph, whatever its module says: expired idempotency keys are deleted hourly. */
const PLATFORM_UPKEEP: Record<string, Upkeep> = {
  'idempotency keys': { everyMs: 3_600_000, run: deleteExpiredIdempotencyKeys },
};

/** Runs the platform's upkeep and the module's, each once now and then on its interval (not keeping the process alive); returns what stops them. */
async function startUpkeep<L>(module: SubgraphModule<L>, dataSource: DataSource, clock: Clock): Promise<() => void> {
  const upkeeps = Object.entries({ ...PLATFORM_UPKEEP, ...(module.upkeep ? { [module.name]: module.upkeep } : {}) });
  const timers: NodeJS.Timeout[] = [];
  for (const [name, upkeep] of upkeeps) {
    const run = () => upkeep.run(dataSource, clock).catch((error) => logger.error({ err: error }, `${module.name} upkeep (${name}) failed`));
    await run();
    const timer = setInterval(run, upkeep.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return () => timers.forEach((timer) => clearInterval(timer));
}

export interface RunningSubgraph {
  url: string;
  dataSource: DataSource;
  stop(): Promise<void>;
}

/** Starts a subgraph as `config` says (`port` 0: any free port, as tests do); `clock` is for tests. */
export async function startSubgraph<L>(module: SubgraphModule<L>, config: SubgraphConfig, { clock = systemClock }: { clock?: Clock } = {}): Promise<RunningSubgraph> {
  logger.level = config.logLevel;
  const dataSource = await openDatabase({
    url: config.databaseUrl,
    poolSize: config.databasePoolSize,
    log: { sqlErrors: config.logSqlErrors, migrations: config.logMigrations },
    entities: module.entities,
    migrations: module.migrations,
  });
  try {
    return await serveSubgraph(module, config, dataSource, clock);
  } catch (error) {
    // A subgraph that does not come up leaves no pool behind (tests start many in one process).
    await dataSource.destroy();
    throw error;
  }
}

async function serveSubgraph<L>(module: SubgraphModule<L>, config: SubgraphConfig, dataSource: DataSource, clock: Clock): Promise<RunningSubgraph> {
  if (config.seedDemoData) {
    await (await demoSeedOf(module))(dataSource);
    if (config.seedGeneratedDemoData && module.loadGeneratedDemoSeed) await (await module.loadGeneratedDemoSeed())(dataSource);
  }
  const schema = await buildFederatedSchema(module);
  const authenticate = authenticator(authConfig(config.auth, config), (id) => module.organisationExists(id, dataSource));
  const limits = queryLimits('subgraph', config);
  // TypeORM's postgres driver keeps its pg Pool as `master`.
  const untrackPool = config.metrics ? trackPool(module.name, (dataSource.driver as unknown as { master: PoolCounts }).master) : undefined;
  const served = await serveGraphQL<SubgraphContext<L>>(
    (plugins) =>
      new ApolloServer({
        schema,
        formatError: formatSubgraphError,
        logger,
        includeStacktraceInErrorResponses: false,
        introspection: !config.production,
        validationRules: limits.validationRules,
        plugins: [...plugins, ...limits.plugins, requestStatsPlugin, ApolloServerPluginInlineTraceDisabled()],
      }),
    {
      port: config.port,
      routes: module.routes?.(dataSource, authenticate, clock),
      guard: limits.guard,
      maxRequestSize: config.maxRequestSize ?? module.maxRequestSize,
      ready: databaseReadiness(dataSource),
      metrics: config.metrics,
      context: async (req) => {
        const authorization = req.headers.authorization;
        const viewer = await authenticate(authorization);
        return { viewer, authorization, loaders: module.createLoaders(dataSource, viewer, authorization, clock), dataSource, clock };
      },
    },
  );
  const stopUpkeep = await startUpkeep(module, dataSource, clock);
  const stopBackground: Array<() => Promise<void>> = [];
  try {
    for (const task of module.background ?? []) stopBackground.push(await task({ name: module.name, dataSource, databaseUrl: config.databaseUrl, clock }));
  } catch (error) {
    stopUpkeep();
    for (const stopTask of stopBackground) await stopTask();
    await served.stop();
    untrackPool?.();
    throw error;
  }
  return {
    url: served.url,
    dataSource,
    stop: async () => {
      stopUpkeep();
      for (const stopTask of stopBackground) await stopTask();
      await served.stop();
      untrackPool?.();
      await dataSource.destroy();
    },
  };
}
