import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { RequestHandler } from 'express';
import { GraphQLError, GraphQLFormattedError, Lexer, Source, TokenKind } from 'graphql';
import { ErrorCode, FieldProblem } from './errors';
import { currentRequestStats } from './request-stats';

/** What the guard counts before a query is parsed. */
export interface PreParseLimits {
  tokens: number;
  /** Brackets (`{`, `[`, `(`) open at once: the parser recurses once per level, so this bounds its stack. */
  nesting: number;
}

const NUL = '\u0000';

const refusal = (error: GraphQLFormattedError) => ({ errors: [error] });

/**
 * Checks a GraphQL request before Apollo parses it: the token count and bracket nesting, in one
 * pass of graphql-js's lexer (iterative, so no query can overflow the stack here, and one nested
 * past the limit never reaches the recursive parser), and NUL characters in strings written in the
 * query or passed as variables, which no text column can hold. Returns the body of a 400 refusal,
 * if any. A lexer error is left for the parser to report (GRAPHQL_PARSE_FAILED).
 */
function checkBeforeParsing(query: unknown, variables: unknown, limits: PreParseLimits) {
  if (typeof query === 'string') {
    const lexer = new Lexer(new Source(query));
    let tokens = 0;
    let nesting = 0;
    try {
      for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
        if (++tokens > limits.tokens) {
          return refusal({ message: `Token limit of ${limits.tokens} exceeded`, extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit: 'tokens' } });
        }
        if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L) nesting += 1;
        if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R || token.kind === TokenKind.PAREN_R) nesting -= 1;
        if (nesting > limits.nesting) {
          return refusal({ message: `Nesting limit of ${limits.nesting} brackets exceeded`, extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit: 'depth' } });
        }
        if ((token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING) && token.value.includes(NUL)) {
          return refusal({
            message: 'Text may not contain NUL characters (\\u0000)',
            locations: [{ line: token.line, column: token.column }],
            extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [] },
          });
        }
      }
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
    }
  }
  const fields = nulFields(variables);
  if (fields.length) {
    return refusal({
      message: `Text may not contain NUL characters (\\u0000): ${fields.map((f) => f.field).join(', ')}`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
    });
  }
  return undefined;
}

/** The variables (by path, e.g. `input.title`, `ids[2]`) whose text holds a NUL; iterative, as variables may nest deep. */
function nulFields(variables: unknown): FieldProblem[] {
  const found: FieldProblem[] = [];
  const stack: Array<[string, unknown]> = [['', variables]];
  while (stack.length && found.length < 10) {
    const [path, value] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) found.push({ field: path, message: 'contains a NUL character' });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([`${path}[${index}]`, item]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push([path ? `${path}.${key}` : key, item]);
    }
  }
  return found;
}

/** Express middleware running `checkBeforeParsing` on a GraphQL request (POST body, or GET parameters). */
export const preParseGuard =
  (limits: PreParseLimits): RequestHandler =>
  (req, res, next) => {
    const { query, variables } = (req.method === 'GET' ? { query: req.query.query, variables: parsedOrNothing(req.query.variables) } : req.body) ?? {};
    const refused = checkBeforeParsing(query, variables, limits);
    if (refused) return void res.status(400).json(refused);
    next();
  };

function parsedOrNothing(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

const refuse = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Refuses, as the caller's mistake (400), what would otherwise fail inside execution (where the
 * gateway answered 500): an operationName that names no operation, several operations without one,
 * and subscriptions, which no service offers. Records the operation's name for the access log.
 */
export const operationPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      // Called with no operation, too, when none could be chosen (the type says otherwise).
      async didResolveOperation({ operation, request }) {
        if (!operation) {
          const name = request.operationName;
          throw refuse('OPERATION_RESOLUTION_FAILURE', typeof name === 'string' ? `Unknown operation named "${name.slice(0, 100)}"` : 'Name the operation to run (operationName): the query holds several');
        }
        const stats = currentRequestStats();
        if (stats) stats.operationName = operation.name?.value;
        if (operation.operation === 'subscription') throw refuse('BAD_REQUEST', 'Subscriptions are not supported');
      },
    };
  },
};
