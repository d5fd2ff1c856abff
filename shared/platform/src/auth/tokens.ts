import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import type { AuthSettings } from '../config';
import { ErrorCode } from '../errors';
import { isUuid } from '../records';
import { isSignedIn, PUBLIC, SignedIn, Viewer } from './viewer';

export const ALGORITHMS = ['ES256', 'RS256'];

/** How far the issuer's clock may be ahead of ours (`nbf`, `iat`) or behind (`exp`), in seconds. */
export const CLOCK_TOLERANCE_S = 60;

/** Issuer, audience and keys every service verifies tokens against. */
export interface AuthConfig {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

/** The keys of the configured key set: an OIDC provider's (`AUTH_JWKS_URL`) or a local file's (`AUTH_JWKS_FILE`). */
export function authConfig({ jwksUrl, jwksFile, issuer, audience }: AuthSettings): AuthConfig {
  if (jwksUrl) return { issuer, audience, keys: createRemoteJWKSet(new URL(jwksUrl)) };
  if (jwksFile) return { issuer, audience, keys: createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8'))) };
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
 */
export async function viewerFromAuthorization(header: string | undefined, config: AuthConfig): Promise<Viewer> {
  if (!header) return PUBLIC;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(match[1], config.keys, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_S,
    }));
  } catch (error) {
    throw unauthenticated(reasonFor(error));
  }
  // jose checks `iat` only against a maximum age, which we do not set: a token from the future is refused here.
  if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_S) throw unauthenticated('The token was issued in the future (claim "iat")');
  const organisationId = payload.org;
  if (!isUuid(organisationId)) throw unauthenticated('The token names no organisation (claim "org")');
  if (typeof payload.sub !== 'string' || !payload.sub) throw unauthenticated('The token names no subject (claim "sub")');
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
  return { kind: 'member', subject: payload.sub, organisationId: organisationId.toLowerCase(), roles };
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
