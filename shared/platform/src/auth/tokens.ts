import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import type { AuthSettings } from '../config';
import { ErrorCode } from '../errors';
import { isUuid } from '../ids';
import { tokenMetrics } from '../observability/metrics';
import { VerifiedTokenCache } from './token-cache';
import { isSignedIn, PUBLIC, SignedIn, Viewer } from './viewer';

export const ALGORITHMS = ['ES256', 'RS256'];

/** How far the issuer's clock may be ahead of ours (`nbf`, `iat`) or behind (`exp`), in seconds. */
export const CLOCK_TOLERANCE_S = 60;

/** Issuer, audience and keys every service verifies tokens against. */
export interface AuthConfig {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  /** Tokens verified lately, served without verifying them again (none: every token is verified). */
  cache?: VerifiedTokenCache;
  /** The clock, in epoch ms (tests set one). */
  now?: () => number;
  /** Counts checks by result, when metrics are on. */
  counters?: ReturnType<typeof tokenMetrics>;
}

/**
 * The keys of the configured key set: an OIDC provider's (`AUTH_JWKS_URL`) or a local file's
 * (`AUTH_JWKS_FILE`), a cache of verified tokens, and with `metrics` (METRICS_ENABLED) the
 * counters of `auth_token_checks_total`.
 */
export function authConfig({ jwksUrl, jwksFile, issuer, audience }: AuthSettings, { metrics = false }: { metrics?: boolean } = {}): AuthConfig {
  const common = { issuer, audience, cache: new VerifiedTokenCache(), counters: metrics ? tokenMetrics() : undefined };
  if (jwksUrl) return { ...common, keys: createRemoteJWKSet(new URL(jwksUrl)) };
  if (jwksFile) return { ...common, keys: createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8'))) };
  throw new Error('No key set to verify tokens against (AUTH_JWKS_URL or AUTH_JWKS_FILE)');
}

/** The issuer of the embedded default's local tokens (`npm run token`). */
export const LOCAL_ISSUER = 'urn:samverkan:local-issuer';

export const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });

/** Refuses the public (UNAUTHENTICATED) where only signed-in parties may act: "Sign in to <purpose>". */
export function assertSignedIn(viewer: Viewer, purpose: string): asserts viewer is SignedIn {
  if (!isSignedIn(viewer)) throw unauthenticated(`Sign in to ${purpose}`);
}

/**
 * The viewer behind an `Authorization` header. No header is the public; a token that is expired,
 * without an expiry, not valid yet or issued in the future, forged, for another audience or issuer,
 * or without an organisation is refused, never downgraded.
 *
 * A token verified lately is taken from `config.cache` (by its hash) without verifying it again,
 * until its expiry (with the same clock tolerance) or the cache's maximum age, whichever is first;
 * a refused token is never cached.
 */
export async function viewerFromAuthorization(header: string | undefined, config: AuthConfig): Promise<Viewer> {
  if (!header) return PUBLIC;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  const { cache } = config;
  const key = cache && VerifiedTokenCache.keyOf(match[1]);
  const cached = key && cache.get(key);
  if (cached) {
    config.counters?.cached.inc();
    return cached;
  }
  try {
    const { viewer, acceptedUntilMs } = await verify(match[1], config);
    config.counters?.verified.inc();
    if (key) cache.set(key, viewer, acceptedUntilMs);
    return viewer;
  } catch (error) {
    config.counters?.refused.inc();
    throw error;
  }
}

/** Verifies a token: its viewer, and until when (epoch ms) verification would accept it, going by its expiry. */
async function verify(token: string, config: AuthConfig): Promise<{ viewer: SignedIn; acceptedUntilMs: number }> {
  const now = config.now?.() ?? Date.now();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, config.keys, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: new Date(now),
    }));
  } catch (error) {
    throw unauthenticated(reasonFor(error));
  }
  // jose checks `iat` only against a maximum age, which we do not set: a token from the future is refused here.
  if (typeof payload.iat === 'number' && payload.iat > now / 1000 + CLOCK_TOLERANCE_S) throw unauthenticated('The token was issued in the future (claim "iat")');
  const organisationId = payload.org;
  if (!isUuid(organisationId)) throw unauthenticated('The token names no organisation (claim "org")');
  if (typeof payload.sub !== 'string' || !payload.sub) throw unauthenticated('The token names no subject (claim "sub")');
  const roles = Object.freeze(Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : []);
  const viewer: SignedIn = Object.freeze({ kind: 'member', subject: payload.sub, organisationId: organisationId.toLowerCase(), roles });
  // jose refuses a token once `exp <= now - tolerance`: accepted while now < exp + tolerance.
  return { viewer, acceptedUntilMs: (payload.exp! + CLOCK_TOLERANCE_S) * 1000 };
}

/** Who a request is from: its verified token, whose organisation must be a registered actor. */
export type Authenticate = (authorization: string | undefined) => Promise<Viewer>;

/** The one way every service (gateway, subgraph, extra routes) turns an Authorization header into a viewer. */
export const authenticator =
  (config: AuthConfig, organisationExists: (id: string) => Promise<boolean>): Authenticate =>
  async (authorization) => {
    const viewer = await viewerFromAuthorization(authorization, config);
    if (isSignedIn(viewer) && !(await organisationExists(viewer.organisationId))) {
      throw unauthenticated("The token's organisation is not a registered actor");
    }
    return viewer;
  };

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `The token lacks a required claim (${error.claim} claim)`;
    if (error.claim === 'nbf') return 'The token is not valid yet (nbf claim)';
    if (error.claim === 'iss' || error.claim === 'aud') return `The token is not for this service (${error.claim} claim)`;
    return `The token has an invalid ${error.claim} claim`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'The token signature is not valid';
  }
  return 'The token is not valid';
}
