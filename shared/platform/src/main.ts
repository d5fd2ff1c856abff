import { databaseUrlOf, portOf } from './services';
import { startSubgraph, SubgraphModule } from './subgraph';

/** Process entry of a subgraph: configuration from the environment, clean stop on SIGINT/SIGTERM. */
export async function runSubgraphProcess<L>(module: SubgraphModule<L>): Promise<void> {
  try {
    const running = await startSubgraph(module, {
      databaseUrl: databaseUrlOf(module.name),
      port: portOf(module.name),
      seed: process.env.SEED_DEMO_DATA === 'true',
    });
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
