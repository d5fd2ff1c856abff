import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import { isUuid } from '../records';
import { Viewer, PUBLIC } from './viewer';

export const ALGORITHMS = ['ES256', 'RS256'];

/** Issuer, audience and keys every service verifies tokens against. */
export interface AuthConfig {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

/** Who tokens must be issued by and for: `AUTH_ISSUER` (default the local issuer) and `AUTH_AUDIENCE` (default samverkan). */
export function tokenAddressFromEnv(env: NodeJS.ProcessEnv = process.env): { issuer: string; audience: string } {
  return { issuer: env.AUTH_ISSUER ?? LOCAL_ISSUER, audience: env.AUTH_AUDIENCE ?? 'samverkan' };
}

/** Where tokens come from: `AUTH_JWKS_URL` (an OIDC provider) or `AUTH_JWKS_FILE` (the local issuer). */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const { issuer, audience } = tokenAddressFromEnv(env);
  if (env.AUTH_JWKS_URL) return { issuer, audience, keys: createRemoteJWKSet(new URL(env.AUTH_JWKS_URL)) };
  if (env.AUTH_JWKS_FILE) return { issuer, audience, keys: createLocalJWKSet(JSON.parse(readFileSync(env.AUTH_JWKS_FILE, 'utf8'))) };
  throw new Error('Set AUTH_JWKS_URL (an OIDC provider) or AUTH_JWKS_FILE (a local key set) so tokens can be verified');
}

/** The issuer of the embedded default's local tokens (`npm run token`). */
export const LOCAL_ISSUER = 'urn:samverkan:local-issuer';

export const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });

/** Refuses the public (UNAUTHENTICATED) where only signed-in parties may act: "Sign in to <purpose>". */
export function assertSignedIn(viewer: Viewer, purpose: string): asserts viewer is Extract<Viewer, { kind: 'member' }> {
  if (viewer.kind === 'public') throw unauthenticated(`Sign in to ${purpose}`);
}

/**
 * The viewer behind an `Authorization` header. No header is the public; a token that is expired,
 * forged, for another audience or issuer, or without an organisation is refused, never downgraded.
 */
export async function viewerFromAuthorization(header: string | undefined, config: AuthConfig): Promise<Viewer> {
  if (!header) return PUBLIC;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(match[1], config.keys, { issuer: config.issuer, audience: config.audience, algorithms: ALGORITHMS }));
  } catch (error) {
    throw unauthenticated(reasonFor(error));
  }
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
    if (viewer.kind === 'member' && !(await organisationExists(viewer.organisationId))) {
      throw unauthenticated("The token's organisation is not a registered actor");
    }
    return viewer;
  };

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token is not for this service (${error.claim} claim)`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'The token signature is not valid';
  }
  return 'The token is not valid';
}
