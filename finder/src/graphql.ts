/** The finder reaches data only through the gateway, anonymously: the dashboard's one GraphQL client, without a token. */
import { graphql as request, type Answer } from '../../dashboard/src/graphql.ts';

export type { Answer };
export const graphql = <T,>(url: string, query: string, variables: Record<string, unknown> = {}) => request<T>(url, undefined, query, variables);
