import { ActorKind, actorKinds, forbidden, hasRole, Role } from '@samverkan/federation';
import { assertSignedIn, Viewer } from '@samverkan/platform';

/**
 * Who publishes agreement templates ("national guidelines and tools for local collaboration"):
 * national coordinators, and coordinators of a municipality (its kind as the actors registry
 * knows it, cached). Anyone else is FORBIDDEN to create, change or delete templates.
 */
export async function assertMayPublishTemplates(viewer: Viewer): Promise<void> {
  assertSignedIn(viewer, 'publish agreement templates');
  if (hasRole(viewer, Role.NATIONAL_COORDINATOR)) return;
  if (hasRole(viewer, Role.COORDINATOR)) {
    const kind = (await actorKinds([viewer.organisationId])).get(viewer.organisationId.toLowerCase());
    if (kind === ActorKind.MUNICIPALITY) return;
  }
  throw forbidden('Agreement templates are published by national coordinators and by coordinators of a municipality');
}
