import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, FieldProblem, formatError } from './errors';

/** PostgreSQL errors caused by the caller's input (SQLSTATE class 22 and constraint violations). */
const INPUT_SQLSTATES: Record<string, string> = {
  '22001': 'A value is longer than allowed',
  '22003': 'A number is out of range',
  '22007': 'A date or time is malformed',
  '22008': 'A date or time is out of range',
  '22P02': 'A value has the wrong format',
  '22021': 'A text holds a character that is not allowed (such as NUL)',
  '22P05': 'A text holds a character that is not allowed (such as NUL)',
  '23502': 'A required value is missing',
  '23503': 'A referenced record does not exist',
  '23505': 'A record with that value already exists',
  '23514': 'A value breaks a rule of the record',
};

/**
 * `formatError` for a subgraph, whose resolvers also fail with type-graphql's argument validation and
 * typeorm's query errors: invalid arguments are BAD_USER_INPUT with every field named, and a
 * statement refused for its input (a value too long, a missing reference…) is BAD_USER_INPUT with a
 * plain message, never the SQL. Apart from `formatError` so that the gateway loads neither library.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors.flatMap((e) => flattenValidation(e));
    return {
      ...base,
      message: `Invalid input: ${fields.map((f) => f.message).join('; ')}`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
    };
  }
  if (original instanceof QueryFailedError) {
    const sqlstate = (original.driverError as { code?: string } | undefined)?.code ?? '';
    if (INPUT_SQLSTATES[sqlstate]) {
      return { ...base, message: INPUT_SQLSTATES[sqlstate], extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
  }
  return formatError(formatted, error);
}

interface ValidationLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

function flattenValidation(error: ValidationLike, prefix = ''): FieldProblem[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => flattenValidation(child, field))];
}

