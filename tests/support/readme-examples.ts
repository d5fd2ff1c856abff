import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { demoCalendar } from '@samverkan/demo';

/**
 * The README's example queries as a reader would run them: every ```graphql block without its
 * comments. Mutations and examples with placeholders are shown, not run; their operations are tested elsewhere.
 */
export function readmeExamples(): string[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((match) => match[1].replace(/^#.*$/gm, '').trim())
    .filter((example) => !/^mutation/m.test(example) && !example.includes('<'));
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
