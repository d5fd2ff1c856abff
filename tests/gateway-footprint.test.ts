import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * The gateway loads the platform's core (`@samverkan/platform/dist/core`), not the subgraphs'
 * libraries: each held some 30 MB resident and 12 MB of heap in every gateway process for nothing.
 */
describe("the gateway's process", () => {
  it('loads none of the subgraphs’ database and schema-building libraries', () => {
    const { stdout, stderr } = spawnSync(
      process.execPath,
      ['-e', `require('./gateway/dist/server.js'); console.log(JSON.stringify(Object.keys(require.cache)))`],
      { cwd: root, encoding: 'utf8' },
    );
    const loaded: string[] = JSON.parse(stdout || 'null') ?? [];
    expect(stderr).toBe('');
    expect(loaded.some((file) => file.includes('@apollo/gateway'))).toBe(true);
    // A file's package: the name after its last node_modules/.
    const packages = new Set(loaded.flatMap((file) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []));
    for (const library of ['typeorm', 'pg', 'type-graphql', 'class-validator', '@apollo/subgraph']) expect([library, packages.has(library)]).toEqual([library, false]);
  });
});
