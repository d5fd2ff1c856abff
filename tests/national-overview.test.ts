import { Client } from 'pg';
import { Role } from '@samverkan/federation';
import { envName, NESTED_LIST_DEFAULT, SUBGRAPHS, SubgraphName } from '@samverkan/platform';
import { bearer, districtPicture, dropDatabase, freePort, freshDatabase, graphql, ServiceProcess, startProcess } from '@samverkan/test-support';
import { generateNationalData, NATIONAL_ORGANISATION, NATIONAL_SIZE } from '../bench/national-data';

/**
 * A tenth of the national scale (the benchmarks' generator): some 500 actors in Stockholm with
 * their activities and agreements, enough that the overview's lists are cut at their bounds; fewer
 * services, which the overview does not read.
 */
const SIZE = { ...NATIONAL_SIZE, actors: 5000, services: 5000, agreements: 1000, activities: 20000, situationReports: 2400 };
/** The subgraphs' default MAX_REQUEST_SIZE, and so the gateway's default SUBGRAPH_MAX_REQUEST_SIZE. */
const LIMIT = 100 * 1024;

/** Every list in an answer, with its path. */
function lists(value: unknown, path = 'data'): Array<{ path: string; length: number }> {
  if (Array.isArray(value)) return [{ path, length: value.length }, ...value.flatMap((item, i) => lists(item, `${path}[${i}]`))];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => lists(item, `${path}.${key}`));
  return [];
}

/** The gateway's request body sizes per subgraph: how many were sent, and how many within `LIMIT`. */
async function requestSizes(gateway: ServiceProcess): Promise<Record<string, { sent: number; withinLimit: number }>> {
  const text = await (await fetch(`http://127.0.0.1:${gateway.port}/metrics`)).text();
  const sample = (line: RegExp) => Object.fromEntries([...text.matchAll(line)].map((match) => [match[1], Number(match[2])]));
  const sent = sample(/^gateway_subgraph_request_size_bytes_count\{subgraph="(\w+)"\} (\d+)$/gm);
  const within = sample(new RegExp(`^gateway_subgraph_request_size_bytes_bucket\\{le="${LIMIT}",subgraph="(\\w+)"\\} (\\d+)$`, 'gm'));
  return Object.fromEntries(Object.keys(sent).map((subgraph) => [subgraph, { sent: sent[subgraph], withinLimit: within[subgraph] ?? 0 }]));
}

/**
 * Stockholm's area overview (the README's first example) at national scale, through the real
 * services with their default limits: it answers whole, every nested list within its bound, and
 * no request from the gateway to a subgraph larger than a subgraph takes.
 */
describe("Stockholm's area overview at national scale", () => {
  const databases = {} as Record<SubgraphName, string>;
  const started: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let headers: Record<string, string>;

  beforeAll(async () => {
    for (const name of SUBGRAPHS) databases[name] = await freshDatabase(`overview_${name}`);
    await generateNationalData(databases, SIZE);
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()]))) as Record<SubgraphName, number>;
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), `http://127.0.0.1:${ports[name]}/graphql`]));
    // A generous subgraph timeout: this is about sizes, not speed on a CI machine shared by two test files.
    const env = { ...urls, LOG_LEVEL: 'warn', SUBGRAPH_TIMEOUT_MS: '30000' };
    await Promise.all(
      SUBGRAPHS.map(async (name) =>
        started.push(await startProcess(name, ports[name], { ...env, [envName(name, 'PORT')]: String(ports[name]), [envName(name, 'DATABASE_URL')]: databases[name] })),
      ),
    );
    const port = await freePort();
    gateway = await startProcess('gateway', port, { ...env, GATEWAY_PORT: String(port) });
    started.push(gateway);
    headers = await bearer(NATIONAL_ORGANISATION, [Role.NATIONAL_COORDINATOR]);
  }, 120000);

  afterAll(async () => {
    await Promise.all(started.map((service) => service.stop()));
    await Promise.all(Object.values(databases).map(dropDatabase));
  });

  it('answers for the municipality and for a district, every list within its bound and every request within the limit', async () => {
    // More actors in Stockholm than the overview's list holds: the bound, not the data, keeps it small.
    const client = new Client({ connectionString: databases.actors });
    await client.connect();
    const [{ actors }] = (await client.query(`SELECT count(DISTINCT actor_id)::int AS actors FROM actor_areas WHERE area_code LIKE '0180%'`)).rows;
    await client.end();
    expect(actors).toBeGreaterThan(4 * NESTED_LIST_DEFAULT);

    const districts = await graphql(gateway.url, `{ area(code: "0180") { children { code } } }`, {}, headers);
    const district = (districts.data?.area.children as Array<{ code: string }>)[0].code;

    for (const code of ['0180', district]) {
      const answer = await graphql(gateway.url, districtPicture(code), {}, headers);
      expect(answer.errors).toBeUndefined();
      const area = answer.data?.area as { actors: Array<{ activities: unknown[] | null; agreements: unknown[] | null }> };
      // Every actor's activities and agreements there came back (null would be a failed fetch).
      expect(area.actors.every((actor) => Array.isArray(actor.activities) && Array.isArray(actor.agreements))).toBe(true);
      expect(area.actors.flatMap((actor) => actor.activities ?? []).length).toBeGreaterThan(0);
      const longest = lists(answer.data).reduce((a, b) => (b.length > a.length ? b : a));
      expect(longest.length).toBeLessThanOrEqual(NESTED_LIST_DEFAULT);
    }
    // The municipality's actors fill the list to its bound.
    const stockholm = await graphql(gateway.url, districtPicture('0180'), {}, headers);
    expect((stockholm.data?.area.actors as unknown[]).length).toBe(NESTED_LIST_DEFAULT);

    // Every request the gateway sent, its entity fetches included, within the subgraphs' default body limit.
    const sizes = await requestSizes(gateway);
    expect(Object.keys(sizes).sort()).toEqual(['activities', 'actors', 'agreements', 'situation']);
    for (const { sent, withinLimit } of Object.values(sizes)) expect(withinLimit).toBe(sent);
  });
});
