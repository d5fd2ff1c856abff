import { interpolate, InterpolationError, interpolateValues } from '@samverkan/test-support';

const env = { SET: 'value', EMPTY: '', OTHER: 'other' };

describe('Compose interpolation', () => {
  it.each([
    ['plain text', 'plain text'],
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['a-$SET-b', 'a-value-b'],
    ['$SET.$OTHER', 'value.other'],
    ['x${SET}y', 'xvaluey'],
    ['${SET:-d}', 'value'],
    ['${EMPTY:-d}', 'd'],
    ['${UNSET:-d}', 'd'],
    ['${SET-d}', 'value'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${UNSET:-}', ''],
    ['${SET:?message}', 'value'],
    ['${EMPTY?message}', ''],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${UNSET:+alt}', ''],
    ['${SET+alt}', 'alt'],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${UNSET:-${OTHER}}', 'other'],
    ['${UNSET:-${ALSO_UNSET:-deep}}', 'deep'],
    ['${UNSET:-a:b/c{d}', 'a:b/c{d'],
    ['postgres://u:${SET:?set it}@db:5432/x', 'postgres://u:value@db:5432/x'],
    ['$$', '$'],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['$$$SET', '$value'],
    ['cost: 5 $$', 'cost: 5 $'],
  ])('%s → %j', (template, expected) => {
    expect(interpolate(template, env)).toBe(expected);
  });

  it('substitutes "" for an unset variable without a default, and says so', () => {
    const unset: string[] = [];
    expect(interpolate('a${UNSET}b$ALSO_UNSET', env, { onUnset: (name) => unset.push(name) })).toBe('ab');
    expect(unset).toEqual(['UNSET', 'ALSO_UNSET']);
  });

  it.each([
    ['${UNSET:?set UNSET}', 'required variable UNSET is missing a value: set UNSET'],
    ['${EMPTY:?set EMPTY}', 'required variable EMPTY is missing a value: set EMPTY'],
    ['${UNSET?}', 'required variable UNSET is missing a value'],
    ['${UNSET:?$OTHER is needed}', 'required variable UNSET is missing a value: other is needed'],
  ])('refuses %s when the variable is missing', (template, message) => {
    expect(() => interpolate(template, env)).toThrow(new InterpolationError(message));
  });

  it.each([
    // The mistake this test support was written for: not Compose syntax, docker-compose refuses it.
    '${{POSTGRES_PASSWORD:-samverkan}}',
    'postgres://samverkan:${{POSTGRES_PASSWORD}}@db/x',
    '${}',
    '${1ABC}',
    '${SET',
    '${SET:-default',
    '${UNSET:-${OTHER}',
    '${SET/a/b}',
    '${SET:1}',
    '${SET=d}',
    '${SET:=d}',
    '${ SET}',
    '$1',
    'price $',
    'a $ b',
  ])('refuses %s as an invalid interpolation format', (template) => {
    expect(() => interpolate(template, env)).toThrow(/^Invalid interpolation format/);
  });

  it('finds syntax errors also in an operand that is not used', () => {
    expect(() => interpolate('${SET:-${{x}}}', env)).toThrow(InterpolationError);
  });

  it('interpolates every value of a parsed file, leaves keys alone, and names the value that fails', () => {
    const file = { services: { app: { environment: { A: '${SET}', $KEY: 'k', N: 5, L: ['$OTHER', true] } } } };
    expect(interpolateValues(file, env)).toEqual({
      services: { app: { environment: { A: 'value', $KEY: 'k', N: 5, L: ['other', true] } } },
    });
    expect(() => interpolateValues({ services: { db: { environment: { P: '${{P:-x}}' } } } }, env)).toThrow(
      /^services\.db\.environment\.P: Invalid interpolation format/,
    );
    expect(() => interpolateValues({ s: ['ok', '${NEED:?set NEED}'] }, env)).toThrow(
      's.1: required variable NEED is missing a value: set NEED',
    );
  });
});
