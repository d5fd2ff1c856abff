import { registerEnumType } from 'type-graphql';

/** What a person may do in their organisation; carried in the token's `roles` claim. */
export enum Role {
  MEMBER = 'MEMBER',
  COORDINATOR = 'COORDINATOR',
  NATIONAL_COORDINATOR = 'NATIONAL_COORDINATOR',
  ADMINISTRATOR = 'ADMINISTRATOR',
}

registerEnumType(Role, {
  name: 'Role',
  description: "A person's role in their organisation, from the token's `roles` claim.",
  valuesConfig: {
    MEMBER: { description: 'Reads what is shared with the network and with their organisation.' },
    COORDINATOR: { description: "Also creates, changes and deletes their organisation's records." },
    NATIONAL_COORDINATOR: { description: "As COORDINATOR, for a national organisation's records." },
    ADMINISTRATOR: { description: 'Runs the system; reads no private content of other organisations because of this role.' },
  },
});

/** Who is asking: the public (no token), or a person acting for an organisation (an Actor id). */
export type Viewer =
  | { kind: 'public' }
  | { kind: 'member'; subject: string; organisationId: string; roles: Role[] };

export const PUBLIC: Viewer = { kind: 'public' };

/** Roles that may write their organisation's records. */
const WRITER_ROLES = new Set([Role.COORDINATOR, Role.NATIONAL_COORDINATOR]);

export const isWriter = (viewer: Viewer): boolean =>
  viewer.kind === 'member' && viewer.roles.some((role) => WRITER_ROLES.has(role));
