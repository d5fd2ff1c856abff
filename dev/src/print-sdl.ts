import { printFederatedSdl, SUBGRAPHS, SubgraphModule, SubgraphName } from '@samverkan/platform';

/**
 * Prints one subgraph's federated SDL to stdout, without a database. Runs in a process of its own
 * because type-graphql keeps its metadata globally: one subgraph per process.
 */
async function main(name: SubgraphName) {
  if (!SUBGRAPHS.includes(name)) throw new Error(`unknown subgraph ${name}`);
  const exports: Record<string, unknown> = await import(`@samverkan/${name}`);
  const module = Object.values(exports).find((value): value is SubgraphModule<unknown> => (value as SubgraphModule<unknown>)?.name === name);
  if (!module) throw new Error(`@samverkan/${name} exports no subgraph module`);
  process.stdout.write(await printFederatedSdl(module));
}

main(process.argv[2] as SubgraphName).catch((error) => {
  console.error(error);
  process.exit(1);
});
