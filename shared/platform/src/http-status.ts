import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';

/** The HTTP status of a refusal that is the caller's to fix, by error code. */
const CLIENT_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_LIMIT_EXCEEDED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.VERSION_CONFLICT]: 409,
  [ErrorCode.CURSOR_UNKNOWN]: 400,
  [ErrorCode.CURSOR_EXPIRED]: 410,
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 422,
  [ErrorCode.RECORD_CLOSED]: 409,
  [ErrorCode.PARTIES_NOT_CONFIRMED]: 409,
};

/**
 * The status of a response that answered nothing because the caller was refused: every root field
 * failed (data null, or each root field null with its own error) and every error is one the caller
 * can fix. Undefined otherwise: an answer with some data is a 200 whatever else failed (GraphQL's
 * partial answers), and so is an unavailable service or an internal error.
 */
export function refusalStatus(data: Record<string, unknown> | null | undefined, errors: readonly GraphQLFormattedError[] | undefined): number | undefined {
  if (!errors?.length) return undefined;
  const statuses = errors.map((error) => CLIENT_STATUS[String(error.extensions?.code)]);
  if (statuses.some((status) => status === undefined)) return undefined;
  const failedRoots = new Set(errors.map((error) => error.path?.[0]));
  const answeredNothing = data == null || Object.entries(data).every(([field, value]) => value === null && failedRoots.has(field));
  if (!answeredNothing) return undefined;
  return statuses.every((status) => status === statuses[0]) ? statuses[0] : 400;
}

/**
 * Answers a refused operation (bad input, a stale version, a forbidden or unknown record) with its
 * 4xx status instead of 200, in every service, so that HTTP clients, proxies and logs see a refusal
 * for what it is. A status already set (e.g. 401 for a bad token) is kept.
 */
export const refusalStatusPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || (response.http.status ?? 200) !== 200) return;
        const { data, errors } = response.body.singleResult;
        const status = refusalStatus(data, errors);
        if (status) response.http.status = status;
      },
    };
  },
};
