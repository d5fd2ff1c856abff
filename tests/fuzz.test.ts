import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, SeededRandom, seededRandom, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * Fuzzing with a fixed seed, against real processes: the gateway, and the actors subgraph called
 * directly (GraphQL and its HSDS routes). Valid operations are mutated (random characters, NUL,
 * huge strings, deep nesting, wrong types, broken JSON, odd operation names, duplicate operations,
 * subscriptions) and random paths and methods are tried. Every answer must be below 500, JSON,
 * with documented error codes only, and free of SQL, addresses, stack frames and file paths.
 */
const SEED = 20261130;
const REQUESTS = 3000;
const CONCURRENCY = 8;


const DOCUMENTED_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'QUERY_LIMIT_EXCEEDED',
  'VERSION_CONFLICT',
  'DEPENDENCY_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'INTERNAL_SERVER_ERROR',
]);

const LEAKS: Array<[string, RegExp]> = [
  ['SQL', /SELECT |INSERT |syntax error at or near|relation "/i],
  ['an internal address', /127\.0\.0\.1|ECONNREFUSED|localhost:\d+/],
  ['a stack frame', /\n\s+at /],
  ['a file path', /\/work\/|node_modules|\.ts:\d+|\.js:\d+/],
];

interface Seed {
  query: string;
  variables: Record<string, unknown>;
  /** Whether the gateway and the actors subgraph both serve it (else the gateway only). */
  actors: boolean;
}

const SEEDS: Seed[] = [
  { query: 'query Area($code: ID!) { area(code: $code) { code name kind parent { name } children { code } } }', variables: { code: '0180' }, actors: true },
  {
    query: 'query Actors($first: Int!, $after: String, $text: String) { actors(first: $first, after: $after, filter: { text: $text }) { totalCount pageInfo { endCursor } nodes { id name kind } } }',
    variables: { first: 5, after: null, text: 'läxhjälp' },
    actors: true,
  },
  { query: 'query Actor($id: ID!) { actor(id: $id) { id name website areas { code } } }', variables: { id: DEMO_ACTORS.fryshuset }, actors: true },
  {
    query: 'query Areas($filter: AreaFilter, $first: Int!) { areas(first: $first, filter: $filter) { totalCount nodes { code name } } }',
    variables: { first: 10, filter: null },
    actors: true,
  },
  {
    query: 'mutation Create($input: CreateActorInput!) { createActor(input: $input) { id name } }',
    variables: { input: { name: 'Fuzz', kind: 'CIVIL_SOCIETY', areaCodes: ['0180'], website: 'https://example.se', description: 'x' } },
    actors: true,
  },
  {
    query: 'query Activities($filter: ActivityFilter) { activities(first: 5, filter: $filter) { totalCount nodes { title organisers { name } area { name } } } }',
    variables: { filter: { areaCode: '0180', text: 'fotboll', from: '2026-01-01', to: '2026-12-31' } },
    actors: false,
  },
  {
    query: 'query District($code: ID!) { area(code: $code) { name latestSituationReport { level } agreements { title } activities { title } } }',
    variables: { code: '0180-rinkeby-kista' },
    actors: false,
  },
];

const ODD_TEXT = ['\u0000', '\u0000\u0000', '\ud800', '\uffff', "'; DROP TABLE actors; --", '%00', '\\', '"', '{', '}', '[', '(', '$', '#', '\n', 'é', '😀', ' '];

function oddString(r: SeededRandom): string {
  switch (r.int(4)) {
    case 0:
      return Array.from({ length: 1 + r.int(20) }, () => r.pick(ODD_TEXT)).join('');
    case 1:
      return 'x'.repeat(1000 + r.int(60000));
    case 2:
      return String.fromCharCode(...Array.from({ length: 1 + r.int(40) }, () => r.int(0x3000)));
    default:
      return `a${r.pick(ODD_TEXT)}b`;
  }
}

function oddValue(r: SeededRandom, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
      return oddString(r);
    case 1:
      return r.pick([0, -1, 1e308, -2147483649, 2147483648, 0.5, Number.MAX_SAFE_INTEGER]);
    case 2:
      return r.next() < 0.5;
    case 3:
      return null;
    case 4:
      return '';
    case 5:
      return r.pick(['SE', '0180', '2026-02-30', '9999-99-99', DEMO_ACTORS.skr, '00000000-0000-0000-0000-000000000000']);
    case 6:
      return Array.from({ length: r.int(5) }, () => oddValue(r, depth + 1));
    case 7:
      return Object.fromEntries(Array.from({ length: 1 + r.int(3) }, () => [r.pick(['name', 'kind', 'x', '\u0000', 'areaCodes', 'text']), oddValue(r, depth + 1)]));
    default: {
      // Deeply nested lists.
      let value: unknown = 'deep';
      for (let i = 0; i < 50 + r.int(3000); i++) value = [value];
      return value;
    }
  }
}

/** Replaces one value somewhere in `variables` (or adds one). */
function mutateVariables(r: SeededRandom, variables: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  const keys = Object.keys(target);
  let key = keys.length ? r.pick(keys) : 'extra';
  while (target[key] && typeof target[key] === 'object' && !Array.isArray(target[key]) && r.next() < 0.6) {
    target = target[key] as Record<string, unknown>;
    const inner = Object.keys(target);
    key = inner.length ? r.pick(inner) : 'extra';
  }
  target[r.next() < 0.1 ? 'unexpected' : key] = oddValue(r);
  return copy;
}

function mutateQuery(r: SeededRandom, query: string): string {
  const at = r.int(query.length + 1);
  switch (r.int(6)) {
    case 0:
      return query.slice(0, at) + oddString(r).slice(0, 50) + query.slice(at);
    case 1:
      return query.slice(0, at) + query.slice(at + 1 + r.int(20));
    case 2: {
      const levels = r.pick([20, 100, 1000, 6000]);
      return `{ ${'area(code: "SE") { children { '.repeat(r.next() < 0.5 ? 1 : 0)}${'a { '.repeat(levels)}b${' }'.repeat(levels)} }`;
    }
    case 3:
      return `${query} ${query}`;
    case 4:
      return query.replace(/^(query|mutation)/, r.pick(['subscription', 'query', 'mutation', 'fragment', '']));
    default:
      return query.slice(0, at) + JSON.stringify(oddString(r).slice(0, 200)) + query.slice(at);
  }
}

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function graphQLRequest(r: SeededRandom, url: string, seed: Seed, token: string): FuzzRequest {
  let query = seed.query;
  let variables: unknown = seed.variables;
  let operationName: unknown = undefined;
  const kind = r.int(10);
  if (kind <= 2) query = mutateQuery(r, query);
  else if (kind <= 5) variables = mutateVariables(r, seed.variables);
  else if (kind === 6) operationName = r.pick(['Nope', '', 'A'.repeat(5000), 'Area Actors', seed.query.split(/[ (]/)[1]]);
  else if (kind === 7) variables = r.pick([[], 'not an object', 42, null, oddString(r)]);
  else if (kind === 8) query = r.pick([`${query} ${query.replace(/^(\w+) \w+/, '$1 Other')}`, 'subscription S { __typename }', '', '{', '}}}}', '#']);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = r.int(6);
  if (auth === 0) headers.authorization = token;
  if (auth === 1) headers.authorization = r.pick(['Bearer ', 'Bearer x.y.z', 'Basic abc', `Bearer ${token.split(' ')[1].slice(0, -3)}abc`]);
  if (r.next() < 0.2) headers['x-request-id'] = r.pick(['fuzz-1', 'x'.repeat(300), 'spaces are not sane', '../../etc']);
  let body = JSON.stringify({ query, variables, ...(operationName === undefined ? {} : { operationName }) });
  if (kind === 9) {
    // Broken JSON, or not JSON at all.
    body = r.pick([body.slice(0, r.int(body.length)), body.replace('{', '['), `${body}}`, 'null', '"query"', '[]', body.replace(/"/g, "'")]);
    if (r.next() < 0.3) headers['content-type'] = r.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']);
  }
  return { method: 'POST', url, headers, body };
}

/** Random bytes, percent-encoded: NUL, invalid UTF-8 and all. */
const randomBytes = (r: SeededRandom, length: number) =>
  Array.from({ length }, () => `%${r.int(256).toString(16).padStart(2, '0')}`).join('');

function otherRequest(r: SeededRandom, base: string, hsds: boolean): FuzzRequest {
  const method = r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
  const param = () => `${r.pick(['page', 'per_page', 'area', 'search', 'organization_id', 'modified_after', 'full', 'format', 'x'])}=${encodeURIComponent(r.pick(['1', '0', '-1', '99999999', '0180', 'SE', 'true', 'json', 'a\u0000b', "'", 'x'.repeat(300)]))}${r.next() < 0.3 ? randomBytes(r, 1 + r.int(30)) : ''}`;
  const path = hsds
    ? `${r.pick(['/hsds', '/hsds/organizations', '/hsds/services', `/hsds/organizations/${DEMO_ACTORS.fryshuset}`, '/hsds/services/%00', '/hsds/organizations/..%2f..%2f', '/hsds/x'])}?${Array.from({ length: r.int(4) }, param).join('&')}`
    : r.pick(['/', '/nope', '/graphql/', '/graphql?query=%7B__typename%7D', '/health', '/.env', '/%00', '/admin/../graphql', `/${randomBytes(r, 1 + r.int(30))}`]);
  return { method, url: `${base}${path}`, headers: r.next() < 0.5 ? { 'apollo-require-preflight': 'true' } : {}, body: method === 'GET' || method === 'HEAD' ? undefined : r.pick(['', '{}', '{"query":"{ __typename }"}', 'x']) };
}

let federation: TestFederation;

beforeAll(async () => {
  federation = await startFederation();
}, 180000);
afterAll(() => federation?.stop());

it(`answers ${REQUESTS} fuzzed requests (seed ${SEED}) without a 5xx, a leak or an undocumented code`, async () => {
  const r = seededRandom(SEED);
  const token = (await bearer(DEMO_ACTORS.fryshuset, [Role.COORDINATOR])).authorization;
  const gateway = federation.gateway.url;
  const actors = federation.subgraphs.actors.url;
  const requests: FuzzRequest[] = Array.from({ length: REQUESTS }, () => {
    const roll = r.next();
    if (roll < 0.45) return graphQLRequest(r, gateway, r.pick(SEEDS), token);
    if (roll < 0.75) return graphQLRequest(r, actors, r.pick(SEEDS.filter((seed) => seed.actors)), token);
    return otherRequest(r, r.next() < 0.5 ? actors.replace('/graphql', '') : gateway.replace('/graphql', ''), r.next() < 0.6);
  });

  const problems: string[] = [];
  const statuses = new Map<number, number>();
  const codes = new Map<string, number>();
  const started = Date.now();
  let next = 0;
  async function worker() {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index];
      const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const where = `#${index} ${request.method} ${request.url.slice(0, 120)} ${request.body?.slice(0, 200) ?? ''} -> ${response.status} ${text.slice(0, 300)}`;
      if (response.status >= 500) problems.push(`5xx: ${where}`);
      for (const [what, pattern] of LEAKS) if (pattern.test(text)) problems.push(`${what}: ${where}`);
      if (request.method === 'HEAD' || response.status === 204) continue;
      let body: { errors?: Array<{ extensions?: { code?: unknown } }> };
      try {
        body = JSON.parse(text);
      } catch {
        problems.push(`not JSON: ${where}`);
        continue;
      }
      for (const error of body.errors ?? []) {
        const code = String(error.extensions?.code);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (!DOCUMENTED_CODES.has(code) || code === 'INTERNAL_SERVER_ERROR') problems.push(`code ${code}: ${where}`);
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // The numbers, for the record of a run.
  process.stdout.write(
    `fuzz: ${REQUESTS} requests in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}; codes ${JSON.stringify(Object.fromEntries(codes))}\n`,
  );
  expect(problems.slice(0, 20)).toEqual([]);
}, 120000);
