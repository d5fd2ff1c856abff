import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { DashboardConfig } from './config';

/**
 * Who is signed in: a bearer token for the gateway and what it says (organisation, roles).
 * Development (`signIn: "dev"`): the embedded default's sign-in page asks its server (POST dev/sign-in)
 * for a token from the local issuer. Production (`signIn: "oidc"`): the provider's authorization-code
 * flow with PKCE (oidc-client-ts), the token kept in this tab's session storage only.
 */
export interface Session {
  token: string;
  organisationId: string;
  roles: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

const KEY = 'samverkan.dashboard.session';

function claims(token: string): { org?: string; roles?: string[]; exp?: number } {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return {};
  }
}

export function sessionOf(token: string): Session {
  const { org, roles, exp } = claims(token);
  return { token, organisationId: org ?? '', roles: roles ?? [], expiresAt: exp ?? 0 };
}

const valid = (session: Session | undefined) => session && session.expiresAt * 1000 > Date.now() + 10_000;

export function storedSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  const session = raw ? (JSON.parse(raw) as Session) : undefined;
  return valid(session) ? session : undefined;
}

export function keepSession(session: Session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export interface DemoOrganisation {
  key: string;
  id: string;
  /** A suggested role for this organisation in the demo. */
  role?: string;
}

export interface DevSignInOptions {
  organisations: DemoOrganisation[];
  roles: string[];
}

export async function devSignInOptions(): Promise<DevSignInOptions> {
  const response = await fetch('dev/sign-in', { cache: 'no-store' });
  if (!response.ok) throw new Error(`Utvecklingsinloggningen svarar inte (HTTP ${response.status}).`);
  return response.json();
}

export async function devSignIn(organisationId: string, role: string): Promise<Session> {
  const response = await fetch('dev/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organisationId, role }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `Inloggningen misslyckades (HTTP ${response.status}).`);
  const session = sessionOf(body.token);
  keepSession(session);
  return session;
}

let manager: UserManager | undefined;
function oidcManager(config: DashboardConfig): UserManager {
  const oidc = config.oidc!;
  const here = `${location.origin}${location.pathname}`;
  manager ??= new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: oidc.redirectUri ?? here,
    post_logout_redirect_uri: oidc.redirectUri ?? here,
    response_type: 'code',
    scope: oidc.scope ?? 'openid profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  return manager;
}

/** Production: finishes a sign-in the provider redirected back to, or returns the kept session. */
export async function oidcSession(config: DashboardConfig): Promise<Session | undefined> {
  const users = oidcManager(config);
  const params = new URLSearchParams(location.search);
  if (params.has('code') && params.has('state')) {
    const user = await users.signinRedirectCallback();
    history.replaceState(null, '', `${location.pathname}${location.hash}`);
    return sessionOf(user.access_token);
  }
  const user = await users.getUser();
  return user && !user.expired ? sessionOf(user.access_token) : undefined;
}

export const oidcSignIn = (config: DashboardConfig) => oidcManager(config).signinRedirect();

export async function signOut(config: DashboardConfig) {
  sessionStorage.removeItem(KEY);
  if (config.signIn === 'oidc') await oidcManager(config).removeUser();
}
