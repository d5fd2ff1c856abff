import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_NODE_FLAGS } from '@samverkan/test-support';

/** The Dockerfile's instructions, continuation lines joined and comments dropped, in stages. */
interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  base: string;
  name?: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): { globalArgs: Instruction[]; stages: Stage[] } {
  const logical: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const continued = /\\\s*$/.test(line);
    pending += (pending ? ' ' : '') + line.replace(/\\\s*$/, '').trim();
    if (continued) continue;
    if (pending.trim()) logical.push(pending.trim());
    pending = '';
  }
  const globalArgs: Instruction[] = [];
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') {
      const [base, as, name] = args.split(/\s+/);
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      globalArgs.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

const root = join(__dirname, '..');
const { globalArgs, stages } = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const stageNamed = (name: string) => stages.find((stage) => stage.name === name);
/** The stage and the stages it is built FROM. */
const lineage = (stage: Stage): Stage[] => {
  const parent = stageNamed(stage.base);
  return parent ? [...lineage(parent), stage] : [stage];
};
const all = (stage: Stage, keyword: string) =>
  lineage(stage).flatMap((s) => s.instructions.filter((i) => i.keyword === keyword).map((i) => i.args));
const runtime = stages[stages.length - 1];

const productionWorkspaces = /PRODUCTION_WORKSPACES="([^"]*)"/.exec(
  globalArgs.find((arg) => arg.args.startsWith('PRODUCTION_WORKSPACES='))?.args ?? '',
)?.[1].split(/\s+/);

describe('Dockerfile', () => {
  it('builds and runs on Node 22 (bookworm-slim)', () => {
    for (const stage of stages.filter((s) => !stageNamed(s.base))) {
      // An export-only stage (the dashboard's static files) runs nothing: it only copies.
      if (stage.base === 'scratch') expect(stage.instructions.map((i) => i.keyword)).toEqual(['COPY']);
      else expect(stage.base).toBe('node:22-bookworm-slim');
    }
    expect(stages.length).toBeGreaterThan(1);
  });

  it('installs every dependency, copies the sources and compiles them in a build stage', () => {
    const build = stages.find((stage) => stage.instructions.some((i) => i.keyword === 'RUN' && /\bnpm run build\b/.test(i.args)));
    expect(build).toBeDefined();
    const runs = all(build!, 'RUN');
    expect(runs.some((run) => /\bnpm ci\b/.test(run) && !run.includes('--omit'))).toBe(true);
    expect(all(build!, 'COPY')).toContain('. .');
    // What the build stage hands on loses its demo folders and tests.
    expect(runs.some((run) => /-name demo\b/.test(run) && /rm -rf/.test(run))).toBe(true);
  });

  it('installs production dependencies only (--omit=dev), for the production workspaces only', () => {
    const install = stages.flatMap((s) => s.instructions).find((i) => i.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args));
    expect(install?.args).toContain('--workspace=');
    expect(productionWorkspaces).toEqual(
      expect.arrayContaining(['subgraphs/actors', 'subgraphs/agreements', 'subgraphs/activities', 'subgraphs/situation', 'subgraphs/concerns', 'gateway']),
    );
    for (const developmentOnly of ['shared/demo', 'dev', 'tests/support']) expect(productionWorkspaces).not.toContain(developmentOnly);
  });

  it('copies every workspace manifest before npm ci, and ships only workspaces that exist', () => {
    const manifests = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'COPY' && /package\.json/.test(i.args));
    const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
    expect(workspaces).toEqual(expect.arrayContaining(productionWorkspaces ?? []));
    for (const workspace of workspaces) {
      expect(manifests.map((copy) => copy.args)).toContain(`${workspace}/package.json ${workspace}/`);
    }
  });

  it('ships a runtime stage with only what earlier stages prepared: no sources, no demo data', () => {
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy.args).toMatch(/--from=/);
      expect(copy.args).not.toMatch(/demo|\/src\b|\btest/);
    }
    expect(runtime.instructions.some((i) => i.keyword === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(false);
  });

  it('runs as a non-root user in production mode', () => {
    const users = runtime.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    expect(all(runtime, 'ENV')).toContain('NODE_ENV=production');
  });

  it('exposes the service ports, checks health without curl, and starts the gateway by default', () => {
    const exposed = all(runtime, 'EXPOSE').flatMap((args) => args.split(/\s+/));
    expect(exposed).toEqual(expect.arrayContaining(['4000', '4001', '4002', '4003', '4004']));
    const healthcheck = all(runtime, 'HEALTHCHECK').pop();
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\(.*\/health/);
    expect(JSON.parse(all(runtime, 'CMD').pop() ?? 'null')).toEqual(['node', ...GATEWAY_NODE_FLAGS, 'gateway/dist/main.js']);
  });

  it('runs the compiled JavaScript without source-map support (no ts-node, --enable-source-maps or source-map-support)', () => {
    const run = [...all(runtime, 'CMD'), ...all(runtime, 'ENTRYPOINT'), ...all(runtime, 'ENV')].join('\n');
    expect(run).not.toMatch(/enable-source-maps|source-map-support|ts-node|NODE_OPTIONS/);
    // Nor does any production code load it: what the services require at start holds no source-map module.
    for (const entry of ['gateway/dist/server.js', 'subgraphs/actors/dist/index.js']) {
      const { stdout } = spawnSync(process.execPath, ['-e', `require('./${entry}'); console.log(Object.keys(require.cache).filter((m) => /source-map/.test(m)).length, process.sourceMapsEnabled ?? false)`], {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
      expect(stdout.trim()).toBe('0 false');
    }
  });

  it('keeps installed, built and secret files out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.data', '.git', '.env']));
  });
});
