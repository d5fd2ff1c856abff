import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, EntityManager, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementStatus } from '../agreement/agreement';

/**
 * One change of an agreement's status: from what (null when it was created), to what, when and by
 * which organisation. The change log records which fields changed, not their values; this records
 * the values of the one field whose course people follow (draft → active → ended).
 */
@ObjectType({ description: "A change of an agreement's status: from what, to what, when and by which organisation." })
@Entity('agreement_status_changes')
export class AgreementStatusChange {
  /** Increasing in the order the changes were written: the history's order. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  @Field(() => AgreementStatus, { nullable: true, description: 'The status before; null for the status the agreement was created with.' })
  @Column('text', { name: 'from_status', nullable: true })
  from: AgreementStatus | null;

  @Field(() => AgreementStatus, { description: 'The status after the change.' })
  @Column('text', { name: 'to_status' })
  to: AgreementStatus;

  @Field({ description: 'When the status changed.' })
  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;

  /** The organisation whose coordinator (or whose answer) changed it; `changedBy` in the schema. */
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;
}

/** A status an agreement takes: `from` is null when it is created with it. */
export interface StatusChange {
  agreementId: string;
  from: AgreementStatus | null;
  to: AgreementStatus;
  at: Date;
  organisationId: string;
}

/**
 * THE way a status change is recorded, by every path that sets a status (create, update, renewal,
 * a party's answer that activates, the demo seeds): one row per change, in the caller's
 * transaction; a "change" to the same status is no change and is not recorded.
 */
export async function recordStatusChanges(manager: EntityManager, changes: StatusChange[]): Promise<void> {
  const changed = changes.filter((change) => change.from !== change.to);
  if (!changed.length) return;
  await manager.insert(
    AgreementStatusChange,
    changed.map(({ agreementId, from, to, at, organisationId }) => ({ agreementId, from, to, changedAt: at, organisationId })),
  );
}
