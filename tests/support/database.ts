import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, loadConfig, withDatabase } from '@samverkan/platform';

export const TEST_DATABASE_ENV = 'SAMVERKAN_TEST_DATABASE_URL';

/** A new, empty database on the test server; drop it with `dropDatabase(url)` when done. */
export async function freshDatabase(label: string): Promise<string> {
  const server = loadConfig('tests').testDatabaseUrl;
  if (!server) throw new Error(`${TEST_DATABASE_ENV} is not set (jest's global setup sets it)`);
  const url = withDatabase(server, `test_${label}_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(url);
  return url;
}

export { dropDatabase };
