export * from './demo';
export * from './seeding';
