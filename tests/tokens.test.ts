import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACTORS } from '@samverkan/demo';
import { ensureLocalKeys, signLocalToken } from '@samverkan/dev';
import { importJWK, JWK, SignJWT } from 'jose';
import { Role } from '@samverkan/federation';
import { tokenFor, errorCode, graphql, startFederation, TestFederation, TEST_PRIVATE_KEY_ENV } from '@samverkan/test-support';

/** Every service verifies tokens itself: the gateway, and each subgraph called directly. */
let federation: TestFederation;

beforeAll(async () => {
  federation = await startFederation();
}, 180000);
afterAll(() => federation?.stop());

const QUERY = '{ actors(first: 1) { totalCount } }';

async function forgedToken() {
  const otherKeys = await ensureLocalKeys(mkdtempSync(join(tmpdir(), 'samverkan-forger-')));
  return signLocalToken(otherKeys.privateKeyFile, { organisationId: DEMO_ACTORS.fryshuset, roles: [Role.COORDINATOR] });
}

/** A token signed with the test run's key, with times of its own: `exp` left out where undefined. */
async function timedToken({ iat, nbf, exp }: { iat?: number; nbf?: number; exp?: number }) {
  const jwk = JSON.parse(readFileSync(process.env[TEST_PRIVATE_KEY_ENV]!, 'utf8')) as JWK;
  const token = new SignJWT({ org: DEMO_ACTORS.fryshuset, roles: [Role.MEMBER] })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setSubject('timed')
    .setIssuer('urn:samverkan:local-issuer')
    .setAudience('samverkan');
  if (iat !== undefined) token.setIssuedAt(iat);
  if (nbf !== undefined) token.setNotBefore(nbf);
  if (exp !== undefined) token.setExpirationTime(exp);
  return token.sign(await importJWK(jwk, 'ES256'));
}

const now = () => Math.floor(Date.now() / 1000);
const YEAR = 365 * 24 * 3600;

const BAD_TOKENS: Array<[string, () => Promise<string>, RegExp]> = [
  ['a token without an expiry', () => timedToken({ iat: now() }), /lacks a required claim \(exp claim\)/],
  ['a token issued a year from now', () => timedToken({ iat: now() + YEAR, exp: now() + YEAR + 3600 }), /issued in the future/],
  ['a token valid only from a year from now', () => timedToken({ iat: now(), nbf: now() + YEAR, exp: now() + YEAR + 3600 }), /not valid yet/],
  ['an expired token', () => tokenFor(DEMO_ACTORS.fryshuset, [Role.MEMBER], { expiresIn: Math.floor(Date.now() / 1000) - 60 }), /expired/],
  ['a token for another audience', () => tokenFor(DEMO_ACTORS.fryshuset, [Role.MEMBER], { audience: 'another-service' }), /not for this service \(aud/],
  ['a token from another issuer', () => tokenFor(DEMO_ACTORS.fryshuset, [Role.MEMBER], { issuer: 'https://evil.example' }), /not for this service \(iss/],
  ['a forged signature', forgedToken, /signature/],
  ['a token for an unknown organisation', () => tokenFor('00000000-0000-4000-8000-00000000dead'), /not a registered actor/],
  ['a token without an organisation', () => tokenFor('not-an-actor-id'), /no organisation/],
];

describe.each([
  ['the gateway', () => federation.gateway.url],
  ['a subgraph called directly', () => federation.subgraphs.agreements.url],
])('%s', (_where, url) => {
  it('treats a request without a token as the public', async () => {
    const response = await graphql(url(), '{ __typename }');
    expect(response.errors).toBeUndefined();
  });

  it('accepts a valid token', async () => {
    const response = await graphql(url(), '{ __typename }', {}, { authorization: `Bearer ${await tokenFor(DEMO_ACTORS.fryshuset)}` });
    expect(response.errors).toBeUndefined();
  });

  it('accepts a token from an issuer whose clock is a little ahead', async () => {
    const token = await timedToken({ iat: now() + 30, nbf: now() + 30, exp: now() + 3600 });
    const response = await graphql(url(), '{ __typename }', {}, { authorization: `Bearer ${token}` });
    expect(response.errors).toBeUndefined();
  });

  it.each(BAD_TOKENS)('refuses %s with UNAUTHENTICATED, never as the public', async (_case, token, reason) => {
    const response = await graphql(url(), '{ __typename }', {}, { authorization: `Bearer ${await token()}` });
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors![0].message).toMatch(reason);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await graphql(url(), '{ __typename }', {}, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });
});

it('refuses an unknown organisation at the actors subgraph, which checks its own registry', async () => {
  const response = await graphql(federation.subgraphs.actors.url, QUERY, {}, {
    authorization: `Bearer ${await tokenFor('00000000-0000-4000-8000-00000000dead')}`,
  });
  expect(errorCode(response)).toBe('UNAUTHENTICATED');
});
