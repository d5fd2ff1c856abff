import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded default's key for guardians' contact details in the concerns store (CONCERN_CONTACT_KEY):
 * made once and kept in a file only its owner reads (`.data/concerns/contact-key`), beside the data it
 * decrypts, so the contact details written in one run are read in the next. Production sets its own.
 */
export function ensureConcernContactKey(dir: string): string {
  const file = join(dir, 'contact-key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
