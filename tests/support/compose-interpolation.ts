/**
 * Docker Compose's variable interpolation (Compose Specification, "Interpolation"), so tests read
 * docker-compose.yml as Compose does instead of as plain YAML:
 *
 *   $VAR, ${VAR}        the value; unset gives "" (Compose warns; `onUnset` is told)
 *   ${VAR:-default}     default if VAR is unset or empty     ${VAR-default}  default if VAR is unset
 *   ${VAR:?message}     error if VAR is unset or empty       ${VAR?message}  error if VAR is unset
 *   ${VAR:+alternative} alternative if VAR is set and non-empty, else ""
 *   ${VAR+alternative}  alternative if VAR is set, else ""
 *   $$                  a literal $
 *
 * Operands may hold interpolations themselves (`${A:-${B}}`). Anything else after a `$` is refused
 * with an InterpolationError: `${{VAR}}`, `${VAR/a/b}`, `${}`, an unclosed `${`. A `$` followed by
 * neither `$`, a name nor `{` (`$1`, a trailing `$`) is refused as well: docker-compose v1 refuses
 * it, v2 keeps it as it is; refusing it keeps a file loadable by both.
 */
export class InterpolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InterpolationError';
  }
}

export type InterpolationEnv = Readonly<Record<string, string | undefined>>;

export interface InterpolationOptions {
  /** Called for each `$VAR` / `${VAR}` substituted while unset (Compose warns and substitutes ""). */
  onUnset?: (name: string) => void;
}

type Operator = ':-' | '-' | ':?' | '?' | ':+' | '+';
type Part = string | { name: string; operator?: Operator; operand?: Part[] };

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const OPERATOR = /^(?::[-?+]|[-?+])/;

/** Parts of `text` from `start`; inside braces, up to the `}` that closes them (its index is `end`). */
function parseParts(text: string, start: number, inBraces: boolean): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let literal = '';
  let i = start;
  const invalid = (why: string) =>
    new InterpolationError(`Invalid interpolation format in ${JSON.stringify(text)} at ${i}: ${why}`);
  while (i < text.length) {
    const char = text[i];
    if (inBraces && char === '}') break;
    if (char !== '$') {
      literal += char;
      i += 1;
      continue;
    }
    const rest = text.slice(i + 1);
    if (rest.startsWith('$')) {
      literal += '$';
      i += 2;
      continue;
    }
    const named = NAME.exec(rest);
    if (named) {
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ name: named[0] });
      i += 1 + named[0].length;
      continue;
    }
    if (!rest.startsWith('{')) throw invalid('"$" must start $NAME or ${...}; write "$$" for a literal "$"');
    const name = NAME.exec(rest.slice(1));
    if (!name) throw invalid('"${" must be followed by a variable name');
    let j = i + 2 + name[0].length;
    if (literal) parts.push(literal);
    literal = '';
    if (text[j] === '}') {
      parts.push({ name: name[0] });
      i = j + 1;
      continue;
    }
    const operator = OPERATOR.exec(text.slice(j));
    if (!operator) {
      i = j;
      throw invalid(`after \${${name[0]} comes "}" or one of :- - :? ? :+ +`);
    }
    j += operator[0].length;
    const operand = parseParts(text, j, true);
    if (operand.end >= text.length) {
      i = j;
      throw invalid(`\${${name[0]}${operator[0]}... is not closed`);
    }
    parts.push({ name: name[0], operator: operator[0] as Operator, operand: operand.parts });
    i = operand.end + 1;
  }
  if (literal) parts.push(literal);
  return { parts, end: i };
}

function evaluate(parts: Part[], env: InterpolationEnv, options: InterpolationOptions): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const value = env[part.name];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      const operand = () => evaluate(part.operand ?? [], env, options);
      switch (part.operator) {
        case undefined:
          if (!set) options.onUnset?.(part.name);
          return value ?? '';
        case ':-':
          return nonEmpty ? value : operand();
        case '-':
          return set ? value : operand();
        case ':?':
        case '?': {
          if (part.operator === ':?' ? nonEmpty : set) return value!;
          const message = operand();
          throw new InterpolationError(
            `required variable ${part.name} is missing a value${message ? `: ${message}` : ''}`,
          );
        }
        case ':+':
          return nonEmpty ? operand() : '';
        case '+':
          return set ? operand() : '';
      }
    })
    .join('');
}

/** One string, interpolated as Compose does. Syntax errors are found even in operands left unused. */
export function interpolate(text: string, env: InterpolationEnv, options: InterpolationOptions = {}): string {
  return evaluate(parseParts(text, 0, false).parts, env, options);
}

/**
 * Every string value of a parsed Compose file (keys are left alone, as Compose does), in a copy.
 * Errors name the path of the value: `services.actors-db.environment.POSTGRES_PASSWORD: ...`.
 */
export function interpolateValues<T>(value: T, env: InterpolationEnv, options: InterpolationOptions = {}, path = ''): T {
  if (typeof value === 'string') {
    try {
      return interpolate(value, env, options) as T;
    } catch (error) {
      if (error instanceof InterpolationError) throw new InterpolationError(`${path || '(root)'}: ${error.message}`);
      throw error;
    }
  }
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) return value.map((item, index) => interpolateValues(item, env, options, at(index))) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateValues(item, env, options, at(key))]),
    ) as T;
  }
  return value;
}
