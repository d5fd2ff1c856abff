import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { exceededLimit } from './hardening';
import { logger } from './log';
import { currentRequestId } from './request-stats';

/** Stable error codes clients may branch on (in `errors[].extensions.code`). */
export enum ErrorCode {
  /** The input is malformed or breaks a rule; `extensions.fields` names the fields when known. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The token is missing where one is needed, or is expired, forged or not for this service. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller may see the record but not do this to it (e.g. change another party's record). */
  FORBIDDEN = 'FORBIDDEN',
  /** No record with that id (or it is not visible to the caller). */
  NOT_FOUND = 'NOT_FOUND',
  /** The record changed since the caller read it: re-read, merge, and retry with the new version. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** A change-feed cursor this feed never gave out (malformed, or another subgraph's): start again from a snapshot. */
  CURSOR_UNKNOWN = 'CURSOR_UNKNOWN',
  /** A change-feed cursor older than the feed's retention: resynchronise from a snapshot, then follow its cursor. */
  CURSOR_EXPIRED = 'CURSOR_EXPIRED',
  /** An idempotency key your organisation used, within its retention, for another operation or another input. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The record is closed and takes no more changes of this kind (e.g. a contact-log entry on a CLOSED incident, or reopening it). */
  RECORD_CLOSED = 'RECORD_CLOSED',
  /** The record may not take this status until the organisations it names have agreed (an agreement made ACTIVE before every party CONFIRMED); `extensions.actorIds` lists them. */
  PARTIES_NOT_CONFIRMED = 'PARTIES_NOT_CONFIRMED',
  /** The query is deeper, costlier or has more aliases, directives or tokens than allowed; `extensions.limit` says which. */
  QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED',
  /** A service this one depends on (e.g. the actors registry, to check references) did not answer. */
  DEPENDENCY_UNAVAILABLE = 'DEPENDENCY_UNAVAILABLE',
  /** Something failed on our side; details are in the server log under `extensions.requestId`, never in the response. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  field: string;
  message: string;
}

export const badInput = (message: string, fields: FieldProblem[] = []) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields } });

export const notFound = (type: string, id: string) =>
  new GraphQLError(`${type} ${id} was not found`, { extensions: { code: ErrorCode.NOT_FOUND, type, id } });

export const versionConflict = (type: string, id: string, expected: number, actual: number) =>
  new GraphQLError(
    `${type} ${id} has version ${actual}, not ${expected}: it was changed by someone else. Re-read it and try again.`,
    { extensions: { code: ErrorCode.VERSION_CONFLICT, type, id, expectedVersion: expected, actualVersion: actual } },
  );

export const recordClosed = (type: string, id: string, message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.RECORD_CLOSED, type, id } });

export const partiesNotConfirmed = (type: string, id: string | undefined, actorIds: string[], message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.PARTIES_NOT_CONFIRMED, type, ...(id ? { id } : {}), actorIds } });

/**
 * Codes whose errors carry a safe, useful message: ours, and those of GraphQL itself and Apollo
 * Server. Not INTERNAL_SERVER_ERROR: Apollo gives that code to every error that has none, raw
 * messages of PostgreSQL, fetch or DataLoader included.
 */
const PASS_THROUGH = new Set([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** The `extensions` keys clients may rely on. */
const PUBLIC_EXTENSIONS = new Set(['code', 'limit', 'fields', 'type', 'id', 'expectedVersion', 'actualVersion', 'serviceName', 'actorIds']);

/**
 * Turns every error into one with a stable code and a message safe to show: validation problems
 * keep their detail, anything unexpected becomes INTERNAL_SERVER_ERROR without internals. A
 * subgraph's resolvers' own errors are read by `formatSubgraphError` first.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  const limit = exceededLimit(formatted.message);
  // graphql-armor words its refusals as syntax errors, which they are not.
  if (limit) return { ...base, message: formatted.message.replace(/^Syntax Error: /, ''), extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit } };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    // Only documented keys: never stack traces, nor the gateway's copy of a subgraph's HTTP response.
    const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => PUBLIC_EXTENSIONS.has(key)));
    return { ...base, extensions };
  }
  return { ...base, ...unexpectedError(original) };
}

/**
 * Anything unexpected: logged with its stack under the request's id, and answered with that id
 * alone, so that the caller can quote it and nothing about internals leaves the service.
 */
export function unexpectedError(error: unknown): GraphQLFormattedError {
  logger.error({ err: error }, 'Unexpected error');
  const requestId = currentRequestId();
  return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) } };
}

/** In an update, null clears an optional field; required fields given as null are refused, all of them named. */
export function assertNotCleared(required: Record<string, unknown>): void {
  const cleared = Object.keys(required).filter((field) => required[field] === null);
  if (cleared.length) throw badInput(`${cleared.join(', ')} cannot be cleared`, cleared.map((field) => ({ field, message: 'cannot be null' })));
}
