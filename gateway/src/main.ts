// Tracing first: it patches http, pg and graphql as they are first required, and CommonJS runs in this order.
import { startTracing } from '@samverkan/platform/dist/observability/tracing';
startTracing('gateway');

import { loadConfigOrExit, logger, stopTracing } from '@samverkan/platform/dist/core';
import { startGateway } from './server';

startGateway(loadConfigOrExit('gateway'))
  .then((served) => {
    logger.info({ url: served.url }, 'gateway ready');
    const stop = async () => {
      await served.stop();
      await stopTracing();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((error) => {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  });
