import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/**
 * Tests run what production runs: the compiled workspaces, brought up to date here (an incremental
 * `npm run build`, seconds when little changed). They use a real PostgreSQL: the server named by
 * SAMVERKAN_TEST_DATABASE_URL (CI uses the machine's server), or else an embedded one started here,
 * so `npm test` needs nothing installed. Tokens are signed with a key pair made for this run; every
 * service verifies against its public half.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  // Imported only now: they are the compiled workspaces the build just wrote.
  const { ensureLocalKeys, startEmbeddedPostgres } = await import('@samverkan/dev');
  const { loadConfig } = await import('@samverkan/platform');
  const { TEST_DATABASE_ENV } = await import('./database');
  const { TEST_PRIVATE_KEY_ENV } = await import('./auth');
  const keys = await ensureLocalKeys(mkdtempSync(join(tmpdir(), 'samverkan-test-keys-')));
  process.env.AUTH_JWKS_FILE = keys.jwksFile;
  // Services in and out of the test process keep the test output to warnings and errors (no access lines); a test that reads the log sets its own.
  process.env.LOG_LEVEL ??= 'warn';
  // Tests write records with SQL beside the API, which moves no change log: figures are counted afresh.
  process.env.FIGURES_CACHE_SECONDS ??= '0';
  // Webhook tests deliver to a receiver in the test process, over plain http on 127.0.0.1.
  process.env.WEBHOOK_ALLOW_INSECURE_URLS ??= 'true';
  process.env[TEST_PRIVATE_KEY_ENV] = keys.privateKeyFile;
  // The concerns subgraph requires the key of guardians' contact details: one for this run, in every subgraph the tests start.
  process.env.CONCERN_CONTACT_KEY ??= randomBytes(32).toString('base64');
  if (loadConfig('tests').testDatabaseUrl) return;
  const server = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data/test-postgres'), port: 54330 });
  process.env[TEST_DATABASE_ENV] = server.url;
  (globalThis as { embeddedPostgres?: typeof server }).embeddedPostgres = server;
}
