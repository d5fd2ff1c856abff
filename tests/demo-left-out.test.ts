import { ConfigError, dropDatabase, envName, loadConfig, startSubgraph } from '@samverkan/platform';
import { freshDatabase } from '@samverkan/test-support';
import { actorsSubgraph } from '../subgraphs/actors/src';

/** Production images carry no demo/ folders: a subgraph asked to seed there says so instead of failing obscurely. */
it('refuses SEED_DEMO_DATA where the build has no demo data, naming the variable', async () => {
  const databaseUrl = await freshDatabase('actors');
  const leftOut = './demo/not-in-this-build';
  try {
    const config = { ...loadConfig('actors', { ...process.env, [envName('actors', 'DATABASE_URL')]: databaseUrl }), port: 0, seedDemoData: true };
    const started = startSubgraph({ ...actorsSubgraph, loadDemoSeed: () => import(leftOut) }, config);
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow('SEED_DEMO_DATA is true, but this build of the actors subgraph has no demo data');
  } finally {
    await dropDatabase(databaseUrl);
  }
});
