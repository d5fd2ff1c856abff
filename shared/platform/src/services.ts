/**
 * The services of the federation and the environment variables each reads.
 * One table, so the configuration, the gateway, the start script, docker-compose.yml and the tests agree.
 */
export const SUBGRAPHS = ['actors', 'agreements', 'activities', 'situation', 'concerns'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const SERVICES = ['gateway', ...SUBGRAPHS] as const;
export type ServiceName = (typeof SERVICES)[number];

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  gateway: 4000,
  actors: 4001,
  agreements: 4002,
  activities: 4003,
  situation: 4004,
  concerns: 4006,
};

/** `ACTORS_PORT`, `ACTORS_DATABASE_URL`, `ACTORS_URL`, ... */
export const envName = (service: ServiceName, suffix: 'PORT' | 'DATABASE_URL' | 'URL') => `${service.toUpperCase()}_${suffix}`;
