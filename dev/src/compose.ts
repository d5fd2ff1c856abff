import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPHS, SubgraphName } from '@samverkan/platform';

/** One subgraph's federated SDL, printed by a process of its own (type-graphql's metadata is global). */
export async function subgraphSdl(name: SubgraphName): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'print-sdl.js'), name], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/**
 * Composes the supergraph from the subgraphs' compiled code. Routing URLs are the local defaults;
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
