import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What remains of a concern deleted after its retention period: no content, only what keeps the
 * figures and the audit chain whole (docs/dpia-concerns.md §5).
 */
@Entity('concern_tombstones')
export class ConcernTombstone {
  /** The deleted concern's id: the audit log's entries about it still name it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'area_code' })
  areaCode: string;

  /** The Swedish calendar month it was registered in, 'YYYY-MM'. */
  @Column('text', { name: 'registered_month' })
  registeredMonth: string;

  @Column('text', { name: 'receiving_actor_kind' })
  receivingActorKind: string;

  /** Minutes from registration to first contact; null when there was none. */
  @Column('integer', { name: 'minutes_to_first_contact', nullable: true })
  minutesToFirstContact: number | null;

  @Column('timestamptz', { name: 'closed_at' })
  closedAt: Date;

  @Column('timestamptz', { name: 'deleted_at' })
  deletedAt: Date;
}
