import { SubgraphName } from '../services';
import { readVariables, valueOf, Values } from './read';
import { ACTIVITIES_PUBLIC_URL, AUTH_AUDIENCE, CHANGE_FEED_RETENTION_DAYS, AUTH_ISSUER, DATABASE_URLS, FIGURES_CACHE_SECONDS, FIGURES_MINIMUM_COUNT, IDEMPOTENCY_KEY_RETENTION_HOURS, PORTS, SAMVERKAN_SQL_STATS, URLS, Variable } from './variables';
import * as W from './variables';

/** A subgraph's URL from read values: its `*_URL`, else its port on this machine. */
export const serviceUrl = (values: Values, name: SubgraphName) =>
  valueOf(values, URLS[name]) ?? `http://127.0.0.1:${valueOf(values, PORTS[name])}/graphql`;

/*
 * Some settings are read from the environment on every use instead of once at start: jest runs a
 * subgraph inside its own process and changes them while it runs (a neighbour's URL once that
 * neighbour is up, or a dead one to see a check fail; statement counts for one test). Their rules
 * are the ones `loadConfig` checked at start. They are read on every request, so each reader keeps
 * what it read last and reads again (by the rules) only when a raw value has changed: a use costs a
 * look at the environment, not a validation.
 */
function liveReader<T>(variables: readonly Variable[], pick: (values: Values) => T): (env?: NodeJS.ProcessEnv) => T {
  let lastRaw: Array<string | undefined> | undefined;
  let last: T;
  return (env = process.env) => {
    const raw = variables.map((variable) => env[variable.name]);
    if (lastRaw && raw.every((value, i) => value === lastRaw![i])) return last;
    const value = pick(readVariables(variables, env)); // a bad value throws, and nothing is kept
    [lastRaw, last] = [raw, value];
    return value;
  };
}

const urlReaders = new Map<SubgraphName, (env?: NodeJS.ProcessEnv) => string>();

/** Where a subgraph is reached, by the gateway and by subgraphs checking references. */
export function urlOf(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  let reader = urlReaders.get(name);
  if (!reader) urlReaders.set(name, (reader = liveReader([URLS[name], PORTS[name]], (values) => serviceUrl(values, name))));
  return reader(env);
}

/**
 * The public base URL of the activities subgraph (its calendar files), without a trailing slash:
 * `ACTIVITIES_PUBLIC_URL`, else its port on this machine. Read on use, like a subgraph's URL.
 */
export const activitiesPublicUrl = liveReader([ACTIVITIES_PUBLIC_URL, PORTS.activities], (values) =>
  (valueOf(values, ACTIVITIES_PUBLIC_URL) ?? `http://127.0.0.1:${valueOf(values, PORTS.activities)}`).replace(/\/+$/, ''),
);

/** Whether responses report their SQL statement counts (tests, diagnostics). */
export const requestStatsEnabled = liveReader([SAMVERKAN_SQL_STATS], (values) => valueOf(values, SAMVERKAN_SQL_STATS));

/** The disclosure threshold of figures: read on use, like the two above, so a test can lower or raise it. */
export const figuresMinimumCount = liveReader([FIGURES_MINIMUM_COUNT], (values) => valueOf(values, FIGURES_MINIMUM_COUNT));

/** How many days change-feed cursors stay valid: read on use, so a test can shorten it. */
export const changeFeedRetentionDays = liveReader([CHANGE_FEED_RETENTION_DAYS], (values) => valueOf(values, CHANGE_FEED_RETENTION_DAYS));

/** How long after activation an incident's contact list should be worked through: read on use, so a test can change it. */
/** The sender of CAP alerts: read on use, like the other settings a request reads. */
export const capSenderDomain = liveReader([W.CAP_SENDER_DOMAIN], (values) => valueOf(values, W.CAP_SENDER_DOMAIN));

export const incidentContactDeadlineMinutes = liveReader([W.INCIDENT_CONTACT_DEADLINE_MINUTES], (values) => valueOf(values, W.INCIDENT_CONTACT_DEADLINE_MINUTES));

/** How many days before its end an agreement's parties are told it expires soon: read on use, so a test can change it. */
export const agreementExpiryNoticeDays = liveReader([W.AGREEMENT_EXPIRY_NOTICE_DAYS], (values) => valueOf(values, W.AGREEMENT_EXPIRY_NOTICE_DAYS));

/** How webhooks are sent (README, "Webhooks"): read on use, so a test can make retries quick. */
export const webhookSettings = liveReader(
  [W.WEBHOOK_ALLOW_INSECURE_URLS, W.WEBHOOK_TIMEOUT_MS, W.WEBHOOK_RETRY_BASE_MS, W.WEBHOOK_RETRY_MAX_SECONDS, W.WEBHOOK_PAUSE_AFTER_FAILURES],
  (values) => ({
    allowInsecureUrls: valueOf(values, W.WEBHOOK_ALLOW_INSECURE_URLS),
    timeoutMs: valueOf(values, W.WEBHOOK_TIMEOUT_MS),
    retryBaseMs: valueOf(values, W.WEBHOOK_RETRY_BASE_MS),
    retryMaxMs: valueOf(values, W.WEBHOOK_RETRY_MAX_SECONDS) * 1000,
    pauseAfterFailures: valueOf(values, W.WEBHOOK_PAUSE_AFTER_FAILURES),
  }),
);

/** The concerns' clock (README, "A worried guardian's call"): read on use, so a test can shorten it. */
export const concernClockSettings = liveReader(
  [W.CONCERN_REMINDER_HOURS, W.CONCERN_ESCALATE_BACKUPS_HOURS, W.CONCERN_ESCALATE_COORDINATOR_HOURS, W.CONCERN_ANSWER_HOURS, W.CONCERN_CLOCK_TICK_SECONDS],
  (values) => ({
    reminderHours: valueOf(values, W.CONCERN_REMINDER_HOURS),
    escalateBackupsHours: valueOf(values, W.CONCERN_ESCALATE_BACKUPS_HOURS),
    escalateCoordinatorHours: valueOf(values, W.CONCERN_ESCALATE_COORDINATOR_HOURS),
    answerHours: valueOf(values, W.CONCERN_ANSWER_HOURS),
    tickSeconds: valueOf(values, W.CONCERN_CLOCK_TICK_SECONDS),
  }),
);

/** How long closed concerns are kept, by the receiving organisation's kind: read on use, so a test can change it. */
export const concernRetention = liveReader([W.CONCERN_RETENTION_DAYS, W.CONCERN_RETENTION_DAYS_BY_KIND], (values) => {
  const days = valueOf(values, W.CONCERN_RETENTION_DAYS);
  const byKind = valueOf(values, W.CONCERN_RETENTION_DAYS_BY_KIND);
  return { days, byKind, daysFor: (kind: string) => byKind[kind] ?? days };
});

/** The keys of guardians' contact details: the current one encrypts, both decrypt. */
export const concernContactKeys = liveReader([W.CONCERN_CONTACT_KEY, W.CONCERN_CONTACT_KEY_PREVIOUS], (values) => ({
  current: valueOf(values, W.CONCERN_CONTACT_KEY) as string | undefined,
  previous: valueOf(values, W.CONCERN_CONTACT_KEY_PREVIOUS) as string | undefined,
}));

/** How long counts behind figures are kept (seconds; 0: not at all). */
export const figuresCacheSeconds = liveReader([FIGURES_CACHE_SECONDS], (values) => valueOf(values, FIGURES_CACHE_SECONDS));

/** How many hours idempotency keys are kept: read on use, like the figures' settings. */
export const idempotencyKeyRetentionHours = liveReader([IDEMPOTENCY_KEY_RETENTION_HOURS], (values) => valueOf(values, IDEMPOTENCY_KEY_RETENTION_HOURS));

/** One subgraph's database URL alone, for tools that need nothing else (a setup or migration command). */
export const databaseUrlOf = (name: SubgraphName, env: NodeJS.ProcessEnv = process.env) =>
  valueOf(readVariables([DATABASE_URLS[name]], env, { required: () => true }), DATABASE_URLS[name]);

/** Who tokens must be issued by and for, alone: what a setup command tells the organisation's OIDC provider to issue. */
export function tokenAddressOf(env: NodeJS.ProcessEnv = process.env): { issuer: string; audience: string } {
  const values = readVariables([AUTH_ISSUER, AUTH_AUDIENCE], env);
  return { issuer: valueOf(values, AUTH_ISSUER), audience: valueOf(values, AUTH_AUDIENCE) };
}
