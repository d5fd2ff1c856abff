import { NextFunction, Request, Response } from 'express';
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
