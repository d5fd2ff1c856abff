import { loadConfigOrExit } from './config';
import { startSubgraph, SubgraphModule } from './subgraph';

/** Process entry of a subgraph: configuration from the environment, clean stop on SIGINT/SIGTERM. */
export async function runSubgraphProcess<L>(module: SubgraphModule<L>): Promise<void> {
  const config = loadConfigOrExit(module.name);
  try {
    const running = await startSubgraph(module, config);
    console.log(`${module.name} subgraph ready at ${running.url}`);
    const stop = async () => {
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`${module.name} subgraph failed to start:`, error);
    process.exit(1);
  }
}
