import { loadConfigOrExit, logger } from '@samverkan/platform';
import { startGateway } from './server';

startGateway(loadConfigOrExit('gateway'))
  .then((served) => {
    logger.info({ url: served.url }, 'gateway ready');
    const stop = async () => {
      await served.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((error) => {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  });
