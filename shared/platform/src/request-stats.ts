import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What is known of the request being served, carried by AsyncLocalStorage so that the logger and
 * the database logger reach it without the request being passed down: its id, which every log line
 * carries, and its counters.
 */
export interface RequestStats {
  requestId: string;
  /** The GraphQL operation's name, once resolved, for the access log. */
  operationName?: string;
  sqlStatements: number;
}

const storage = new AsyncLocalStorage<RequestStats>();

export const runWithRequestStats = <T>(requestId: string, fn: () => T): T => storage.run({ requestId, sqlStatements: 0 }, fn);
export const currentRequestStats = (): RequestStats | undefined => storage.getStore();
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;
