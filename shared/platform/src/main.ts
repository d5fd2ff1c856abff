import { ConfigError, loadConfigOrExit } from './config';
import { stopTracing } from './observability/tracing';
import { logger } from './log';
import { startSubgraph, SubgraphModule } from './subgraph';

/** Process entry of a subgraph: configuration from the environment, clean stop on SIGINT/SIGTERM (the last spans sent). */
export async function runSubgraphProcess<L>(module: SubgraphModule<L>): Promise<void> {
  const config = loadConfigOrExit(module.name);
  try {
    const running = await startSubgraph(module, config);
    logger.info({ url: running.url }, `${module.name} subgraph ready`);
    const stop = async () => {
      await running.stop();
      await stopTracing();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    // A refusal of the configuration says all there is to say; anything else gets its stack for the log.
    if (error instanceof ConfigError) logger.fatal(`${module.name} subgraph failed to start: ${error.message}`);
    else logger.fatal({ err: error }, `${module.name} subgraph failed to start`);
    process.exit(1);
  }
}
