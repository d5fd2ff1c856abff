import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPHS, SubgraphName } from '@samverkan/shared';

const ROOT = join(__dirname, '../..');
/** The composed schema the gateway serves in production; regenerate with `npm run compose`. */
export const SUPERGRAPH_FILE = join(ROOT, 'gateway/supergraph.graphql');

export const readSupergraph = () => readFileSync(SUPERGRAPH_FILE, 'utf8');

export async function subgraphSdl(name: SubgraphName): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'print-sdl.ts'), name],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

/**
 * Composes the supergraph from the subgraphs' code. Routing URLs are the local defaults;
 * the gateway takes the real ones from the environment (`ACTORS_URL`, ...).
 */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    SUBGRAPHS.map(async (name) => ({
      name,
      url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(await subgraphSdl(name)),
    })),
  );
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return `# Composed by \`npm run compose\` from the subgraphs' code: do not edit.\n${result.supergraphSdl}`;
}
