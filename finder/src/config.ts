/**
 * The finder's runtime configuration: `config.json` beside the bundle, read at start, so one build
 * serves every installation. `npm start` writes its own (dev/src/dashboard-server.ts).
 */
export interface FinderConfig {
  /** The gateway's GraphQL URL as the browser reaches it; asked anonymously. */
  gatewayUrl: string;
}

export async function loadConfig(): Promise<FinderConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = (await response.json()) as Partial<FinderConfig>;
  if (!config.gatewayUrl) throw new Error('config.json saknar gatewayUrl');
  return { gatewayUrl: config.gatewayUrl };
}
