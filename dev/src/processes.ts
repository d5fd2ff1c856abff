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
  stop(): Promise<void>;
}

/** Waits until `/health` answers, or fails with what the process printed. */
async function waitForHealth(port: number, child: ChildProcess, output: () => string, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer on port ${port} within ${timeoutMs} ms:\n${output()}`);
}

/** The compiled entry point of a service (`npm run build` makes it). */
export const entryOf = (service: ServiceName) => join(ROOT, service === 'gateway' ? 'gateway/dist/main.js' : `subgraphs/${service}/dist/main.js`);

/** Starts a service the way production does: its compiled code in its own Node process, configured by environment. */
export async function startProcess(service: ServiceName, port: number, env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [entryOf(service)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const output = () => log;
  await waitForHealth(port, child, output);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    child,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        // A process killed by a signal has no exit code, only the signal.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
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
