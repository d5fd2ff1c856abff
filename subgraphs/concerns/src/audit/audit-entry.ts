import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One entry of the concerns' audit log: who read or changed which concern, when. Append-only (a
 * trigger refuses UPDATE and DELETE) and hash-chained: each entry's hash covers the previous one's,
 * so an altered or removed entry breaks the chain at that entry (audit-log.ts, verify command).
 */
@Entity('concern_audit')
export class AuditEntry {
  /** Position in the chain, from 1, without gaps. */
  @PrimaryColumn('bigint', { transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  seq: number;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { name: 'concern_id' })
  concernId: string;

  @Column('text')
  action: string;

  /** The organisation (actor id) that read or changed; null for the system (the clock, retention). */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  /** The token's subject (pseudonymous for the person); null for the system. */
  @Column('text', { nullable: true })
  subject: string | null;

  @Column('text', { name: 'prev_hash' })
  prevHash: string;

  @Column('text')
  hash: string;
}
