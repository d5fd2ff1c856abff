import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ConcernActionKind, ConcernOutcome } from './concern-vocabulary';

/** One entry of a concern's follow-up log: append-only, part of the concern (a new entry is a new version of it). */
@ObjectType({ description: "One entry of a concern's follow-up log, oldest first; entries are never changed." })
@Entity('concern_actions')
export class ConcernAction {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'concern_id' })
  concernId: string;

  @Field(() => ConcernActionKind, { description: 'What the entry records.' })
  @Column('text')
  kind: ConcernActionKind;

  @Field(() => ConcernOutcome, { nullable: true, description: 'For ACTION and CLOSED: which action, or the outcome.' })
  @Column('text', { nullable: true })
  outcome: ConcernOutcome | null;

  @Field(() => String, { nullable: true, description: 'A note, without personal data.' })
  @Column('text', { nullable: true })
  note: string | null;

  @Field({ description: 'When it happened (for FIRST_CONTACT: the time of the contact).' })
  @Column('timestamptz')
  at: Date;

  /** The organisation that recorded it; exposed as `recordedBy`. */
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Field({ description: 'When it was recorded.' })
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
