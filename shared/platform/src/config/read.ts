import { z } from 'zod';
import { Variable, VARIABLES } from './variables';

/** Every problem with the configuration, each naming its variable: one line each, "Invalid configuration: ...". */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((problem) => `Invalid configuration: ${problem}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Whether a variable is set in `env`: an empty one counts as unset. */
export const isSetIn = (env: NodeJS.ProcessEnv) => (variable: Pick<Variable, 'name'>) => env[variable.name] !== undefined && env[variable.name] !== '';

/** A rule across variables, given which are set; says what is wrong, if anything. */
export type Rule = (isSet: (variable: Variable) => boolean) => string | undefined;

export type Values = Record<string, unknown>;

/** What a variable read, typed by its definition. */
export const valueOf = <T>(values: Values, variable: Variable<T>) => values[variable.name] as T;

const byName = new Map(VARIABLES.map((variable) => [variable.name, variable]));

function fieldOf(variable: Variable, required: boolean) {
  if (variable.default !== undefined) return variable.kind.schema.default(variable.default);
  return required ? variable.kind.schema : variable.kind.schema.optional();
}

function problemOf(issue: z.core.$ZodIssue, input: Record<string, string>): string {
  const name = String(issue.path[0]);
  const variable = byName.get(name)!;
  const raw = input[name];
  if (raw === undefined) return `${name} must be set (${variable.description})`;
  const got = variable.kind.secret ? 'value not shown, as it may hold a password' : `got ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}...` : raw)}`;
  return `${name} ${issue.message} (${got})`;
}

/**
 * Reads `variables` from `env` by their rules, defaults filled in.
 * Throws a ConfigError with every problem found, not only the first.
 */
export function readVariables(
  variables: readonly Variable[],
  env: NodeJS.ProcessEnv,
  { required = () => false, rules = [] }: { required?: (variable: Variable) => boolean; rules?: Rule[] } = {},
): Values {
  const isSet = isSetIn(env);
  const input = Object.fromEntries(variables.filter(isSet).map(({ name }) => [name, env[name]!]));
  const schema = z.object(Object.fromEntries(variables.map((variable) => [variable.name, fieldOf(variable, required(variable))])));
  const result = schema.safeParse(input);
  const problems = [
    ...(result.error?.issues.map((issue) => problemOf(issue, input)) ?? []),
    ...rules.flatMap((rule) => rule(isSet) ?? []),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data!;
}
