import { fileURLToPath } from 'node:url';
import { defineConfig, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { figuresCatalogue } from './figures-catalogue.ts';

const SUPERGRAPH = fileURLToPath(new URL('../gateway/supergraph.graphql', import.meta.url));
const CATALOGUE = 'virtual:figures-catalogue';

/** `import { FIGURES } from 'virtual:figures-catalogue'`: the figures the gateway's supergraph offers (figures-catalogue.ts). */
function figuresCataloguePlugin(): Plugin {
  return {
    name: 'samverkan-figures-catalogue',
    resolveId: (id) => (id === CATALOGUE ? `\0${CATALOGUE}` : undefined),
    load(id) {
      if (id !== `\0${CATALOGUE}`) return undefined;
      this.addWatchFile(SUPERGRAPH);
      return `export const FIGURES = ${JSON.stringify(figuresCatalogue(SUPERGRAPH))};`;
    },
  };
}

export default defineConfig({
  // Relative asset paths: the bundle can be served from any folder (a sub-path behind a proxy included).
  base: './',
  plugins: [react(), figuresCataloguePlugin()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
