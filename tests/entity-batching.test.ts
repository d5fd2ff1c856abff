import { DEMO_AREAS } from '@samverkan/demo';
import { envName, SUBGRAPHS } from '@samverkan/platform';
import { bearer, freePort, graphql, PEOPLE, ServiceProcess, startFederation, startProcess, TestFederation } from '@samverkan/test-support';

// An area overview whose entity fetch to the activities subgraph carries one reference per actor of the area (and the
// organisers' one back to the actors registry one per activity): at national scale, far beyond a subgraph's 100 kB.
const OVERVIEW = `query EntityBatchingOverview {
  area(code: "${DEMO_AREAS.rinkebyKista}") {
    name
    actors(scope: OVERLAPPING, first: 100) {
      id
      name
      activities(first: 4) { id title }
    }
  }
}`;

/**
 * The activities subgraph run a second time on the same database, refusing bodies over 600 bytes (as every
 * subgraph refuses those over 100 kB): this overview's entity fetch is larger than that, as a
 * national-scale one is larger than 100 kB. Gateways on it: one that keeps its entity fetches within
 * 600 bytes, one that does not.
 */
describe('entity fetches within a subgraph body limit, across real processes', () => {
  const LIMIT = 600;
  let federation: TestFederation;
  let smallActivities: ServiceProcess;
  let batching: ServiceProcess;
  let unbatched: ServiceProcess;
  let headers: Record<string, string>;

  beforeAll(async () => {
    federation = await startFederation();
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), federation.subgraphs[name].url]));
    const activitiesPort = await freePort();
    smallActivities = await startProcess('activities', activitiesPort, {
      ...urls,
      ACTIVITIES_PORT: String(activitiesPort),
      ACTIVITIES_DATABASE_URL: federation.databases.activities,
      SEED_DEMO_DATA: 'false',
      MAX_REQUEST_SIZE: '600b',
      LOG_LEVEL: 'warn',
    });
    const on = { ...urls, ACTIVITIES_URL: smallActivities.url, LOG_LEVEL: 'warn' };
    const [port, unbatchedPort] = [await freePort(), await freePort()];
    batching = await startProcess('gateway', port, { ...on, GATEWAY_PORT: String(port), SUBGRAPH_MAX_REQUEST_SIZE: '600b' });
    unbatched = await startProcess('gateway', unbatchedPort, { ...on, GATEWAY_PORT: String(unbatchedPort), SUBGRAPH_MAX_REQUEST_SIZE: '1mb' });
    headers = await bearer(PEOPLE.municipalityOfficial.organisationId, [...PEOPLE.municipalityOfficial.roles]);
  });

  afterAll(async () => {
    await Promise.all([batching?.stop(), unbatched?.stop(), smallActivities?.stop()]);
    await federation?.stop();
  });

  it('answers an overview whose entity fetch exceeds the limit, exactly as a gateway on subgraphs that take it whole', async () => {
    // The reference: the federation's own gateway, its subgraphs taking up to 100 kB.
    const expected = await graphql(federation.gateway.url, OVERVIEW, {}, headers);
    expect(expected.errors).toBeUndefined();
    const actors = expected.data?.area.actors as Array<{ id: string; activities: Array<{ organisers: unknown[] }> }>;
    // Large enough to need several requests at 600 bytes: one reference per actor, about 55 bytes each.
    expect(actors.length * 55).toBeGreaterThan(2 * LIMIT);
    expect(actors.flatMap((actor) => actor.activities).length).toBeGreaterThan(0);

    // The problem: sent whole, the entity fetch is refused, and every actor's activities are missing.
    const refused = await graphql(unbatched.url, OVERVIEW, {}, headers);
    expect(refused.errors?.length).toBeGreaterThan(0);

    // Split into requests within the limit, the same answer, in the same order.
    const answer = await graphql(batching.url, OVERVIEW, {}, headers);
    expect(answer).toEqual(expected);
  });

  it('still refuses an ordinary body over the limit', async () => {
    const body = JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(2 * LIMIT) } });
    const response = await fetch(smallActivities.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');

    // The federation's own subgraphs, at their default 100 kB, too.
    const large = JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(110 * 1024) } });
    const refused = await fetch(federation.subgraphs.activities.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: large });
    expect(refused.status).toBe(413);
  });
});
