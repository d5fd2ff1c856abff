import { writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from './supergraph';

composeSupergraph()
  .then((sdl) => {
    writeFileSync(SUPERGRAPH_FILE, sdl);
    console.log(`Wrote ${SUPERGRAPH_FILE}`);
  })
  .catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
