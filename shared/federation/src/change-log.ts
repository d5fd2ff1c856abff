import { ClassType, Ctx, Directive, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Column, CreateDateColumn, DataSource, Entity, EntityManager, In, PrimaryGeneratedColumn } from 'typeorm';
import { groupLoader, isSignedIn, Viewer } from '@samverkan/platform';
import { isOwnerMember, Visibility } from './visibility';
import { Audience, currentAudiences, lastAudiences } from './change-feed/feed-types';

export enum ChangeAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}

registerEnumType(ChangeAction, { name: 'ChangeAction', description: 'What a change did to a record.' });

/** One entry of a subgraph's append-only record of who created, changed or deleted what, and when. */
@ObjectType({ description: 'Who created, changed or deleted a record, and when. Shown only to the owning organisation.' })
@Directive('@shareable')
@Entity('change_log')
export class ChangeLogEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  sequence: string;

  @Column('text', { name: 'entity_type' })
  entityType: string;

  @Field(() => ID, { description: 'The record that changed.' })
  @Column('uuid', { name: 'entity_id' })
  entityId: string;

  @Field(() => ChangeAction, { description: 'What the change did.' })
  @Column('text')
  action: ChangeAction;

  @Field(() => ID, { description: 'The organisation (Actor id) the person acted for.' })
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Field({ description: "The person, as the pseudonymous subject of their token (the identity provider's id)." })
  @Column('text')
  subject: string;

  @Field(() => [String], { description: 'The fields the change set (for CREATED: the fields given).' })
  @Column('text', { array: true })
  fields: string[];

  @Field({ description: 'When the change was written.' })
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  // Who could see the record and where it was, right after the change (for a deletion: right
  // before it): what the change feed tells each caller by (feed-types.ts). Not a GraphQL field.
  @Column('text', { nullable: true })
  visibility: Visibility | null;

  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column('uuid', { name: 'shared_with', array: true, nullable: true })
  sharedWith: string[] | null;

  @Column('text', { name: 'area_codes', array: true })
  areaCodes: string[];
}

/** DDL for a subgraph's change log: rows may be added, never changed or removed. */
/** The advisory lock that puts change-log entries in commit order (any number; one per database). */
const CHANGE_LOG_LOCK = 7_214_530_012;

export const CHANGE_LOG_DDL = [
  `CREATE TABLE change_log (
     sequence bigserial PRIMARY KEY,
     entity_type text NOT NULL,
     entity_id uuid NOT NULL,
     action text NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'DELETED')),
     organisation_id uuid NOT NULL,
     subject text NOT NULL,
     fields text[] NOT NULL,
     at timestamptz NOT NULL DEFAULT now()
   )`,
  'CREATE INDEX change_log_entity ON change_log (entity_id, sequence)',
  `CREATE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'change_log is append-only'; END $$`,
  `CREATE TRIGGER change_log_no_update_or_delete BEFORE UPDATE OR DELETE ON change_log
     FOR EACH ROW EXECUTE FUNCTION change_log_append_only()`,
  `CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log
     FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only()`,
];

/**
 * DDL that makes a subgraph's change log its change feed: each entry keeps the record's audience,
 * and entries are numbered in commit order. An insert waits for any other transaction that has
 * appended and not yet committed (a lock held to the end of the transaction), so a reader that
 * sees entry n has seen every entry before it: a cursor never skips an entry that commits late.
 * Writers record their changes last in their transaction, so the wait is short.
 */
export const CHANGE_FEED_DDL = [
  `ALTER TABLE change_log ADD COLUMN visibility text, ADD COLUMN owner_id uuid, ADD COLUMN shared_with uuid[],
     ADD COLUMN area_codes text[] NOT NULL DEFAULT '{}'`,
  `CREATE FUNCTION change_log_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM pg_advisory_xact_lock(${CHANGE_LOG_LOCK}); RETURN NULL; END $$`,
  `CREATE TRIGGER change_log_commit_order BEFORE INSERT ON change_log
     FOR EACH STATEMENT EXECUTE FUNCTION change_log_in_commit_order()`,
  'CREATE INDEX change_log_type ON change_log (entity_type, sequence)',
];

/** Undoes `CHANGE_FEED_DDL`. */
export const CHANGE_FEED_DDL_DOWN = [
  'DROP TRIGGER change_log_commit_order ON change_log',
  'DROP FUNCTION change_log_in_commit_order',
  'DROP INDEX change_log_type',
  'ALTER TABLE change_log DROP COLUMN visibility, DROP COLUMN owner_id, DROP COLUMN shared_with, DROP COLUMN area_codes',
];

/**
 * Gives the change-log entries written before the feed existed the audience their records have now
 * (none is better known); entries of records since deleted are kept to the organisation that wrote
 * them. `audiences` maps entity types to their audience SQL as of the migration (`FeedType`).
 */
export async function backfillAudiences(db: { query(sql: string, parameters?: unknown[]): Promise<unknown> }, audiences: Record<string, string>) {
  await db.query('ALTER TABLE change_log DISABLE TRIGGER change_log_no_update_or_delete');
  for (const [type, sql] of Object.entries(audiences)) {
    const current = `(${sql.replaceAll('$1', '(SELECT array_agg(DISTINCT entity_id) FROM change_log WHERE entity_type = $1)')})`;
    await db.query(
      `UPDATE change_log c SET visibility = a.visibility, owner_id = a.owner_id, shared_with = a.shared_with, area_codes = COALESCE(a.area_codes, '{}')
         FROM ${current} a WHERE c.entity_type = $1 AND c.entity_id = a.id`,
      [type],
    );
    await db.query(
      `UPDATE change_log c SET visibility = 'OWNER', owner_id = organisation_id
        WHERE c.entity_type = $1 AND NOT EXISTS (SELECT 1 FROM ${current} a WHERE a.id = c.entity_id)`,
      [type],
    );
  }
  await db.query('ALTER TABLE change_log ENABLE TRIGGER change_log_no_update_or_delete');
}

/** Appends to the change log, in the same transaction as the change itself. */
export interface Change {
  entityType: string;
  entityId: string;
  action: ChangeAction;
  fields: string[];
}

/**
 * Appends one change, or several in one statement, to the change log, in the change's own
 * transaction, each with its record's audience as it now stands. Call it after the change's writes
 * (appends wait for each other until commit, CHANGE_FEED_DDL), except for a deletion: record it just
 * before deleting, so the record's audience is still there to keep.
 */
export async function recordChange(manager: EntityManager, viewer: Viewer, change: Change | Change[]): Promise<void> {
  if (!isSignedIn(viewer)) throw new Error('changes are made by signed-in people only');
  const changes = Array.isArray(change) ? change : [change];
  if (!changes.length) return;
  const audiences = new Map<string, Audience>();
  for (const type of new Set(changes.map((c) => c.entityType))) {
    const ids = changes.filter((c) => c.entityType === type).map((c) => c.entityId);
    for (const [id, audience] of await currentAudiences(manager, type, ids)) audiences.set(id, audience);
  }
  const gone = changes.filter((c) => !audiences.has(c.entityId)).map((c) => c.entityId);
  for (const [id, audience] of await lastAudiences(manager, gone)) audiences.set(id, audience);
  // A record deleted before its deletion was recorded, never logged before: only its writer's organisation saw it, as far as we know.
  const unknown: Audience = { visibility: Visibility.OWNER, ownerId: viewer.organisationId, sharedWith: [], areaCodes: [] };
  await manager.insert(
    ChangeLogEntry,
    changes.map((c) => ({ ...c, organisationId: viewer.organisationId, subject: viewer.subject, ...(audiences.get(c.entityId) ?? unknown) })),
  );
}

/** The fields of an input that were given (also those set to null). */
export const givenFields = (input: object): string[] => Object.keys(input).filter((key) => (input as Record<string, unknown>)[key] !== undefined);

/** Per-request loader of each record's change log, oldest first. */
export const changeLogLoader = (dataSource: DataSource) =>
  groupLoader<string, ChangeLogEntry>(async (ids) =>
    (await dataSource.getRepository(ChangeLogEntry).find({ where: { entityId: In(ids) }, order: { sequence: 'ASC' } })).map((e) => [
      e.entityId,
      e,
    ]),
  );

/**
 * Adds `changeLog` to an owned entity: its history, for those `mayRead` allows (by default members
 * of the owning organisation), null for everyone else. The loaders must include `changeLog: changeLogLoader(...)`.
 */
export function changeLogField<T extends { id: string; ownerId: string }>(
  entity: ClassType<T>,
  mayRead: (record: T, viewer: Viewer) => boolean = isOwnerMember,
) {
  @Resolver(() => entity)
  class ChangeLogResolver {
    @FieldResolver(() => [ChangeLogEntry], {
      nullable: true,
      description: 'Who created and changed this record, and when, oldest first. Only for those who maintain it; null for others.',
    })
    changeLog(@Root() record: T, @Ctx() { viewer, loaders }: { viewer: Viewer; loaders: { changeLog: ReturnType<typeof changeLogLoader> } }) {
      return mayRead(record, viewer) ? loaders.changeLog.load(record.id) : null;
    }
  }
  return ChangeLogResolver;
}
