import { GraphQLError } from 'graphql';
import { badInput, ErrorCode } from './errors';
import { SubgraphName, urlOf } from './services';

/** Entities other subgraphs refer to: the subgraph that owns each, and its key field. */
const OWNERS = {
  Actor: { subgraph: 'actors', key: 'id', noun: 'actor' },
  Area: { subgraph: 'actors', key: 'code', noun: 'area' },
  Agreement: { subgraph: 'agreements', key: 'id', noun: 'agreement' },
} as const satisfies Record<string, { subgraph: SubgraphName; key: string; noun: string }>;
export type ReferencedType = keyof typeof OWNERS;

/**
 * Checks that referenced records exist by asking the subgraph that owns them, through the
 * federation's own `_entities` field, so no party writes a reference to something that is not there.
 * Throws BAD_USER_INPUT naming the unknown keys, or DEPENDENCY_UNAVAILABLE if the owner is down.
 */
export async function assertReferencesExist(typename: ReferencedType, keys: string[], field: string): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const { subgraph, key, noun } = OWNERS[typename];
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${key} } } }`;
  const representations = unique.map((value) => ({ __typename: typename, [key]: value }));
  let body: { data?: { _entities: Array<Record<string, string> | null> } };
  try {
    const response = await fetch(urlOf(subgraph), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { representations } }),
      signal: AbortSignal.timeout(5000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    console.error(`${subgraph} subgraph unreachable:`, error);
    throw unavailable(subgraph);
  }
  if (!body.data?._entities) throw unavailable(subgraph);
  const missing = unique.filter((_value, index) => !body.data!._entities[index]);
  if (missing.length > 0) {
    throw badInput(`Unknown ${noun} ${key}: ${missing.join(', ')}`, [{ field, message: `unknown ${noun}` }]);
  }
}

const unavailable = (subgraph: SubgraphName) =>
  new GraphQLError(`The ${subgraph} subgraph could not be reached to check references; nothing was written. Try again.`, {
    extensions: { code: ErrorCode.DEPENDENCY_UNAVAILABLE },
  });
