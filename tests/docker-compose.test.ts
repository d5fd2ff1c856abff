import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_PORTS, envName, SUBGRAPHS, SubgraphName } from '@samverkan/platform';
import { GATEWAY_NODE_FLAGS, InterpolationEnv, interpolateValues } from '@samverkan/test-support';

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test?: string[] };
  depends_on?: string[] | Record<string, { condition?: string }>;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

const COMPOSE_FILE = join(__dirname, '../docker-compose.yml');

/** The secrets the file requires, with stand-in values (the passwords as an operator would make them). */
const DB_PASSWORD_VARIABLES = Object.fromEntries(SUBGRAPHS.map((name) => [name, `${name.toUpperCase()}_DB_PASSWORD`])) as Record<
  SubgraphName,
  string
>;
const REQUIRED: Record<string, string> = {
  ...Object.fromEntries(SUBGRAPHS.map((name) => [DB_PASSWORD_VARIABLES[name], `${name}-Secret_0.9~x`])),
  AUTH_JWKS_URL: 'https://idp.example.se/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.example.se',
  CONCERN_CONTACT_KEY: 'l8Qm3T0VnU1cVj9Jc2p3bXr4sXk6dF2aQ8wE5yR7tZ0=',
};

/** Subgraphs each subgraph checks references against before writing (shared/federation/src/references.ts). */
const REFERENCES_CHECKED_WITH: Record<SubgraphName, SubgraphName[]> = {
  actors: [],
  agreements: ['actors'],
  activities: ['actors', 'agreements'],
  situation: ['actors'],
  concerns: ['actors'],
};

const parsed: unknown = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true });
/** docker-compose.yml as Compose reads it: YAML, then variable interpolation. */
const load = (env: InterpolationEnv, onUnset?: (name: string) => void) =>
  interpolateValues(parsed, env, { onUnset }) as ComposeFile;
const services = load(REQUIRED).services;

const dependsOn = (service: ComposeService) =>
  Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
const healthyDependencies = (service: ComposeService) =>
  Object.entries(Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {}))
    .filter(([, dependency]) => dependency.condition === 'service_healthy')
    .map(([name]) => name);

/**
 * A health check that runs in the slim image (no curl) against the service's own /ready: start order
 * waits for a subgraph to be migrated with its database answering, and for the gateway's supergraph.
 */
function expectNodeHealthCheck(service: ComposeService, port: number) {
  const test = service.healthcheck?.test ?? [];
  expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
  expect(test[3]).toContain(`fetch('http://127.0.0.1:${port}/ready')`);
  expect(test[3]).toContain('process.exit(1)');
}

describe('docker-compose.yml', () => {
  it('loads with the required secrets set, and uses no variable left unset', () => {
    const unset: string[] = [];
    load(REQUIRED, (name) => unset.push(name));
    expect(unset).toEqual([]);
  });

  it.each(Object.keys(REQUIRED))('refuses to load without %s, or with it empty (no default secrets)', (variable) => {
    const { [variable]: _omitted, ...rest } = REQUIRED;
    expect(() => load(rest)).toThrow(`required variable ${variable} is missing a value`);
    expect(() => load({ ...rest, [variable]: '' })).toThrow(`required variable ${variable} is missing a value`);
  });

  it('has a database, a subgraph service per subgraph, and the gateway', () => {
    const expected = [...SUBGRAPHS.flatMap((name) => [name, `${name}-db`]), 'gateway'].sort();
    expect(Object.keys(services).sort()).toEqual(expected);
  });

  it.each(SUBGRAPHS)('gives %s a PostgreSQL of its own with its own password and a readiness check', (name) => {
    const db = services[`${name}-db`];
    expect(db.image).toMatch(/^postgres:1[67](\.|$)/);
    expect(db.environment?.POSTGRES_DB).toBe(name);
    expect(db.environment?.POSTGRES_PASSWORD).toBe(REQUIRED[DB_PASSWORD_VARIABLES[name]]);
    expect(db.healthcheck?.test?.slice(0, 2)).toEqual(['CMD', 'pg_isready']);
    expect(db.ports).toBeUndefined();
  });

  it.each(SUBGRAPHS)('runs %s compiled, on its port, with its own database, and tells it where the others are', (name) => {
    const service = services[name];
    const env = service.environment ?? {};
    const db = services[`${name}-db`].environment ?? {};
    expect(service.command).toEqual(['node', `subgraphs/${name}/dist/main.js`]);
    expect(env[envName(name, 'PORT')]).toBe(String(DEFAULT_PORTS[name]));
    expect(service.ports).toEqual([`${DEFAULT_PORTS[name]}:${DEFAULT_PORTS[name]}`]);
    const databaseUrl = new URL(env[envName(name, 'DATABASE_URL')]);
    expect(databaseUrl.protocol).toBe('postgres:');
    expect(databaseUrl.host).toBe(`${name}-db:5432`);
    expect(databaseUrl.pathname).toBe(`/${db.POSTGRES_DB}`);
    expect(decodeURIComponent(databaseUrl.username)).toBe(db.POSTGRES_USER);
    expect(decodeURIComponent(databaseUrl.password)).toBe(db.POSTGRES_PASSWORD);
    expect(env.SEED_DEMO_DATA).toBe('false');
    for (const other of SUBGRAPHS.filter((n) => n !== name)) {
      expect(env[envName(other, 'URL')]).toBe(`http://${other}:${DEFAULT_PORTS[other]}/graphql`);
    }
  });

  it.each(SUBGRAPHS)('starts %s once its database and the subgraphs it checks references with are healthy', (name) => {
    const service = services[name];
    expectNodeHealthCheck(service, DEFAULT_PORTS[name]);
    expect(healthyDependencies(service).sort()).toEqual([`${name}-db`, ...REFERENCES_CHECKED_WITH[name]].sort());
    expect(dependsOn(service).sort()).toEqual(healthyDependencies(service).sort());
  });

  it.each([...SUBGRAPHS, 'gateway'])('has %s verify tokens against the OIDC provider, in production mode', (name) => {
    const env = services[name].environment ?? {};
    expect(env.AUTH_JWKS_URL).toBe(REQUIRED.AUTH_JWKS_URL);
    expect(env.AUTH_ISSUER).toBe(REQUIRED.AUTH_ISSUER);
    expect(env.AUTH_AUDIENCE).toBe('samverkan');
    expect(env.NODE_ENV).toBe('production');
  });

  it('runs the gateway compiled, pointed at every subgraph, once all of them are healthy', () => {
    const gateway = services.gateway;
    expect(gateway.command).toEqual(['node', ...GATEWAY_NODE_FLAGS, 'gateway/dist/main.js']);
    expect(gateway.environment?.GATEWAY_PORT).toBe(String(DEFAULT_PORTS.gateway));
    expectNodeHealthCheck(gateway, DEFAULT_PORTS.gateway);
    for (const name of SUBGRAPHS) {
      expect(gateway.environment?.[envName(name, 'URL')]).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
    }
    expect(healthyDependencies(gateway).sort()).toEqual([...SUBGRAPHS].sort());
  });

  describe('as docker-compose reads it', () => {
    const binary = (process.env.PATH ?? '')
      .split(delimiter)
      .map((dir) => join(dir, 'docker-compose'))
      .find((path) => {
        try {
          accessSync(path, constants.X_OK);
          return true;
        } catch {
          return false;
        }
      });
    // .ci/run installs docker-compose, so CI always runs these.
    const test = binary ? it : it.skip;
    const suffix = binary ? '' : ' [skipped: no docker-compose binary on PATH]';

    /** `docker-compose config -q` with exactly these variables: no .env file, nothing else inherited. */
    function config(env: Record<string, string>) {
      const dir = mkdtempSync(join(tmpdir(), 'samverkan-compose-'));
      try {
        const envFile = join(dir, 'empty.env');
        writeFileSync(envFile, '');
        return spawnSync(binary!, ['--env-file', envFile, '-f', COMPOSE_FILE, 'config', '-q'], {
          env: { PATH: process.env.PATH, HOME: dir, ...env },
          encoding: 'utf8',
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    test(`accepts the file with the required secrets set${suffix}`, () => {
      const result = config(REQUIRED);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    });

    test(`refuses the file without a database password${suffix}`, () => {
      const { ACTORS_DB_PASSWORD: _omitted, ...rest } = REQUIRED;
      const result = config(rest);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('ACTORS_DB_PASSWORD');
    });
  });
});
