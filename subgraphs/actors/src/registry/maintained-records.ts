import { EntityManager, EntityTarget } from 'typeorm';
import { assertSignedIn, badInput, isSignedIn, isUuid, Locked, lockForUpdate, VersionedRecord, Viewer } from '@samverkan/platform';
import { ChangeLogEntry, forbidden, isWriter } from '@samverkan/federation';
import { Actor } from './actor';
import { ActorsLoaders } from '../loaders';
import { assertNotArchived } from './archiving';

/**
 * Records an actor keeps in the registry besides its entry (venues, contact functions): they are
 * public, and are maintained by the same people as the actor's entry (see `assertMayMaintain`).
 */
export interface ActorRecord {
  id: string;
  actorId: string;
}

/** Whether the viewer acts for the actor or for the organisation that maintains its entry. */
export const isMaintainerMember = (actor: Pick<Actor, 'id' | 'ownerId'>, viewer: Viewer) =>
  isSignedIn(viewer) && [actor.id, actor.ownerId].includes(viewer.organisationId);

/**
 * Whether the viewer acts for the organisation that maintains an actor's record (the actor's owner,
 * the scope of the record's `externalId`).
 */
export async function isRecordMaintainer(record: ActorRecord, viewer: Viewer, loaders: Pick<ActorsLoaders, 'actor'>): Promise<boolean> {
  if (!isSignedIn(viewer)) return false;
  return (await loaders.actor.load(record.actorId))?.ownerId === viewer.organisationId;
}

/**
 * An actor's entry and records are maintained by coordinators of the actor or of its owner, and not
 * while it is archived; the registry is public, so no refusal hides anything.
 */
export function assertMayMaintain(actor: Pick<Actor, 'id' | 'ownerId' | 'archivedAt'>, viewer: Viewer): void {
  assertSignedIn(viewer, 'change the actors registry');
  if (!isWriter(viewer) || !isMaintainerMember(actor, viewer)) {
    throw forbidden('Only coordinators of the actor, or of the organisation that maintains its entry, may change it');
  }
  assertNotArchived(actor);
}

/** The change log of an actor's record, for members of the actor or of the organisation maintaining it; null for others. */
export async function maintainersChangeLog(
  record: ActorRecord,
  viewer: Viewer,
  loaders: Pick<ActorsLoaders, 'actor' | 'changeLog'>,
): Promise<ChangeLogEntry[] | null> {
  if (!isSignedIn(viewer)) return null;
  const actor = await loaders.actor.load(record.actorId);
  return actor && isMaintainerMember(actor, viewer) ? loaders.changeLog.load(record.id) : null;
}

/**
 * The actor a new record is for, once the viewer may maintain it: the public is UNAUTHENTICATED,
 * an unknown actor BAD_USER_INPUT, anyone but its coordinators FORBIDDEN.
 */
export async function actorToMaintain(manager: EntityManager, actorId: string, viewer: Viewer): Promise<Actor> {
  assertSignedIn(viewer, 'change the actors registry'); // before the lookup: the public learns nothing
  const actor = isUuid(actorId) ? await manager.findOneBy(Actor, { id: actorId }) : null;
  if (!actor) throw badInput(`Unknown actor ${actorId}`, [{ field: 'actorId', message: 'unknown actor' }]);
  assertMayMaintain(actor, viewer);
  return actor;
}

/**
 * Locks an actor's record for a change by someone who may maintain the actor, at the version the
 * caller read (unknown id → NOT_FOUND, not a maintainer → FORBIDDEN, stale → VERSION_CONFLICT).
 */
export async function lockActorRecord<T extends VersionedRecord & ActorRecord>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  table: string,
  typeName: string,
  id: string,
  version: number,
  viewer: Viewer,
): Promise<Locked<T>> {
  assertSignedIn(viewer, 'change the actors registry');
  // The record's actor never changes, so it can be read before the record is locked.
  const [actor] = isUuid(id)
    ? await manager.query(
        `SELECT a.id, a.owner_id AS "ownerId", a.archived_at AS "archivedAt" FROM actors a JOIN ${table} r ON r.actor_id = a.id WHERE r.id = $1`,
        [id],
      )
    : [];
  return lockForUpdate(manager, entity, typeName, id, version, () => assertMayMaintain(actor, viewer));
}
