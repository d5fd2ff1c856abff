import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, ConfigTarget, databaseUrlOf, envName, LOCAL_ISSUER, loadConfig, requestStatsEnabled, SUBGRAPHS, urlOf } from '@samverkan/platform';
import { configSection, configTable, entryOf, readReadme, withConfigTable } from '@samverkan/dev';

const KEYS = { AUTH_JWKS_FILE: '/keys/jwks.json' };
const ACTORS_DB = 'postgres://samverkan:secret@actors-db:5432/actors';
const ACTORS = { ...KEYS, ACTORS_DATABASE_URL: ACTORS_DB };

/** The problems `loadConfig` reports, one line each. */
function problems(target: ConfigTarget, env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(target, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`loadConfig('${target}') took ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('fills in the defaults', () => {
    const auth = { jwksFile: KEYS.AUTH_JWKS_FILE, issuer: LOCAL_ISSUER, audience: 'samverkan' };
    expect(loadConfig('actors', ACTORS)).toEqual({
      port: 4001,
      production: false,
      auth,
      databaseUrl: ACTORS_DB,
      databasePoolSize: 10,
      seedDemoData: false,
      seedGeneratedDemoData: false,
      logSqlErrors: false,
      logMigrations: false,
      metrics: true,
      logLevel: 'info',
    });
    expect(loadConfig('gateway', KEYS)).toEqual({ port: 4000, production: false, auth, composeLive: false, metrics: true, logLevel: 'info', subgraphLimits: { timeoutMs: 5000, maxInFlight: 64, maxEntitiesRequestSize: '100kb' }, mergeSubgraphRequests: true });
    expect(loadConfig('start', {})).toEqual({
      ports: { gateway: 4000, actors: 4001, agreements: 4002, activities: 4003, situation: 4004, concerns: 4006 },
      urls: {
        actors: 'http://127.0.0.1:4001/graphql',
        agreements: 'http://127.0.0.1:4002/graphql',
        activities: 'http://127.0.0.1:4003/graphql',
        situation: 'http://127.0.0.1:4004/graphql',
        concerns: 'http://127.0.0.1:4006/graphql',
      },
      embeddedPostgresPort: 54329,
      dashboardPort: 4005,
      keysConfigured: false,
    });
    expect(loadConfig('tests', {})).toEqual({});
  });

  it('reads each kind of value', () => {
    const config = loadConfig('agreements', {
      AUTH_JWKS_URL: 'https://idp.example.se/.well-known/jwks.json',
      AUTH_ISSUER: 'https://idp.example.se',
      AGREEMENTS_DATABASE_URL: 'postgresql://db/agreements',
      AGREEMENTS_PORT: '65535',
      DATABASE_POOL_SIZE: '25',
      SEED_DEMO_DATA: 'true',
      SEED_GENERATED_DEMO_DATA: 'true',
      NODE_ENV: 'production',
      MAX_REQUEST_SIZE: '512kb',
      SAMVERKAN_LOG_SQL_ERRORS: 'true',
      // The older spelling of the statistics and logging switches still works.
      SAMVERKAN_LOG_MIGRATIONS: 'on',
      METRICS_ENABLED: 'false',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 65535,
      production: true,
      auth: { jwksUrl: 'https://idp.example.se/.well-known/jwks.json', issuer: 'https://idp.example.se', audience: 'samverkan' },
      databaseUrl: 'postgresql://db/agreements',
      databasePoolSize: 25,
      seedDemoData: true,
      seedGeneratedDemoData: true,
      maxRequestSize: '512kb',
      logSqlErrors: true,
      logMigrations: true,
      metrics: false,
      logLevel: 'debug',
    });
    expect(loadConfig('gateway', { ...KEYS, GATEWAY_COMPOSE: 'live' }).composeLive).toBe(true);
    expect(loadConfig('gateway', { ...KEYS, SUBGRAPH_TIMEOUT_MS: '1500', SUBGRAPH_MAX_IN_FLIGHT: '8', SUBGRAPH_MAX_REQUEST_SIZE: '20kb' }).subgraphLimits).toEqual({ timeoutMs: 1500, maxInFlight: 8, maxEntitiesRequestSize: '20kb' });
    expect(loadConfig('gateway', { ...KEYS, GATEWAY_MERGE_SUBGRAPH_REQUESTS: 'false' }).mergeSubgraphRequests).toBe(false);
    expect(() => loadConfig('gateway', { ...KEYS, GATEWAY_MERGE_SUBGRAPH_REQUESTS: 'yes' })).toThrow(/GATEWAY_MERGE_SUBGRAPH_REQUESTS must be true or false/);
    const start = loadConfig('start', { ACTORS_URL: 'https://actors.example.se/graphql', GATEWAY_PORT: '8080', SEED_DEMO_DATA: 'false' });
    expect(start).toMatchObject({ urls: { actors: 'https://actors.example.se/graphql' }, ports: { gateway: 8080 }, seedDemoData: false });
  });

  it('counts an empty variable as unset', () => {
    expect(loadConfig('actors', { ...ACTORS, ACTORS_PORT: '', AUTH_JWKS_URL: '' }).port).toBe(4001);
  });

  it('returns a frozen object', () => {
    const config = loadConfig('actors', ACTORS);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.auth)).toBe(true);
  });

  it.each([
    ['ACTORS_PORT', 'abc', 'must be an integer from 1 to 65535 (got "abc")'],
    ['ACTORS_PORT', '0', 'must be an integer from 1 to 65535 (got "0")'],
    ['GATEWAY_PORT', '65536', 'must be an integer from 1 to 65535 (got "65536")'],
    ['SITUATION_PORT', '4004.5', 'must be an integer from 1 to 65535 (got "4004.5")'],
    ['DATABASE_POOL_SIZE', '-1', 'must be a positive integer (got "-1")'],
    ['DATABASE_POOL_SIZE', '0', 'must be a positive integer (got "0")'],
    ['AGREEMENTS_URL', 'agreements:4002', 'must be an http:// or https:// URL (got "agreements:4002")'],
    ['ACTORS_DATABASE_URL', 'mysql://samverkan:secret@db/actors', 'must be a postgres:// or postgresql:// URL (value not shown, as it may hold a password)'],
    ['SEED_DEMO_DATA', 'yes', 'must be true or false (got "yes")'],
    ['LOG_LEVEL', 'verbose', 'must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
    ['SEED_DEMO_DATA', 'on', 'must be true or false (got "on")'],
    ['SEED_DEMO_DATA', 'TRUE', 'must be true or false (got "TRUE")'],
    ['SAMVERKAN_SQL_STATS', '1', 'must be true or false (on or off also work) (got "1")'],
    ['MAX_REQUEST_SIZE', '3 MB', 'must be a size in b, kb or mb, such as 100kb (got "3 MB")'],
    ['NODE_ENV', 'prod', 'must be one of development, production, test (got "prod")'],
    ['METRICS_ENABLED', 'off', 'must be true or false (got "off")'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318', 'must be an http:// or https:// URL (got "collector:4318")'],
  ])('refuses %s=%s, naming the variable and what is wrong', (name, value, message) => {
    expect(problems('actors', { ...ACTORS, [name]: value })).toEqual([`${name} ${message}`]);
  });

  it("refuses the gateway's own values", () => {
    expect(problems('gateway', { AUTH_JWKS_URL: 'ftp://idp/jwks', GATEWAY_COMPOSE: 'yes' })).toEqual([
      'GATEWAY_COMPOSE must be live (or unset) (got "yes")',
      'AUTH_JWKS_URL must be an http:// or https:// URL (got "ftp://idp/jwks")',
    ]);
  });

  it("names a missing required variable: a subgraph's own database, a key set", () => {
    expect(problems('situation', {})).toEqual([
      "SITUATION_DATABASE_URL must be set (the situation subgraph's PostgreSQL)",
      "AUTH_JWKS_URL (an OIDC provider's key set) or AUTH_JWKS_FILE (a local key set) must be set, so tokens can be verified",
    ]);
    expect(problems('gateway', {})).toEqual([expect.stringMatching(/^AUTH_JWKS_URL .* or AUTH_JWKS_FILE .* must be set/)]);
    expect(problems('gateway', { ...KEYS, AUTH_JWKS_URL: 'https://idp/jwks' })).toEqual(['set AUTH_JWKS_URL or AUTH_JWKS_FILE, not both']);
  });

  it('reports every problem at once, one line each', () => {
    const env = { ...ACTORS, ACTORS_PORT: 'abc', DATABASE_POOL_SIZE: '-1', NODE_ENV: 'prod' };
    expect(problems('actors', env)).toHaveLength(3);
    expect(() => loadConfig('actors', env)).toThrow(
      [
        'Invalid configuration: ACTORS_PORT must be an integer from 1 to 65535 (got "abc")',
        'Invalid configuration: NODE_ENV must be one of development, production, test (got "prod")',
        'Invalid configuration: DATABASE_POOL_SIZE must be a positive integer (got "-1")',
      ].join('\n'),
    );
  });

  it('checks for npm start what the services it starts read, and that every subgraph has a database or none has', () => {
    expect(problems('start', { ACTORS_DATABASE_URL: ACTORS_DB, DATABASE_POOL_SIZE: 'ten', EMBEDDED_POSTGRES_PORT: 'x' })).toEqual([
      'DATABASE_POOL_SIZE must be a positive integer (got "ten")',
      'EMBEDDED_POSTGRES_PORT must be an integer from 1 to 65535 (got "x")',
      'set a database URL for every subgraph or for none (set: ACTORS_DATABASE_URL)',
    ]);
  });

  it("has npm start require the concerns' contact-details key with databases of one's own, and make none for them", () => {
    const everyDatabase = Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'DATABASE_URL'), `postgresql://db/${name}`]));
    expect(problems('start', everyDatabase)).toEqual([expect.stringMatching(/^CONCERN_CONTACT_KEY must be set with databases of your own/)]);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig('start', { ...everyDatabase, CONCERN_CONTACT_KEY: key })).toMatchObject({ concernContactKey: key });
    expect(problems('start', { ...everyDatabase, CONCERN_CONTACT_KEY: 'short' })).toEqual([expect.stringMatching(/^CONCERN_CONTACT_KEY must be a 256-bit key/)]);
    // The embedded default asks for none: npm start makes one beside its data.
    expect(loadConfig('start', {}).concernContactKey).toBeUndefined();
    expect(problems('concerns', { CONCERNS_DATABASE_URL: 'postgresql://db/concerns', ...KEYS })).toEqual([expect.stringMatching(/^CONCERN_CONTACT_KEY must be set/)]);
  });

  it("checks the tests' database server", () => {
    expect(problems('tests', { SAMVERKAN_TEST_DATABASE_URL: 'localhost' })).toEqual([
      'SAMVERKAN_TEST_DATABASE_URL must be a postgres:// or postgresql:// URL (value not shown, as it may hold a password)',
    ]);
  });
});

describe('settings read on every use', () => {
  it("reads a subgraph's URL, by default from its port", () => {
    expect(urlOf('activities', { ACTIVITIES_PORT: '5003' })).toBe('http://127.0.0.1:5003/graphql');
    expect(urlOf('activities', { ACTIVITIES_URL: 'http://activities:4003/graphql' })).toBe('http://activities:4003/graphql');
    expect(() => urlOf('activities', { ACTIVITIES_URL: 'activities' })).toThrow('ACTIVITIES_URL must be an http:// or https:// URL');
  });

  it('reads the statement statistics switch', () => {
    expect(requestStatsEnabled({})).toBe(false);
    expect(requestStatsEnabled({ SAMVERKAN_SQL_STATS: 'true' })).toBe(true);
    expect(requestStatsEnabled({ SAMVERKAN_SQL_STATS: 'on' })).toBe(true);
  });

  it("reads one subgraph's database URL alone, for tools", () => {
    expect(databaseUrlOf('actors', ACTORS)).toBe(ACTORS_DB);
    expect(() => databaseUrlOf('actors', {})).toThrow("Invalid configuration: ACTORS_DATABASE_URL must be set (the actors subgraph's PostgreSQL)");
  });
});

describe('README.md', () => {
  it('has the configuration table the rules make (`npm run config-docs` writes it)', () => {
    const readme = readReadme();
    const written = configSection(readme).split('\n');
    const made = configTable().split('\n');
    expect({ missing: made.filter((row) => !written.includes(row)), stale: written.filter((row) => !made.includes(row)) }).toEqual({ missing: [], stale: [] });
    expect(readme).toBe(withConfigTable(readme));
  });
});

/** Runs a compiled entry point until it exits (or 20 s pass), as an operator would start it. */
function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const STACK_TRACE = /^\s+at /m;

describe('a bad configuration stops the process at start', () => {
  it('stops a subgraph, naming every bad variable', async () => {
    const { code, stdout, stderr } = await run(entryOf('actors'), { ACTORS_DATABASE_URL: ACTORS_DB, ACTORS_PORT: 'abc', DATABASE_POOL_SIZE: '-1' });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration: ACTORS_PORT must be an integer from 1 to 65535 (got "abc")');
    expect(stderr).toContain('Invalid configuration: DATABASE_POOL_SIZE must be a positive integer (got "-1")');
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stdout).not.toContain('ready');
  });

  it('stops a subgraph without its database URL', async () => {
    const { code, stderr } = await run(entryOf('situation'), { SITUATION_DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("Invalid configuration: SITUATION_DATABASE_URL must be set (the situation subgraph's PostgreSQL)");
  });

  it('stops the gateway, naming the bad key set URL', async () => {
    const { code, stderr } = await run(entryOf('gateway'), { AUTH_JWKS_URL: 'idp.example.se/jwks', AUTH_JWKS_FILE: '' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Invalid configuration: AUTH_JWKS_URL must be an http:// or https:// URL (got "idp.example.se/jwks")');
  });

  it('stops npm start before it starts anything', async () => {
    const { code, stdout, stderr } = await run(join(__dirname, '../dev/dist/start.js'), { EMBEDDED_POSTGRES_PORT: 'abc', SEED_DEMO_DATA: 'yes' });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration: SEED_DEMO_DATA must be true or false (got "yes")');
    expect(stderr).toContain('Invalid configuration: EMBEDDED_POSTGRES_PORT must be an integer from 1 to 65535 (got "abc")');
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stdout).not.toContain('Starting embedded PostgreSQL');
  });
});
