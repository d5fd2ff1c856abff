import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The composed schema the gateway serves in production; `npm run compose` writes it. Shipped beside dist/. */
export const SUPERGRAPH_FILE = join(__dirname, '../supergraph.graphql');

export const readSupergraph = () => readFileSync(SUPERGRAPH_FILE, 'utf8');
