export * from './compose';
export * from './config-docs';
export * from './embedded-postgres';
export * from './local-issuer';
export * from './processes';
export * from './embedded-postgres-access';
export * from './supervisor';
export * from './examples';
