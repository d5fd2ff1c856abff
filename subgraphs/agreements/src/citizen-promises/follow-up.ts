import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ID_DESCRIPTION } from '@samverkan/platform';

/** Where a commitment stands, as a follow-up report says. */
export enum CommitmentStatus {
  NOT_STARTED = 'NOT_STARTED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  ACHIEVED = 'ACHIEVED',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
}

registerEnumType(CommitmentStatus, {
  name: 'CommitmentStatus',
  description: 'Where a commitment of a citizen promise stands, as a follow-up report says.',
  valuesConfig: {
    NOT_STARTED: { description: 'The work for the commitment has not begun.' },
    ON_TRACK: { description: 'Under way, and the target looks within reach.' },
    AT_RISK: { description: 'Under way, but the target may not be reached without a change.' },
    ACHIEVED: { description: 'The target is reached.' },
    NOT_ACHIEVED: { description: 'The period is over and the target was not reached.' },
  },
});

/**
 * A follow-up report on one commitment: append-only, so a commitment's reports are its series over
 * time. A correction is a new report; none is ever changed or removed.
 */
@ObjectType({
  description:
    'A follow-up report on a commitment of a citizen promise: where it stands, the indicator\'s value and a comment, as reported by an organisation on a day. Reports are never changed: a correction is a new report, so the reports are the commitment\'s series over time.',
})
@Entity('commitment_follow_ups')
export class CommitmentFollowUp {
  @Field(() => ID, { description: ID_DESCRIPTION })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'commitment_id' })
  commitmentId: string;

  @Field(() => GraphQLLocalDate, { description: 'The day the report was made (never in the future).' })
  @Column('date', { name: 'reported_on' })
  reportedOn: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day of the period the report covers; null when not stated.' })
  @Column('date', { name: 'period_from', nullable: true })
  periodFrom: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the period the report covers (not before `periodFrom`); null when not stated.' })
  @Column('date', { name: 'period_to', nullable: true })
  periodTo: string | null;

  @Field(() => CommitmentStatus, { description: 'Where the commitment stands according to this report.' })
  @Column('text')
  status: CommitmentStatus;

  @Field(() => Float, { nullable: true, description: 'The indicator\'s value at the time of the report, in the commitment\'s `unit`; null when not measured.' })
  @Column('double precision', { name: 'indicator_value', nullable: true })
  indicatorValue: number | null;

  @Field(() => String, { nullable: true, description: 'What was done and what the reporters see, at group level: no personal data.' })
  @Column('text', { nullable: true })
  comment: string | null;

  @Column('uuid', { name: 'reported_by_id' })
  reportedById: string;

  @Field({ description: 'When the report was recorded.' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
