import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, formatError, formatSubgraphError } from '../src';

/** A statement refused by PostgreSQL with `sqlstate`, as typeorm throws it from a resolver (which gives it a path). */
const refused = (sqlstate: string) =>
  new GraphQLError('resolver failed', { path: ['createActor'], originalError: new QueryFailedError('INSERT INTO actors (name) VALUES ($1)', ['x'], Object.assign(new Error('value too long'), { code: sqlstate })) });

describe("a subgraph's resolver errors", () => {
  it('answers a statement refused for its input as BAD_USER_INPUT with a plain message, never the SQL', () => {
    const error = refused('22001');
    const formatted = formatSubgraphError({ message: error.message }, error);
    expect(formatted).toMatchObject({ message: 'A value is longer than allowed', extensions: { code: ErrorCode.BAD_USER_INPUT } });
    expect(JSON.stringify(formatted)).not.toMatch(/INSERT|actors/);
  });

  it('leaves any other statement failure, and every error at the gateway, to formatError: an internal error', () => {
    const error = refused('XX000');
    expect(formatSubgraphError({ message: error.message }, error).extensions?.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    // The gateway's formatError knows no typeorm error: a refused statement never reaches it as one.
    expect(formatError({ message: refused('22001').message }, refused('22001')).extensions?.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
  });
});
