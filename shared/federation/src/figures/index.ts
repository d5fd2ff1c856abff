export * from './count';
export * from './disclosure';
export * from './entity';
export * from './months';
export * from './cache';
