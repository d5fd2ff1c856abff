import { parseArgs } from 'node:util';
import { validate } from 'class-validator';
import { ActorKind } from '../registry/actor';
import { RegisterOrganisationInput } from '../registry/actor.inputs';

export const USAGE = `Usage: npm run setup -- --name <name> --organisation-number <NNNNNN-NNNN> --kind <kind> [--area <area code>]... [--local-token <private key file>]

Registers the organisation that operates samverkan in an empty registry (ACTORS_DATABASE_URL), so
that its first administrator can sign in and register the others. Running it again with the same
organisation number reports the organisation registered already.

  --name                  the organisation's name, e.g. "Polismyndigheten"
  --organisation-number   its Swedish organisation number (check digit verified)
  --kind                  ${Object.values(ActorKind).join(', ')}
  --area                  an area it works in, e.g. SE or 0180 (repeat for several)
  --local-token           the embedded default's key file (.data/auth/private-key.json):
                          also print how to get a token for the first administrator`;

/** What the setup command was asked to do. */
export interface SetupRequest {
  organisation: RegisterOrganisationInput;
  localTokenKeyFile?: string;
}

/** The command line, checked by the same rules as `registerOrganisation`; a list of problems when it is not usable. */
export async function readArguments(args: string[]): Promise<SetupRequest | { problems: string[] }> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        name: { type: 'string' },
        'organisation-number': { type: 'string' },
        kind: { type: 'string' },
        area: { type: 'string', multiple: true },
        'local-token': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { problems: [(error as Error).message] };
  }
  if (values.help) return { problems: [] };
  const missing = (['name', 'organisation-number', 'kind'] as const).filter((option) => !values[option]?.trim());
  const kind = values.kind?.trim().toUpperCase();
  const problems = missing.map((option) => `--${option} is required`);
  if (kind && !(Object.values(ActorKind) as string[]).includes(kind)) problems.push(`--kind must be one of ${Object.values(ActorKind).join(', ')}`);
  const organisation = Object.assign(new RegisterOrganisationInput(), {
    name: values.name?.trim(),
    organisationNumber: values['organisation-number']?.trim(),
    kind: kind as ActorKind,
    ...(values.area?.length ? { areaCodes: values.area } : {}),
  });
  const errors = await validate(organisation, { forbidUnknownValues: false, skipMissingProperties: true });
  problems.push(...errors.flatMap((error) => Object.values(error.constraints ?? {})));
  if (problems.length) return { problems };
  return { organisation, localTokenKeyFile: values['local-token'] };
}
