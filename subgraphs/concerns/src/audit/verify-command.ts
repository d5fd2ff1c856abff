import { createDataSource, databaseUrlOf } from '@samverkan/platform';
import { verifyAuditChain } from './verify-audit';

/**
 * `npm run concerns:verify-audit`: verifies the concerns' audit log end to end against
 * CONCERNS_DATABASE_URL. Reads only (no migration, no writes). Exit codes: 0 verified, 1 broken or failed.
 */
async function main(): Promise<number> {
  const dataSource = createDataSource({ url: databaseUrlOf('concerns'), poolSize: 1, entities: [], migrations: [] });
  await dataSource.initialize();
  try {
    const result = await verifyAuditChain((sql, parameters) => dataSource.query(sql, parameters));
    if (result.ok) {
      console.log(`audit log verified: ${result.entries} entries`);
      return 0;
    }
    console.error(`audit log broken at entry ${result.seq}: ${result.reason}`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Audit verification failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
