import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Query limits. Subgraphs allow a little more than the gateway, as the gateway's own fetches
 * (`_entities`) add a level and their own selections to what a client asked for.
 */
export const QUERY_LIMITS = {
  gateway: { depth: 12, cost: 10000, aliases: 20, directives: 20, tokens: 3000 },
  subgraph: { depth: 16, cost: 30000, aliases: 40, directives: 50, tokens: 20000 },
} as const;

/** graphql-armor's plugins and validation rules: depth, cost, alias, directive and token limits; no field suggestions in production. */
export function queryLimits(surface: keyof typeof QUERY_LIMITS, { production }: { production: boolean }) {
  const limits = QUERY_LIMITS[surface];
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.depth },
    costLimit: { maxCost: limits.cost },
    maxAliases: { n: limits.aliases },
    maxDirectives: { n: limits.directives },
    maxTokens: { n: limits.tokens },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins, validationRules };
}

/** Which limit an armor refusal is about, from its message ("Query depth limit of 12 exceeded ..."). */
export function exceededLimit(message: string): string | undefined {
  const match = /(depth|cost|aliases|directives|token) limit of \d+ exceeded/i.exec(message);
  return match?.[1].toLowerCase().replace('token', 'tokens');
}
