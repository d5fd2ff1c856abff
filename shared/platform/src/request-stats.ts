import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request counters, carried by AsyncLocalStorage so that the database logger can count the
 * SQL statements of the request that caused them without the request being passed down.
 */
export interface RequestStats {
  sqlStatements: number;
}

const storage = new AsyncLocalStorage<RequestStats>();

export const runWithRequestStats = <T>(fn: () => T): T => storage.run({ sqlStatements: 0 }, fn);
export const currentRequestStats = (): RequestStats | undefined => storage.getStore();
