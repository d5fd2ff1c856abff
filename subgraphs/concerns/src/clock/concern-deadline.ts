import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The points of a concern's 24-hour clock (hours from CONCERN_*_HOURS). */
export enum DeadlineStep {
  REMINDER = 'REMINDER',
  ESCALATE_BACKUPS = 'ESCALATE_BACKUPS',
  ESCALATE_COORDINATOR = 'ESCALATE_COORDINATOR',
  BREACH = 'BREACH',
}

registerEnumType(DeadlineStep, {
  name: 'DeadlineStep',
  description: "A point of a concern's 24-hour clock; each fires only while the guardian has had no first contact.",
  valuesConfig: {
    REMINDER: { description: 'The lead is reminded (CONCERN_REMINDER_HOURS, default 4).' },
    ESCALATE_BACKUPS: { description: "The team's backups are told (CONCERN_ESCALATE_BACKUPS_HOURS, default 12)." },
    ESCALATE_COORDINATOR: { description: "The team's coordinator is told (CONCERN_ESCALATE_COORDINATOR_HOURS, default 20)." },
    BREACH: { description: 'The promise is recorded as broken and the coordinator told (CONCERN_ANSWER_HOURS, default 24).' },
  },
});

/** One point of a concern's clock: a row written with the concern, so no restart can lose it. */
@ObjectType({ description: "A point of a concern's 24-hour clock: when it is due, and whether it fired or was not needed." })
@Entity('concern_deadlines')
export class ConcernDeadline {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'concern_id' })
  concernId: string;

  @Field(() => DeadlineStep, { description: 'Which point.' })
  @Column('text')
  step: DeadlineStep;

  @Field({ description: 'When it is due.' })
  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it fired (its notifications were queued); null while pending or when not needed.' })
  @Column('timestamptz', { name: 'fired_at', nullable: true })
  firedAt: Date | null;

  @Field({ description: 'True when it came due after the guardian had been contacted (or the concern closed), so nothing was sent.' })
  @Column('boolean', { default: false })
  skipped: boolean;
}
