import { QUERY_LIMITS } from '@samverkan/platform';
import { errorCode, graphql, GraphQLResponse, startFederation, TestFederation, freePort, startProcess } from '@samverkan/test-support';

let federation: TestFederation;

beforeAll(async () => {
  federation = await startFederation();
}, 180000);
afterAll(() => federation?.stop());

/** `area { parent { parent { ... { name } } } }` nested `depth` levels deep. */
const deepQuery = (depth: number) => `{ area(code: "SE") { ${'children(first: 1) { '.repeat(depth - 2)}code${' }'.repeat(depth - 2)} } }`;
const aliasQuery = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: area(code: "SE") { code }`).join(' ')} }`;

describe.each([
  ['the gateway', () => federation.gateway.url, QUERY_LIMITS.gateway],
  ['a subgraph called directly', () => federation.subgraphs.actors.url, QUERY_LIMITS.subgraph],
])('%s', (_where, url, limits) => {
  it('answers a query at the depth limit', async () => {
    const response = await graphql(url(), deepQuery(limits.depth));
    expect(response.errors).toBeUndefined();
  });

  it.each([
    ['depth', () => deepQuery(limits.depth + 1)],
    ['aliases', () => aliasQuery(limits.aliases + 1)],
    // 100 areas × 50 children × 50 children of theirs, three fields each: some 750,000 fields.
    ['cost', () => '{ areas(first: 100) { nodes { code name kind children { code name kind children { code name kind } } } } }'],
    ['tokens', () => `{ ${'a '.repeat(limits.tokens)} }`],
    // Refused before parsing: the parser would overflow its stack long before the depth rule ran.
    ['depth', () => `{ ${'a { '.repeat(6000)}b${' }'.repeat(6000)} }`],
  ])('refuses a query past the %s limit with QUERY_LIMIT_EXCEEDED and HTTP 400', async (limit, query) => {
    const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: query() }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse;
    expect(errorCode(body)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(body.errors![0].extensions!.limit).toBe(limit);
    expect(body.errors![0].message).not.toMatch(/Syntax Error/);
    expect(body.data ?? null).toBeNull();
  });

  it('counts a page size given as a variable, or left to its default, in the cost', async () => {
    const query = 'query($n: Int!) { areas(first: $n) { nodes { code children { code children { code name kind } } } } }';
    const refused = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { n: 100 } }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as GraphQLResponse).errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
    const small = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { n: 1 } }) });
    expect(small.status).toBe(200);
    const defaults = await graphql(url(), '{ areas { nodes { code children { code children { code children { code name kind } } } } } }');
    expect(defaults.errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
  });

  it('caps the page size', async () => {
    const response = await graphql(url(), '{ areas(first: 101) { totalCount } }');
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('asks browsers and proxies to keep no answer (cache-control: no-store)', async () => {
    const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ area(code: "SE") { name } }' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps CSRF prevention on: a simple cross-site GET is refused', async () => {
    const response = await fetch(`${url()}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('refuses a request body over the size limit', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Past every service's limit (the gateway and the actors registry take CSV imports of up to 3 MB).
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(4 * 1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    const body = await response.text();
    expect(JSON.parse(body).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body).not.toMatch(/ at |node_modules/);
  });
});

it('turns introspection and field suggestions off in production, and sends no stack traces', async () => {
  const port = await freePort();
  const urls = Object.fromEntries(Object.entries(federation.subgraphs).map(([name, service]) => [`${name.toUpperCase()}_URL`, service.url]));
  const gateway = await startProcess('gateway', port, { ...urls, GATEWAY_PORT: String(port), NODE_ENV: 'production' });
  try {
    const introspection = await graphql(gateway.url, '{ __schema { types { name } } }');
    expect(errorCode(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await graphql(gateway.url, '{ actorz { totalCount } }');
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace/);
  } finally {
    await gateway.stop();
  }
});
