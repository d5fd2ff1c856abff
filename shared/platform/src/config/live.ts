import { SubgraphName } from '../services';
import { readVariables, valueOf, Values } from './read';
import { AUTH_AUDIENCE, AUTH_ISSUER, DATABASE_URLS, FIGURES_CACHE_SECONDS, FIGURES_MINIMUM_COUNT, PORTS, SAMVERKAN_SQL_STATS, URLS } from './variables';

/** A subgraph's URL from read values: its `*_URL`, else its port on this machine. */
export const serviceUrl = (values: Values, name: SubgraphName) =>
  valueOf(values, URLS[name]) ?? `http://127.0.0.1:${valueOf(values, PORTS[name])}/graphql`;

/*
 * Four settings are read from the environment on every use instead of once at start: jest runs a
 * subgraph inside its own process and changes them while it runs (a neighbour's URL once that
 * neighbour is up, or a dead one to see a check fail; statement counts for one test). Their rules
 * are the ones `loadConfig` checked at start, and reading one variable is cheap.
 */

/** Where a subgraph is reached, by the gateway and by subgraphs checking references. */
export const urlOf = (name: SubgraphName, env: NodeJS.ProcessEnv = process.env) => serviceUrl(readVariables([URLS[name], PORTS[name]], env), name);

/** Whether responses report their SQL statement counts (tests, diagnostics). */
export const requestStatsEnabled = (env: NodeJS.ProcessEnv = process.env) => valueOf(readVariables([SAMVERKAN_SQL_STATS], env), SAMVERKAN_SQL_STATS);

/** The disclosure threshold of figures: read on use, like the two above, so a test can lower or raise it. */
export const figuresMinimumCount = (env: NodeJS.ProcessEnv = process.env) => valueOf(readVariables([FIGURES_MINIMUM_COUNT], env), FIGURES_MINIMUM_COUNT);

/** How long counts behind figures are kept (seconds; 0: not at all). */
export const figuresCacheSeconds = (env: NodeJS.ProcessEnv = process.env) => valueOf(readVariables([FIGURES_CACHE_SECONDS], env), FIGURES_CACHE_SECONDS);

/** One subgraph's database URL alone, for tools that need nothing else (a setup or migration command). */
export const databaseUrlOf = (name: SubgraphName, env: NodeJS.ProcessEnv = process.env) =>
  valueOf(readVariables([DATABASE_URLS[name]], env, { required: () => true }), DATABASE_URLS[name]);

/** Who tokens must be issued by and for, alone: what a setup command tells the organisation's OIDC provider to issue. */
export function tokenAddressOf(env: NodeJS.ProcessEnv = process.env): { issuer: string; audience: string } {
  const values = readVariables([AUTH_ISSUER, AUTH_AUDIENCE], env);
  return { issuer: valueOf(values, AUTH_ISSUER), audience: valueOf(values, AUTH_AUDIENCE) };
}
