import { ValidateBy } from 'class-validator';

/** Swedish organisation numbers (organisationsnummer): ten digits, NNNNNN-NNNN, the last a Luhn check digit. */
export const ORGANISATION_NUMBER = /^\d{6}-\d{4}$/;

/**
 * The number in its written form NNNNNN-NNNN: ten digits without the dash are accepted as well
 * (registers often drop it); anything else is returned as given, for the format check to refuse.
 */
export function normaliseOrganisationNumber(value: string): string {
  const trimmed = value.trim();
  return /^\d{10}$/.test(trimmed) ? `${trimmed.slice(0, 6)}-${trimmed.slice(6)}` : trimmed;
}

/** Whether the last digit is the Luhn (mod 10) check digit of the first nine, as for all Swedish organisation numbers. */
export function hasValidCheckDigit(organisationNumber: string): boolean {
  const digits = organisationNumber.replace('-', '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(digits[i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Whether a value is an organisation number in either accepted form (see `normaliseOrganisationNumber`) with a valid check digit. */
export const isValidOrganisationNumber = (value: unknown): value is string =>
  typeof value === 'string' && ORGANISATION_NUMBER.test(normaliseOrganisationNumber(value)) && hasValidCheckDigit(normaliseOrganisationNumber(value));

/**
 * Validates an organisation number's form (NNNNNN-NNNN, or ten digits) and then its check digit,
 * each with its own message. Resolvers store the normalised form, so both forms are the same key.
 */
export function IsOrganisationNumber(): PropertyDecorator {
  return ValidateBy({
    name: 'isOrganisationNumber',
    validator: {
      validate: isValidOrganisationNumber,
      defaultMessage: (args) =>
        typeof args?.value === 'string' && ORGANISATION_NUMBER.test(normaliseOrganisationNumber(args.value))
          ? `organisationNumber ${args.value} has a wrong check digit (Luhn): check for a typing error`
          : 'organisationNumber must look like NNNNNN-NNNN',
    },
  });
}
