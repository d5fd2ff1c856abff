import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { DocumentNode, GraphQLError } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ErrorCode } from './errors';

/** Variables (as JSON) small enough to key a kept cost by, and how many sets of them are kept per query. */
const MAX_KEPT_KEY = 1024;
const MAX_KEPT_PER_DOCUMENT = 100;

/** Arguments that say how many records a list holds at most. */
const RECORD_ARGUMENTS = ['first', 'months'];

/**
 * A field's cost: itself plus what it holds, times the records it may return. A field with a `first`
 * (or a series' `months`) argument may return that many, counted after variables and defaults are applied (so `first: $n`
 * and a left-out `first` cost what they will fetch); `_entities` returns one per representation.
 * Other lists count once: their length is bounded by the records' own rules (an activity's
 * organisers, an area's children), not by the caller.
 */
const recordsEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const records = field.name === '_entities' && Array.isArray(args.representations) ? args.representations.length : (RECORD_ARGUMENTS.map((name) => args[name]).find((n) => typeof n === 'number') ?? 1);
  return (1 + childComplexity) * Math.max(records, 1);
};

/** The cost of an operation: about the largest number of fields its answer may hold. */
export function operationCost(options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): number {
  return getComplexity({ ...options, estimators: [recordsEstimator] });
}

/**
 * Refuses an operation whose cost is above `maxCost`, once its variables are known (a validation
 * rule sees neither variables nor defaults, so `first: $n` would pass uncounted). Introspection costs
 * its fields like any query.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin<BaseContext> {
  // Apollo keeps one parsed document per query text: a query repeated with the same small variables
  // is counted once. A list's items never change the cost (only `_entities` counts them, by their
  // number), so lists are keyed by their length: a subgraph's entity calls are counted once per size.
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (options: Parameters<typeof operationCost>[0]) => {
    const key = `${options.operationName ?? ''} ${JSON.stringify(options.variables, (_, value: unknown) => (Array.isArray(value) ? `[${value.length}]` : value))}`;
    if (key.length > MAX_KEPT_KEY) return operationCost(options);
    const kept = known.get(options.query) ?? known.set(options.query, new Map()).get(options.query)!;
    if (!kept.has(key) && kept.size < MAX_KEPT_PER_DOCUMENT) kept.set(key, operationCost(options));
    return kept.get(key) ?? operationCost(options);
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const refuse = (found: string) =>
            new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${found}: ask for fewer records (smaller \`first\`) or fewer fields.`, {
              extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit: 'cost', http: { status: 400 } },
            });
          let cost: number;
          try {
            cost = costOf({ schema, query: document, variables: request.variables ?? {}, operationName: operationName ?? undefined });
          } catch (error) {
            // The counter stops at 10,000 fields written in the query: far more than any answer may hold.
            if (/maximum allowed number of nodes/.test((error as Error).message)) throw refuse('more fields than can be counted');
            // Variables that do not fit their types: execution refuses them, with BAD_USER_INPUT and the variable's name.
            return;
          }
          if (cost > maxCost) throw refuse(String(cost));
        },
      };
    },
  };
}
