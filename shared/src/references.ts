import { GraphQLError } from 'graphql';
import { badInput, ErrorCode } from './errors';
import { urlOf } from './services';

/** Entities owned by the actors subgraph that other subgraphs refer to, and their key fields. */
const KEYS = { Actor: 'id', Area: 'code' } as const;
export type ReferencedType = keyof typeof KEYS;

/**
 * Checks that referenced actors or areas exist, by asking the actors subgraph through the
 * federation's own `_entities` field, so no party writes a reference to something that is not there.
 */
export async function assertReferencesExist(typename: ReferencedType, keys: string[], field: string): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const keyField = KEYS[typename];
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${keyField} } } }`;
  const representations = unique.map((key) => ({ __typename: typename, [keyField]: key }));
  let body: { data?: { _entities: Array<Record<string, string> | null> }; errors?: unknown[] };
  try {
    const response = await fetch(urlOf('actors'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { representations } }),
      signal: AbortSignal.timeout(5000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    console.error('actors subgraph unreachable:', error);
    throw referencesUnavailable();
  }
  if (!body.data) throw referencesUnavailable();
  const missing = unique.filter((_key, index) => !body.data!._entities[index]);
  if (missing.length > 0) {
    const noun = typename === 'Actor' ? 'actor' : 'area';
    throw badInput(`Unknown ${noun} ${keyField}: ${missing.join(', ')}`, [{ field, message: `unknown ${noun}` }]);
  }
}

const referencesUnavailable = () =>
  new GraphQLError('The actors registry could not be reached to check references; nothing was written. Try again.', {
    extensions: { code: ErrorCode.DEPENDENCY_UNAVAILABLE },
  });
