import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { dropDatabase } from '@samverkan/platform';
import { freshDatabase } from '@samverkan/test-support/database';
import { bearer, errorCode, GraphQLResponse, ServiceProcess, startFederation, startSubgraphProcess, TestFederation } from '@samverkan/test-support';

/** Client mistakes are 4xx with their documented code, the unexpected is logged under the request's id. */
let federation: TestFederation;

beforeAll(async () => {
  federation = await startFederation({ LOG_LEVEL: 'info' });
}, 180000);
afterAll(() => federation?.stop());

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

/** The JSON lines a service wrote. */
const logLines = (service: ServiceProcess) =>
  service
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown> & { requestId?: string; level: string });

/** The first line a service wrote that `matches`, waited for: a line arrives through a pipe, after the response. */
async function logLine(service: ServiceProcess, matches: (line: ReturnType<typeof logLines>[number]) => boolean) {
  for (let waited = 0; waited < 5000; waited += 50) {
    const line = logLines(service).find(matches);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

const MISTAKES: Array<[string, Record<string, unknown>, number, string, RegExp]> = [
  ['a syntax error', { query: '{ activities { ' }, 400, 'GRAPHQL_PARSE_FAILED', /^Syntax Error: Expected Name/],
  ['several operations without operationName', { query: 'query A { __typename } query B { __typename }' }, 400, 'OPERATION_RESOLUTION_FAILURE', /operationName/],
  ['an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }, 400, 'OPERATION_RESOLUTION_FAILURE', /Unknown operation named "B"/],
  ['a subscription', { query: 'subscription { __typename }' }, 400, 'BAD_REQUEST', /Subscriptions are not supported/],
  ['a NUL in a variable', { query: 'query($id: ID!) { activity(id: $id) { id } }', variables: { id: 'a\u0000b' } }, 400, 'BAD_USER_INPUT', /NUL.*: id$/],
  ['a NUL in a string in the query', { query: '{ activity(id: "a\\u0000b") { id } }' }, 400, 'BAD_USER_INPUT', /NUL/],
];

describe.each([
  ['the gateway', () => federation.gateway.url],
  ['a subgraph called directly', () => federation.subgraphs.activities.url],
])('%s', (_where, url) => {
  it.each(MISTAKES)('answers %s with its status and code', async (_case, body, status, code, message) => {
    const response = await post(url(), body);
    expect({ status: response.status, code: response.body.errors?.[0].extensions.code }).toEqual({ status, code });
    expect(response.body.errors![0].message).toMatch(message);
  });

  it('answers an operation a resolver refuses with its 4xx status, and keeps every error and its fields', async () => {
    const refused = await post(url(), { query: '{ activities(filter: { areaCode: "01", areaCodes: ["01"] }) { totalCount } }' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'areaCodes', message: 'not together with areaCode' }] });
    const headers = await bearer(DEMO_ACTORS.fryshuset, [Role.COORDINATOR]);
    const unknown = await post(url(), { query: 'mutation { deleteActivity(id: "00000000-0000-4000-8000-00000000dead", version: 1) }' }, headers);
    expect({ status: unknown.status, code: unknown.body.errors?.[0].extensions.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('names the variables holding a NUL, before anything else is checked', async () => {
    const response = await post(url(), {
      query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      variables: { input: { title: 'a\u0000', organiserIds: ['x', 'y\u0000'] } },
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors![0].extensions.fields as Array<{ field: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(['input.organiserIds[1]', 'input.title']);
  });

  it.each([
    ['GET', '/nope'],
    ['POST', '/api'],
    ['DELETE', '/'],
  ])('answers %s %s with a JSON 404', async (method, path) => {
    const response = await fetch(url().replace('/graphql', path), { method });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'No such path', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('sends back a sane x-request-id, and makes one where there is none or it is not sane', async () => {
    const given = await post(url(), { query: '{ __typename }' }, { 'x-request-id': 'client-1234.abc' });
    expect(given.headers.get('x-request-id')).toBe('client-1234.abc');
    const made = await post(url(), { query: '{ __typename }' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await post(url(), { query: '{ __typename }' }, { 'x-request-id': 'x'.repeat(200) });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

it.each([
  ['the gateway', () => federation.gateway.url, 'refused: area(code: "0180") { activities(first: 1000) { id } }'],
  ['a subgraph called directly', () => federation.subgraphs.activities.url, 'refused: _entities(representations: [{ __typename: "Area", code: "0180" }]) { ... on Area { activities(first: 1000) { id } } }'],
])('%s answers 200 when part of the operation was answered, whatever else was refused', async (_where, url, refused) => {
  const response = await post(url(), { query: `{ answered: activities(first: 1) { totalCount } ${refused} }` });
  expect(response.status).toBe(200);
  expect(response.body.data).toMatchObject({ answered: { totalCount: expect.any(Number) } });
  expect(response.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
});

it('passes the request id from the gateway to the subgraphs, each writing an access line with it, and no token', async () => {
  const headers = await bearer(DEMO_ACTORS.fryshuset);
  const response = await post(federation.gateway.url, { query: 'query Trace { activities(first: 1) { nodes { organisers { name } } } }' }, { ...headers, 'x-request-id': 'trace-me-42' });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  const traced = (line: { requestId?: string; msg?: unknown }) => line.requestId === 'trace-me-42' && line.msg === 'request';
  const access = await logLine(federation.gateway, traced);
  expect(access).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', status: 200, operationName: 'Trace' });
  expect(typeof access!.durationMs).toBe('number');
  for (const subgraph of ['activities', 'actors'] as const) expect(await logLine(federation.subgraphs[subgraph], traced)).toBeDefined();
  const token = headers.authorization.split(' ')[1];
  for (const service of [federation.gateway, ...Object.values(federation.subgraphs)]) expect(service.output()).not.toContain(token);
});

it('answers bad HSDS parameters with JSON 400, and unknown HSDS paths with JSON 404', async () => {
  const hsds = (path: string) => fetch(federation.subgraphs.actors.url.replace('/graphql', path));
  const nul = await hsds('/hsds/organizations?search=a%00b');
  expect(nul.status).toBe(400);
  expect(errorCode((await nul.json()) as GraphQLResponse)).toBe('BAD_USER_INPUT');
  const unknown = await hsds('/hsds/nothing');
  expect(unknown.status).toBe(404);
  expect(errorCode((await unknown.json()) as GraphQLResponse)).toBe('NOT_FOUND');
});

// Last of the tests on the shared federation: it stops one of its subgraphs.
it('names a subgraph the gateway cannot reach, never its address, and logs why under the request id', async () => {
  await federation.subgraphs.situation.stop();
  const response = await post(federation.gateway.url, { query: '{ situationReports { totalCount } }' });
  expect(response.status).toBeLessThan(500);
  expect(response.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
  const [error] = response.body.errors!;
  expect(error).toMatchObject({ message: 'The situation service is unavailable (no answer)', extensions: { code: 'DEPENDENCY_UNAVAILABLE', serviceName: 'situation' } });
  expect(await logLine(federation.gateway, (line) => line.level === 'warn' && line.requestId === response.headers.get('x-request-id'))).toBeDefined();
});

describe('a subgraph whose dependencies fail', () => {
  let agreements: ServiceProcess;
  let database: string;

  beforeAll(async () => {
    database = await freshDatabase('agreements');
    // Nobody listens on port 9: the actors subgraph is down.
    agreements = await startSubgraphProcess('agreements', database, { ACTORS_URL: 'http://127.0.0.1:9/graphql', LOG_LEVEL: 'info', SEED_DEMO_DATA: 'false' });
  }, 60000);
  afterAll(async () => {
    await agreements?.stop();
    await dropDatabase(database);
  });

  it('says, while the actors subgraph is down, that a token could not be checked: 503, not a failed write', async () => {
    const response = await post(agreements.url, { query: '{ agreements { totalCount } }' }, await bearer(DEMO_ACTORS.fryshuset));
    expect(response.status).toBe(503);
    expect(response.body.errors![0].extensions.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(response.body.errors![0].message).toMatch(/could not be reached to check the token's organisation/);
    expect(response.text).not.toMatch(/nothing was written|127\.0\.0\.1|ECONNREFUSED/);
  });

  it('logs an unexpected error with its stack under the request id it answers with, and tells the caller nothing else', async () => {
    await dropDatabase(database);
    const response = await post(agreements.url, { query: '{ agreements { totalCount } }' });
    expect(response.status).toBeLessThan(600);
    const [error] = response.body.errors!;
    expect(error.message).toBe('Internal server error');
    expect(Object.keys(error.extensions).sort()).toEqual(['code', 'requestId']);
    expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: response.headers.get('x-request-id') });
    expect(response.text).not.toMatch(/database|postgres|test_agreements/i);
    const logged = await logLine(agreements, (line) => line.level === 'error' && line.requestId === error.extensions.requestId);
    expect(logged).toBeDefined();
    expect((logged!.err as { stack: string }).stack).toMatch(/\n\s+at /);
  });
});
