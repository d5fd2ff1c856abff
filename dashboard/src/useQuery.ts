import { useEffect, useState } from 'react';
import { graphql, GraphQLError, GraphQLRequestError } from './graphql';

export interface QueryState<T> {
  data?: T;
  /** Errors beside the data: part of the answer is missing. */
  partial: GraphQLError[];
  error?: GraphQLRequestError;
  loading: boolean;
}

/** Runs a gateway query whenever its text or variables change; `query` undefined runs nothing. */
export function useQuery<T>(url: string, token: string, query: string | undefined, variables: Record<string, unknown>, onUnauthenticated?: () => void): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ partial: [], loading: !!query });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!query) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    graphql<T>(url, token, query, JSON.parse(key)).then(
      ({ data, errors }) => current && setState({ data, partial: errors, loading: false }),
      (error: GraphQLRequestError) => {
        if (!current) return;
        if (error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
        setState({ partial: [], loading: false, error });
      },
    );
    return () => {
      current = false;
    };
  }, [url, token, query, key]);
  return state;
}
