import http from 'node:http';
import { AddressInfo } from 'node:net';
import { DEMO_AREAS } from '@samverkan/demo';
import { envName, SUBGRAPHS } from '@samverkan/platform';
import { bearer, freePort, graphql, GraphQLResponse, PEOPLE, ServiceProcess, startFederation, startProcess, TestFederation } from '@samverkan/test-support';

/**
 * A stand-in in front of a subgraph: it records the Authorization header and body of every request
 * the gateway sends, holds each `delayMs` (so that concurrent queries surely overlap), and passes it on.
 */
async function recordingProxy(target: string, delayMs: number) {
  const received: Array<{ authorization?: string; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      received.push({ authorization: req.headers.authorization, body });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => ['authorization', 'content-type', 'x-request-id'].includes(name))) as Record<string, string>;
      const answer = await fetch(target, { method: 'POST', headers, body });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

// Named, so the subgraph requests it makes are told apart from any other.
const OVERVIEW = `query MergingOverview {
  area(code: "${DEMO_AREAS.rinkebyKista}") {
    name
    latestSituationReport { level reportedBy { name } }
    actors(scope: OVERLAPPING) { id name agreements { title } activities { title } }
  }
}`;

const mergedCount = async (gateway: ServiceProcess) => {
  const text = await (await fetch(`http://127.0.0.1:${gateway.port}/metrics`)).text();
  return Number(/^gateway_subgraph_requests_merged_total\{subgraph="actors"\} (\d+)/m.exec(text)?.[1] ?? 0);
};

describe('merging identical in-flight subgraph requests, across real processes', () => {
  let federation: TestFederation;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let gateway: ServiceProcess;
  let plain: ServiceProcess;

  beforeAll(async () => {
    federation = await startFederation();
    proxy = await recordingProxy(federation.subgraphs.actors.url, 300);
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), federation.subgraphs[name].url]));
    // Two more gateways on the same subgraphs, reaching the actors registry through the proxy: one merging (the default), one not.
    const [port, plainPort] = [await freePort(), await freePort()];
    gateway = await startProcess('gateway', port, { ...urls, ACTORS_URL: proxy.url, GATEWAY_PORT: String(port), LOG_LEVEL: 'warn' });
    plain = await startProcess('gateway', plainPort, { ...urls, ACTORS_URL: proxy.url, GATEWAY_PORT: String(plainPort), LOG_LEVEL: 'warn', GATEWAY_MERGE_SUBGRAPH_REQUESTS: 'false' });
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), plain?.stop()]);
    await proxy?.stop();
    await federation?.stop();
  });

  /** The requests to the actors registry one query makes, and its answer, sent alone (through the gateway without merging). */
  async function alone(headers: Record<string, string>) {
    await graphql(plain.url, OVERVIEW, {}, headers); // the token's organisation is checked once, then remembered
    proxy.received.length = 0;
    const answer = await graphql(plain.url, OVERVIEW, {}, headers);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.area.actors.length).toBeGreaterThan(0);
    const bodies = proxy.received.splice(0).map(({ body }) => body);
    return { requests: bodies.length, bodies, answer };
  }

  it('sends identical concurrent queries from one caller once, and every caller gets the same right answer', async () => {
    const headers = await bearer(PEOPLE.municipalityOfficial.organisationId, [...PEOPLE.municipalityOfficial.roles]);
    await graphql(gateway.url, OVERVIEW, {}, headers);
    const expected = await alone(headers);
    const mergedBefore = await mergedCount(gateway);

    const answers = await Promise.all(Array.from({ length: 6 }, () => graphql(gateway.url, OVERVIEW, {}, headers)));
    for (const answer of answers) expect(answer).toEqual(expected.answer);
    // Six client requests, fewer subgraph requests than six times what one makes (all six overlap: as many as one).
    expect(proxy.received.length).toBeLessThan(6 * expected.requests);
    expect(proxy.received.every(({ authorization }) => authorization === headers.authorization)).toBe(true);
    expect((await mergedCount(gateway)) - mergedBefore).toBe(6 * expected.requests - proxy.received.length);

    // The same without merging: every client request makes its own.
    proxy.received.length = 0;
    const unmerged = await Promise.all(Array.from({ length: 6 }, () => graphql(plain.url, OVERVIEW, {}, headers)));
    for (const answer of unmerged) expect(answer).toEqual(expected.answer);
    expect(proxy.received).toHaveLength(6 * expected.requests);
  });

  it('never merges two callers’ identical queries: each subgraph request carries its own caller’s token', async () => {
    const callers = [
      await bearer(PEOPLE.ngoMember.organisationId, [...PEOPLE.ngoMember.roles]),
      await bearer(PEOPLE.policeOfficer.organisationId, [...PEOPLE.policeOfficer.roles]),
      {}, // the public
    ];
    const expected: Array<{ requests: number; bodies: string[]; answer: GraphQLResponse }> = [];
    for (const headers of callers) {
      await graphql(gateway.url, OVERVIEW, {}, headers);
      expected.push(await alone(headers));
    }

    // Four of each at once, interleaved.
    const order = Array.from({ length: 12 }, (_, i) => i % callers.length);
    const answers = await Promise.all(order.map((caller) => graphql<Record<string, unknown>>(gateway.url, OVERVIEW, {}, callers[caller])));
    answers.forEach((answer, i) => expect(answer).toEqual(expected[order[i]].answer));
    const authorizationOf = (headers: Record<string, string>) => (headers as { authorization?: string }).authorization;
    callers.forEach((headers, caller) => {
      // Every subgraph request a caller's query needs reached the subgraph with that caller's own token, whoever else asked the same.
      const sent = proxy.received.filter(({ authorization }) => authorization === authorizationOf(headers)).map(({ body }) => body);
      for (const body of expected[caller].bodies) expect(sent).toContain(body);
    });
    // No request went with a token no caller used.
    const tokens = new Set(callers.map(authorizationOf));
    expect(proxy.received.every(({ authorization }) => tokens.has(authorization))).toBe(true);
    // And merging did happen within each caller's four.
    expect(proxy.received.length).toBeLessThan(order.reduce((sum, caller) => sum + expected[caller].requests, 0));
  });
});
