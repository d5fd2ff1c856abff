export * from './server';
export * from './supergraph';
