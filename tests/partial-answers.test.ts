import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { SubgraphName } from '@samverkan/platform';
import { districtPicture, bearer, GraphQLResponse, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * Partial answers by design: a party whose service is down, or frozen, costs the client that party's
 * fields and nothing else, with an error naming the service. Real processes, killed and frozen.
 */
const TIMEOUT_MS = 1500;

// README's first example: the district picture.
const OVERVIEW = districtPicture(DEMO_AREAS.rinkebyKista);

interface Overview {
  area: {
    name: string;
    latestSituationReport: { level: string; reportedBy: { name: string } | null } | null;
    actors: Array<{ name: string; agreements: unknown[] | null; activities: unknown[] | null }>;
  } | null;
}

let federation: TestFederation;
let official: Record<string, string>;

/** The overview as a municipality official in the district would ask it, with the HTTP status and how long it took. */
async function overview(): Promise<GraphQLResponse<Overview> & { status: number; ms: number }> {
  const started = Date.now();
  const response = await fetch(federation.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...official },
    body: JSON.stringify({ query: OVERVIEW }),
  });
  const body = (await response.json()) as GraphQLResponse<Overview>;
  return { ...body, status: response.status, ms: Date.now() - started };
}

function kill(name: SubgraphName): Promise<void> {
  const { child } = federation.subgraphs[name];
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Every error names the unavailable service, and no internal address. */
function expectUnavailable(errors: GraphQLResponse['errors'], name: SubgraphName) {
  expect(errors?.length).toBeGreaterThan(0);
  for (const error of errors!) {
    expect(error.extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', serviceName: name });
    expect(error.message).toContain(name);
    expect(error.message).not.toMatch(/127\.0\.0\.1|localhost|:\d{2,5}\b|ECONN/);
  }
}

const someHave = (area: NonNullable<Overview['area']>, field: 'agreements' | 'activities') =>
  area.actors.some((actor) => (actor[field] ?? []).length > 0);

beforeAll(async () => {
  federation = await startFederation({ SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) });
  official = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
}, 180000);
afterAll(() => federation?.stop());

// Every service has verified the official's organisation before an outage, as in a running system.
beforeEach(async () => {
  const { data, errors } = await overview();
  expect(errors).toBeUndefined();
  expect(someHave(data!.area!, 'agreements') && someHave(data!.area!, 'activities')).toBe(true);
  expect(data!.area!.latestSituationReport).not.toBeNull();
});

describe('a party whose service is down', () => {
  it.each(['agreements', 'activities'] as const)('%s: its fields are null, and everyone else answers', async (down) => {
    await kill(down);
    try {
      const { status, data, errors } = await overview();
      expect(status).toBe(200);
      const area = data!.area!;
      expect(area.name).toBe('Rinkeby-Kista');
      expect(area.actors.length).toBeGreaterThan(5);
      expect(area.actors.every((actor) => actor.name && actor[down] === null)).toBe(true);
      const up = down === 'agreements' ? 'activities' : 'agreements';
      expect(someHave(area, up)).toBe(true);
      expect(area.latestSituationReport?.reportedBy?.name).toBe('Lokalpolisområde Rinkeby');
      expectUnavailable(errors, down);
    } finally {
      await federation.restart(down);
    }
  });

  it('situation: the situation picture is null, and everyone else answers', async () => {
    await kill('situation');
    try {
      const { status, data, errors } = await overview();
      expect(status).toBe(200);
      const area = data!.area!;
      expect(area.latestSituationReport).toBeNull();
      expect(someHave(area, 'agreements') && someHave(area, 'activities')).toBe(true);
      expectUnavailable(errors, 'situation');
    } finally {
      await federation.restart('situation');
    }
  });

  it('concerns: the district picture is whole, and only what asks for a concern or a team is null, naming concerns', async () => {
    await kill('concerns');
    try {
      const picture = await overview();
      expect(picture.status).toBe(200);
      expect(picture.errors).toBeUndefined();
      expect(someHave(picture.data!.area!, 'agreements') && someHave(picture.data!.area!, 'activities')).toBe(true);

      const { data, errors } = await federation.query(
        `query($code: ID!) { area(code: $code) { name } interventionTeam(id: "00000000-0000-4000-8000-000000000000") { id } }`,
        { code: DEMO_AREAS.rinkebyKista },
        official,
      );
      expect(data).toEqual({ area: { name: 'Rinkeby-Kista' }, interventionTeam: null });
      expectUnavailable(errors, 'concerns');
    } finally {
      await federation.restart('concerns');
    }
  });

  it('actors: the area it owns is null, and the answer still comes, naming actors', async () => {
    await kill('actors');
    try {
      const { status, data, errors } = await overview();
      expect(status).toBe(200);
      expect(data).toEqual({ area: null });
      expectUnavailable(errors, 'actors');

      // An organisation no service has verified yet cannot be checked now: refused whole, naming actors.
      const stranger = await federation.query('{ __typename }', {}, await bearer(DEMO_ACTORS.fryshuset, [Role.MEMBER]));
      expect(stranger.data).toBeUndefined();
      expect(stranger.errors).toEqual([expect.objectContaining({ extensions: { code: 'DEPENDENCY_UNAVAILABLE', serviceName: 'actors' } })]);
    } finally {
      await federation.restart('actors');
    }
  });

  it('actors: a reference to an actor is null, and the record holding it stays', async () => {
    await kill('actors');
    try {
      const { data, errors } = await federation.query(
        `{ situationReports(first: 5) { nodes { level reportedBy { name } } } }`,
        {},
        official,
      );
      const nodes = data!.situationReports.nodes as Array<{ level: string; reportedBy: unknown }>;
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every((report) => report.level && report.reportedBy === null)).toBe(true);
      expectUnavailable(errors, 'actors');
    } finally {
      await federation.restart('actors');
    }
  });
});

describe('a frozen service', () => {
  it('costs a query at most the timeout, and queries that do not need it answer meanwhile', async () => {
    const situation = federation.subgraphs.situation.child;
    situation.kill('SIGSTOP');
    try {
      const frozen = Promise.all([overview(), overview(), overview()]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const { data, errors } = await federation.query(
        `query($code: ID!) { area(code: $code) { name actors(scope: OVERLAPPING) { name agreements { title } activities { title } } } }`,
        { code: DEMO_AREAS.rinkebyKista },
        official,
      );
      const elsewhereMs = Date.now() - started;
      expect(errors).toBeUndefined();
      expect(someHave(data!.area, 'agreements')).toBe(true);
      expect(elsewhereMs).toBeLessThan(TIMEOUT_MS);

      for (const { status, data, errors, ms } of await frozen) {
        expect(status).toBe(200);
        expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
        expect(ms).toBeLessThan(TIMEOUT_MS + 1500);
        expect(data!.area!.latestSituationReport).toBeNull();
        expect(someHave(data!.area!, 'agreements') && someHave(data!.area!, 'activities')).toBe(true);
        expectUnavailable(errors, 'situation');
        expect(errors![0].message).toContain(`${TIMEOUT_MS} ms`);
      }
    } finally {
      situation.kill('SIGCONT');
    }
  });
});
