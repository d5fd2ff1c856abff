import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { signLocalToken } from './local-issuer';

/**
 * The dashboard in the embedded default: its built bundle (dashboard/dist) served as static files,
 * with a `config.json` naming this federation's gateway and the development sign-in, which exists
 * only here: `GET /dev/sign-in` lists the demo organisations and roles, `POST /dev/sign-in` returns
 * a token from the local issuer for the one picked. Production serves the bundle from any web server
 * with its own config.json (OIDC); nothing of this file is in the production image.
 *
 * The same server serves the public finder's bundle (finder/dist) under /hitta/, with a config.json
 * naming the gateway only: no sign-in, anonymous GraphQL requests.
 */
const ROOT = join(__dirname, '../..');
export const DASHBOARD_DIR = join(ROOT, 'dashboard');
const DIST = join(DASHBOARD_DIR, 'dist');
/** The public finder (finder/): a bundle of its own, served by the same server under FINDER_PATH. */
export const FINDER_DIR = join(ROOT, 'finder');
const FINDER_DIST = join(FINDER_DIR, 'dist');
/** Where the public finder is, on the dashboard's server: `http://localhost:4005/hitta/` in `npm start`. */
export const FINDER_PATH = '/hitta/';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** A Vite workspace built into its dist/ folder: what its build reads (a newer one than dist/index.html means a rebuild). */
interface Bundle {
  name: string;
  dir: string;
  inputs: string[];
  building?: Promise<'built' | 'up to date'>;
}

const DASHBOARD: Bundle = {
  name: 'dashboard',
  dir: DASHBOARD_DIR,
  inputs: [
    join(DASHBOARD_DIR, 'src'),
    join(DASHBOARD_DIR, 'public'),
    join(DASHBOARD_DIR, 'index.html'),
    join(DASHBOARD_DIR, 'vite.config.ts'),
    join(DASHBOARD_DIR, 'figures-catalogue.ts'),
    join(DASHBOARD_DIR, 'package.json'),
    join(ROOT, 'gateway/supergraph.graphql'),
  ],
};

const FINDER: Bundle = {
  name: 'finder',
  dir: FINDER_DIR,
  inputs: [
    join(FINDER_DIR, 'src'),
    join(FINDER_DIR, 'public'),
    join(FINDER_DIR, 'index.html'),
    join(FINDER_DIR, 'vite.config.ts'),
    join(FINDER_DIR, 'outlines.ts'),
    join(FINDER_DIR, 'package.json'),
    // What it bundles from elsewhere: the labels, the GraphQL client and the municipalities' outlines.
    join(ROOT, 'shared/federation/src/labels.ts'),
    join(DASHBOARD_DIR, 'src/graphql.ts'),
    join(DASHBOARD_DIR, 'src/geo'),
  ],
};

/** How long a build waits for another process's build of the same bundle, in seconds. */
const ANOTHER_BUILD_WAIT_S = 180;

const upToDate = (bundle: Bundle) => newest(join(bundle.dir, 'dist', 'index.html')) > Math.max(...bundle.inputs.map(newest));
export const dashboardUpToDate = () => upToDate(DASHBOARD);
export const finderUpToDate = () => upToDate(FINDER);

/**
 * `vite build` of a bundle when its sources are newer than the last build; seconds, and nothing
 * when up to date. Builds into a folder of its own and then swaps it in, so a server never serves a
 * half-written bundle.
 */
function build(bundle: Bundle, force: boolean): Promise<'built' | 'up to date'> {
  if (!force && upToDate(bundle)) return Promise.resolve('up to date');
  return (bundle.building ??= (async () => {
    const dist = join(bundle.dir, 'dist');
    const vite = join(require.resolve('vite/package.json', { paths: [bundle.dir] }), '..', 'bin/vite.js');
    const outDir = join(bundle.dir, `dist.building-${process.pid}`);
    let output = '';
    let code: number | null = null;
    // Vite refuses a second build of a project while one runs (another test worker, npm start): wait for that one, whose bundle may then be ours.
    for (let waited = 0; ; waited++) {
      output = '';
      code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
          cwd: bundle.dir,
          // A production bundle whoever builds it (jest runs with NODE_ENV=test, which would give React's development build).
          env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.once('error', reject);
        child.once('exit', resolve);
      });
      if (code === 0 || !output.includes('Found another Vite build process') || waited >= ANOTHER_BUILD_WAIT_S) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (!force && upToDate(bundle)) return 'up to date' as const;
    }
    if (code !== 0) {
      rmSync(outDir, { recursive: true, force: true });
      throw new Error(`the ${bundle.name}'s build (vite build) failed:\n${output}`);
    }
    // Another process (a test worker, npm start) may have built the same sources meanwhile: keep its
    // bundle, which a server may be serving, rather than swap in an identical one.
    if (!force && upToDate(bundle)) {
      rmSync(outDir, { recursive: true, force: true });
      return 'up to date' as const;
    }
    rmSync(dist, { recursive: true, force: true });
    renameSync(outDir, dist);
    return 'built' as const;
  })().finally(() => (bundle.building = undefined)));
}

/** The dashboard's bundle (dashboard/dist), built when its sources (or the supergraph, whose figures it asks for) changed. */
export const buildDashboard = ({ force = false } = {}) => build(DASHBOARD, force);
/** The public finder's bundle (finder/dist), built when its sources changed. */
export const buildFinder = ({ force = false } = {}) => build(FINDER, force);

/** Demo organisations with the role a person there would have in the demo; any role can be picked. */
const SUGGESTED_ROLES: Partial<Record<keyof typeof DEMO_ACTORS, Role>> = {
  polisen: Role.NATIONAL_COORDINATOR,
  skr: Role.NATIONAL_COORDINATOR,
  mucf: Role.NATIONAL_COORDINATOR,
  raddaBarnen: Role.NATIONAL_COORDINATOR,
  riksidrottsforbundet: Role.NATIONAL_COORDINATOR,
  fryshuset: Role.NATIONAL_COORDINATOR,
};
const demoOrganisations = () =>
  Object.entries(DEMO_ACTORS).map(([key, id]) => ({ key, id, role: SUGGESTED_ROLES[key as keyof typeof DEMO_ACTORS] ?? Role.COORDINATOR }));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface DashboardServerOptions {
  port: number;
  host?: string;
  /** The gateway's GraphQL URL as the browser reaches it. */
  gatewayUrl: string;
  /** The local issuer's private key: the development sign-in signs with it. */
  privateKeyFile?: string;
  /**
   * Serve the bundle the production way instead: config.json names this OIDC provider and there is
   * no development sign-in (the tests check the authorization-code flow with it).
   */
  oidc?: { authority: string; clientId: string; scope?: string };
  /** Default dashboard/dist. */
  distDir?: string;
  /** The public finder's bundle, served under FINDER_PATH (no sign-in); default finder/dist. */
  finderDistDir?: string;
}

export interface DashboardServer {
  url: string;
  /** The public finder's address. */
  finderUrl: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_BODY = 10_000;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(new Error('too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
};

export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const dist = options.distDir ?? DIST;
  const finderDist = options.finderDistDir ?? FINDER_DIST;
  // The finder's config.json: the gateway only, asked anonymously.
  const finderConfig = JSON.stringify({ gatewayUrl: options.gatewayUrl });
  const organisations = demoOrganisations();
  const devSignIn = !options.oidc && !!options.privateKeyFile;
  const config = JSON.stringify(
    options.oidc ? { gatewayUrl: options.gatewayUrl, signIn: 'oidc', oidc: options.oidc } : { gatewayUrl: options.gatewayUrl, signIn: 'dev' },
  );

  const signIn = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'GET') return json(response, 200, { organisations, roles: Object.values(Role) });
    if (request.method !== 'POST') return json(response, 405, { error: 'GET eller POST' });
    let asked: { organisationId?: unknown; role?: unknown };
    try {
      asked = JSON.parse(await readBody(request));
    } catch {
      return json(response, 400, { error: 'Begäran ska vara JSON: { organisationId, role }' });
    }
    const organisation = organisations.find((o) => o.id === asked.organisationId);
    const role = Object.values(Role).find((r) => r === asked.role);
    if (!organisation || !role) return json(response, 400, { error: 'Välj en demoorganisation och en roll.' });
    const token = await signLocalToken(options.privateKeyFile!, {
      organisationId: organisation.id,
      roles: [role],
      subject: `dashboard-${organisation.key}`,
      expiresIn: '8h',
    });
    json(response, 200, { token });
  };

  const serveFile = (path: string, response: ServerResponse) => {
    // Hashed assets never change; the page and its config are asked for anew.
    const immutable = path.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    response.end(readFileSync(path));
  };

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/dev/sign-in') {
      if (!devSignIn) return json(response, 404, { error: 'Ingen utvecklingsinloggning här: logga in hos identitetsleverantören.' });
      signIn(request, response).catch((error: Error) => json(response, 500, { error: `Kunde inte skapa en token: ${error.message}` }));
      return;
    }
    if (path === '/health') return json(response, 200, { status: 'ok' });
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(response, 405, { error: 'GET' });
    if (path === '/config.json') {
      response.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      return void response.end(config);
    }
    if (path === FINDER_PATH.slice(0, -1)) return void response.writeHead(301, { location: FINDER_PATH }).end();
    if (path === `${FINDER_PATH}config.json`) {
      response.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      return void response.end(finderConfig);
    }
    const finder = path.startsWith(FINDER_PATH);
    const root = finder ? finderDist : dist;
    const file = normalize(join(root, finder ? path.slice(FINDER_PATH.length - 1) : path));
    if (!file.startsWith(root + sep) && file !== root) return json(response, 404, { error: 'Ingen sådan fil' });
    if (existsSync(file) && statSync(file).isFile()) return serveFile(file, response);
    // The page itself for every other path (the view is in the fragment, but a reload of a sub-path works too).
    const index = join(root, 'index.html');
    if (!extname(path) && existsSync(index)) return serveFile(index, response);
    json(response, 404, { error: 'Ingen sådan fil' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}/`,
    finderUrl: `http://localhost:${port}${FINDER_PATH}`,
    port,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
