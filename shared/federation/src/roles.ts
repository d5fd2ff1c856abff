import { registerEnumType } from 'type-graphql';
import { isSignedIn, Viewer } from '@samverkan/platform';

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
    ADMINISTRATOR: {
      description:
        "Runs the system: registers organisations, archives and restores actors, and manages districts and named areas; nothing else: reads no private content and changes no other organisation's records because of this role.",
    },
  },
});

/** Whether the viewer holds one of these roles. */
export const hasRole = (viewer: Viewer, ...roles: Role[]): boolean =>
  isSignedIn(viewer) && viewer.roles.some((role) => (roles as string[]).includes(role));

/** Roles that may write their organisation's records. */
export const isWriter = (viewer: Viewer): boolean => hasRole(viewer, Role.COORDINATOR, Role.NATIONAL_COORDINATOR);
