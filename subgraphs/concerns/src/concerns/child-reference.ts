import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read out on the phone is not misheard. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new pseudonymous reference for a concern's child, `B-` and 8 random characters: made per concern, never derived from the child. */
export function newChildReference(): string {
  return `B-${[...randomBytes(8)].map((byte) => CROCKFORD[byte & 31]).join('')}`;
}
