import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { demoCalendar } from '@samverkan/demo';

const readmeBlocks = (): string[] =>
  [...readFileSync(join(__dirname, '../../README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

/** A README example that says whom to sign in as (`# As ...`) runs in its own flow's test, as that organisation. */
const SIGNED_IN_AS = /^# As /m;

/**
 * The README's example queries as a reader would run them: every ```graphql block without its
 * comments. Mutations, examples with placeholders and those run as a named organisation (`# As ...`)
 * are shown, not run here; their operations are tested elsewhere.
 */
export function readmeExamples(): string[] {
  return readmeBlocks()
    .filter((block) => !SIGNED_IN_AS.test(block))
    .map((block) => block.replace(/^#.*$/gm, '').trim())
    .filter((example) => !/^mutation/m.test(example) && !example.includes('<'));
}

/** The README's ```graphql block that defines the operation `name` (e.g. `mutation DraftIop(...)`), without comments, as a flow test runs it. */
export function readmeOperation(name: string): string {
  const found = readmeBlocks().filter((block) => new RegExp(`^\\s*(query|mutation) ${name}\\b`, 'm').test(block));
  if (found.length !== 1) throw new Error(`The README has ${found.length} blocks defining operation ${name}; expected one`);
  return found[0].replace(/^#.*$/gm, '').trim();
}

/** The values of the variables the examples use, as the README tells the reader: from today to three months ahead, and a year back. */
function exampleVariables(): Record<string, unknown> {
  const calendar = demoCalendar();
  return { from: calendar.today, to: calendar.days(90), yearAgo: calendar.days(-365) };
}

/** The variables a README example declares, with their values; an example needing one not known here fails. */
export function readmeExampleVariables(example: string): Record<string, unknown> {
  const values = exampleVariables();
  const operations = parse(example).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const names = operations.flatMap((operation) => (operation.variableDefinitions ?? []).map((v) => v.variable.name.value));
  const unknown = names.filter((name) => !(name in values));
  if (unknown.length) {
    throw new Error(`No value for the README example's variables ${unknown.map((n) => `$${n}`).join(', ')}; add them in tests/support/readme-examples.ts`);
  }
  return Object.fromEntries(names.map((name) => [name, values[name]]));
}
