import { GraphQLError } from 'graphql';
import { assertNoPersonalIdentityNumbers, containsPersonalIdentityNumber } from '../src/personal-identity';

describe('containsPersonalIdentityNumber', () => {
  it.each([
    ['a personnummer with a dash', '850709-9805'],
    ['a personnummer without a dash', '8507099805'],
    ['a personnummer of someone 100 or older (plus)', '120315+1234'],
    ['a twelve-digit personnummer', '198507099805'],
    ['a twelve-digit personnummer with a dash', '19850709-9805'],
    ['a personnummer with an en dash', '850709–9805'],
    ['a samordningsnummer (day + 60)', '850769-9805'],
    ['a twelve-digit samordningsnummer', '200512919876'],
    ['a leap day in a leap year', '20240229-1234'],
    ['a number inside a sentence', 'Pojken (850709-9805) syns ofta vid torget.'],
    ['a number at the end of a sentence', 'Se ärendet om 0507091234.'],
    ['a second number after a harmless one', 'Möte 2025-07-01, rör 850709-9805'],
  ])('finds %s', (_case, text) => {
    expect(containsPersonalIdentityNumber(text)).toBe(true);
  });

  it.each([
    ['an organisation number (month digits 20+)', 'Rädda Barnen, 802005-9740'],
    ['an ISO date', 'Trygghetsvandring 2025-07-01'],
    ['a date range', 'Perioden 2025-07-01–2025-12-31'],
    ['a year range', 'Under 2025-2026 ökade närvaron'],
    ['a phone number with spaces', 'Ring 08-123 456 78'],
    ['a month that does not exist', '851309-1234'],
    ['a day that does not exist', '850732-1234'],
    ['the 30th of February', '850230-1234'],
    ['a leap day in a year that is not a leap year', '20230229-1234'],
    ['a day between 31 and 61', '850745-1234'],
    ['a longer digit run', '85070998051'],
    ['a digit run of thirteen', '1985070998051'],
    ['too few digits after the date', '850709-980'],
    ['ordinary text', 'Fler grupperingar av unga kvällstid vid torget.'],
    ['nothing', ''],
  ])('does not flag %s', (_case, text) => {
    expect(containsPersonalIdentityNumber(text)).toBe(false);
  });

  it('treats null and undefined as clean', () => {
    expect(containsPersonalIdentityNumber(null)).toBe(false);
    expect(containsPersonalIdentityNumber(undefined)).toBe(false);
  });
});

describe('assertNoPersonalIdentityNumbers', () => {
  it('passes clean texts', () => {
    expect(() =>
      assertNoPersonalIdentityNumbers([
        { field: 'summary', text: 'Läget är lugnt.' },
        { field: 'observations.0.description', text: null },
      ]),
    ).not.toThrow();
  });

  it('refuses with BAD_USER_INPUT naming every offending field, without repeating the number', () => {
    let error: unknown;
    try {
      assertNoPersonalIdentityNumbers([
        { field: 'summary', text: 'Gäller 850709-9805' },
        { field: 'observations.0.description', text: 'Inga personuppgifter' },
        { field: 'observations.1.description', text: '198507099805' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    const { message, extensions } = error as GraphQLError;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    expect((extensions.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['summary', 'observations.1.description']);
    expect(message).not.toMatch(/9805/);
  });
});
