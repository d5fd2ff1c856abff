import { entityStub } from '@samverkan/federation';

/** Entities other subgraphs own: activities refer to them (and add `activities` to actors, areas, agreements and commitments). */
export const Actor = entityStub('Actor');
export type Actor = InstanceType<typeof Actor>;
export const Area = entityStub('Area');
export type Area = InstanceType<typeof Area>;
export const Agreement = entityStub('Agreement');
export type Agreement = InstanceType<typeof Agreement>;
export const Commitment = entityStub('Commitment');
export type Commitment = InstanceType<typeof Commitment>;
export const Venue = entityStub('Venue');
export type Venue = InstanceType<typeof Venue>;
