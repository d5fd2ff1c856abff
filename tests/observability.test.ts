import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { loadConfig } from '@samverkan/platform';
import { bearer, dropDatabase, freshDatabase, graphql, ServiceProcess, startFederation, startSubgraphProcess, TestFederation } from '@samverkan/test-support';

/** One span as OTLP/HTTP JSON carries it, with the service that sent it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  name: string;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{ spans?: Array<{ traceId: string; name: string; attributes?: OtlpAttribute[] }> }>;
  }>;
}

const attributesOf = (attributes: OtlpAttribute[] = []) => Object.fromEntries(attributes.map(({ key, value }) => [key, value.stringValue ?? value.intValue]));

/** An OTLP/HTTP collector in this process: what the services' real exporters send, kept in memory. */
async function startCollector() {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const exported = JSON.parse(body) as OtlpExport;
      for (const { resource, scopeSpans = [] } of exported.resourceSpans ?? []) {
        const service = String(attributesOf(resource?.attributes)['service.name']);
        for (const span of scopeSpans.flatMap((scope) => scope.spans ?? [])) {
          spans.push({ service, traceId: span.traceId, name: span.name, attributes: attributesOf(span.attributes) });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = () => {
    server.closeAllConnections(); // the exporters' kept-alive connections
    return new Promise((resolve) => server.close(resolve));
  };
  return { spans, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop };
}

async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const metricsOf = async (service: ServiceProcess) => {
  const response = await fetch(`http://127.0.0.1:${service.port}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};

/** The value of one series in Prometheus's text format, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((label) => l.includes(label)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

// The district picture: the area from the actors registry, its latest report from situation.
const DISTRICT_PICTURE = `query DistrictPicture($code: ID!) { area(code: $code) { name latestSituationReport { level } } }`;

describe('traces and metrics across the federation', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let federation: TestFederation;
  const traceId = randomBytes(16).toString('hex');

  beforeAll(async () => {
    collector = await startCollector();
    federation = await startFederation({
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    // The client's own trace context: the gateway continues the caller's trace.
    const { data, errors } = await federation.query(
      DISTRICT_PICTURE,
      { code: DEMO_AREAS.rinkebyKista },
      { ...(await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR])), traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    );
    expect(errors).toBeUndefined();
    expect(data!.area.latestSituationReport.level).toBeTruthy();
  }, 180000);
  afterAll(async () => {
    await federation?.stop();
    await collector?.stop();
  });

  it('follows one query from the gateway through each subgraph it asked to their SQL, in one trace', async () => {
    // Spans arrive in batches, each service's on its own schedule, the gateway's outermost last: wait for the whole picture.
    const trace = await eventually(() => {
      const spans = collector.spans.filter((span) => span.traceId === traceId);
      const named = (service: string) => spans.filter((span) => span.service === service).map((span) => span.name);
      const sql = (service: string) =>
        spans.filter((span) => span.service === service && span.attributes['db.system.name'] === 'postgresql' && /select/i.test(String(span.attributes['db.query.text'])));
      // The gateway's plan and its fetches (Apollo's own spans), each subgraph executing its part of the plan, and their SQL.
      expect(named('samverkan-gateway')).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.fetch']));
      expect(named('samverkan-actors')).toEqual(expect.arrayContaining([expect.stringMatching(/^query DistrictPicture__actors__\d+$/)]));
      expect(named('samverkan-situation')).toEqual(expect.arrayContaining([expect.stringMatching(/^query DistrictPicture__situation__\d+$/)]));
      expect(sql('samverkan-actors').length).toBeGreaterThan(0);
      expect(sql('samverkan-situation').length).toBeGreaterThan(0);
      return spans;
    });
    expect([...new Set(trace.map((span) => span.service))].sort()).toEqual(['samverkan-actors', 'samverkan-gateway', 'samverkan-situation']);
    // Statements without their values.
    expect(trace.every((span) => !Object.keys(span.attributes).some((key) => key.startsWith('db.query.parameter') || key === 'db.postgresql.values'))).toBe(true);
  });

  it('leaves probes and scrapes out of traces', async () => {
    await fetch(`http://127.0.0.1:${federation.gateway.port}/ready`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const path = (span: ReceivedSpan) => String(span.attributes['url.path'] ?? span.attributes['http.target']);
    expect(collector.spans.some((span) => path(span) === '/graphql')).toBe(true);
    expect(collector.spans.filter((span) => /^\/(health|ready|metrics)/.test(path(span)))).toEqual([]);
  });

  it('counts and times the query by name at the gateway, with each subgraph fetch, and the pool at each subgraph', async () => {
    const gateway = await metricsOf(federation.gateway);
    expect(sample(gateway, 'graphql_requests_total', { operation: 'DistrictPicture', outcome: 'ok' })).toBe(1);
    expect(sample(gateway, 'graphql_request_duration_seconds_count', { operation: 'DistrictPicture' })).toBe(1);
    expect(sample(gateway, 'graphql_request_duration_seconds_bucket', { operation: 'DistrictPicture', le: '+Inf' })).toBe(1);
    for (const subgraph of ['actors', 'situation']) {
      expect(sample(gateway, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    }
    expect(gateway).toContain('# TYPE gateway_subgraph_fetch_errors_total counter');
    expect(gateway).toContain('process_cpu_user_seconds_total');

    const actors = await metricsOf(federation.subgraphs.actors);
    expect(sample(actors, 'db_pool_connections', { pool: 'actors' })).toBeGreaterThanOrEqual(1);
    expect(sample(actors, 'db_pool_idle_connections', { pool: 'actors' })).toBeGreaterThanOrEqual(0);
    expect(sample(actors, 'db_pool_waiting_requests', { pool: 'actors' })).toBe(0);
    // The gateway names what it asks a subgraph after the client's operation.
    expect(actors).toMatch(/graphql_requests_total\{operation="DistrictPicture__actors__\d+",outcome="ok"\} 1/);
  });

  it('verifies a token once in each service, then takes it from the cache of verified tokens', async () => {
    const headers = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
    const services = [federation.gateway, federation.subgraphs.actors, federation.subgraphs.situation];
    const before = await Promise.all(services.map(metricsOf));
    for (let i = 0; i < 3; i++) expect((await federation.query(DISTRICT_PICTURE, { code: DEMO_AREAS.rinkebyKista }, headers)).errors).toBeUndefined();
    const after = await Promise.all(services.map(metricsOf));
    const counted = (i: number, result: string) =>
      (sample(after[i], 'auth_token_checks_total', { result }) ?? 0) - (sample(before[i], 'auth_token_checks_total', { result }) ?? 0);
    services.forEach((_service, i) => {
      expect(counted(i, 'verified')).toBe(1);
      expect(counted(i, 'cached')).toBeGreaterThanOrEqual(2);
      expect(counted(i, 'refused')).toBe(0);
    });
  });

  it('buckets anonymous operations and unresolved ones, and counts errors by code', async () => {
    await federation.query('{ __typename }');
    await federation.query('{ noSuchField }');
    await federation.query('query Unknown { area(code: "x") { name } }', {}, { authorization: 'Bearer forged' });
    const gateway = await metricsOf(federation.gateway);
    expect(sample(gateway, 'graphql_requests_total', { operation: 'anonymous', outcome: 'ok' })).toBe(1);
    expect(sample(gateway, 'graphql_requests_total', { operation: 'unresolved', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(gateway, 'graphql_requests_total', { operation: 'unresolved', outcome: 'UNAUTHENTICATED' })).toBe(1);
  });
});

describe('/health and /ready', () => {
  let database: string;
  let actors: ServiceProcess;
  let server: Client;
  const name = () => new URL(database).pathname.slice(1);
  const setConnections = async (allowed: boolean) => {
    await server.query(`ALTER DATABASE "${name()}" ALLOW_CONNECTIONS ${allowed}`);
    if (!allowed) await server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name()]);
  };
  const probe = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${actors.port}${path}`);
    return { status: response.status, body: (await response.json()) as { status: string } };
  };

  beforeAll(async () => {
    database = await freshDatabase('actors');
    actors = await startSubgraphProcess('actors', database, { SEED_DEMO_DATA: 'false', METRICS_ENABLED: 'false', LOG_LEVEL: 'info' });
    server = new Client({ connectionString: loadConfig('tests').testDatabaseUrl });
    await server.connect();
  }, 120000);
  afterAll(async () => {
    await actors?.stop();
    await server?.end();
    if (database) await dropDatabase(database);
  });

  it('are 200 while the database answers', async () => {
    expect(await probe('/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await probe('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('/ready is 503 while the database is gone, /health stays 200, and /ready recovers by itself', async () => {
    await setConnections(false);
    try {
      await eventually(async () => expect(await probe('/ready')).toEqual({ status: 503, body: { status: 'not ready', reason: 'the database does not answer' } }));
      expect(await probe('/health')).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await graphql(actors.url, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await setConnections(true);
    }
    await eventually(async () => expect((await probe('/ready')).status).toBe(200));
    // The child's log reaches this process through a pipe, a moment after it answered.
    await eventually(async () => expect(actors.output()).toContain('Ready: the database answers again'));
    expect(actors.output()).toContain('Not ready: the database does not answer');
  });

  it('has no /metrics with METRICS_ENABLED=false', async () => {
    expect((await fetch(`http://127.0.0.1:${actors.port}/metrics`)).status).toBe(404);
  });
});
