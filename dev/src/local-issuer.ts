import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { LOCAL_ISSUER } from '@samverkan/platform';
import { Role } from '@samverkan/federation';

/**
 * The embedded default's own token issuer: an ES256 key pair kept in a folder (`.data/auth`),
 * its public half as a JWKS file every service verifies against. Production uses an OIDC provider.
 */
export async function ensureLocalKeys(dir: string): Promise<{ jwksFile: string; privateKeyFile: string }> {
  const jwksFile = join(dir, 'jwks.json');
  const privateKeyFile = join(dir, 'private-key.json');
  if (!existsSync(privateKeyFile)) {
    mkdirSync(dir, { recursive: true });
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `local-${Date.now()}`;
    writeFileSync(privateKeyFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }), { mode: 0o600 });
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }));
  }
  return { jwksFile, privateKeyFile };
}

export interface TokenRequest {
  organisationId: string;
  roles: Role[];
  subject?: string;
  audience?: string;
  issuer?: string;
  expiresIn?: string | number;
}

/** Signs a token with a local private key (the `npm run token` command, and tests). */
export async function signLocalToken(privateKeyFile: string, request: TokenRequest): Promise<string> {
  const jwk = JSON.parse(readFileSync(privateKeyFile, 'utf8')) as JWK;
  const key = await importJWK(jwk, 'ES256');
  return new SignJWT({ org: request.organisationId, roles: request.roles })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setSubject(request.subject ?? `local-user-${request.organisationId.slice(-4)}`)
    .setIssuer(request.issuer ?? LOCAL_ISSUER)
    .setAudience(request.audience ?? 'samverkan')
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(key);
}
