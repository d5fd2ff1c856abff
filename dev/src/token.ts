import { parseArgs } from 'node:util';
import { DEMO_ACTORS } from '@samverkan/demo';
import { isUuid, loadConfigOrExit } from '@samverkan/platform';
import { Role } from '@samverkan/federation';
import { localIssuerKeyOf } from './data-dir';
import { signLocalToken } from './local-issuer';

/**
 * `npm run token -- --org <actor> --role <role>`: a token from the embedded default's local issuer
 * for a person of a seeded organisation. `--org` takes an actor id or a demo name (e.g. lpoRinkeby);
 * `--key` another key file than the embedded default's.
 */
const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    role: { type: 'string', multiple: true, default: [Role.MEMBER] },
    subject: { type: 'string' },
    expires: { type: 'string', default: '8h' },
    // By default the key `npm start` made (in SAMVERKAN_DATA_DIR, else .data).
    key: { type: 'string', default: localIssuerKeyOf(loadConfigOrExit('start')) },
  },
});

const names = DEMO_ACTORS as Record<string, string>;
const organisationId = values.org && (isUuid(values.org) ? values.org : names[values.org]);
const roles = (values.role ?? []).map((role) => role.toUpperCase());
const unknownRoles = roles.filter((role) => !(role in Role));
if (!organisationId || unknownRoles.length) {
  console.error(`Usage: npm run token -- --org <actor id or demo name> [--role ${Object.values(Role).join('|')}]... [--key <private key file>]
Demo names: ${Object.keys(names).join(', ')}`);
  process.exit(2);
}

signLocalToken(values.key, {
  organisationId,
  roles: roles as Role[],
  subject: values.subject,
  expiresIn: values.expires,
})
  .then((token) => console.log(token))
  .catch((error) => {
    console.error(`Could not sign a token (run \`npm start\` once to create the local issuer's keys): ${error.message}`);
    process.exit(1);
  });
