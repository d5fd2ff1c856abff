import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../shared/src/embedded-postgres';
import { TEST_DATABASE_ENV } from './database';

/**
 * Tests run on a real PostgreSQL: the server named by SAMVERKAN_TEST_DATABASE_URL (CI uses the
 * machine's server), or else an embedded one started here, so `npm test` needs nothing installed.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_DATABASE_ENV]) return;
  const server = await startEmbeddedPostgres({ dataDir: join(__dirname, '../../.data/test-postgres'), port: 54330 });
  process.env[TEST_DATABASE_ENV] = server.url;
  (globalThis as { embeddedPostgres?: typeof server }).embeddedPostgres = server;
}
