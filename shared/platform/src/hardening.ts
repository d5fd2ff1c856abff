import { ApolloArmor } from '@escape.tech/graphql-armor';
import { queryCostPlugin } from './query-cost';
import { preParseGuard } from './request-guard';

/**
 * Query limits. Subgraphs allow a little more than the gateway, as the gateway's own fetches
 * (`_entities`) add a level and their own selections to what a client asked for. `nesting` bounds
 * brackets open at once, before parsing (a few per level of depth, for arguments' lists and objects).
 * `cost` bounds the fields an answer may hold (`operationCost`); a subgraph's is three times the
 * gateway's, so that the gateway's fetches for any query it accepts (the same records, with their
 * keys added) pass.
 */
export const QUERY_LIMITS = {
  gateway: { depth: 12, nesting: 48, cost: 200000, aliases: 20, directives: 20, tokens: 3000 },
  subgraph: { depth: 16, nesting: 64, cost: 600000, aliases: 40, directives: 50, tokens: 20000 },
} as const;

/**
 * graphql-armor's plugins and validation rules: depth, alias and directive limits; no field
 * suggestions in production. Cost is counted once variables are known (`queryCostPlugin`): armor's
 * validation rule cannot see them, and counted `first: $n` and a left-out `first` as one record. Tokens and nesting are counted before parsing by `guard`, Express
 * middleware for the GraphQL route (armor's token count runs as a plugin hook, whose refusals
 * Apollo answers with 500, and only after the parser has recursed as deep as the query nests).
 */
export function queryLimits(surface: keyof typeof QUERY_LIMITS, { production }: { production: boolean }) {
  const limits = QUERY_LIMITS[surface];
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.depth },
    costLimit: { enabled: false },
    maxAliases: { n: limits.aliases },
    maxDirectives: { n: limits.directives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins: [...plugins, queryCostPlugin(limits.cost)], validationRules, guard: preParseGuard(limits) };
}

/** Which limit an armor refusal is about, from its message ("Query depth limit of 12 exceeded ..."). */
export function exceededLimit(message: string): string | undefined {
  const match = /(depth|cost|aliases|directives|token) limit of \d+ exceeded/i.exec(message);
  return match?.[1].toLowerCase().replace('token', 'tokens');
}
