import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TeamRole } from '../teams/team-vocabulary';

/** Why a team line is notified. */
export enum NotificationKind {
  ACTIVATED = 'ACTIVATED',
  REMINDER = 'REMINDER',
  ESCALATION = 'ESCALATION',
  BREACH = 'BREACH',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'Why a team line was notified. A notification never carries the concern\'s content: only that a concern awaits action in the system.',
  valuesConfig: {
    ACTIVATED: { description: 'A concern was registered in the team\'s area: the team is activated.' },
    REMINDER: { description: 'The lead is reminded that the guardian has not been contacted.' },
    ESCALATION: { description: 'Backups or the coordinator are told that the guardian has not been contacted.' },
    BREACH: { description: 'The 24 hours ran out without a first contact.' },
  },
});

/** A notification to one team line, queued in the concern's database and sent by the configured sender (an outbox). */
@ObjectType({ description: 'A notification to one line of the activated team: queued when due, then sent; never with the concern\'s content.' })
@Entity('concern_notifications')
export class ConcernNotification {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'concern_id' })
  concernId: string;

  /** The clock point that made it; null for ACTIVATED. */
  @Column('uuid', { name: 'deadline_id', nullable: true })
  deadlineId: string | null;

  @Field(() => NotificationKind, { description: 'Why it was sent.' })
  @Column('text')
  kind: NotificationKind;

  /** Exposed as `contactFunction`. */
  @Column('uuid', { name: 'contact_function_id' })
  contactFunctionId: string;

  /** Exposed as `actor`. */
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Field(() => TeamRole, { description: 'The role of the line it went to.' })
  @Column('text')
  role: TeamRole;

  @Field({ description: 'When it was queued (the clock point\'s due time, or the registration).' })
  @Column('timestamptz', { name: 'queued_at' })
  queuedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the sender took it; null while it waits (a sender that fails is tried again).' })
  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** Sending attempts so far (a failing sender is tried again with back-off). */
  @Column('integer', { default: 0 })
  attempts: number;
}
