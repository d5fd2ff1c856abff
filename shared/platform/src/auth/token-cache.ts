import { createHash } from 'node:crypto';
import type { SignedIn } from './viewer';

/**
 * The longest a verified token is served from the cache, in seconds. It bounds how long a token
 * stays accepted after its key is removed from the key set (a rotation): the cache adds at most
 * this much to what verification itself allows (see README, "Identity").
 */
export const TOKEN_CACHE_MAX_AGE_S = 30;

/** How many verified tokens a service remembers; the least recently used go first. */
export const TOKEN_CACHE_MAX_ENTRIES = 10_000;

interface Entry {
  viewer: SignedIn;
  /** Epoch ms after which the entry no longer counts. */
  until: number;
}

/**
 * Tokens that passed verification, by the SHA-256 of the raw token (the token itself is never kept),
 * each with its verified viewer until the earlier of its expiry (with the same clock tolerance that
 * verification grants) and `maxAgeMs` after it was verified. Only verified tokens go in: a refused
 * token is verified again (and refused again) each time. Bounded: past `maxEntries` the least
 * recently used is dropped.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor({
    maxEntries = TOKEN_CACHE_MAX_ENTRIES,
    maxAgeMs = TOKEN_CACHE_MAX_AGE_S * 1000,
    now = Date.now,
  }: { maxEntries?: number; maxAgeMs?: number; now?: () => number } = {}) {
    this.maxEntries = maxEntries;
    this.maxAgeMs = maxAgeMs;
    this.now = now;
  }

  /** The key a token is kept under: its SHA-256, so a memory dump holds no usable token. */
  static keyOf(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  /** The viewer of a token verified earlier and still within its time, else undefined (an outdated entry is dropped). */
  get(key: string): SignedIn | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() >= entry.until) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.viewer;
  }

  /** Remembers a verified token's viewer until `acceptedUntilMs` (its expiry plus the clock tolerance), at most the maximum age. */
  set(key: string, viewer: SignedIn, acceptedUntilMs: number): void {
    const until = Math.min(acceptedUntilMs, this.now() + this.maxAgeMs);
    if (until <= this.now()) return;
    this.entries.delete(key);
    this.entries.set(key, { viewer, until });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
