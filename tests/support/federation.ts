import { dropDatabase, envName, SUBGRAPHS, SubgraphName } from '@samverkan/platform';
import { freshDatabase } from './database';
import { graphql } from './graphql';
import { freePort, ServiceProcess, startProcess } from '@samverkan/dev';

export interface TestFederation {
  gateway: ServiceProcess;
  subgraphs: Record<SubgraphName, ServiceProcess>;
  databases: Record<SubgraphName, string>;
  query: <T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => ReturnType<typeof graphql<T>>;
  /** Starts a stopped (or killed) subgraph again, on its port with its database and environment. */
  restart(name: SubgraphName): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * The whole federation as production runs it: each subgraph in its own process with its own
 * fresh database (seeded with the demo data unless `seed` is false), and the gateway serving the
 * committed supergraph.
 */
export async function startFederation(env: Record<string, string> = {}, { seed = true } = {}): Promise<TestFederation> {
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()]))) as Record<SubgraphName, number>;
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), `http://127.0.0.1:${ports[name]}/graphql`]));
  const databases = Object.fromEntries(
    await Promise.all(SUBGRAPHS.map(async (name) => [name, await freshDatabase(name)])),
  ) as Record<SubgraphName, string>;
  const started: ServiceProcess[] = [];
  const stopAll = async () => {
    await Promise.all(started.map((service) => service.stop()));
    await Promise.all(Object.values(databases).map(dropDatabase));
  };
  const subgraphs = {} as Record<SubgraphName, ServiceProcess>;
  const startSubgraph = async (name: SubgraphName) => {
    subgraphs[name] = await startProcess(name, ports[name], {
      ...urls,
      ...env,
      [envName(name, 'PORT')]: String(ports[name]),
      [envName(name, 'DATABASE_URL')]: databases[name],
      SEED_DEMO_DATA: String(seed),
    });
    started.push(subgraphs[name]);
    return subgraphs[name];
  };
  try {
    await Promise.all(SUBGRAPHS.map(startSubgraph));
    const gatewayPort = await freePort();
    const gateway = await startProcess('gateway', gatewayPort, { ...urls, ...env, GATEWAY_PORT: String(gatewayPort) });
    started.push(gateway);
    return {
      gateway,
      subgraphs,
      databases,
      query: (query, variables, headers) => graphql(gateway.url, query, variables, headers),
      restart: async (name) => {
        await subgraphs[name].stop();
        return startSubgraph(name);
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
