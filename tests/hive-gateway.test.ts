import { createServer, Server } from 'node:http';
import { join } from 'node:path';
import { createGatewayRuntime, GatewayRuntime } from '@graphql-hive/gateway';
import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { SUBGRAPHS } from '@samverkan/platform';
import {
  bearer,
  freePort,
  graphql,
  readmeExamples,
  readmeExampleVariables,
  startFederation,
  TestFederation,
} from '@samverkan/test-support';

/**
 * Portability: the committed supergraph, served by Hive Gateway (an existing engine parties may run
 * behind a load balancer when one gateway process is not enough), answers the README's examples with
 * the same JSON as our gateway. Hive gets only what the README tells an operator to configure: the
 * supergraph file as committed, where each subgraph runs, and the Authorization header forwarded to
 * every subgraph.
 */
const EXAMPLES = readmeExamples();

let federation: TestFederation;
let hive: GatewayRuntime;
let server: Server;
let hiveUrl: string;

const SUPERGRAPH_FILE = join(__dirname, '../gateway/supergraph.graphql');

/** Where this test runs each subgraph, instead of the addresses the supergraph names (as an operator would point Hive at theirs). */
const subgraphLocations = (federation: TestFederation) =>
  Object.fromEntries(SUBGRAPHS.map((name) => [name, { location: federation.subgraphs[name].url }]));

beforeAll(async () => {
  federation = await startFederation();
  hive = createGatewayRuntime({
    supergraph: SUPERGRAPH_FILE,
    transportEntries: subgraphLocations(federation),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }),
    },
    logging: false,
  });
  const port = await freePort();
  server = createServer(hive);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  hiveUrl = `http://127.0.0.1:${port}/graphql`;
}, 180000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await hive?.dispose();
  await federation?.stop();
});

it.each(EXAMPLES.map((example, index) => [index + 1, example]))('example %i answers the same JSON on Hive Gateway as on ours', async (_n, example) => {
  const headers = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
  const variables = readmeExampleVariables(example as string);
  const ours = await federation.query(example as string, variables, headers);
  const theirs = await graphql(hiveUrl, example as string, variables, headers);
  expect(ours.errors).toBeUndefined();
  expect(theirs).toEqual(ours);
});

it('forwards the Authorization header: what only a signed-in caller may see reaches Hive callers with a token only', async () => {
  // Situation reports are visible to signed-in actors only (README, "Who may see and change what").
  const query = '{ area(code: "0180-rinkeby-kista") { name latestSituationReport { level } } }';
  const headers = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
  const signedIn = await graphql(hiveUrl, query, {}, headers);
  const anonymous = await graphql(hiveUrl, query, {}, {});
  expect(signedIn).toEqual(await federation.query(query, {}, headers));
  expect(anonymous).toEqual(await federation.query(query, {}, {}));
  expect(signedIn).not.toEqual(anonymous);
});
