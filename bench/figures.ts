import { Role } from '@samverkan/federation';
import { SUBGRAPHS, SubgraphName } from '@samverkan/platform';
import { freePort, ServiceProcess, signLocalToken, startProcess } from '@samverkan/dev';
import { runBench } from './harness';
import { generateNationalData, NATIONAL_ORGANISATION, NATIONAL_SIZE } from './national-data';
import { load, post } from './load';
import { summarise } from './stats';

/**
 * The national view's two heavy queries on national-scale data (`national-data.ts`: 290
 * municipalities, 50,000 actors, 150,000 services, 10,000 agreements, 200,000 activities, 100,000
 * situation reports), through the gateway as a national coordinator: the county table (Sweden's 21
 * counties with figures from every subgraph) and the national monthly series (24 months). Each is
 * run BENCH_FIGURES_REQUESTS times (200) at 1 and at 10 connections (BENCH_FIGURES_CONNECTIONS), and so is its floor: the same
 * subgraph calls made directly (the actors subgraph's root query, then the other subgraphs'
 * `_entities` calls side by side, as the gateway's plan does), so the ratio is the gateway's own cost.
 *
 * The figures' fields are read from the running gateway's schema, so the bench selects exactly what
 * the supergraph it runs against has. Uses SAMVERKAN_BENCH_DATABASE_URL, else an embedded PostgreSQL.
 */
const REQUESTS = Number(process.env.BENCH_FIGURES_REQUESTS ?? 200);
const CONNECTIONS = (process.env.BENCH_FIGURES_CONNECTIONS ?? '1,10').split(',').map(Number);
const WARMUP = 10;
/**
 * Two runs: every request counting afresh (FIGURES_CACHE_SECONDS=0: what the first dashboard after a
 * change waits for), on fewer requests since each costs the full count (BENCH_FIGURES_COLD_REQUESTS,
 * 50), and as deployed (counts kept up to 60 s, until the change log moves: what dashboards see
 * most of the time).
 */
const MODES: Array<{ label: string; env: Record<string, string>; requests: number; warmup: number }> = [
  { label: 'counted afresh', env: { FIGURES_CACHE_SECONDS: '0' }, requests: Number(process.env.BENCH_FIGURES_COLD_REQUESTS ?? 50), warmup: 2 },
  { label: 'kept (default 60 s)', env: {}, requests: REQUESTS, warmup: WARMUP },
];
/** BENCH_SCALE scales the data (1: national scale; 0.1 for a quick try). */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SIZE = Object.fromEntries(Object.entries(NATIONAL_SIZE).map(([key, n]) => [key, key === 'seed' ? n : Math.round(n * SCALE)])) as typeof NATIONAL_SIZE;
/** The Figures field each subgraph contributes (the contract in issue 9); the actors registry owns the rest. */
const CONTRIBUTED: Record<string, SubgraphName> = { agreements: 'agreements', activities: 'activities', situation: 'situation' };

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Field {
  name: string;
  args: Array<{ type: TypeRef; defaultValue: string | null }>;
  type: TypeRef;
}
const INTROSPECT = `query($name: String!) { __type(name: $name) { kind fields { name args { defaultValue type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`;
const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);
/** Types that are entities of other subgraphs: only their key is selected (what a subgraph can answer by itself). */
const KEYS: Record<string, string> = { Area: 'code', Actor: 'id', Agreement: 'id', Activity: 'id', SituationReport: 'id' };

/** A selection of every field of `typeName` that takes no required argument, recursively (entities by key only). */
async function selectionOf(gateway: string, typeName: string, authorization: string, depth = 0): Promise<string> {
  if (KEYS[typeName]) return `{ ${KEYS[typeName]} }`;
  const body = await post(gateway, INTROSPECT, authorization, { name: typeName });
  const fields: Field[] = body.data!.__type?.fields ?? [];
  const parts: string[] = [];
  for (const field of fields) {
    if (field.args.some((arg) => arg.type.kind === 'NON_NULL' && arg.defaultValue === null)) continue;
    const type = named(field.type);
    if (type.kind === 'OBJECT' || type.kind === 'INTERFACE') {
      if (depth >= 4) continue;
      parts.push(`${field.name} ${await selectionOf(gateway, type.name!, authorization, depth + 1)}`);
    } else parts.push(field.name);
  }
  return `{ ${parts.join(' ')} }`;
}

/** The Figures selection, split into what the actors registry answers and what each other subgraph adds. */
async function figuresSelections(gateway: string, authorization: string): Promise<{ own: string; contributed: Partial<Record<SubgraphName, string>> } | undefined> {
  const body = await post(gateway, INTROSPECT, authorization, { name: 'Figures' });
  const fields: Field[] | undefined = body.data!.__type?.fields;
  if (!fields) return undefined;
  const own: string[] = [];
  const contributed: Partial<Record<SubgraphName, string>> = {};
  for (const field of fields) {
    if (field.args.some((arg) => arg.type.kind === 'NON_NULL' && arg.defaultValue === null)) continue;
    const type = named(field.type);
    const selection = type.kind === 'OBJECT' ? `${field.name} ${await selectionOf(gateway, type.name!, authorization)}` : field.name;
    const owner = CONTRIBUTED[field.name];
    if (owner) contributed[owner] = selection;
    else own.push(selection);
  }
  return { own: own.join(' '), contributed };
}

runBench('national', async (setup) => {
  const { embedded, databases, ports, keys, common, started, subgraphEnv } = setup;
  const generationStart = Date.now();
  const data = await generateNationalData(databases, SIZE);
  const generatedIn = (Date.now() - generationStart) / 1000;
  const authorization = `Bearer ${await signLocalToken(keys.privateKeyFile, { organisationId: NATIONAL_ORGANISATION, roles: [Role.NATIONAL_COORDINATOR] })}`;
  const rows: string[] = [];
  const samples: string[] = [];
  const errors: string[] = [];
  const partRows: string[] = [];
  let families: SubgraphName[] = [];
  for (const mode of MODES) {
    if (mode.requests === 0) continue;
    // The federation, started afresh for each mode (real processes, as production runs them).
    const subgraphs = {} as Record<SubgraphName, ServiceProcess>;
    const running: ServiceProcess[] = [];
    for (const name of SUBGRAPHS) {
      subgraphs[name] = await startProcess(name, ports[name], {
        ...common,
        ...mode.env,
        ...subgraphEnv(name),
      });
      running.push(subgraphs[name]);
      started.push(subgraphs[name]);
    }
    const gatewayPort = await freePort();
    const gateway = await startProcess('gateway', gatewayPort, { ...common, GATEWAY_PORT: String(gatewayPort) });
    running.push(gateway);
    started.push(gateway);

    const selections = await figuresSelections(gateway.url, authorization);
    if (!selections) {
      console.log('\nFigures benchmark: the supergraph has no Figures type yet (merge main); nothing measured.');
      return;
    }
    families = Object.keys(selections.contributed) as SubgraphName[];
    const whole = `areaCode month ${selections.own} ${Object.values(selections.contributed).join(' ')}`;
    const queries = {
      'county table (21 counties)': {
        gateway: `{ area(code: "SE") { children { code name figures { ${whole} } } } }`,
        root: `{ area(code: "SE") { children { code name figures { areaCode month ${selections.own} } } } }`,
        figures: (data: Record<string, any>) => data.area.children.map((c: { figures: unknown }) => c.figures), // eslint-disable-line @typescript-eslint/no-explicit-any
      },
      'national series (24 months)': {
        gateway: `{ figureSeries(areaCode: "SE", months: 24) { ${whole} } }`,
        root: `{ figureSeries(areaCode: "SE", months: 24) { areaCode month ${selections.own} } }`,
        figures: (data: Record<string, any>) => data.figureSeries, // eslint-disable-line @typescript-eslint/no-explicit-any
      },
    };
    const entities = (family: SubgraphName) =>
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Figures { ${selections.contributed[family]} } } }`;

    for (const [label, q] of Object.entries(queries)) {
      const viaGateway = async () => void (await post(gateway.url, q.gateway, authorization));
      // The floor: the calls the gateway's plan makes, straight to the subgraphs.
      // Each part's latencies, so a slow family shows.
      const parts: Record<string, number[]> = Object.fromEntries(['actors', ...families].map((name) => [name, []]));
      const timed = async <T>(part: string, call: Promise<T>): Promise<T> => {
        const start = process.hrtime.bigint();
        try {
          return await call;
        } finally {
          parts[part].push(Number(process.hrtime.bigint() - start) / 1e6);
        }
      };
      const direct = async () => {
        const root = await timed('actors', post(subgraphs.actors.url, q.root, authorization));
        const representations = (q.figures(root.data!) as Array<{ areaCode: string; month: string }>).map(({ areaCode, month }) => ({ __typename: 'Figures', areaCode, month }));
        await Promise.all(families.map((family) => timed(family, post(subgraphs[family].url, entities(family), authorization, { representations }))));
      };
      const first = process.hrtime.bigint();
      try {
        const sample = q.figures((await post(gateway.url, q.gateway, authorization)).data!);
        const firstMs = Number(process.hrtime.bigint() - first) / 1e6;
        samples.push(`${label}, ${mode.label}: ${sample.length} Figures, the first request in ${firstMs.toFixed(0)} ms; the first: ${JSON.stringify(sample[0]).slice(0, 400)}`);
      } catch (error) {
        samples.push(`${label}, ${mode.label}: the first request failed after ${(Number(process.hrtime.bigint() - first) / 1e6).toFixed(0)} ms: ${String(error).split('\n').slice(-1)[0].slice(0, 300)}`);
      }
      for (const connections of CONNECTIONS) {
        const g = await load(viaGateway, { requests: mode.requests }, connections, mode.warmup);
        for (const samples of Object.values(parts)) samples.length = 0;
        const f = await load(direct, { requests: mode.requests }, connections, mode.warmup);
        partRows.push(
          `| ${label} | ${mode.label} | ${connections} | ${Object.entries(parts)
            .map(([name, samples]) => `${name} ${summarise(samples).median.toFixed(0)} / ${summarise(samples).p95.toFixed(0)}`)
            .join(', ')} |`,
        );
        rows.push(
          `| ${label} | ${mode.label} | ${mode.requests} | ${connections} | ${g.timing.median.toFixed(1)} | ${g.timing.p95.toFixed(1)} | ${g.perSecond.toFixed(1)} | ${g.errors} | ${f.timing.median.toFixed(1)} | ${f.timing.p95.toFixed(1)} | ${f.perSecond.toFixed(1)} | ${f.errors} | ×${(g.timing.median / f.timing.median).toFixed(2)} / ×${(g.timing.p95 / f.timing.p95).toFixed(2)} |`,
        );
        for (const [who, result] of [['gateway', g], ['floor', f]] as const) if (result.firstError) errors.push(`${label}, ${mode.label}, ${connections} connections, ${who}: ${result.errors} errors, first: ${result.firstError}`);
        console.error(rows[rows.length - 1]);
      }
    }
    await Promise.all(running.map((service) => service.stop()));
  }
  console.log(`
Figures benchmark — national-scale generated data (${Object.entries(data.rows).map(([table, n]) => `${n} ${table}`).join(', ')};
generated in ${generatedIn.toFixed(1)} s: ${Object.entries(data.seconds).map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(', ')}),
through the gateway as a national coordinator (all records, with disclosure control); figures from actors${families.map((f) => `, ${f}`).join('')};
${MODES.map((m) => `${m.warmup} warm-up requests before each row ${m.label}`).join(', ')}; the floor makes the same subgraph calls directly; PostgreSQL ${embedded ? 'embedded' : 'from SAMVERKAN_BENCH_DATABASE_URL'}.

| query | counts | requests | connections | gateway p50 ms | p95 ms | req/s | errors | floor p50 ms | p95 ms | req/s | errors | gateway / floor (p50 / p95) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
${errors.length ? `\nErrors (latencies include them):\n${errors.join('\n')}\n` : ''}
The floor's parts, p50 / p95 ms (the actors subgraph's root query, then each family's \`_entities\` call; warm-up requests included):

| query | counts | connections | parts |
|---|---|---|---|
${partRows.join('\n')}

${samples.join('\n')}`);
});
