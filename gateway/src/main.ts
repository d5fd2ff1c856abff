// Tracing first: it patches http, pg and graphql as they are first required, and CommonJS runs in this order.
import { startTracing } from '@samverkan/platform/dist/observability/tracing';
startTracing('gateway');

import { loadConfigOrExit, stopTracing } from '@samverkan/platform';
import { startGateway } from './server';

startGateway(loadConfigOrExit('gateway'))
  .then((served) => {
    console.log(`gateway ready at ${served.url}`);
    const stop = async () => {
      await served.stop();
      await stopTracing();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((error) => {
    console.error('gateway failed to start:', error);
    process.exit(1);
  });
