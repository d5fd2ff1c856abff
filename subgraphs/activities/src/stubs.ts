import { entityStub } from '@samverkan/federation';

/** Entities other subgraphs own: activities refer to them (and add `activities` to actors, areas and agreements). */
export const Actor = entityStub('Actor');
export type Actor = InstanceType<typeof Actor>;
export const Area = entityStub('Area');
export type Area = InstanceType<typeof Area>;
export const Agreement = entityStub('Agreement');
export type Agreement = InstanceType<typeof Agreement>;
export const Venue = entityStub('Venue');
export type Venue = InstanceType<typeof Venue>;
