import { LOCAL_ISSUER } from '../auth/tokens';
import { DEFAULT_PORTS, envName, ServiceName, SERVICES, SUBGRAPHS, SubgraphName } from '../services';
import { LOG_LEVELS, LogLevel } from '../log';
import { databaseUrl, daysByKind, domainName, flag, hours, httpUrl, Kind, key256, legacyFlag, oneOf, port, positiveInteger, seconds, size, text } from './values';

/** Who reads a variable: every subgraph or one, the gateway, `npm start`, the tests. */
export type Reader = 'subgraphs' | SubgraphName | 'gateway' | 'start' | 'tests';

/** One environment variable: every one the code reads is in `VARIABLES`, and the README's table is made from them. */
export interface Variable<T = unknown> {
  name: string;
  kind: Kind<T>;
  /** Taken when the variable is unset (or empty). */
  default?: T;
  /** The default as the README says it, where it is not simply `default`. */
  defaultText?: string;
  description: string;
  readBy: Reader[];
  /** Readers that refuse to start without it. */
  requiredBy?: Reader[];
}

const SERVICES_READ: Reader[] = ['subgraphs', 'gateway', 'start'];

const perSubgraph = <T>(make: (name: SubgraphName) => Variable<T>) =>
  Object.fromEntries(SUBGRAPHS.map((name) => [name, make(name)])) as Record<SubgraphName, Variable<T>>;

export const DATABASE_URLS = perSubgraph<string>((name) => ({
  name: envName(name, 'DATABASE_URL'),
  kind: databaseUrl,
  defaultText: 'required (`npm start`: all five, or none for its embedded server)',
  description: `the ${name} subgraph's PostgreSQL`,
  readBy: [name, 'start'],
  requiredBy: [name],
}));

export const PORTS = Object.fromEntries(
  SERVICES.map((name) => [
    name,
    {
      name: envName(name, 'PORT'),
      kind: port,
      default: DEFAULT_PORTS[name],
      description: `the port the ${name}${name === 'gateway' ? '' : ' subgraph'} listens on`,
      readBy: SERVICES_READ,
    },
  ]),
) as Record<ServiceName, Variable<number>>;

export const URLS = perSubgraph<string>((name) => ({
  name: envName(name, 'URL'),
  kind: httpUrl,
  defaultText: `\`http://127.0.0.1:<${envName(name, 'PORT')}>/graphql\``,
  description: `where the gateway and the other subgraphs reach the ${name} subgraph`,
  readBy: SERVICES_READ,
}));

export const ACTIVITIES_PUBLIC_URL: Variable<string> = {
  name: 'ACTIVITIES_PUBLIC_URL',
  kind: httpUrl,
  defaultText: '`http://127.0.0.1:<ACTIVITIES_PORT>`',
  description:
    "where the public (a parent's phone) reaches the activities subgraph's calendar files (`/calendar/...`): the base of `Activity.calendarUrl` and `activityCalendarUrl`, e.g. `https://aktiviteter.example.se` (a path is kept, for a proxy that serves them under one)",
  readBy: ['activities'],
};

export const SEED_DEMO_DATA: Variable<boolean> = {
  name: 'SEED_DEMO_DATA',
  kind: flag,
  default: false,
  defaultText: '`false` (`true` with `npm start` on its embedded server)',
  description: 'load the demo data at start-up (idempotent)',
  readBy: ['subgraphs', 'start'],
};

export const SEED_GENERATED_DEMO_DATA: Variable<boolean> = {
  name: 'SEED_GENERATED_DEMO_DATA',
  kind: flag,
  default: false,
  defaultText: '`false` (with `npm start`: as `SEED_DEMO_DATA`)',
  description:
    "with `SEED_DEMO_DATA`, also load the demo data's generated layer: actors, agreements, 24 months of activities and situation history in six counties, drawn from a fixed seed (idempotent)",
  readBy: ['subgraphs', 'start'],
};

export const GATEWAY_COMPOSE: Variable<'live'> = {
  name: 'GATEWAY_COMPOSE',
  kind: oneOf('live'),
  defaultText: 'unset: serve `gateway/supergraph.graphql`',
  description: '`live`: compose from the running subgraphs instead (development)',
  readBy: ['gateway'],
};

export const SUBGRAPH_TIMEOUT_MS: Variable<number> = {
  name: 'SUBGRAPH_TIMEOUT_MS',
  kind: positiveInteger,
  default: 5000,
  description:
    "how long the gateway waits for a subgraph's answer, waiting for a free connection included; then that subgraph's part of the answer is null with `DEPENDENCY_UNAVAILABLE`",
  readBy: ['gateway'],
};

export const SUBGRAPH_MAX_IN_FLIGHT: Variable<number> = {
  name: 'SUBGRAPH_MAX_IN_FLIGHT',
  kind: positiveInteger,
  default: 64,
  description: "requests the gateway has open to one subgraph at a time (its keep-alive connections); more wait for a free connection, within the timeout",
  readBy: ['gateway'],
};

export const SUBGRAPH_MAX_REQUEST_SIZE: Variable<string> = {
  name: 'SUBGRAPH_MAX_REQUEST_SIZE',
  kind: size,
  default: '100kb',
  description:
    "the largest body the gateway sends a subgraph in one entity fetch (`_entities`); a larger one is split into several requests sent at once, their answers merged in order. At most the smallest subgraph's `MAX_REQUEST_SIZE`",
  readBy: ['gateway'],
};

export const GATEWAY_MERGE_SUBGRAPH_REQUESTS: Variable<boolean> = {
  name: 'GATEWAY_MERGE_SUBGRAPH_REQUESTS',
  kind: flag,
  default: true,
  description:
    "while a query to a subgraph is on its way, an identical one (same subgraph, same `Authorization` header, same query and variables) waits for its answer instead of being sent again; never across two tokens, never for mutations, nothing kept once answered",
  readBy: ['gateway'],
};

export const FIGURES_MINIMUM_COUNT: Variable<number> = {
  name: 'FIGURES_MINIMUM_COUNT',
  kind: positiveInteger,
  default: 3,
  description:
    'the smallest count a figure over all records shows (README, "Figures and disclosure control"): smaller counts, zero included, are suppressed, with complementary suppression; the same value in every subgraph',
  readBy: ['subgraphs'],
};

export const CHANGE_FEED_RETENTION_DAYS: Variable<number> = {
  name: 'CHANGE_FEED_RETENTION_DAYS',
  kind: positiveInteger,
  default: 30,
  description:
    "how long a change-feed cursor stays valid (README, \"Keeping a local system in step\"): a cursor whose entry is older is refused with `CURSOR_EXPIRED`, and the reader resynchronises from a snapshot. The change log itself, the records' history, is kept",
  readBy: ['subgraphs'],
};

export const INCIDENT_CONTACT_DEADLINE_MINUTES: Variable<number> = {
  name: 'INCIDENT_CONTACT_DEADLINE_MINUTES',
  kind: positiveInteger,
  default: 60,
  description:
    "how many minutes after an incident's crisis roster is activated every line of its contact list should have been contacted: an OPEN or ACTIVE incident with lines still uncontacted (or not reached) after that is `overdue`",
  readBy: ['situation'],
};

export const AGREEMENT_EXPIRY_NOTICE_DAYS: Variable<number> = {
  name: 'AGREEMENT_EXPIRY_NOTICE_DAYS',
  kind: positiveInteger,
  default: 90,
  description:
    "how many days before an ACTIVE agreement's end date its parties are told it expires soon: the agreements subgraph records, once per agreement and end date, a change `UPDATED` with field `expiresSoon` (no new version), which reaches the change feed and the webhooks",
  readBy: ['agreements'],
};

export const CONCERN_REMINDER_HOURS: Variable<number> = {
  name: 'CONCERN_REMINDER_HOURS',
  kind: hours,
  default: 4,
  description: "how many hours after a concern is registered its team's lead is reminded, if the guardian has had no first contact yet",
  readBy: ['concerns'],
};

export const CONCERN_ESCALATE_BACKUPS_HOURS: Variable<number> = {
  name: 'CONCERN_ESCALATE_BACKUPS_HOURS',
  kind: hours,
  default: 12,
  description: "how many hours after a concern is registered it is escalated to the team's backups, if the guardian has had no first contact yet",
  readBy: ['concerns'],
};

export const CONCERN_ESCALATE_COORDINATOR_HOURS: Variable<number> = {
  name: 'CONCERN_ESCALATE_COORDINATOR_HOURS',
  kind: hours,
  default: 20,
  description: "how many hours after a concern is registered it is escalated to the team's coordinator, if the guardian has had no first contact yet",
  readBy: ['concerns'],
};

export const CONCERN_ANSWER_HOURS: Variable<number> = {
  name: 'CONCERN_ANSWER_HOURS',
  kind: hours,
  default: 24,
  description: 'the promise to the guardian: a concern with no first contact this many hours after it was registered is recorded as breached, and the figures count it as not answered in time',
  readBy: ['concerns'],
};

export const CONCERN_CLOCK_TICK_SECONDS: Variable<number> = {
  name: 'CONCERN_CLOCK_TICK_SECONDS',
  kind: positiveInteger,
  default: 15,
  description: "how often the concerns' clock (a job on the subgraph's pg-boss queue) fires the reminders, escalations and breaches that have come due: each fires at most this long after its time",
  readBy: ['concerns'],
};

export const CONCERN_RETENTION_DAYS: Variable<number> = {
  name: 'CONCERN_RETENTION_DAYS',
  kind: positiveInteger,
  default: 365,
  description: 'how many days after it was closed a concern is deleted, leaving a tombstone without content (docs/dpia-concerns.md), unless `CONCERN_RETENTION_DAYS_BY_KIND` names the receiving organisation\'s kind',
  readBy: ['concerns'],
};

export const CONCERN_RETENTION_DAYS_BY_KIND: Variable<Record<string, number>> = {
  name: 'CONCERN_RETENTION_DAYS_BY_KIND',
  kind: daysByKind,
  default: {},
  defaultText: 'none',
  description: "retention per kind of receiving organisation (`ActorKind`), e.g. `POLICE=730,MUNICIPALITY=365`: an authority's concerns follow its retention decision (gallringsbeslut)",
  readBy: ['concerns'],
};

export const CONCERN_CONTACT_KEY: Variable<string> = {
  name: 'CONCERN_CONTACT_KEY',
  kind: key256,
  defaultText: 'required (`npm start` with its embedded server: one it makes, kept in the data folder; with your own databases: required)',
  description: "the key (AES-256-GCM) that encrypts guardians' contact details in the concerns store; kept outside the database, e.g. in a secret store. Make one with `openssl rand -base64 32`",
  readBy: ['concerns', 'start'],
  requiredBy: ['concerns'],
};

export const CONCERN_CONTACT_KEY_PREVIOUS: Variable<string> = {
  name: 'CONCERN_CONTACT_KEY_PREVIOUS',
  kind: key256,
  description: 'the key `CONCERN_CONTACT_KEY` replaced, while contact details written under it remain (until their concerns are deleted): they are still read with it; new details are written under the new key',
  readBy: ['concerns'],
};

export const CAP_SENDER_DOMAIN: Variable<string> = {
  name: 'CAP_SENDER_DOMAIN',
  kind: domainName,
  default: 'samverkan.localhost',
  description:
    "the `sender` of the incidents' CAP 1.2 alerts (docs/cap-export.md): the installation's domain, e.g. `samverkan.uppsala.se`. Receivers match an update to its earlier alerts by sender and identifier, so set it once and never change it",
  readBy: ['situation'],
};

export const WEBHOOK_ALLOW_INSECURE_URLS: Variable<boolean> = {
  name: 'WEBHOOK_ALLOW_INSECURE_URLS',
  kind: flag,
  default: false,
  defaultText: '`false` (`true` with `npm start` and in the tests)',
  description:
    'let webhook endpoints be plain `http://` URLs and loopback or private addresses (a receiver on the same machine, in development); never in production',
  readBy: ['subgraphs'],
};

export const WEBHOOK_TIMEOUT_MS: Variable<number> = {
  name: 'WEBHOOK_TIMEOUT_MS',
  kind: positiveInteger,
  default: 10000,
  description: "how long a webhook delivery waits for the endpoint's answer; then the attempt failed and is retried",
  readBy: ['subgraphs'],
};

export const WEBHOOK_RETRY_BASE_MS: Variable<number> = {
  name: 'WEBHOOK_RETRY_BASE_MS',
  kind: positiveInteger,
  default: 30000,
  description: 'the wait before retrying a failed webhook delivery; it doubles with every further failure, up to `WEBHOOK_RETRY_MAX_SECONDS`',
  readBy: ['subgraphs'],
};

export const WEBHOOK_RETRY_MAX_SECONDS: Variable<number> = {
  name: 'WEBHOOK_RETRY_MAX_SECONDS',
  kind: positiveInteger,
  default: 3600,
  description: 'the longest wait between two attempts of a webhook delivery',
  readBy: ['subgraphs'],
};

export const WEBHOOK_PAUSE_AFTER_FAILURES: Variable<number> = {
  name: 'WEBHOOK_PAUSE_AFTER_FAILURES',
  kind: positiveInteger,
  default: 12,
  description: "failed attempts in a row after which a webhook subscription is paused (with the defaults, some 5 hours of failures); its coordinator resumes it",
  readBy: ['subgraphs'],
};

export const FIGURES_CACHE_SECONDS: Variable<number> = {
  name: 'FIGURES_CACHE_SECONDS',
  kind: seconds,
  default: 60,
  description:
    "how long a subgraph keeps the counts behind figures: until its change log moves (a write through the API, on any replica, shows at once) or this many seconds pass (a write made outside the API); 0 counts afresh for every request",
  readBy: ['subgraphs'],
};

export const IDEMPOTENCY_KEY_RETENTION_HOURS: Variable<number> = {
  name: 'IDEMPOTENCY_KEY_RETENTION_HOURS',
  kind: positiveInteger,
  default: 24,
  description:
    "how long a subgraph keeps an organisation's idempotency keys (the `idempotencyKey` of create mutations): a retry within this many hours returns the first result; an older key counts as unused, and the hourly upkeep deletes it",
  readBy: ['subgraphs'],
};

export const AUTH_JWKS_URL: Variable<string> = {
  name: 'AUTH_JWKS_URL',
  kind: httpUrl,
  description: "the OIDC provider's key set that tokens are verified against; a service needs this or `AUTH_JWKS_FILE`",
  readBy: SERVICES_READ,
};

export const AUTH_JWKS_FILE: Variable<string> = {
  name: 'AUTH_JWKS_FILE',
  kind: text,
  defaultText: '`.data/auth/jwks.json` with `npm start`',
  description: "a local key set instead (the embedded default's issuer)",
  readBy: SERVICES_READ,
};

export const AUTH_ISSUER: Variable<string> = {
  name: 'AUTH_ISSUER',
  kind: text,
  default: LOCAL_ISSUER,
  description: 'who tokens must be issued by',
  readBy: ['subgraphs', 'gateway'],
};

export const AUTH_AUDIENCE: Variable<string> = {
  name: 'AUTH_AUDIENCE',
  kind: text,
  default: 'samverkan',
  description: 'who tokens must be issued for',
  readBy: ['subgraphs', 'gateway'],
};

export const NODE_ENV: Variable<'development' | 'production' | 'test'> = {
  name: 'NODE_ENV',
  kind: oneOf('development', 'production', 'test'),
  default: 'development',
  description: '`production`: no introspection, no field suggestions',
  readBy: ['subgraphs', 'gateway'],
};

export const DATABASE_POOL_SIZE: Variable<number> = {
  name: 'DATABASE_POOL_SIZE',
  kind: positiveInteger,
  default: 10,
  description: 'database connections per subgraph',
  readBy: ['subgraphs'],
};

export const MAX_REQUEST_SIZE: Variable<string> = {
  name: 'MAX_REQUEST_SIZE',
  kind: size,
  defaultText: "the service's own: `100kb`, more where it takes file imports",
  description: 'the largest request body',
  readBy: ['subgraphs', 'gateway'],
};

export const SAMVERKAN_SQL_STATS: Variable<boolean> = {
  name: 'SAMVERKAN_SQL_STATS',
  kind: legacyFlag,
  default: false,
  description: 'responses report `extensions.sqlStatements` (per subgraph at the gateway)',
  readBy: ['subgraphs', 'gateway'],
};

export const SAMVERKAN_LOG_MIGRATIONS: Variable<boolean> = {
  name: 'SAMVERKAN_LOG_MIGRATIONS',
  kind: legacyFlag,
  default: false,
  description: 'log migrations as they run',
  readBy: ['subgraphs'],
};

export const SAMVERKAN_LOG_SQL_ERRORS: Variable<boolean> = {
  name: 'SAMVERKAN_LOG_SQL_ERRORS',
  kind: legacyFlag,
  default: false,
  description: 'log SQL errors (input errors are reported to the caller anyway)',
  readBy: ['subgraphs'],
};

export const METRICS_ENABLED: Variable<boolean> = {
  name: 'METRICS_ENABLED',
  kind: flag,
  default: true,
  description: 'serve Prometheus metrics on `/metrics`, on the service\'s own port (keep it from the public: see Operating)',
  readBy: ['subgraphs', 'gateway'],
};

// Read by observability/tracing.ts before the configuration loads (tracing must come first); checked here like the rest.
export const OTEL_EXPORTER_OTLP_ENDPOINT: Variable<string> = {
  name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
  kind: httpUrl,
  defaultText: 'unset: no tracing (the SDK is not loaded)',
  description: 'send OpenTelemetry traces over OTLP/HTTP (JSON) to this collector, e.g. `http://127.0.0.1:4318`; the SDK reads the other `OTEL_*` variables itself',
  readBy: ['subgraphs', 'gateway'],
};

export const LOG_LEVEL: Variable<LogLevel> = {
  name: 'LOG_LEVEL',
  kind: oneOf(...LOG_LEVELS),
  default: 'info',
  description: 'the least severe log lines written (JSON, one a line, on standard output); `info` includes one access line per request',
  readBy: ['subgraphs', 'gateway'],
};

export const EMBEDDED_POSTGRES_PORT: Variable<number> = {
  name: 'EMBEDDED_POSTGRES_PORT',
  kind: port,
  default: 54329,
  description: 'the embedded PostgreSQL of `npm start`',
  readBy: ['start'],
};

export const DASHBOARD_PORT: Variable<number> = {
  name: 'DASHBOARD_PORT',
  kind: port,
  default: 4005,
  description: "the port `npm start` serves the dashboard on (the built `dashboard/` bundle, with the development sign-in), and the public finder under `/hitta/` (the built `finder/` bundle), on 127.0.0.1",
  readBy: ['start'],
};

export const SAMVERKAN_DATA_DIR: Variable<string> = {
  name: 'SAMVERKAN_DATA_DIR',
  kind: text,
  defaultText: '`.data` in the project folder',
  description:
    "where `npm start` keeps the embedded PostgreSQL's data (`postgres/`), the local issuer's keys (`auth/`, whose key `npm run token` signs with) and the key of the guardians' contact details in the concerns store (`concerns/contact-key`, when `CONCERN_CONTACT_KEY` is unset)",
  readBy: ['start'],
};

export const SAMVERKAN_TEST_DATABASE_URL: Variable<string> = {
  name: 'SAMVERKAN_TEST_DATABASE_URL',
  kind: databaseUrl,
  defaultText: 'an embedded server on port 54330',
  description: 'the server the tests make their databases on (any database on it)',
  readBy: ['tests'],
};

/** Every variable, in the README's order. */
export const VARIABLES: readonly Variable[] = [
  ...Object.values(DATABASE_URLS),
  ...Object.values(PORTS),
  ...Object.values(URLS),
  ACTIVITIES_PUBLIC_URL,
  SEED_DEMO_DATA,
  SEED_GENERATED_DEMO_DATA,
  GATEWAY_COMPOSE,
  SUBGRAPH_TIMEOUT_MS,
  SUBGRAPH_MAX_IN_FLIGHT,
  SUBGRAPH_MAX_REQUEST_SIZE,
  GATEWAY_MERGE_SUBGRAPH_REQUESTS,
  FIGURES_MINIMUM_COUNT,
  CHANGE_FEED_RETENTION_DAYS,
  INCIDENT_CONTACT_DEADLINE_MINUTES,
  AGREEMENT_EXPIRY_NOTICE_DAYS,
  CAP_SENDER_DOMAIN,
  CONCERN_REMINDER_HOURS,
  CONCERN_ESCALATE_BACKUPS_HOURS,
  CONCERN_ESCALATE_COORDINATOR_HOURS,
  CONCERN_ANSWER_HOURS,
  CONCERN_CLOCK_TICK_SECONDS,
  CONCERN_RETENTION_DAYS,
  CONCERN_RETENTION_DAYS_BY_KIND,
  CONCERN_CONTACT_KEY,
  CONCERN_CONTACT_KEY_PREVIOUS,
  FIGURES_CACHE_SECONDS,
  IDEMPOTENCY_KEY_RETENTION_HOURS,
  WEBHOOK_ALLOW_INSECURE_URLS,
  WEBHOOK_TIMEOUT_MS,
  WEBHOOK_RETRY_BASE_MS,
  WEBHOOK_RETRY_MAX_SECONDS,
  WEBHOOK_PAUSE_AFTER_FAILURES,
  AUTH_JWKS_URL,
  AUTH_JWKS_FILE,
  AUTH_ISSUER,
  AUTH_AUDIENCE,
  NODE_ENV,
  DATABASE_POOL_SIZE,
  MAX_REQUEST_SIZE,
  SAMVERKAN_SQL_STATS,
  SAMVERKAN_LOG_MIGRATIONS,
  SAMVERKAN_LOG_SQL_ERRORS,
  METRICS_ENABLED,
  OTEL_EXPORTER_OTLP_ENDPOINT,
  LOG_LEVEL,
  EMBEDDED_POSTGRES_PORT,
  DASHBOARD_PORT,
  SAMVERKAN_DATA_DIR,
  SAMVERKAN_TEST_DATABASE_URL,
] as Variable[];
