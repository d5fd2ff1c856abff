import { ClassType, Ctx, Directive, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Column, CreateDateColumn, DataSource, Entity, EntityManager, In, PrimaryGeneratedColumn } from 'typeorm';
import { groupLoader, isSignedIn, Viewer } from '@samverkan/platform';
import { isOwnerMember } from './visibility';

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
}

/** DDL for a subgraph's change log: rows may be added, never changed or removed. */
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

/** Appends to the change log, in the same transaction as the change itself. */
export interface Change {
  entityType: string;
  entityId: string;
  action: ChangeAction;
  fields: string[];
}

/** Appends one change, or several in one statement, to the change log, in the change's own transaction. */
export async function recordChange(manager: EntityManager, viewer: Viewer, change: Change | Change[]): Promise<void> {
  if (!isSignedIn(viewer)) throw new Error('changes are made by signed-in people only');
  const entries = (Array.isArray(change) ? change : [change]).map((c) => ({ ...c, organisationId: viewer.organisationId, subject: viewer.subject }));
  if (entries.length) await manager.insert(ChangeLogEntry, entries);
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
