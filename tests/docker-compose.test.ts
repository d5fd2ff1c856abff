import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_PORTS, envName, SUBGRAPHS } from '@samverkan/platform';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: string[] | Record<string, unknown>;
}

const compose = parse(readFileSync(join(__dirname, '../docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;
const dependsOn = (service: ComposeService) =>
  Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});

describe('docker-compose.yml', () => {
  it('has a database, a subgraph service per subgraph, and the gateway', () => {
    const expected = [...SUBGRAPHS.flatMap((name) => [name, `${name}-db`]), 'gateway'].sort();
    expect(Object.keys(services).sort()).toEqual(expected);
  });

  it.each(SUBGRAPHS)('runs %s on its port with its own database, and tells it where the others are', (name) => {
    const service = services[name];
    const env = service.environment ?? {};
    expect(service.command?.join(' ')).toContain(`subgraphs/${name}/src/main.ts`);
    expect(env[envName(name, 'PORT')]).toBe(String(DEFAULT_PORTS[name]));
    expect(service.ports).toEqual([`${DEFAULT_PORTS[name]}:${DEFAULT_PORTS[name]}`]);
    expect(new URL(env[envName(name, 'DATABASE_URL')].replace('${POSTGRES_PASSWORD:-samverkan}', 'x')).host).toBe(`${name}-db:5432`);
    expect(dependsOn(service)).toContain(`${name}-db`);
    for (const other of SUBGRAPHS.filter((n) => n !== name)) {
      expect(env[envName(other, 'URL')]).toBe(`http://${other}:${DEFAULT_PORTS[other]}/graphql`);
    }
  });

  it.each([...SUBGRAPHS, 'gateway'])('has %s verify tokens against the OIDC provider, in production mode', (name) => {
    const env = services[name].environment ?? {};
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE']));
    expect(env.NODE_ENV).toBe('production');
  });

  it('points the gateway at every subgraph', () => {
    const gateway = services.gateway;
    expect(gateway.command?.join(' ')).toContain('gateway/src/main.ts');
    expect(gateway.environment?.GATEWAY_PORT).toBe(String(DEFAULT_PORTS.gateway));
    for (const name of SUBGRAPHS) {
      expect(gateway.environment?.[envName(name, 'URL')]).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
      expect(dependsOn(gateway)).toContain(name);
    }
  });
});
