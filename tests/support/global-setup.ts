import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalKeys } from '../../shared/src/auth/local-issuer';
import { startEmbeddedPostgres } from '../../shared/src/embedded-postgres';
import { TEST_DATABASE_ENV } from './database';
import { TEST_PRIVATE_KEY_ENV } from './auth';

/**
 * Tests run on a real PostgreSQL: the server named by SAMVERKAN_TEST_DATABASE_URL (CI uses the
 * machine's server), or else an embedded one started here, so `npm test` needs nothing installed.
 * Tokens are signed with a key pair made for this run; every service verifies against its public half.
 */
export default async function globalSetup(): Promise<void> {
  const keys = await ensureLocalKeys(mkdtempSync(join(tmpdir(), 'samverkan-test-keys-')));
  process.env.AUTH_JWKS_FILE = keys.jwksFile;
  process.env[TEST_PRIVATE_KEY_ENV] = keys.privateKeyFile;
  if (process.env[TEST_DATABASE_ENV]) return;
  const server = await startEmbeddedPostgres({ dataDir: join(__dirname, '../../.data/test-postgres'), port: 54330 });
  process.env[TEST_DATABASE_ENV] = server.url;
  (globalThis as { embeddedPostgres?: typeof server }).embeddedPostgres = server;
}
