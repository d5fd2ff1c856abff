import { writeFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '@samverkan/gateway';
import { composeSupergraph } from './compose';

/** `npm run compose`: writes gateway/supergraph.graphql from the subgraphs' code. */
composeSupergraph()
  .then((sdl) => {
    writeFileSync(SUPERGRAPH_FILE, sdl);
    console.log(`Wrote ${SUPERGRAPH_FILE}`);
  })
  .catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
