export * from './live';
export * from './load';
export { ConfigError } from './read';
export type { Kind } from './values';
export { VARIABLES } from './variables';
export type { Reader, Variable } from './variables';
