import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envName, SERVICES, ServiceName, SUBGRAPHS, SubgraphName, VARIABLES } from '@samverkan/platform';
import { dropDatabase, entryOf, freePort, freshDatabase, graphql } from '@samverkan/test-support';

/**
 * `npm start` as a developer runs it (its compiled entry, in a process group of its own, as a
 * terminal makes one): a subgraph killed with SIGKILL comes back, Ctrl-C stops everything, and the
 * embedded PostgreSQL dying stops it all with a clear message.
 */
const ROOT = join(__dirname, '..');
const START = join(ROOT, 'dev/dist/start.js');
const STOP_BOUND_MS = 20_000;

interface Run {
  child: ChildProcess;
  ports: Record<ServiceName, number>;
  log: () => string;
  exited: Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The run's exit code, or 'still running' after `ms`. */
async function exitWithin(run: Run, ms: number): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), ms)));
  try {
    return await Promise.race([run.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `check` holds; fails early if `run` (when given) exits meanwhile. */
async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, run?: Run, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    if (run && run.child.exitCode !== null) throw new Error(`npm start exited (${run.child.exitCode}) before ${what}:\n${run.log()}`);
    await sleep(200);
  }
  throw new Error(`no ${what} within ${timeoutMs} ms:\n${run?.log() ?? ''}`);
}

/** Starts `npm start` on free ports with `env`, and waits until it says it is running. */
async function npmStart(env: Record<string, string>): Promise<Run> {
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (name) => [name, await freePort()]))) as Record<ServiceName, number>;
  // Only what this test sets: earlier test files in this worker may have left service variables behind.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name === 'AUTH_JWKS_FILE' || !VARIABLES.some((v) => v.name === name)));
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      ...Object.fromEntries(SERVICES.map((name) => [envName(name, 'PORT'), String(ports[name])])),
      DASHBOARD_PORT: String(await freePort()),
      ...env,
    },
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run = { child, ports, log: () => log, exited };
  await until('"samverkan is running"', () => log.includes('samverkan is running'), run, 120_000);
  return run;
}

const health = (port: number) =>
  fetch(`http://127.0.0.1:${port}/health`).then(
    (response) => response.ok,
    () => false,
  );

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** Whether any process is left in the run's group. */
function groupAlive(run: Run): boolean {
  try {
    process.kill(-run.child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a service `npm start` runs. */
const pidOf = (run: Run, service: ServiceName) =>
  Number(execFileSync('pgrep', ['-P', String(run.child.pid), '-f', entryOf(service)], { encoding: 'utf8' }).trim());

/** SIGKILLs a subgraph and waits until it is back: logged, healthy, and answering through the gateway. */
async function killAndSeeItBack(run: Run, name: SubgraphName) {
  const pid = pidOf(run, name);
  process.kill(pid, 'SIGKILL');
  await until('the death logged', () => run.log().includes(`${name} (pid ${pid}) was killed by SIGKILL; restarting in 0.5 s`), run);
  const restarted = await until('the restart logged', () => new RegExp(`${name} restarted \\(pid (\\d+)\\)`).exec(run.log()) ?? undefined, run);
  expect(Number(restarted[1])).toBe(pidOf(run, name));
  expect(await health(run.ports[name])).toBe(true);
}

/** Ctrl-C, as a terminal sends it to the whole group: everything stops, within a bound. */
async function interruptAndSeeAllStopped(run: Run) {
  const began = Date.now();
  process.kill(-run.child.pid!, 'SIGINT');
  expect(await exitWithin(run, STOP_BOUND_MS)).toBe(0);
  await until('the group to empty', () => !groupAlive(run), undefined, 5000);
  expect(Date.now() - began).toBeLessThan(STOP_BOUND_MS);
}

async function expectPortsFree(ports: number[]) {
  for (const port of ports) expect(await portFree(port)).toBe(true);
}

let current: Run | undefined;
afterEach(() => {
  // A failed test must not leave its processes behind.
  if (current && groupAlive(current)) process.kill(-current.child.pid!, 'SIGKILL');
  current = undefined;
});

describe('npm start on existing databases', () => {
  const databases = {} as Record<SubgraphName, string>;
  beforeAll(async () => {
    for (const name of SUBGRAPHS) databases[name] = await freshDatabase(name);
  });
  afterAll(() => Promise.all(Object.values(databases).map(dropDatabase)));

  it('restarts a subgraph killed with SIGKILL, and stops everything on Ctrl-C', async () => {
    // With databases of one's own the contact-details key is the user's to give (the test run's here).
    const run = (current = await npmStart({
      ...Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'DATABASE_URL'), databases[name]])),
      CONCERN_CONTACT_KEY: process.env.CONCERN_CONTACT_KEY!,
    }));
    await killAndSeeItBack(run, 'actors');
    const answer = await graphql(`http://127.0.0.1:${run.ports.gateway}/graphql`, '{ area(code: "0180") { name } }');
    expect(answer).toEqual({ data: { area: { name: 'Stockholm' } } });

    await interruptAndSeeAllStopped(run);
    expect(run.log()).toContain('Stopping ...');
    await expectPortsFree(Object.values(run.ports));
  });
});

describe('npm start on its embedded PostgreSQL', () => {
  let dataDir: string;
  let pgPort: number;
  beforeAll(async () => {
    // Open to all, so that run as root the postgres OS user can keep its data here.
    dataDir = mkdtempSync(join(tmpdir(), 'samverkan-npm-start-'));
    chmodSync(dataDir, 0o755);
    pgPort = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = () => npmStart({ SAMVERKAN_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(pgPort), SEED_DEMO_DATA: 'false' });
  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0]);

  it('restarts a subgraph, and stops the PostgreSQL too on Ctrl-C', async () => {
    const run = (current = await start());
    await killAndSeeItBack(run, 'situation');
    await interruptAndSeeAllStopped(run);
    // A clean shutdown removes the pid file.
    expect(existsSync(join(dataDir, 'postgres/postmaster.pid'))).toBe(false);
    await expectPortsFree([...Object.values(run.ports), pgPort]);
  }, 180_000);

  it('stops everything, saying why, when the PostgreSQL dies', async () => {
    const run = (current = await start());
    process.kill(postmasterPid(), 'SIGKILL');
    expect(await exitWithin(run, STOP_BOUND_MS)).toBe(1);
    expect(run.log()).toContain('The embedded PostgreSQL was killed by SIGKILL: stopping samverkan');
    await until('the group to empty', () => !groupAlive(run), undefined, 5000);
    await until('the ports to be free', async () => (await Promise.all([...Object.values(run.ports), pgPort].map(portFree))).every(Boolean), undefined, 10_000);
  }, 180_000);
});
