import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');

/**
 * The dashboard's own queries (dashboard/src/queries.ts), loaded from its source so the bench sends
 * exactly what the dashboard sends. The dashboard is an ES module package built by Vite, which Node
 * 20's `require` cannot load: its modules are transpiled to CommonJS here, and the Vite plugin's
 * virtual figures catalogue is made as the plugin makes it (figures-catalogue.ts on the committed supergraph).
 */
function loadModule(file: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const module = { exports: {} as Record<string, unknown> };
  const requireHere = (id: string) => {
    if (id === 'virtual:figures-catalogue') {
      const { figuresCatalogue } = loadModule(join(ROOT, 'dashboard/figures-catalogue.ts')) as { figuresCatalogue: (file: string) => unknown };
      return { FIGURES: figuresCatalogue(join(ROOT, 'gateway/supergraph.graphql')) };
    }
    if (id.startsWith('.')) return loadModule(join(dirname(file), `${id.replace(/\.ts$/, '')}.ts`));
    return require(id); // eslint-disable-line @typescript-eslint/no-require-imports -- what the transpiled module imports from packages
  };
  new Function('exports', 'require', 'module', outputText)(module.exports, requireHere, module);
  return module.exports;
}

export const dashboardQueries = () =>
  loadModule(join(ROOT, 'dashboard/src/queries.ts')) as { LEVEL: string; SERIES?: string; EXPIRING: string; ONE_PERSON: string };
