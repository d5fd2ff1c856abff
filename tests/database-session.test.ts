import { createDataSource, dropDatabase } from '@samverkan/platform';
import { freshDatabase } from '@samverkan/test-support';

/** The subgraphs' sessions run without JIT: compiling a plan costs more than our statements take (database.ts). */
test("a subgraph's database sessions have JIT off", async () => {
  const url = await freshDatabase('session');
  const dataSource = createDataSource({ url, entities: [], migrations: [] });
  await dataSource.initialize();
  try {
    expect(await dataSource.query('SHOW jit')).toEqual([{ jit: 'off' }]);
  } finally {
    await dataSource.destroy();
    await dropDatabase(url);
  }
});
