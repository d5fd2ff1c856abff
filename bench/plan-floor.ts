import { createServer, Server } from 'node:http';
import { SUBGRAPHS, SubgraphName } from '@samverkan/platform';

/**
 * The floor of a query through the gateway: the subgraph requests its query plan makes, recorded from
 * a real run and replayed straight to the subgraphs in the plan's order and parallelism. Recording
 * (rather than hand-writing each plan) gives every query a floor with exactly the gateway's bodies,
 * representations included, whatever the supergraph becomes.
 */
export interface RecordedCall {
  subgraph: SubgraphName;
  body: string;
  /** Milliseconds since the recording began. */
  start: number;
  end: number;
}

/**
 * The plan's steps from recorded calls: a call that starts after some call of the current step has
 * answered may depend on that answer, so it opens the next step; calls within a step ran side by side.
 * (Conservative: a fetch that a parallel branch could start early waits for the whole step.)
 */
export function stagesOf(calls: RecordedCall[]): RecordedCall[][] {
  const stages: RecordedCall[][] = [];
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    const current = stages[stages.length - 1];
    if (current && call.start < Math.min(...current.map((c) => c.end))) current.push(call);
    else stages.push([call]);
  }
  return stages;
}

/** One HTTP proxy per subgraph that records what passes through; point a gateway's subgraph URLs at `urls`. */
export async function recordingProxies(targets: Record<SubgraphName, string>) {
  const calls: RecordedCall[] = [];
  let origin = performance.now();
  const servers: Server[] = [];
  const urls = {} as Record<SubgraphName, string>;
  for (const subgraph of SUBGRAPHS) {
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString();
      const start = performance.now() - origin;
      const answer = await fetch(targets[subgraph], {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: request.headers.authorization ?? '' },
        body,
      });
      const text = await answer.text();
      calls.push({ subgraph, body, start, end: performance.now() - origin });
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[subgraph] = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  }
  return {
    urls,
    /** Forgets what was recorded so far (the warm-up's calls). */
    reset: () => {
      calls.length = 0;
      origin = performance.now();
    },
    calls: () => [...calls],
    close: () => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))),
  };
}

/** The recorded plan replayed straight to the subgraphs: step by step, each step's calls side by side. */
export function replay(stages: RecordedCall[][], targets: Record<SubgraphName, string>, authorization: string) {
  return async () => {
    for (const stage of stages) {
      await Promise.all(
        stage.map(async (call) => {
          const response = await fetch(targets[call.subgraph], { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: call.body });
          const body = (await response.json()) as { errors?: unknown[] };
          if (body.errors?.length) throw new Error(`${call.subgraph}: ${JSON.stringify(body.errors).slice(0, 300)}`);
        }),
      );
    }
  };
}
