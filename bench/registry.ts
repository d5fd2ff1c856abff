import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, openDatabase, withDatabase } from '@samverkan/platform';
import { ensureLocalKeys, startEmbeddedPostgres, startSubgraphProcess } from '@samverkan/dev';
import { actorsSubgraph } from '@samverkan/actors';
import { generateRegistry } from '../subgraphs/actors/bench/generate-registry';
import { rssMb } from './load';
import { time, Timing } from './stats';

/**
 * `npm run bench:registry`: search and coverage-gap queries against the actors subgraph, run as in
 * production (its own process, over HTTP), on a generated national-scale registry: 290
 * municipalities, 50,000 actors, 150,000 services. Uses SAMVERKAN_BENCH_DATABASE_URL (any database
 * on a server; a scratch database is created and dropped), else an embedded PostgreSQL.
 */
const SIZE = { actors: Number(process.env.BENCH_ACTORS ?? 50000), services: Number(process.env.BENCH_SERVICES ?? 150000), seed: 2025 };
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const QUERIES: Array<[string, string]> = [
  ['search: Swedish full text ("fotbollsträning")', '{ actors(filter: { text: "fotbollsträning" }, first: 20) { totalCount nodes { id name } } }'],
  ['search: full text, by relevance', '{ services(filter: { text: "läxhjälp unga" }, orderBy: RELEVANCE, first: 20) { totalCount nodes { id name } } }'],
  [
    'search: county + category + target group + age',
    '{ services(filter: { areaCode: "01", categories: [SPORT, OPEN_MEETING_PLACE], targetGroups: [YOUNG_PEOPLE], age: 14 }, first: 20) { totalCount nodes { id name actor { name } } } }',
  ],
  ['search: near a point (10 km), by distance', '{ actors(filter: { near: { latitude: 59.33, longitude: 18.07, radiusKm: 10 } }, orderBy: DISTANCE, first: 20) { totalCount nodes { id name } } }'],
  ['search: second page (cursor)', 'PAGE2'],
  ['coverage: one municipality (Stockholm)', '{ coverage(areaCode: "0180") { missingCategories missingCategoriesLocally ageGroupsWithoutLocalService civilSocietyActorCount districtsWithoutCivilSociety { code } } }'],
  ['coverage: a county\'s municipalities (Skåne, 33)', '{ areas(filter: { kinds: [MUNICIPALITY], withinCode: "12" }, first: 100) { nodes { code coverage { missingCategoriesLocally ageGroupsWithoutLocalService civilSocietyActorCount districtsWithoutCivilSociety { code } } } } }'],
  ['coverage: 100 municipalities on one page', '{ areas(filter: { kinds: [MUNICIPALITY] }, first: 100) { nodes { code coverage { missingCategoriesLocally ageGroupsWithoutLocalService civilSocietyActorCount } } } }'],
  ['coverage: Sweden', '{ coverage(areaCode: "SE") { missingCategories missingCategoriesLocally ageGroupsWithoutLocalService civilSocietyActorCount } }'],
];

async function post(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (body.errors) throw new Error(`${query}\n${JSON.stringify(body.errors)}`);
  return body.data!;
}

async function main() {
  const embedded = process.env.SAMVERKAN_BENCH_DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(__dirname, '../.data/bench-postgres'), port: 54331 });
  const server = process.env.SAMVERKAN_BENCH_DATABASE_URL ?? embedded!.url;
  const url = withDatabase(server, `bench_actors_${Date.now()}`);
  process.env.AUTH_JWKS_FILE = (await ensureLocalKeys(mkdtempSync(join(tmpdir(), 'samverkan-bench-keys-')))).jwksFile;
  await ensureDatabase(url);
  try {
    const dataSource = await openDatabase({ url, entities: actorsSubgraph.entities, migrations: actorsSubgraph.migrations });
    const started = Date.now();
    const generated = await generateRegistry(dataSource, SIZE);
    const generatedIn = (Date.now() - started) / 1000;
    await dataSource.destroy();

    const subgraph = await startSubgraphProcess('actors', url);
    try {
      const page1 = await post(subgraph.url, '{ actors(filter: { text: "förening" }, first: 20) { pageInfo { endCursor } } }');
      const rows: Array<[string, Timing, string]> = [];
      for (const [name, query] of QUERIES) {
        const run =
          query === 'PAGE2'
            ? () => post(subgraph.url, 'query($after: String) { actors(filter: { text: "förening" }, first: 20, after: $after) { nodes { id } } }', { after: page1.actors.pageInfo.endCursor })
            : () => post(subgraph.url, query);
        // What the query finds, so a fast answer is seen to be a real one.
        const found = /"totalCount":(\d+)/.exec(JSON.stringify(await run()))?.[1] ?? '';
        rows.push([name, await time(async () => void (await run()), { runs: RUNS }), found]);
      }
      console.log(`
Actors registry benchmark — ${generated.actors} actors, ${generated.services} services, ${generated.districts} districts,
290 municipalities (generated in ${generatedIn.toFixed(1)} s); ${RUNS} timed runs per query after 5 warm-up runs,
over HTTP to the actors subgraph process; PostgreSQL ${embedded ? 'embedded' : 'from SAMVERKAN_BENCH_DATABASE_URL'}.

| query | matches | median ms | p95 ms | max ms |
|---|---|---|---|---|
${rows.map(([name, t, found]) => `| ${name} | ${found} | ${t.median.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.max.toFixed(1)} |`).join('\n')}

Actors subgraph resident memory after the runs: ${rssMb(subgraph.child.pid!).toFixed(0)} MB.`);
    } finally {
      await subgraph.stop();
    }
  } finally {
    await dropDatabase(url);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
