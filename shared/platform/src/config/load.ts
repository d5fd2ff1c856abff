import type { LogLevel } from '../log';
import { ServiceName, SERVICES, SUBGRAPHS, SubgraphName } from '../services';
import { serviceUrl } from './live';
import { ConfigError, isSetIn, readVariables, Rule, valueOf, Values } from './read';
import * as V from './variables';
import { Reader, Variable, VARIABLES } from './variables';

/** Who loads configuration: a subgraph, the gateway, `npm start`, the tests. */
export type ConfigTarget = ServiceName | 'start' | 'tests';

/** Where tokens are verified: an OIDC provider's key set (URL) or a local one (file), and the claims they must carry. */
export interface AuthSettings {
  jwksUrl?: string;
  jwksFile?: string;
  issuer: string;
  audience: string;
}

interface ServiceConfig {
  port: number;
  /** NODE_ENV=production: no introspection, no field suggestions. */
  production: boolean;
  auth: AuthSettings;
  /** MAX_REQUEST_SIZE: replaces the service's own limit. */
  maxRequestSize?: string;
  /** METRICS_ENABLED: Prometheus metrics on `/metrics`. */
  metrics: boolean;
  logLevel: LogLevel;
}

export interface SubgraphConfig extends ServiceConfig {
  databaseUrl: string;
  databasePoolSize: number;
  seedDemoData: boolean;
  /** SEED_GENERATED_DEMO_DATA: with the demo data, its generated layer too. */
  seedGeneratedDemoData: boolean;
  logSqlErrors: boolean;
  logMigrations: boolean;
}

/** How the gateway bounds what one subgraph may cost it. */
export interface SubgraphLimits {
  /** SUBGRAPH_TIMEOUT_MS: the most one request to a subgraph may take, waiting for a connection included. */
  timeoutMs: number;
  /** SUBGRAPH_MAX_IN_FLIGHT: requests open to one subgraph at a time. */
  maxInFlight: number;
  /** SUBGRAPH_MAX_REQUEST_SIZE: the largest entity-fetch body sent in one request (`100kb`); larger ones are split. */
  maxEntitiesRequestSize: string;
}

export interface GatewayConfig extends ServiceConfig {
  /** GATEWAY_COMPOSE=live: compose from the running subgraphs instead of serving the committed supergraph. */
  composeLive: boolean;
  subgraphLimits: SubgraphLimits;
  /** GATEWAY_MERGE_SUBGRAPH_REQUESTS: identical in-flight queries to a subgraph (same token, same body) share one request. */
  mergeSubgraphRequests: boolean;
}

export interface StartConfig {
  ports: Record<ServiceName, number>;
  urls: Record<SubgraphName, string>;
  /** Every subgraph's database, or none: then `npm start` runs an embedded server. */
  databaseUrls?: Record<SubgraphName, string>;
  /** Unset: seed the embedded server's databases only. */
  seedDemoData?: boolean;
  /** Unset: the generated layer whenever the demo data is seeded. */
  seedGeneratedDemoData?: boolean;
  embeddedPostgresPort: number;
  /** DASHBOARD_PORT: where `npm start` serves the dashboard. */
  dashboardPort: number;
  /** Unset: `.data` in the project folder. */
  dataDir?: string;
  /** Whether a key set is named; if not, `npm start` makes one for its local issuer. */
  keysConfigured: boolean;
  /** CONCERN_CONTACT_KEY: unset, `npm start` makes one for its embedded data (with external databases it must be set). */
  concernContactKey?: string;
}

export interface TestsConfig {
  /** Unset: the tests start an embedded server. */
  testDatabaseUrl?: string;
}

export type ConfigOf<T extends ConfigTarget> = T extends SubgraphName
  ? SubgraphConfig
  : T extends 'gateway'
    ? GatewayConfig
    : T extends 'start'
      ? StartConfig
      : TestsConfig;

const keysSet = (isSet: (variable: Variable) => boolean) => [V.AUTH_JWKS_URL, V.AUTH_JWKS_FILE].filter(isSet).length;

const atMostOneKeySet: Rule = (isSet) => (keysSet(isSet) > 1 ? 'set AUTH_JWKS_URL or AUTH_JWKS_FILE, not both' : undefined);

const oneKeySet: Rule = (isSet) =>
  keysSet(isSet) === 0
    ? "AUTH_JWKS_URL (an OIDC provider's key set) or AUTH_JWKS_FILE (a local key set) must be set, so tokens can be verified"
    : atMostOneKeySet(isSet);

const everyDatabaseOrNone: Rule = (isSet) => {
  const set = SUBGRAPHS.filter((name) => isSet(V.DATABASE_URLS[name])).map((name) => V.DATABASE_URLS[name].name);
  return set.length > 0 && set.length < SUBGRAPHS.length ? `set a database URL for every subgraph or for none (set: ${set.join(', ')})` : undefined;
};

// A key `npm start` made for its embedded data would not decrypt what is in databases of one's own: theirs is the user's to give.
const contactKeyWithOwnDatabases: Rule = (isSet) =>
  SUBGRAPHS.every((name) => isSet(V.DATABASE_URLS[name])) && !isSet(V.CONCERN_CONTACT_KEY)
    ? "CONCERN_CONTACT_KEY must be set with databases of your own (the key of the guardians' contact details in the concerns database; make one with `openssl rand -base64 32` and keep it outside the database)"
    : undefined;

function serviceConfig(values: Values, service: ServiceName): ServiceConfig {
  return {
    port: valueOf(values, V.PORTS[service]),
    production: valueOf(values, V.NODE_ENV) === 'production',
    auth: {
      jwksUrl: valueOf(values, V.AUTH_JWKS_URL),
      jwksFile: valueOf(values, V.AUTH_JWKS_FILE),
      issuer: valueOf(values, V.AUTH_ISSUER),
      audience: valueOf(values, V.AUTH_AUDIENCE),
    },
    maxRequestSize: valueOf(values, V.MAX_REQUEST_SIZE),
    metrics: valueOf(values, V.METRICS_ENABLED),
    logLevel: valueOf(values, V.LOG_LEVEL),
  };
}

/** What one target reads and checks, and how its typed configuration is made from the values read. */
interface Target {
  /** Whose variables it reads, and whose required ones it requires. */
  readers: Reader[];
  /** Whose variables it checks, if more than it reads. */
  checks?: Reader[];
  rules: Rule[];
  build(values: Values, isSet: (variable: Variable) => boolean): object;
}

const subgraphTarget = (name: SubgraphName): Target => ({
  readers: ['subgraphs', name],
  rules: [oneKeySet],
  build: (values): SubgraphConfig => ({
    ...serviceConfig(values, name),
    databaseUrl: valueOf(values, V.DATABASE_URLS[name]),
    databasePoolSize: valueOf(values, V.DATABASE_POOL_SIZE),
    seedDemoData: valueOf(values, V.SEED_DEMO_DATA),
    seedGeneratedDemoData: valueOf(values, V.SEED_GENERATED_DEMO_DATA),
    logSqlErrors: valueOf(values, V.SAMVERKAN_LOG_SQL_ERRORS),
    logMigrations: valueOf(values, V.SAMVERKAN_LOG_MIGRATIONS),
  }),
});

const perSubgraph = <T>(read: (name: SubgraphName) => T) => Object.fromEntries(SUBGRAPHS.map((name) => [name, read(name)])) as Record<SubgraphName, T>;

const TARGETS: Record<Exclude<ConfigTarget, SubgraphName>, Target> = {
  gateway: {
    readers: ['gateway'],
    rules: [oneKeySet],
    build: (values): GatewayConfig => ({
      ...serviceConfig(values, 'gateway'),
      composeLive: valueOf(values, V.GATEWAY_COMPOSE) === 'live',
      subgraphLimits: { timeoutMs: valueOf(values, V.SUBGRAPH_TIMEOUT_MS), maxInFlight: valueOf(values, V.SUBGRAPH_MAX_IN_FLIGHT),
        maxEntitiesRequestSize: valueOf(values, V.SUBGRAPH_MAX_REQUEST_SIZE),
      },
      mergeSubgraphRequests: valueOf(values, V.GATEWAY_MERGE_SUBGRAPH_REQUESTS),
    }),
  },
  start: {
    readers: ['start'],
    // What the services it starts read too, so a bad value stops it before anything runs.
    checks: ['start', 'gateway', 'subgraphs', ...SUBGRAPHS],
    rules: [atMostOneKeySet, everyDatabaseOrNone, contactKeyWithOwnDatabases],
    build: (values, isSet): StartConfig => ({
      ports: Object.fromEntries(SERVICES.map((name) => [name, valueOf(values, V.PORTS[name])])) as Record<ServiceName, number>,
      urls: perSubgraph((name) => serviceUrl(values, name)),
      // All set or none (a rule above): one tells.
      databaseUrls: isSet(V.DATABASE_URLS.actors) ? perSubgraph((name) => valueOf(values, V.DATABASE_URLS[name])) : undefined,
      seedDemoData: isSet(V.SEED_DEMO_DATA) ? valueOf(values, V.SEED_DEMO_DATA) : undefined,
      seedGeneratedDemoData: isSet(V.SEED_GENERATED_DEMO_DATA) ? valueOf(values, V.SEED_GENERATED_DEMO_DATA) : undefined,
      embeddedPostgresPort: valueOf(values, V.EMBEDDED_POSTGRES_PORT),
      dashboardPort: valueOf(values, V.DASHBOARD_PORT),
      dataDir: valueOf(values, V.SAMVERKAN_DATA_DIR),
      keysConfigured: isSet(V.AUTH_JWKS_URL) || isSet(V.AUTH_JWKS_FILE),
      concernContactKey: valueOf(values, V.CONCERN_CONTACT_KEY),
    }),
  },
  tests: {
    readers: ['tests'],
    rules: [],
    build: (values): TestsConfig => ({ testDatabaseUrl: valueOf(values, V.SAMVERKAN_TEST_DATABASE_URL) }),
  },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * The configuration of `target`, read from `env` by the rules in `variables.ts`: typed, defaults
 * filled in, frozen. Throws a ConfigError naming every variable that is wrong or missing.
 */
export function loadConfig<T extends ConfigTarget>(target: T, env: NodeJS.ProcessEnv = process.env): Readonly<ConfigOf<T>> {
  const { readers, checks = readers, rules, build } = target in TARGETS ? TARGETS[target as keyof typeof TARGETS] : subgraphTarget(target as SubgraphName);
  const variables = VARIABLES.filter((variable) => variable.readBy.some((reader) => checks.includes(reader)));
  const required = (variable: Variable) => !!variable.requiredBy?.some((reader) => readers.includes(reader));
  const values = readVariables(variables, env, { required, rules });
  return deepFreeze(build(values, isSetIn(env))) as ConfigOf<T>;
}

/** `loadConfig` at a process's start: a bad configuration is printed, one problem a line, and the process exits with 1. */
export function loadConfigOrExit<T extends ConfigTarget>(target: T, env: NodeJS.ProcessEnv = process.env): Readonly<ConfigOf<T>> {
  try {
    return loadConfig(target, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return process.exit(1);
  }
}
