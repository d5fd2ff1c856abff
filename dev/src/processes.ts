import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { envName, ServiceName, SubgraphName } from '@samverkan/platform';

const ROOT = join(__dirname, '../..');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; returns at once if it has already exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Whether a child has ended: one killed by a signal keeps `exitCode` null and sets `signalCode`. */
export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** How a child ended, for the log: "exited with code 1" or "was killed by SIGKILL". */
export const howExited = (child: ChildProcess) =>
  child.signalCode ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`;

/** Resolves when the child has ended, at once if it already has. */
export const exitOf = (child: ChildProcess) =>
  new Promise<void>((resolve) => (hasExited(child) ? resolve() : child.once('exit', () => resolve())));

const STOP_GRACE_MS = 5000;
/** How much of a child's latest output is kept, for errors and tests. */
const MAX_KEPT_OUTPUT = 1 << 20;

/** Stops a child: SIGTERM, and SIGKILL for one still running `graceMs` later. */
export async function stopChild(child: ChildProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  if (hasExited(child)) return;
  const exited = exitOf(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

// Children still running when this process exits (a forced exit, a crash) would hold their ports:
// kill them then. The exit hook is there only while some run.
const running = new Set<ChildProcess>();
const killRunning = () => running.forEach((child) => child.kill('SIGKILL'));
function track(child: ChildProcess) {
  if (running.size === 0) process.on('exit', killRunning);
  running.add(child);
  child.once('exit', () => {
    running.delete(child);
    if (running.size === 0) process.removeListener('exit', killRunning);
  });
}

/** Waits until `/health` answers, or fails with what the process printed. */
async function waitForHealth(port: number, child: ChildProcess, output: () => string, signal?: AbortSignal, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (hasExited(child)) throw new Error(`process ${howExited(child)}:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`, { signal });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer on port ${port} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Node's flags for the gateway, wherever it runs: here (`npm start`, the tests, the benchmarks), and in
 * the image's CMD and docker-compose.yml, which the tests check against this list. Its live heap is
 * some 50 MB, but V8 sizes its heap by the machine's memory: left alone, the young generation grows to
 * 2 × 16 MB, and the old one fills with up to three times its live data in garbage before a full
 * collection (250–310 MB resident at 40 connections). A young generation of 2 × 8 MB and an old-space
 * ceiling of 1 GB (under which V8 collects at about 1.6 times the live data) keep it near 200 MB at the
 * same throughput; 1 GB is still some twenty times what it holds.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--max-old-space-size=1024'];

/** The compiled entry point of a service (`npm run build` makes it). */
export const entryOf = (service: ServiceName) => join(ROOT, service === 'gateway' ? 'gateway/dist/main.js' : `subgraphs/${service}/dist/main.js`);

/**
 * Runs a Node script in its own process (with `nodeFlags` before it), configured by environment, and
 * waits until its `/health` answers on `port`. Aborting `signal` stops a start under way; a start that
 * fails stops the process.
 */
export async function startNodeProcess(
  script: string,
  port: number,
  env: Record<string, string>,
  { signal, nodeFlags = [] }: { signal?: AbortSignal; nodeFlags?: readonly string[] } = {},
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [...nodeFlags, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  // The latest output only: a service logs a line per request, and a long-running npm start must not grow with it.
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk;
    if (log.length > MAX_KEPT_OUTPUT) log = log.slice(-MAX_KEPT_OUTPUT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const output = () => log;
  try {
    await waitForHealth(port, child, output, signal);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    child,
    output,
    stop: (graceMs) => (stopping ??= stopChild(child, graceMs)),
  };
}

/** Starts a service the way production does: its compiled code in its own Node process, configured by environment. */
export function startProcess(service: ServiceName, port: number, env: Record<string, string>, options: { signal?: AbortSignal } = {}): Promise<ServiceProcess> {
  return startNodeProcess(entryOf(service), port, env, { ...options, nodeFlags: service === 'gateway' ? GATEWAY_NODE_FLAGS : [] });
}

/** Starts one subgraph process on a free port with its database. */
export async function startSubgraphProcess(
  name: SubgraphName,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const port = await freePort();
  return startProcess(name, port, {
    [envName(name, 'PORT')]: String(port),
    [envName(name, 'DATABASE_URL')]: databaseUrl,
    ...env,
  });
}
