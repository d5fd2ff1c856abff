import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { concernContactKeys } from '@samverkan/platform';

/**
 * Guardians' contact details, encrypted at rest (docs/dpia-concerns.md §2): AES-256-GCM under
 * CONCERN_CONTACT_KEY, which lives outside the database. Stored as `v1:<keyId>:<iv>:<tag>:<data>`
 * (base64 parts), where keyId (the first 8 hex digits of the key's sha256) says which key wrote it,
 * so values written under CONCERN_CONTACT_KEY_PREVIOUS are still read after a rotation.
 */
const FORMAT = 'v1';

interface ContactKey {
  id: string;
  key: Buffer;
}

const keyOf = (base64: string): ContactKey => {
  const key = Buffer.from(base64, 'base64');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
};

/** The configured keys, the current one first; an error that says what to set when there is none. */
function contactKeys(): ContactKey[] {
  const { current, previous } = concernContactKeys();
  if (!current) throw new Error('CONCERN_CONTACT_KEY is not set: guardians\' contact details cannot be encrypted or read. Set a key (openssl rand -base64 32).');
  return [current, previous].filter((key): key is string => !!key).map(keyOf);
}

/** The ciphertext of `plain` under the current key, with a fresh IV. */
export function encryptContact(plain: string): string {
  const [{ id, key }] = contactKeys();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [FORMAT, id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

/** The plain text of a stored value, under whichever configured key wrote it; an unknown key or a tampered value throws. */
export function decryptContact(stored: string): string {
  const [format, keyId, iv, tag, data] = stored.split(':');
  if (format !== FORMAT || data === undefined) throw new Error('Contact details are not in the v1 format');
  const match = contactKeys().find(({ id }) => id === keyId);
  if (!match) throw new Error(`Contact details were written under key ${keyId}, which is neither CONCERN_CONTACT_KEY nor CONCERN_CONTACT_KEY_PREVIOUS`);
  const decipher = createDecipheriv('aes-256-gcm', match.key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}
