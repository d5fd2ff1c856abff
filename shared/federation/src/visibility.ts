import { ClassType, Ctx, Field, FieldResolver, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Column, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { GraphQLError } from 'graphql';
import { assertSignedIn, ErrorCode, isSignedIn, notFound, VersionedRecord, Viewer } from '@samverkan/platform';
import { answeredBy } from './entities';
import { isWriter } from './roles';

/** Who may see a record; chosen by its owner, private by default. */
export enum Visibility {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
  SHARED = 'SHARED',
  OWNER = 'OWNER',
}

registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'Who may see a record, chosen by the organisation that owns it. New records are OWNER unless the owner chooses otherwise.',
  valuesConfig: {
    PUBLIC: { description: 'Anyone, also without a token (parents, young people, the press).' },
    NETWORK: { description: 'Any authenticated party of the collaboration network.' },
    SHARED: { description: 'The owner and the organisations named in `sharedWith` (e.g. the parties of an agreement).' },
    OWNER: { description: 'Only the owning organisation.' },
  },
});

/** Who owns a record and who may see it. */
export interface Owned {
  ownerId: string;
  visibility: Visibility;
  sharedWith: string[];
}

/** Columns of a record that belongs to one organisation and is shown per the owner's choice. */
@ObjectType()
export abstract class OwnedRecord extends VersionedRecord implements Owned {
  @Column('uuid', { name: 'owner_id' })
  ownerId: string;

  @Field(() => Visibility, { description: 'Who may see this record, as chosen by its owner.' })
  @Column('text', { default: Visibility.OWNER })
  visibility: Visibility;

  @Column('uuid', { name: 'shared_with', array: true, default: () => "'{}'" })
  sharedWith: string[];

  /** The owner's own system's id of the record; exposed, to the owner only, by `externalIdFields`. */
  @Column('text', { name: 'external_id', nullable: true })
  externalId: string | null;
}

/**
 * Who a record is shared with, as stored: actor ids lower-cased (tokens carry them so), each once,
 * without the owner, who sees it anyway.
 */
export const sharedWithOthers = (ids: readonly string[], ownerId: string): string[] =>
  [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => id !== ownerId);

/** Whether the viewer may see a record with these ownership settings. */
export function canSee(record: Owned, viewer: Viewer): boolean {
  if (record.visibility === Visibility.PUBLIC) return true;
  if (!isSignedIn(viewer)) return false;
  if (record.visibility === Visibility.NETWORK || record.ownerId === viewer.organisationId) return true;
  return record.visibility === Visibility.SHARED && record.sharedWith.includes(viewer.organisationId);
}

/** Whether the viewer acts for the organisation that owns the record. */
export const isOwnerMember = (record: Pick<Owned, 'ownerId'>, viewer: Viewer) =>
  isSignedIn(viewer) && viewer.organisationId === record.ownerId;

/**
 * The same rule as `canSee`, as an SQL condition over the record columns of `alias`, with its named
 * parameters: for statements written by hand (e.g. a nested list's bound, `firstPerKeyLoader`).
 */
export function visibleSql(alias: string, viewer: Viewer): [string, ObjectLiteral] {
  if (!isSignedIn(viewer)) return [`${alias}.visibility = 'PUBLIC'`, {}];
  return [
    `(${alias}.visibility IN ('PUBLIC', 'NETWORK') OR ${alias}.owner_id = :viewerOrganisation
      OR (${alias}.visibility = 'SHARED' AND :viewerOrganisation = ANY(${alias}.shared_with)))`,
    { viewerOrganisation: viewer.organisationId },
  ];
}

/** The same rule as `canSee`, as a condition on a query: lists, counts and loaders show only what the viewer may see. */
export function whereVisible<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, viewer: Viewer, alias = query.alias) {
  return query.andWhere(...visibleSql(alias, viewer));
}

export const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });

/** Who may create records: a coordinator, for their own organisation, which becomes the owner. */
export function ownerForNewRecord(viewer: Viewer): string {
  assertSignedIn(viewer, 'create records');
  if (!isWriter(viewer)) throw forbidden('Only coordinators create records for their organisation');
  return viewer.organisationId;
}

/**
 * Who may change or delete a record: coordinators of the owning organisation. A record the viewer
 * may not see is NOT_FOUND, so a refusal never reveals that it exists.
 */
export function assertCanChange(record: Owned & { id: string }, viewer: Viewer, typeName: string): void {
  if (!canSee(record, viewer)) throw notFound(typeName, record.id);
  assertSignedIn(viewer, 'change records');
  if (!isOwnerMember(record, viewer) || !isWriter(viewer)) {
    throw forbidden(`Only coordinators of the organisation that owns this ${typeName} may change it`);
  }
}

/**
 * Adds `owner` and `sharedWith` to an owned entity, as references to `actor` (the subgraph's Actor
 * stub). Who a record is shared with is the owner's business: others get null.
 */
export function ownerFields<T extends Owned>(entity: ClassType<T>, actor: ClassType<{ id: string }>, docs: { owner: string; sharedWith: string }) {
  @Resolver(() => entity)
  class OwnerFieldsResolver {
    @FieldResolver(() => actor, answeredBy('actors', docs.owner))
    owner(@Root() record: T) {
      return { id: record.ownerId };
    }

    @FieldResolver(() => [actor], answeredBy('actors', `${docs.sharedWith} Only for members of the owning organisation; null for others.`))
    sharedWith(@Root() record: T, @Ctx() { viewer }: { viewer: Viewer }) {
      return isOwnerMember(record, viewer) ? record.sharedWith.map((id) => ({ id })) : null;
    }
  }
  return OwnerFieldsResolver;
}
