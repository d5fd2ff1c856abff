/** The one way the dashboard reaches data: the gateway's GraphQL API, with the signed-in person's token. */
export interface GraphQLError {
  message: string;
  extensions?: { code?: string; serviceName?: string };
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface Answer<T> {
  data: T;
  /** Errors beside data: a part of the answer is missing (e.g. a party's service is down). */
  errors: GraphQLError[];
}

export async function graphql<T>(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T | null; errors?: GraphQLError[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`Gatewayen svarade inte med JSON (HTTP ${response.status})`);
  }
  const errors = body.errors ?? [];
  if (!body.data) {
    const first = errors[0];
    throw new GraphQLRequestError(first?.message ?? `HTTP ${response.status}`, first?.extensions?.code);
  }
  return { data: body.data, errors };
}
