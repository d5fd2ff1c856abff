import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Reader, Variable, VARIABLES } from '@samverkan/platform';

/** The README, whose configuration table `npm run config-docs` writes between these markers. */
export const README_FILE = join(__dirname, '../../README.md');
const START = '<!-- config:start -->';
const END = '<!-- config:end -->';

const READERS: Record<Reader, string> = {
  subgraphs: 'subgraphs',
  gateway: 'gateway',
  start: '`npm start`',
  tests: 'tests',
  actors: 'actors',
  agreements: 'agreements',
  activities: 'activities',
  situation: 'situation',
  concerns: 'concerns',
};

const defaultOf = (variable: Variable) => variable.defaultText ?? (variable.default === undefined ? '—' : `\`${String(variable.default)}\``);

/** The README's configuration table, one row per variable, from the configuration schema. */
export function configTable(): string {
  return [
    '| variable | value | default | read by | what it is |',
    '|---|---|---|---|---|',
    ...VARIABLES.map(
      (variable) =>
        `| \`${variable.name}\` | ${variable.kind.is} | ${defaultOf(variable)} | ${variable.readBy.map((reader) => READERS[reader]).join(', ')} | ${variable.description} |`,
    ),
  ].join('\n');
}

/** Where the table goes in `readme`: after the start marker, up to the end marker. */
function tableBounds(readme: string): [number, number] {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} section`);
  return [start + START.length, end];
}

/** The table as it stands in `readme`. */
export function configSection(readme: string): string {
  const [start, end] = tableBounds(readme);
  return readme.slice(start, end).trim();
}

/** `readme` with the table between the markers made anew. */
export function withConfigTable(readme: string): string {
  const [start, end] = tableBounds(readme);
  return `${readme.slice(0, start)}\n${configTable()}\n${readme.slice(end)}`;
}

export const readReadme = () => readFileSync(README_FILE, 'utf8');
