import { dropDatabase, envName, RunningSubgraph, startSubgraph, SubgraphModule } from '@samverkan/platform';
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
}

/**
 * Runs a subgraph in this test process on a fresh database, migrated and (by default) seeded with
 * the demo data. Other subgraphs check actor and area references against a real actors subgraph,
 * started as its own process on its own database.
 */
export async function startTestSubgraph<L>(module: SubgraphModule<L>, { seed = true } = {}): Promise<TestSubgraph> {
  let actors: ServiceProcess | undefined;
  let actorsDb: string | undefined;
  if (module.name !== 'actors') {
    actorsDb = await freshDatabase('actors');
    actors = await startSubgraphProcess('actors', actorsDb, { SEED_DEMO_DATA: 'true' });
    process.env[envName('actors', 'URL')] = actors.url;
  }
  const databaseUrl = await freshDatabase(module.name);
  const running = await startSubgraph(module, { databaseUrl, port: 0, seed });
  return {
    ...running,
    actors,
    query: (query, variables, headers) => graphql(running.url, query, variables, headers),
    stop: async () => {
      await running.stop();
      await dropDatabase(databaseUrl);
      await actors?.stop();
      if (actorsDb) await dropDatabase(actorsDb);
    },
  };
}
