import { loadConfigOrExit } from '@samverkan/platform';
import { startGateway } from './server';

startGateway(loadConfigOrExit('gateway'))
  .then((served) => {
    console.log(`gateway ready at ${served.url}`);
    const stop = async () => {
      await served.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((error) => {
    console.error('gateway failed to start:', error);
    process.exit(1);
  });
