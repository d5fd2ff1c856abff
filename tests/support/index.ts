export * from './auth';
export * from './database';
export * from './federation';
export * from './graphql';
export * from './organisation-numbers';
export * from './subgraph';
export * from '@samverkan/dev';
export * from './compose-interpolation';
