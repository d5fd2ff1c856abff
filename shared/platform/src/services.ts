/**
 * The services of the federation and the environment variables each reads.
 * One table, so the gateway, the start script, docker-compose.yml and the tests agree.
 */
export const SUBGRAPHS = ['actors', 'agreements', 'activities', 'situation'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  actors: 4001,
  agreements: 4002,
  activities: 4003,
  situation: 4004,
};

/** `ACTORS_PORT`, `ACTORS_DATABASE_URL`, `ACTORS_URL`, ... */
export const envName = (service: SubgraphName | 'gateway', suffix: 'PORT' | 'DATABASE_URL' | 'URL') =>
  `${service.toUpperCase()}_${suffix}`;

export function portOf(service: SubgraphName | 'gateway', env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[envName(service, 'PORT')];
  return raw ? Number(raw) : DEFAULT_PORTS[service];
}

/** Where a subgraph's GraphQL endpoint is reached by the gateway and by other subgraphs. */
export function urlOf(service: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  return env[envName(service, 'URL')] ?? `http://127.0.0.1:${portOf(service, env)}/graphql`;
}

export function databaseUrlOf(service: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  const url = env[envName(service, 'DATABASE_URL')];
  if (!url) throw new Error(`${envName(service, 'DATABASE_URL')} is not set`);
  return url;
}
