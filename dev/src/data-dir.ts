import { join, resolve } from 'node:path';
import { StartConfig } from '@samverkan/platform';

/** Where `npm start` keeps the embedded PostgreSQL's data and the local issuer's keys: SAMVERKAN_DATA_DIR, else `.data`. */
export const dataDirOf = (config: Pick<StartConfig, 'dataDir'>) => resolve(config.dataDir ?? join(__dirname, '../../.data'));

/** The local issuer's private key in that folder, which `npm run token` signs with. */
export const localIssuerKeyOf = (config: Pick<StartConfig, 'dataDir'>) => join(dataDirOf(config), 'auth', 'private-key.json');
