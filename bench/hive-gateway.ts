import { createServer } from 'node:http';
import { join } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { envName, SUBGRAPHS } from '@samverkan/platform';

/**
 * Hive Gateway with its defaults (its HTTP transport deduplicates in-flight subgraph requests, as our
 * gateway's merging does; inbound deduplication is opt-in and stays off) on our committed supergraph, in a
 * process of its own so its memory can be measured apart: configured as tests/hive-gateway.test.ts
 * does (where each subgraph runs, the Authorization header forwarded), on HIVE_GATEWAY_PORT, with
 * `/health` for the bench's start-up check. The report transpiles and starts it.
 */
const hive = createGatewayRuntime({
  supergraph: join(process.env.SAMVERKAN_ROOT!, 'gateway/supergraph.graphql'),
  transportEntries: Object.fromEntries(SUBGRAPHS.map((name) => [name, { location: process.env[envName(name, 'URL')]! }])),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }),
  },
  logging: false,
});
createServer((request, response) => (request.url === '/health' ? response.end('ok') : hive(request, response))).listen(Number(process.env.HIVE_GATEWAY_PORT), '127.0.0.1');
