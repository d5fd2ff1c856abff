import { badInput } from '@samverkan/platform';

/**
 * The federation holds no personal data (DOMAIN.md, principle 4): the situation picture is
 * area-level only, a citizen promise's consultations and follow-ups name no person. So free text
 * that looks like it contains a Swedish personal identity number (personnummer) or coordination
 * number (samordningsnummer, day of birth + 60) is refused, by this one rule everywhere.
 *
 * Matched forms, each standing alone (no digit right before or after): `YYMMDD-NNNN`,
 * `YYMMDD+NNNN` (100 years or older), `YYMMDDNNNN`, `YYYYMMDD-NNNN` and `YYYYMMDDNNNN`, with a
 * hyphen, an en dash, a plus or nothing between date and number. The date part must be a real
 * calendar day (month 01–12, day within the month, or day + 60). The check digit is deliberately
 * not verified: a mistyped number still points at a person. Organisation numbers (month digits
 * 20 or more, e.g. `802005-9740`) and ordinary dates are not matched.
 */
const CANDIDATE = /(?<!\d)(18|19|20)?(\d{2})(\d{2})(\d{2})[-+\u2013]?(\d{4})(?!\d)/g;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isBirthDate(century: string | undefined, year: string, month: string, day: string): boolean {
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  let d = Number(day);
  if (d > 60) d -= 60; // samordningsnummer
  if (d < 1 || d > DAYS_IN_MONTH[m - 1]) return false;
  if (m === 2 && d === 29 && century !== undefined) {
    const y = Number(century + year);
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  }
  return true;
}

/** True when `text` contains something that looks like a personal identity or coordination number. */
export function containsPersonalIdentityNumber(text: string | null | undefined): boolean {
  if (!text) return false;
  for (const [, century, year, month, day] of text.matchAll(CANDIDATE)) {
    if (isBirthDate(century, year, month, day)) return true;
  }
  return false;
}

/**
 * Throws BAD_USER_INPUT naming every field whose text looks like it holds a personal identity
 * number. The message never repeats the number, so it does not end up in logs either.
 */
export function assertNoPersonalIdentityNumbers(texts: Array<{ field: string; text: string | null | undefined }>): void {
  const offending = texts.filter(({ text }) => containsPersonalIdentityNumber(text)).map(({ field }) => field);
  if (offending.length === 0) return;
  throw badInput(
    `No personal data may be recorded: ${offending.join(', ')} appear${offending.length === 1 ? 's' : ''} to contain a personal identity number (personnummer or samordningsnummer). Remove it; nothing was written.`,
    offending.map((field) => ({ field, message: 'contains what looks like a personal identity number' })),
  );
}
