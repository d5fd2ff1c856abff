import { createLocalJWKSet, exportJWK, generateKeyPair, JWTVerifyGetKey, SignJWT } from 'jose';
import { AuthConfig, CLOCK_TOLERANCE_S, TOKEN_CACHE_MAX_AGE_S, VerifiedTokenCache, viewerFromAuthorization } from '../src';

const ORG = '3f2a8c1e-1b2d-4c5e-8f9a-0b1c2d3e4f5a';
const ISSUER = 'urn:samverkan:local-issuer';

async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}
type KeyPair = Awaited<ReturnType<typeof keyPair>>;

const sign = (key: KeyPair, { iat, exp, audience = 'samverkan' }: { iat: number; exp: number; audience?: string }) =>
  new SignJWT({ org: ORG, roles: ['MEMBER'] })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject('person')
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key.privateKey);

/**
 * A service's token check on a clock of the test's own (epoch ms), with a key set the test can
 * change (a rotation) and a count of how often a signature was verified (the key set was asked).
 */
function service(keys: KeyPair[], cacheOptions: ConstructorParameters<typeof VerifiedTokenCache>[0] = {}) {
  const state = { now: Date.parse('2026-03-01T12:00:00Z'), verifications: 0, keys: createLocalJWKSet({ keys: keys.map((key) => key.jwk) }) };
  const getKey: JWTVerifyGetKey = (header, token) => {
    state.verifications += 1;
    return state.keys(header, token);
  };
  const cache = new VerifiedTokenCache({ ...cacheOptions, now: () => state.now });
  const config: AuthConfig = { issuer: ISSUER, audience: 'samverkan', keys: getKey, cache, now: () => state.now };
  return {
    state,
    cache,
    check: (token: string) => viewerFromAuthorization(`Bearer ${token}`, config),
    /** The same check without a cache: what verification alone says. */
    uncached: (token: string) => viewerFromAuthorization(`Bearer ${token}`, { ...config, cache: undefined }),
    rotateTo: (next: KeyPair[]) => (state.keys = createLocalJWKSet({ keys: next.map((key) => key.jwk) })),
    seconds: () => Math.floor(state.now / 1000),
  };
}

describe('the cache of verified tokens', () => {
  let key: KeyPair;
  beforeAll(async () => (key = await keyPair('k1')));

  it('verifies a token once, then serves it from the cache by its hash', async () => {
    const s = service([key]);
    const token = await sign(key, { iat: s.seconds(), exp: s.seconds() + 3600 });
    const first = await s.check(token);
    const second = await s.check(token);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ kind: 'member', organisationId: ORG, roles: ['MEMBER'] });
    expect(s.state.verifications).toBe(1);
    expect(s.cache.size).toBe(1);
    // The viewer is shared between requests: nobody can change it.
    expect(Object.isFrozen(first) && Object.isFrozen((first as { roles: string[] }).roles)).toBe(true);
  });

  it('verifies again after the maximum age', async () => {
    const s = service([key]);
    const token = await sign(key, { iat: s.seconds(), exp: s.seconds() + 3600 });
    await s.check(token);
    s.state.now += (TOKEN_CACHE_MAX_AGE_S - 1) * 1000;
    await s.check(token);
    expect(s.state.verifications).toBe(1);
    s.state.now += 1000;
    await s.check(token);
    expect(s.state.verifications).toBe(2);
  });

  it('refuses an expired token even if it was cached, exactly when verification would (60 s clock tolerance)', async () => {
    // A long maximum age, so that only the expiry ends the entry.
    const s = service([key], { maxAgeMs: 3600_000 });
    const exp = s.seconds() + 10;
    const token = await sign(key, { iat: s.seconds(), exp });
    await s.check(token);
    s.state.now = (exp + CLOCK_TOLERANCE_S - 1) * 1000;
    await expect(s.check(token)).resolves.toMatchObject({ organisationId: ORG });
    await expect(s.uncached(token)).resolves.toMatchObject({ organisationId: ORG });
    expect(s.state.verifications).toBe(2); // the uncached one only
    s.state.now = (exp + CLOCK_TOLERANCE_S) * 1000;
    await expect(s.check(token)).rejects.toThrow('The token has expired');
    await expect(s.uncached(token)).rejects.toThrow('The token has expired');
  });

  it('never caches a refused token: it is verified, and refused, every time', async () => {
    const s = service([key]);
    const other = await keyPair('k1'); // same kid, another key: a forgery
    const forged = await sign(other, { iat: s.seconds(), exp: s.seconds() + 3600 });
    const wrongAudience = await sign(key, { iat: s.seconds(), exp: s.seconds() + 3600, audience: 'elsewhere' });
    for (let i = 0; i < 2; i++) {
      await expect(s.check(forged)).rejects.toThrow('signature');
      await expect(s.check(wrongAudience)).rejects.toThrow('not for this service');
    }
    expect(s.state.verifications).toBe(4);
    expect(s.cache.size).toBe(0);
  });

  it('stops accepting a token whose key was removed from the key set within the maximum age', async () => {
    const next = await keyPair('k2');
    const s = service([key, next]);
    const token = await sign(key, { iat: s.seconds(), exp: s.seconds() + 3600 });
    await s.check(token);
    s.rotateTo([next]);
    await expect(s.uncached(token)).rejects.toThrow('signature');
    // Cached: still accepted, but no longer than the maximum age after it was verified.
    s.state.now += (TOKEN_CACHE_MAX_AGE_S - 1) * 1000;
    await expect(s.check(token)).resolves.toMatchObject({ organisationId: ORG });
    s.state.now += 1000;
    await expect(s.check(token)).rejects.toThrow('signature');
  });

  it('is bounded: past its size the least recently used token goes first', async () => {
    const s = service([key], { maxEntries: 2 });
    const tokens = await Promise.all([1, 2, 3].map((i) => sign(key, { iat: s.seconds() - i, exp: s.seconds() + 3600 })));
    await s.check(tokens[0]);
    await s.check(tokens[1]);
    await s.check(tokens[0]); // used: the second is now the least recent
    await s.check(tokens[2]);
    expect(s.cache.size).toBe(2);
    expect(s.state.verifications).toBe(3);
    await s.check(tokens[0]);
    expect(s.state.verifications).toBe(3);
    await s.check(tokens[1]);
    expect(s.state.verifications).toBe(4);
  });

  it('keeps hashes, never the tokens', async () => {
    const s = service([key]);
    const token = await sign(key, { iat: s.seconds(), exp: s.seconds() + 3600 });
    await s.check(token);
    const kept = [...(s.cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
    expect(kept).toEqual([VerifiedTokenCache.keyOf(token)]);
    expect(kept[0]).not.toContain(token.slice(0, 20));
  });
});
