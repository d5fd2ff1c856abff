import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { FetchResponse, SubgraphAnswer } from './subgraph-answer';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type Init = NonNullable<Parameters<Fetcher>[1]>;

interface GraphQLError {
  message?: string;
  path?: Array<string | number>;
  [key: string]: unknown;
}

interface GraphQLAnswer {
  data?: { _entities?: unknown[] | null } | null;
  errors?: GraphQLError[];
  extensions?: Record<string, unknown>;
}

interface EntitiesRequest {
  query: string;
  variables: { representations: unknown[]; [name: string]: unknown };
  [key: string]: unknown;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The request's body read as an `_entities` call (its variables hold `representations`), or undefined for any other. */
function entitiesRequest(body: string): EntitiesRequest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const request = parsed as Partial<EntitiesRequest> | null;
  if (typeof request?.query !== 'string' || !Array.isArray(request.variables?.representations)) return undefined;
  return request as EntitiesRequest;
}

/**
 * The representations cut into consecutive runs, each making a body of at most `maxBytes` with the
 * rest of the request. A single representation too large on its own gets a run of its own (the
 * subgraph refuses it, as it would have refused the whole).
 */
function batches(request: EntitiesRequest, maxBytes: number): unknown[][] {
  const frame = bytes(JSON.stringify({ ...request, variables: { ...request.variables, representations: [] } }));
  const runs: unknown[][] = [];
  let run: unknown[] = [];
  let size = frame;
  for (const representation of request.variables.representations) {
    // Each representation adds itself and, after the first, a comma.
    const added = bytes(JSON.stringify(representation)) + (run.length > 0 ? 1 : 0);
    if (run.length > 0 && size + added > maxBytes) {
      runs.push(run);
      run = [];
      size = frame + added - 1;
    } else {
      size += added;
    }
    run.push(representation);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** One batch's errors, their `_entities` indexes moved by the batch's offset into the whole list. */
const shifted = (errors: GraphQLError[] | undefined, offset: number) =>
  (errors ?? []).map((error) =>
    Array.isArray(error.path) && error.path[0] === '_entities' && typeof error.path[1] === 'number'
      ? { ...error, path: ['_entities', error.path[1] + offset, ...error.path.slice(2)] }
      : error,
  );

/** The batches' extensions as one: numbers (the statement counts) added up, anything else as the first batch has it. */
function mergedExtensions(answers: GraphQLAnswer[]): Record<string, unknown> | undefined {
  const all = answers.map((answer) => answer.extensions).filter((extensions) => extensions !== undefined);
  if (all.length === 0) return undefined;
  const result: Record<string, unknown> = {};
  for (const extensions of all) {
    for (const [key, value] of Object.entries(extensions)) {
      if (typeof value === 'number' && typeof (result[key] ?? 0) === 'number') result[key] = ((result[key] as number | undefined) ?? 0) + value;
      else if (!(key in result)) result[key] = value;
    }
  }
  return result;
}

/**
 * The answers of the batches as one answer to the whole `_entities` call: the entities in the
 * order of the representations, every error with its path into the whole list. A batch that
 * answered no entities (its `data` null, e.g. a subgraph error on the whole field) counts as nulls
 * for its representations, its errors kept, as the gateway treats missing entities.
 */
function merged(answers: GraphQLAnswer[], runs: unknown[][]): GraphQLAnswer {
  const entities: unknown[] = [];
  const errors: GraphQLError[] = [];
  answers.forEach((answer, index) => {
    const offset = entities.length;
    const batch = answer.data?._entities;
    entities.push(...(Array.isArray(batch) && batch.length === runs[index].length ? batch : runs[index].map(() => null)));
    errors.push(...shifted(answer.errors, offset));
  });
  const extensions = mergedExtensions(answers);
  return { data: { _entities: entities }, ...(errors.length > 0 ? { errors } : {}), ...(extensions ? { extensions } : {}) };
}

/**
 * Keeps the gateway's `_entities` calls within a subgraph's body limit: one whose body would be
 * larger than `maxBodyBytes` (an area overview asking for the activities of thousands of actors) is
 * sent as several requests, each within the limit, all at once; their answers come back as one, the
 * entities in order and error paths corrected. Any other request, and any `_entities` call within
 * the limit, is sent as it is (a subgraph still refuses an oversized body of any other kind). Should
 * one batch fail at the HTTP level, its failed answer is the answer to the whole call, as when it
 * was one request.
 */
export function entityBatchingFetcher(fetcher: Fetcher, maxBodyBytes: number): Fetcher {
  const batching = async (url: string, init?: Init): Promise<FetchResponse> => {
    const body = init?.body;
    if (typeof body !== 'string' || bytes(body) <= maxBodyBytes) return fetcher(url, init);
    const request = entitiesRequest(body);
    if (!request || request.variables.representations.length < 2) return fetcher(url, init);
    const runs = batches(request, maxBodyBytes);
    if (runs.length < 2) return fetcher(url, init);

    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).filter(([name]) => name.toLowerCase() !== 'content-length'));
    const settled = await Promise.allSettled(
      runs.map((representations) =>
        fetcher(url, { ...init, headers, body: JSON.stringify({ ...request, variables: { ...request.variables, representations } }) }),
      ),
    );
    const responses = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const rejected = settled.find((outcome) => outcome.status === 'rejected');
    if (rejected) {
      throw rejected.reason;
    }
    const failed = responses.find((response) => !response.ok || !(response.headers.get('content-type') ?? '').includes('json'));
    if (failed) return failed;
    const answers = (await Promise.all(responses.map((response) => response.json()))) as GraphQLAnswer[];
    return new SubgraphAnswer(JSON.stringify(merged(answers, runs)), 200, { 'content-type': 'application/json; charset=utf-8' }, url).asResponse();
  };
  return batching as Fetcher;
}

/** A body size as the services' MAX_REQUEST_SIZE writes it (`100kb`), in bytes as express counts them (1 kb = 1024 b). */
export function sizeInBytes(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/.exec(size);
  if (!match) throw new Error(`Not a size: ${size}`);
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2] as 'b' | 'kb' | 'mb'];
}
