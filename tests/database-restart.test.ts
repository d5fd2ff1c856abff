import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, withDatabase } from '@samverkan/platform';
import { freePort, graphql, RestartablePostgres, ServiceProcess, startRestartablePostgres, startSubgraphProcess } from '@samverkan/test-support';

/**
 * A PostgreSQL restart is ordinary operations: the subgraph must ride it out by itself, say so on
 * `/ready` meanwhile, and answer again once the database is back, without a restart of its own.
 * A server of the test's own (embedded), so stopping it touches nobody else.
 */
let dataDir: string;
let port: number;
let server: RestartablePostgres | undefined;
let actors: ServiceProcess | undefined;

beforeAll(async () => {
  // Under /tmp, which the postgres OS user can enter when the tests run as root.
  dataDir = join(mkdtempSync(join(tmpdir(), 'samverkan-restart-')), 'postgres');
  port = await freePort();
  server = await startRestartablePostgres(dataDir, port);
  const url = withDatabase(server.url, 'actors');
  await ensureDatabase(url);
  actors = await startSubgraphProcess('actors', url, { LOG_LEVEL: 'warn' });
}, 120000);

afterAll(async () => {
  await actors?.stop();
  await server?.stop();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

const ready = async () => (await fetch(actors!.url.replace('/graphql', '/ready'))).status;
const areaCount = async () => (await graphql<{ areas: { totalCount: number } }>(actors!.url, '{ areas(first: 1) { totalCount } }')).data?.areas.totalCount;

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not within ${timeoutMs} ms: ${what}`);
}

it('rides out a PostgreSQL restart: not ready while it is down, answering again by itself once it is back', async () => {
  expect(await ready()).toBe(200);
  const areas = await areaCount();
  expect(areas).toBeGreaterThan(300);

  await server!.stop();
  await until(async () => (await ready()) === 503, '/ready says 503 while the database is down');
  expect((await fetch(actors!.url.replace('/graphql', '/health'))).status).toBe(200);
  const meanwhile = await fetch(actors!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ areas(first: 1) { totalCount } }' }) });
  expect(JSON.stringify(await meanwhile.json())).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\n\s+at /);

  server = await startRestartablePostgres(dataDir, port);
  await until(async () => (await ready()) === 200, '/ready says 200 again');
  await until(async () => (await areaCount()) === areas, 'queries answer again');
  expect(actors!.child.exitCode).toBeNull();
  expect(actors!.child.signalCode).toBeNull();
}, 120000);
