import { writeFileSync } from 'node:fs';
import { readReadme, README_FILE, withConfigTable } from './config-docs';

/** `npm run config-docs`: writes README.md's configuration table from the configuration schema. */
writeFileSync(README_FILE, withConfigTable(readReadme()));
console.log(`Wrote the configuration table in ${README_FILE}`);
