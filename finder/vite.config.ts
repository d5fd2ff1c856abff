import { fileURLToPath } from 'node:url';
import { defineConfig, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { municipalityOutlines } from './outlines.ts';

const GEOJSON = fileURLToPath(new URL('../dashboard/src/geo/swedish_municipalities.geojson', import.meta.url));

/** outlines/<kommunkod>.json beside the bundle: one small file per municipality (outlines.ts). */
function outlinesPlugin(): Plugin {
  let outlines: ReturnType<typeof municipalityOutlines> | undefined;
  const all = () => (outlines ??= municipalityOutlines(GEOJSON));
  return {
    name: 'samverkan-finder-outlines',
    // `vite` (development): served from memory.
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /\/outlines\/(\d{4})\.json$/.exec(request.url ?? '');
        const outline = match && all().find((o) => o.code === match[1]);
        if (!outline) return next();
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(outline));
      });
    },
    generateBundle() {
      for (const outline of all()) this.emitFile({ type: 'asset', fileName: `outlines/${outline.code}.json`, source: JSON.stringify(outline) });
    },
  };
}

export default defineConfig({
  // Relative asset paths: the bundle is served from any folder (`/hitta/` in `npm start`, a sub-path behind a proxy).
  base: './',
  plugins: [react(), outlinesPlugin()],
  build: { outDir: 'dist', emptyOutDir: true, modulePreload: { polyfill: false } },
});
