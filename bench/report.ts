import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import ts from 'typescript';
import { Role } from '@samverkan/federation';
import { envName, SUBGRAPHS, SubgraphName } from '@samverkan/platform';
import { districtPicture, freePort, ServiceProcess, signLocalToken, startNodeProcess, startProcess } from '@samverkan/dev';
import { verdicts } from './acceptance';
import { dashboardQueries } from './dashboard-queries';
import { runBench } from './harness';
import { load, post, rssMb } from './load';
import { generateNationalData, NATIONAL_ORGANISATION, NATIONAL_SIZE } from './national-data';
import { recordingProxies, replay, stagesOf } from './plan-floor';
import { summarise } from './stats';
import { appendChanges, FEED_PAGE, feedThroughput } from './sync';

/**
 * `npm run bench`: the performance report. Generates the national-scale data set for all four
 * subgraphs (national-data.ts, deterministic), starts them, our gateway and Hive Gateway (its
 * defaults, in its own process) from compiled code, and measures, all as a national coordinator:
 * (a) our gateway against Hive Gateway on the same supergraph: the area overview of a district and a
 *     one-subgraph list, at each of BENCH_CONNECTIONS, requests/s, p50 and p99; rounds interleaved,
 *     the gateways' order alternating; both must answer every query of (a) and (c) with the same JSON
 *     (checked first: the run fails otherwise);
 * (b) our gateway's p50 at 1 connection against its floor: its query plan's subgraph calls, recorded
 *     from a run through the gateway and replayed directly in the plan's order (plan-floor.ts);
 * (c) the area overview of a mid-size district and municipality and of Stockholm (0180), and the
 *     dashboard's queries (dashboard/src/queries.ts), p50/p95 at 10 connections, with answer sizes;
 * (d) every process's resident memory after the run;
 * (e) a local system's sync: the activities' whole change feed (BENCH_FEED_ENTRIES log entries,
 *     appended first) read from its start through the subgraph, against the same log read with SQL.
 * It prints a markdown table with issue 10's goals as pass/fail and writes it all as JSON to
 * bench/results/<date-time>.json.
 *
 * Environment (defaults in brackets):
 * - BENCH_SCALE [1]: data size relative to national scale (0.01 for a quick try);
 * - BENCH_ROUNDS [3]: interleaved rounds of (a) and (b);
 * - BENCH_SECONDS [3]: seconds per gateway, query and connection count in each round of (a);
 * - BENCH_CONNECTIONS [1,10,40]: connection counts of (a);
 * - BENCH_FLOOR_REQUESTS [40]: requests per round for each side of (b);
 * - BENCH_NATIONAL_SECONDS [5]: seconds per query of (c);
 * - BENCH_FEED_ENTRIES [200000 × BENCH_SCALE]: change-log entries of (e);
 * - SAMVERKAN_BENCH_DATABASE_URL: the PostgreSQL server for the scratch databases, else an embedded one.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,10,40').split(',').map(Number);
const FLOOR_REQUESTS = Number(process.env.BENCH_FLOOR_REQUESTS ?? 40);
const NATIONAL_SECONDS = Number(process.env.BENCH_NATIONAL_SECONDS ?? 5);
const FEED_ENTRIES = Number(process.env.BENCH_FEED_ENTRIES ?? Math.round(200_000 * SCALE));
const WARMUP = 20;
const SIZE = Object.fromEntries(Object.entries(NATIONAL_SIZE).map(([key, n]) => [key, key === 'seed' ? n : Math.round(n * SCALE)])) as typeof NATIONAL_SIZE;
const STOCKHOLM = '0180';
const ROOT = join(__dirname, '..');

const ms = (x: number) => x.toFixed(1);

/** A district and a municipality in the middle by actors (the generated data's own; Stockholm is the large end). */
async function pickAreas(actorsDatabase: string) {
  const client = new Client({ connectionString: actorsDatabase });
  await client.connect();
  try {
    const ranked = async (kind: string) =>
      (
        await client.query(
          `SELECT a.code, a.name, count(aa.actor_id)::int AS actors FROM areas a LEFT JOIN actor_areas aa ON aa.area_code = a.code
            WHERE a.kind = $1 GROUP BY a.code, a.name ORDER BY actors DESC, a.code`,
          [kind],
        )
      ).rows as Array<{ code: string; name: string; actors: number }>;
    const districts = await ranked('DISTRICT');
    const municipalities = await ranked('MUNICIPALITY');
    return { district: districts[Math.floor(districts.length / 2)], municipality: municipalities[Math.floor(municipalities.length / 2)], stockholm: municipalities.find((m) => m.code === STOCKHOLM)! };
  } finally {
    await client.end();
  }
}

/** Hive Gateway in its own process: hive-gateway.ts transpiled next to the results (node_modules resolve from there). */
async function startHive(common: Record<string, string>): Promise<ServiceProcess> {
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'hive-gateway.js');
  const source = readFileSync(join(__dirname, 'hive-gateway.ts'), 'utf8');
  writeFileSync(script, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText);
  const port = await freePort();
  return startNodeProcess(script, port, { ...common, HIVE_GATEWAY_PORT: String(port), SAMVERKAN_ROOT: ROOT });
}

/** An answer without errors, asked up to three times: a cold first count can outlast a subgraph timeout on a loaded machine. */
async function settled<T>(ask: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

runBench('report', async (setup) => {
  const { embedded, databases, ports, keys, common, started, subgraphEnv } = setup;
  const generationStart = Date.now();
  const data = await generateNationalData(databases, SIZE);
  const generatedIn = (Date.now() - generationStart) / 1000;
  const areas = await pickAreas(databases.actors);
  const authorization = `Bearer ${await signLocalToken(keys.privateKeyFile, { organisationId: NATIONAL_ORGANISATION, roles: [Role.NATIONAL_COORDINATOR] })}`;

  const subgraphs = {} as Record<SubgraphName, ServiceProcess>;
  for (const name of SUBGRAPHS) started.push((subgraphs[name] = await startProcess(name, ports[name], { ...common, ...subgraphEnv(name) })));
  const gatewayPort = await freePort();
  const ours = await startProcess('gateway', gatewayPort, { ...common, GATEWAY_PORT: String(gatewayPort) });
  started.push(ours);
  const hive = await startHive(common);
  started.push(hive);
  const gateways = [
    { label: 'ours', service: ours },
    { label: 'Hive Gateway', service: hive },
  ];

  const QUERIES = {
    'area overview (district)': districtPicture(areas.district.code),
    'one-subgraph list (services of a municipality)': `{ services(filter: { areaCode: "${areas.municipality.code}" }, first: 20) { totalCount nodes { id name } } }`,
  };
  // (c)'s queries: overviews at three sizes and the dashboard's own.
  const dashboard = dashboardQueries();
  const today = new Date().toISOString().slice(0, 10);
  const in90Days = new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10);
  const county = areas.municipality.code.slice(0, 2);
  const national: Array<{ label: string; query: string; variables: Record<string, unknown>; dashboard: boolean }> = [
    { label: `area overview: district ${areas.district.code} ${areas.district.name}`, query: districtPicture(areas.district.code), variables: {}, dashboard: false },
    { label: `area overview: municipality ${areas.municipality.code} ${areas.municipality.name}`, query: districtPicture(areas.municipality.code), variables: {}, dashboard: false },
    { label: `area overview: Stockholm ${STOCKHOLM}`, query: districtPicture(STOCKHOLM), variables: {}, dashboard: false },
    { label: 'LEVEL Sweden (21 counties)', query: dashboard.LEVEL, variables: { code: 'SE' }, dashboard: true },
    { label: `LEVEL county ${county}`, query: dashboard.LEVEL, variables: { code: county }, dashboard: true },
    { label: `LEVEL municipality ${STOCKHOLM} (districts)`, query: dashboard.LEVEL, variables: { code: STOCKHOLM }, dashboard: true },
    ...(dashboard.SERIES
      ? [
          { label: 'SERIES Sweden (24 months)', query: dashboard.SERIES, variables: { code: 'SE' }, dashboard: true },
          { label: `SERIES municipality ${areas.municipality.code}`, query: dashboard.SERIES, variables: { code: areas.municipality.code }, dashboard: true },
        ]
      : []),
    { label: 'EXPIRING Sweden (90 days)', query: dashboard.EXPIRING, variables: { code: 'SE', from: today, to: in90Days }, dashboard: true },
    { label: 'ONE_PERSON Sweden', query: dashboard.ONE_PERSON, variables: { code: 'SE' }, dashboard: true },
  ];
  const everything = [...Object.entries(QUERIES).map(([label, query]) => ({ label, query, variables: {} })), ...national];
  // Cold caches first (a first national-scale answer can outlast a subgraph timeout on a loaded machine), unmeasured.
  for (const g of gateways) for (const { query, variables } of everything) await post(g.service.url, query, authorization, variables).catch(() => undefined);
  // Both gateways must answer the same JSON, or the comparison is of different work. A query either
  // cannot answer (timeouts, three times) is listed as not compared, and measured with its errors counted.
  const notCompared: Array<{ query: string; error: string }> = [];
  for (const { label, query, variables } of everything) {
    let a, b;
    try {
      [a, b] = [await settled(() => post(ours.url, query, authorization, variables)), await settled(() => post(hive.url, query, authorization, variables))];
    } catch (error) {
      notCompared.push({ query: label, error: String(error).split('\n').slice(-1)[0].slice(0, 300) });
      continue;
    }
    if (!isDeepStrictEqual(a, b)) throw new Error(`${label}: our gateway and Hive Gateway answer differently:\n${JSON.stringify(a).slice(0, 500)}\n${JSON.stringify(b).slice(0, 500)}`);
  }
  for (const g of gateways) for (const query of Object.values(QUERIES)) for (let i = 0; i < WARMUP; i++) await post(g.service.url, query, authorization).catch(() => undefined);

  // (a) Rounds interleaved, the gateways' order alternating.
  type Cell = { samples: number[]; requests: number; seconds: number; errors: number };
  const cells = new Map<string, Cell>();
  const cellOf = (key: string) => cells.get(key) ?? cells.set(key, { samples: [], requests: 0, seconds: 0, errors: 0 }).get(key)!;
  for (let round = 0; round < ROUNDS; round++)
    for (const [label, query] of Object.entries(QUERIES))
      for (const connections of CONNECTIONS)
        for (const g of round % 2 ? [...gateways].reverse() : gateways) {
          const result = await load(async () => void (await post(g.service.url, query, authorization)), { seconds: SECONDS }, connections);
          const cell = cellOf(`${label}|${connections}|${g.label}`);
          cell.samples.push(...result.samples);
          cell.requests += result.samples.length;
          cell.seconds += result.samples.length / result.perSecond;
          cell.errors += result.errors;
        }
  const comparison = [...cells.entries()].map(([key, cell]) => {
    const [query, connections, gateway] = key.split('|');
    const t = summarise(cell.samples);
    return { query, connections: Number(connections), gateway, rps: cell.requests / cell.seconds, p50: t.median, p99: t.p99, errors: cell.errors };
  });

  // (b) The floor: record the plan's calls through a gateway in front of recording proxies, then replay them.
  const targets = Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphs[name].url])) as Record<SubgraphName, string>;
  const proxies = await recordingProxies(targets);
  const recorderPort = await freePort();
  const recorder = await startProcess('gateway', recorderPort, {
    ...common,
    GATEWAY_PORT: String(recorderPort),
    ...Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), proxies.urls[name]])),
  });
  const floors: Array<{ query: string; calls: Array<{ subgraph: string; step: number }>; gatewayP50: number; floorP50: number; gatewayP95: number; floorP95: number }> = [];
  try {
    for (const [label, query] of Object.entries(QUERIES)) {
      await post(recorder.url, query, authorization).catch(() => undefined);
      await settled(async () => {
        proxies.reset();
        await post(recorder.url, query, authorization);
      });
      const stages = stagesOf(proxies.calls());
      const direct = replay(stages, targets, authorization);
      const viaGateway = async () => void (await post(ours.url, query, authorization));
      const sides = { gateway: [] as number[], floor: [] as number[] };
      for (let round = 0; round < ROUNDS; round++)
        for (const side of round % 2 ? (['floor', 'gateway'] as const) : (['gateway', 'floor'] as const))
          sides[side].push(...(await load(side === 'gateway' ? viaGateway : direct, { requests: FLOOR_REQUESTS }, 1, round === 0 ? 5 : 0)).samples);
      const g = summarise(sides.gateway);
      const f = summarise(sides.floor);
      floors.push({
        query: label,
        calls: stages.flatMap((stage, step) => stage.map((call) => ({ subgraph: call.subgraph, step: step + 1 }))),
        gatewayP50: g.median,
        floorP50: f.median,
        gatewayP95: g.p95,
        floorP95: f.p95,
      });
    }
  } finally {
    await recorder.stop();
    await proxies.close();
  }

  // (c) National scale through our gateway, 10 connections.
  const nationalRows: Array<{ label: string; dashboard: boolean; bytes: number; aloneMs: number; p50: number; p95: number; max: number; rps: number; errors: number; firstError?: string }> = [];
  for (const q of national) {
    const alone = performance.now();
    const body = await settled(() => post(ours.url, q.query, authorization, q.variables)).catch((error) => ({ errors: [{ message: String(error).split('\n').slice(-1)[0] }] }));
    const aloneMs = performance.now() - alone;
    const result = await load(async () => void (await post(ours.url, q.query, authorization, q.variables)), { seconds: NATIONAL_SECONDS }, 10, 3);
    nationalRows.push({ label: q.label, dashboard: q.dashboard, bytes: JSON.stringify(body).length, aloneMs, p50: result.timing.median, p95: result.timing.p95, max: result.timing.max, rps: result.perSecond, errors: result.errors, firstError: result.firstError });
    console.error(`${q.label}: p95 ${ms(result.timing.p95)} ms`);
  }

  // (e) A local system's sync: the whole activities feed, as a national coordinator, directly from the subgraph.
  await appendChanges(databases.activities, FEED_ENTRIES);
  const feed = await feedThroughput(subgraphs.activities.url, databases.activities, authorization);
  console.error(`feed: ${feed.feedPerSecond.toFixed(0)} entries/s (floor ${feed.floorPerSecond.toFixed(0)})`);

  // (d) Memory after the run.
  const memory = Object.fromEntries([...SUBGRAPHS.map((name) => [name, subgraphs[name]] as const), ['gateway (ours)', ours] as const, ['Hive Gateway', hive] as const].map(([label, service]) => [label, rssMb(service.child.pid!)]));

  const rpsAt = (connections: number) => {
    const at = (gateway: string) => comparison.find((c) => c.query === 'area overview (district)' && c.connections === connections && c.gateway === gateway)?.rps;
    const [o, h] = [at('ours'), at('Hive Gateway')];
    return o && h ? { ours: o, hive: h } : undefined;
  };
  const overviewFloor = floors[0];
  const byLabel = (prefix: string) => nationalRows.find((r) => r.label.startsWith(prefix))!.p95;
  const acceptance = verdicts({
    overviewRps: Object.fromEntries(CONNECTIONS.map((c) => [c, rpsAt(c)]).filter(([, v]) => v)),
    overviewP50: { gateway: overviewFloor.gatewayP50, floor: overviewFloor.floorP50 },
    districtOverviewP95: byLabel('area overview: district'),
    municipalityOverviewP95: byLabel('area overview: municipality'),
    dashboardP95: Object.fromEntries(nationalRows.filter((r) => r.dashboard).map((r) => [r.label, r.p95])),
    gatewayRssMb: memory['gateway (ours)'],
  });

  const machine = { cpus: cpus().length, loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))) };
  const report = {
    date: new Date().toISOString(),
    scale: SCALE,
    settings: { rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, floorRequests: FLOOR_REQUESTS, nationalSeconds: NATIONAL_SECONDS },
    machine,
    postgres: embedded ? 'embedded' : 'SAMVERKAN_BENCH_DATABASE_URL',
    data: { rows: data.rows, generatedSeconds: generatedIn, steps: data.seconds },
    areas,
    comparison,
    floors,
    notCompared,
    national: nationalRows,
    memoryMb: memory,
    feed,
    acceptance,
  };
  const hiveOf = (c: (typeof comparison)[number]) => comparison.find((h) => h.query === c.query && h.connections === c.connections && h.gateway === 'Hive Gateway')!;
  console.log(`
# Performance report — scale ${SCALE} (${Object.entries(data.rows).map(([table, n]) => `${n} ${table}`).join(', ')}; generated in ${generatedIn.toFixed(0)} s)
${machine.cpus} cores, load average at the end ${machine.loadAverageAtEnd.join(' ')}; PostgreSQL ${report.postgres}; as a national coordinator.
District: ${areas.district.code} ${areas.district.name} (${areas.district.actors} actors); municipality: ${areas.municipality.code} ${areas.municipality.name} (${areas.municipality.actors} actors); Stockholm ${STOCKHOLM} (${areas.stockholm.actors} actors).

## Goals

| goal | measured | limit | pass |
|---|---|---|---|
${acceptance.map((v) => `| ${v.goal} | ${v.measured} | ${v.limit} | ${v.pass ? 'yes' : '**NO**'} |`).join('\n')}

Both gateways answered every query with the same JSON${notCompared.length ? `, except those not compared, for errors:\n${notCompared.map((n) => `- ${n.query}: ${n.error}`).join('\n')}` : '.'}

## (a) Our gateway and Hive Gateway (its defaults) on the same supergraph — ${ROUNDS} interleaved rounds of ${SECONDS} s per cell

| query | connections | gateway | requests/s | p50 ms | p99 ms | errors | ours / Hive req/s |
|---|---|---|---|---|---|---|---|
${comparison.map((c) => `| ${c.query} | ${c.connections} | ${c.gateway} | ${c.rps.toFixed(0)} | ${ms(c.p50)} | ${ms(c.p99)} | ${c.errors} | ${c.gateway === 'ours' ? `×${(c.rps / hiveOf(c).rps).toFixed(2)}` : ''} |`).join('\n')}

## (b) Our gateway against its plan's subgraph calls made directly — 1 connection, ${ROUNDS} × ${FLOOR_REQUESTS} requests each

| query | plan (step: subgraph) | gateway p50 / p95 ms | floor p50 / p95 ms | gateway / floor p50 |
|---|---|---|---|---|
${floors.map((f) => `| ${f.query} | ${f.calls.map((c) => `${c.step}: ${c.subgraph}`).join(', ')} | ${ms(f.gatewayP50)} / ${ms(f.gatewayP95)} | ${ms(f.floorP50)} / ${ms(f.floorP95)} | ×${(f.gatewayP50 / f.floorP50).toFixed(2)} |`).join('\n')}

## (c) National scale through our gateway — 10 connections, ${NATIONAL_SECONDS} s per query

| query | answer size | one request alone ms | p50 ms | p95 ms | max ms | requests/s | errors |
|---|---|---|---|---|---|---|---|
${nationalRows.map((r) => `| ${r.label} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.aloneMs.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.rps.toFixed(1)} | ${r.errors}${r.firstError ? ` (${r.firstError})` : ''} |`).join('\n')}

## (d) Resident memory after the run

| process | MB |
|---|---|
${Object.entries(memory).map(([label, mb]) => `| ${label} | ${mb.toFixed(0)} |`).join('\n')}

## (e) A local system's sync — the activities' change feed read whole from its start (${feed.entries} entries, ${feed.pages} pages of ${FEED_PAGE})

| reader | entries/s | floor / feed |
|---|---|---|
| \`activityChanges\`, directly from the subgraph | ${feed.feedPerSecond.toFixed(0)} | ×${(feed.floorPerSecond / feed.feedPerSecond).toFixed(2)} |
| floor: the same log with SQL, page by page | ${feed.floorPerSecond.toFixed(0)} | |
`);
  const file = join(__dirname, 'results', `${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`Written to ${file}`);
});
