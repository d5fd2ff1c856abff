import { NextFunction, Request, Response, Router } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode, unexpectedError } from './errors';

/** A refusal of a plain HTTP route (an export beside `/graphql`), with its status and a stable error code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const errorBody = (code: string, message: string, fields?: unknown) => ({ errors: [{ message, extensions: fields === undefined ? { code } : { code, fields } }] });

/**
 * The error handler of plain HTTP routes: errors as JSON in the shape GraphQL clients know, never a
 * stack trace. An HttpError keeps its status; a GraphQL error keeps the status it carries (the
 * authenticator's 401 or 503) or, for bad input, is a 400 naming the fields; anything else is 500.
 */
export function jsonErrorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof HttpError) return void res.status(error.status).json(errorBody(error.code, error.message));
  if (error instanceof GraphQLError) {
    const status = (error.extensions.http as { status?: number } | undefined)?.status;
    if (status) return void res.status(status).json(errorBody(String(error.extensions.code), error.message));
    if (error.extensions.code === ErrorCode.BAD_USER_INPUT) return void res.status(400).json(errorBody(ErrorCode.BAD_USER_INPUT, error.message, error.extensions.fields));
  }
  res.status(500).json({ errors: [unexpectedError(error)] });
}

/**
 * A read-only API beside `/graphql` under `prefix` (an export such as HSDS or CAP): bearer tokens and
 * no cookies, so any origin may read, as for /graphql; GET and HEAD only (405 otherwise); the caller
 * verified once per request (`res.locals.viewer`; a refused token is 401, never downgraded to the
 * public); unknown paths 404; errors as JSON in the shape GraphQL clients know, never a stack trace.
 */
export function readOnlyApi(
  prefix: string,
  name: string,
  authenticate: (authorization: string | undefined) => Promise<unknown>,
  routes: (router: Router) => void,
): Router {
  const router = Router();
  router.use(prefix, async (req: Request, res: Response, next: NextFunction) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization', 'Access-Control-Allow-Methods': 'GET' });
    if (req.method === 'OPTIONS') return void res.sendStatus(204);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'BAD_REQUEST', `The ${name} is read-only: use GET`);
    res.locals.viewer = await authenticate(req.headers.authorization);
    next();
  });
  routes(router);
  router.use(prefix, (_req: Request, _res: Response, next: NextFunction) => next(new HttpError(404, ErrorCode.NOT_FOUND, `No such ${name} endpoint`)));
  router.use(prefix, jsonErrorHandler);
  return router;
}
