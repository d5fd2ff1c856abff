/**
 * The dashboard's runtime configuration: `config.json` beside the bundle, read at start, so one build
 * serves every installation. The embedded default's server (dev/src/dashboard-server.ts) writes its own.
 */
export interface OidcSettings {
  /** The OIDC provider (issuer URL); its discovery document names the endpoints. */
  authority: string;
  clientId: string;
  /** Default "openid profile". */
  scope?: string;
  /** Default: this page's address without query or fragment (register it with the provider). */
  redirectUri?: string;
}

export interface DashboardConfig {
  /** The gateway's GraphQL endpoint, e.g. https://api.example.se/graphql. */
  gatewayUrl: string;
  /** `dev`: the embedded default's development sign-in; `oidc`: the provider's authorization-code flow with PKCE. */
  signIn: 'dev' | 'oidc';
  oidc?: OidcSettings;
}

export async function loadConfig(): Promise<DashboardConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = (await response.json()) as Partial<DashboardConfig>;
  if (!config.gatewayUrl) throw new Error('config.json saknar gatewayUrl');
  if (config.signIn === 'oidc' && (!config.oidc?.authority || !config.oidc.clientId)) {
    throw new Error('config.json: signIn "oidc" kräver oidc.authority och oidc.clientId');
  }
  return { gatewayUrl: config.gatewayUrl, signIn: config.signIn === 'oidc' ? 'oidc' : 'dev', oidc: config.oidc };
}
