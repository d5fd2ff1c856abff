import { entityStub } from '@samverkan/federation';

/** Entities the actors subgraph owns: agreements refer to them and add `agreements` to them. */
export const Actor = entityStub('Actor');
export type Actor = InstanceType<typeof Actor>;
export const Area = entityStub('Area');
export type Area = InstanceType<typeof Area>;
/** A venue (premises) of the actors registry: what a PREMISES resource lends. */
export const Venue = entityStub('Venue');
export type Venue = InstanceType<typeof Venue>;
