export * from './demo';
export * from './seeding';
export * from './seeded-random';
export * from './generated';
