import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { DEMO_ACTORS } from '@samverkan/demo';
import { LOCAL_ISSUER } from '@samverkan/platform';
import { DashboardServer, ensureLocalKeys, startDashboardServer } from '@samverkan/test-support';

/**
 * The embedded default's dashboard server: the bundle as static files, its config.json, and the
 * development sign-in, which signs tokens only for demo organisations and known roles.
 */
let server: DashboardServer;
let base: string;
let jwksFile: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-dashboard-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>lägesbild</title>');
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not served');
  const finder = join(dir, 'finder');
  mkdirSync(join(finder, 'outlines'), { recursive: true });
  writeFileSync(join(finder, 'index.html'), '<!doctype html><title>Hitta aktiviteter</title>');
  writeFileSync(join(finder, 'outlines', '1480.json'), '{"code":"1480"}');
  const keys = await ensureLocalKeys(join(dir, 'auth'));
  jwksFile = keys.jwksFile;
  server = await startDashboardServer({ port: 0, gatewayUrl: 'http://localhost:4999/graphql', privateKeyFile: keys.privateKeyFile, distDir: dist, finderDistDir: finder });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(() => server?.stop());

const signIn = (body: unknown) =>
  fetch(`${base}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

it('serves the page, its hashed assets and a config.json naming the gateway and the development sign-in', async () => {
  const page = await fetch(`${base}/`);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect(await page.text()).toContain('lägesbild');
  const asset = await fetch(`${base}/assets/index-abc.js`);
  expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  expect(await (await fetch(`${base}/config.json`)).json()).toEqual({ gatewayUrl: 'http://localhost:4999/graphql', signIn: 'dev' });
  // A view's path is the page; a missing file is not, and nothing outside the bundle is served.
  expect(await (await fetch(`${base}/omrade/01`)).text()).toContain('lägesbild');
  expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  expect((await fetch(`${base}/..%2fsecret.txt`)).status).toBe(404);
  expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
});

it('signs a token from the local issuer for a demo organisation and role, and nothing else', async () => {
  const options = (await (await fetch(`${base}/dev/sign-in`)).json()) as { organisations: Array<{ key: string; id: string; role: string }>; roles: string[] };
  expect(options.organisations).toContainEqual({ key: 'skr', id: DEMO_ACTORS.skr, role: 'NATIONAL_COORDINATOR' });
  expect(options.roles).toEqual(expect.arrayContaining(['MEMBER', 'COORDINATOR', 'NATIONAL_COORDINATOR']));

  const answer = await signIn({ organisationId: DEMO_ACTORS.skr, role: 'NATIONAL_COORDINATOR' });
  expect(answer.status).toBe(200);
  const { token } = (await answer.json()) as { token: string };
  const keys = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
  const { payload } = await jwtVerify(token, keys, { issuer: LOCAL_ISSUER, audience: 'samverkan' });
  expect(payload).toMatchObject({ org: DEMO_ACTORS.skr, roles: ['NATIONAL_COORDINATOR'], sub: 'dashboard-skr' });

  expect((await signIn({ organisationId: '00000000-0000-4000-8000-000000000000', role: 'MEMBER' })).status).toBe(400);
  expect((await signIn({ organisationId: DEMO_ACTORS.skr, role: 'SUPERUSER' })).status).toBe(400);
  expect((await fetch(`${base}/dev/sign-in`, { method: 'POST', body: 'not json' })).status).toBe(400);
  expect((await fetch(`${base}/dev/sign-in`, { method: 'DELETE' })).status).toBe(405);
});

it('serves the public finder under /hitta/ with a config.json naming the gateway only', async () => {
  expect(server.finderUrl).toBe(`http://localhost:${server.port}/hitta/`);
  const redirect = await fetch(`${base}/hitta`, { redirect: 'manual' });
  expect(redirect.status).toBe(301);
  expect(redirect.headers.get('location')).toBe('/hitta/');
  expect(await (await fetch(`${base}/hitta/`)).text()).toContain('Hitta aktiviteter');
  expect(await (await fetch(`${base}/hitta/config.json`)).json()).toEqual({ gatewayUrl: 'http://localhost:4999/graphql' });
  expect(await (await fetch(`${base}/hitta/outlines/1480.json`)).json()).toEqual({ code: '1480' });
  // Nothing outside its bundle, and the dashboard's page stays the dashboard's.
  expect((await fetch(`${base}/hitta/..%2Fsecret.txt`)).status).toBe(404);
  expect((await fetch(`${base}/hitta/outlines/9999.json`)).status).toBe(404);
  expect(await (await fetch(`${base}/`)).text()).toContain('lägesbild');
});
