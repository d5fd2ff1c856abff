import { Clock, dropDatabase, envName, loadConfig, RunningSubgraph, startSubgraph, SubgraphConfig, SubgraphModule } from '@samverkan/platform';
import { freshDatabase } from './database';
import { graphql } from './graphql';
import { ServiceProcess, startSubgraphProcess } from '@samverkan/dev';

export interface TestSubgraph extends RunningSubgraph {
  /** Runs an operation against this subgraph alone, with request headers (e.g. from `bearer(...)`) if given. */
  query: <T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => ReturnType<typeof graphql<T>>;
  /** The seeded actors subgraph this one checks references against (started for non-actors subgraphs). */
  actors?: ServiceProcess;
  /** What it was started with: the test run's environment, its fresh database, any free port. */
  config: SubgraphConfig;
}

/**
 * Runs a subgraph in this test process on a fresh database, migrated and (by default) seeded with
 * the demo data. Other subgraphs check actor and area references against a real actors subgraph,
 * started as its own process on its own database.
 */
export async function startTestSubgraph<L>(module: SubgraphModule<L>, { seed = true, clock }: { seed?: boolean; clock?: Clock } = {}): Promise<TestSubgraph> {
  let actors: ServiceProcess | undefined;
  let actorsDb: string | undefined;
  if (module.name !== 'actors') {
    actorsDb = await freshDatabase('actors');
    actors = await startSubgraphProcess('actors', actorsDb, { SEED_DEMO_DATA: 'true' });
    process.env[envName('actors', 'URL')] = actors.url;
  }
  const databaseUrl = await freshDatabase(module.name);
  const config = { ...loadConfig(module.name, { ...process.env, [envName(module.name, 'DATABASE_URL')]: databaseUrl }), port: 0, seedDemoData: seed };
  const running = await startSubgraph(module, config, { clock });
  return {
    ...running,
    actors,
    config,
    query: (query, variables, headers) => graphql(running.url, query, variables, headers),
    stop: async () => {
      await running.stop();
      await dropDatabase(databaseUrl);
      await actors?.stop();
      if (actorsDb) await dropDatabase(actorsDb);
    },
  };
}
