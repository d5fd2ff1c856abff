/**
 * The platform without its database and schema-building parts (typeorm, pg, type-graphql,
 * class-validator, @apollo/subgraph): configuration, auth, errors, limits, HTTP serving, logs and
 * metrics. What the gateway and the cross-service lookups load, so that the gateway's process holds
 * none of the subgraphs' libraries (some 30 MB resident and 12 MB of heap); `index` has everything.
 */
export * from './auth/token-cache';
export * from './auth/tokens';
export * from './auth/viewer';
export * from './config';
export * from './errors';
export * from './hardening';
export * from './http';
export * from './http-status';
export * from './ids';
export * from './log';
export * from './observability/metrics';
export * from './observability/readiness';
export { stopTracing } from './observability/tracing';
export * from './request-guard';
export * from './request-stats';
export * from './services';
