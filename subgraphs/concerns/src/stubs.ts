import { entityStub } from '@samverkan/federation';

/** Entities the actors subgraph owns: teams and concerns refer to them. */
export const Actor = entityStub('Actor');
export type Actor = InstanceType<typeof Actor>;
export const Area = entityStub('Area');
export type Area = InstanceType<typeof Area>;
export const ContactFunction = entityStub('ContactFunction');
export type ContactFunction = InstanceType<typeof ContactFunction>;
