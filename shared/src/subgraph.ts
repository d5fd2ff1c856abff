import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, NonEmptyArray } from 'type-graphql';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { openDatabase } from './database';
import { formatError } from './errors';
import { requestStatsPlugin, serveGraphQL } from './http';
import { SubgraphName } from './services';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** What a resolver sees: this request's loaders and the subgraph's database. */
export interface SubgraphContext<L> {
  loaders: L;
  dataSource: DataSource;
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
  /** `__resolveReference` per entity type name: how `_entities` turns a key into a record. */
  references: Record<string, ReferenceResolver<L>>;
  /** Fresh per request, so batching and caching never leak between callers. */
  createLoaders(dataSource: DataSource): L;
  /** Loads the demo data; must be idempotent (a second start reuses the data). */
  seedDemoData(dataSource: DataSource): Promise<void>;
}

/** The federated schema of a subgraph, as served and as composed by the gateway. */
export async function buildFederatedSchema<L>(module: Pick<SubgraphModule<L>, 'resolvers' | 'references'>): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: module.resolvers,
    // Required fields are enforced by the schema; validators check the values that are given.
    validate: { forbidUnknownValues: false, skipMissingProperties: true },
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(module.references)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/** The SDL the gateway composes (what `_service { sdl }` answers), built without a database. */
export async function printFederatedSdl<L>(module: Pick<SubgraphModule<L>, 'resolvers' | 'references'>): Promise<string> {
  return printSubgraphSchema(await buildFederatedSchema(module));
}

export interface RunningSubgraph {
  url: string;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export async function startSubgraph<L>(
  module: SubgraphModule<L>,
  { databaseUrl, port, seed = false }: { databaseUrl: string; port: number; seed?: boolean },
): Promise<RunningSubgraph> {
  const dataSource = await openDatabase({ url: databaseUrl, entities: module.entities, migrations: module.migrations });
  if (seed) await module.seedDemoData(dataSource);
  const schema = await buildFederatedSchema(module);
  const served = await serveGraphQL<SubgraphContext<L>>(
    (plugins) =>
      new ApolloServer({
        schema,
        formatError,
        includeStacktraceInErrorResponses: false,
        plugins: [...plugins, requestStatsPlugin, ApolloServerPluginInlineTraceDisabled()],
      }),
    { port, context: async () => ({ loaders: module.createLoaders(dataSource), dataSource }) },
  );
  return {
    url: served.url,
    dataSource,
    stop: async () => {
      await served.stop();
      await dataSource.destroy();
    },
  };
}
