import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseUrlOf, openDatabase, tokenAddressOf } from '@samverkan/platform';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../index';
import { readArguments, USAGE } from './arguments';
import { FirstRun, registerOperatingOrganisation } from './first-run';

/**
 * `npm run setup -- --name ... --organisation-number ... --kind ...`: the first run from an empty
 * registry. Migrates the actors database, registers the operating organisation (once), and prints
 * what its first administrator needs to sign in. Exit codes: 0 done, 1 failed, 2 bad arguments.
 */

/** Where the embedded default's local issuer keeps its key (`npm run token` signs with it). */
const EMBEDDED_KEY_FILE = resolve(__dirname, '../../../../.data/auth/private-key.json');

function instructions({ actor, created }: FirstRun, localTokenKeyFile?: string): string {
  const { issuer, audience } = tokenAddressOf();
  const lines = [
    created
      ? `Registered "${actor.name}" (${actor.organisationNumber}) as the operating organisation.`
      : `"${actor.name}" (${actor.organisationNumber}) is registered already; nothing was changed.`,
    `Actor id: ${actor.id}`,
    '',
    "Its first administrator signs in with a token from the organisation's OIDC provider carrying:",
    `  iss    ${issuer}   (AUTH_ISSUER)`,
    `  aud    ${audience}   (AUTH_AUDIENCE)`,
    "  sub    the person's pseudonymous id",
    `  org    "${actor.id}"`,
    `  roles  ["${Role.ADMINISTRATOR}"]`,
    '',
    'With it the administrator registers the other organisations (registerOrganisation) and creates districts (createArea).',
  ];
  if (localTokenKeyFile) {
    const keyOption = resolve(localTokenKeyFile) === EMBEDDED_KEY_FILE ? '' : ` --key ${localTokenKeyFile}`;
    lines.push('', 'With the embedded default (local issuer), get such a token with:', `  npm run token -- --org ${actor.id} --role ${Role.ADMINISTRATOR}${keyOption}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const request = await readArguments(process.argv.slice(2));
  if ('problems' in request) {
    if (request.problems.length) console.error(request.problems.join('\n') + '\n');
    console.error(USAGE);
    return request.problems.length ? 2 : 0;
  }
  if (request.localTokenKeyFile && !existsSync(request.localTokenKeyFile)) {
    console.error(`--local-token: ${request.localTokenKeyFile} does not exist (\`npm start\` makes the local issuer's keys in .data/auth)\n\n${USAGE}`);
    return 2;
  }
  const dataSource = await openDatabase({ url: databaseUrlOf('actors'), entities: actorsSubgraph.entities, migrations: actorsSubgraph.migrations });
  try {
    const run = await registerOperatingOrganisation(dataSource, request.organisation);
    console.log(instructions(run, request.localTokenKeyFile));
    if (run.actor.archivedAt) {
      console.error(`\nThe organisation is archived: its tokens are refused until it is restored (restoreActor).`);
      return 1;
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // Input the registry refuses (e.g. an unknown area) is the caller's to fix; anything else is a failure.
    const code = (error as { extensions?: { code?: string } }).extensions?.code;
    console.error(code === 'BAD_USER_INPUT' ? `${(error as Error).message}\n\n${USAGE}` : `Setup failed: ${error instanceof Error ? error.message : error}`);
    process.exit(code === 'BAD_USER_INPUT' ? 2 : 1);
  },
);
