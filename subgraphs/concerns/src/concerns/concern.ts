import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ActorKind, ENTITIES } from '@samverkan/federation';
import { VersionedRecord } from '@samverkan/platform';
import { TeamFunction } from '../teams/team-vocabulary';
import { AnswerChannel, ConcernOutcome, ConcernStatus, LegalBasis } from './concern-vocabulary';

/**
 * A guardian's concern about a child: the only individual-level record of the federation. The child
 * is an age and a random reference; the guardian's contact details are ciphertext under a key the
 * database never holds. Who reads it is `concern-access.ts`'s to say, and every read is audited.
 */
@ObjectType({ description: ENTITIES.Concern.description })
@Directive('@key(fields: "id")')
@Entity('concerns')
export class Concern extends VersionedRecord {
  /** Code of the area whose team the concern was routed to; exposed as `area`. */
  @Column('text', { name: 'area_code' })
  areaCode: string;

  /** The intervention team activated at registration; exposed as `team`. */
  @Column('uuid', { name: 'team_id' })
  teamId: string;

  /** The organisation the guardian turned to, which registered the concern; exposed as `receivingOrganisation`. */
  @Column('uuid', { name: 'receiving_actor_id' })
  receivingActorId: string;

  /** Its kind, as the registry said at registration: decides what a withdrawal of consent leaves it. */
  @Column('text', { name: 'receiving_actor_kind' })
  receivingActorKind: ActorKind;

  @Field({ description: 'When the concern was registered: the 24 hours run from here.' })
  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  @Field(() => Int, { description: "The child's age in years; no name, no date of birth, no personal identity number." })
  @Column('integer', { name: 'child_age' })
  childAge: number;

  @Field({
    description:
      'A random reference for the child, made for this concern alone and never reused: how the team speaks of the case. Only the team, which meets the family, can tie it to a person.',
  })
  @Column('text', { name: 'child_reference' })
  childReference: string;

  @Field({ description: "What worries the guardian, in their words as recorded. Free text without personal identity numbers." })
  @Column('text')
  worry: string;

  @Field(() => AnswerChannel, { description: 'How the guardian wants to be answered.' })
  @Column('text', { name: 'answer_channel' })
  answerChannel: AnswerChannel;

  @Field(() => String, { nullable: true, description: 'When and how the guardian prefers to be reached, e.g. "after 16, not at work".' })
  @Column('text', { name: 'answer_preference', nullable: true })
  answerPreference: string | null;

  /** The guardian's contact details, encrypted (contact-details.ts); exposed decrypted as `guardianContact`. */
  @Column('text', { name: 'contact_ciphertext' })
  contactCiphertext: string;

  @Field(() => LegalBasis, { description: 'The legal basis of the processing, as the receiving organisation stated it.' })
  @Column('text', { name: 'legal_basis' })
  legalBasis: LegalBasis;

  @Field({ description: 'The purpose of the processing, as the receiving organisation stated it, e.g. "stöd till familjen genom insatsteamet".' })
  @Column('text')
  purpose: string;

  /** The guardian's consent (exposed together as `consent`). */
  @Column('boolean', { name: 'consent_given' })
  consentGiven: boolean;

  @Column('text', { name: 'consent_functions', array: true, default: () => "'{}'" })
  consentFunctions: TeamFunction[];

  @Column('text', { name: 'consent_purpose', nullable: true })
  consentPurpose: string | null;

  @Column('timestamptz', { name: 'consent_given_at', nullable: true })
  consentGivenAt: Date | null;

  @Column('uuid', { name: 'consent_recorded_by' })
  consentRecordedBy: string;

  @Column('timestamptz', { name: 'consent_recorded_at' })
  consentRecordedAt: Date;

  @Column('timestamptz', { name: 'consent_withdrawn_at', nullable: true })
  consentWithdrawnAt: Date | null;

  @Column('uuid', { name: 'consent_withdrawn_by', nullable: true })
  consentWithdrawnBy: string | null;

  @Field(() => ConcernStatus, { description: 'Where the concern is.' })
  @Column('text')
  status: ConcernStatus;

  @Field(() => Date, { nullable: true, description: "When the team's lead acknowledged the concern." })
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  /** The organisation that acknowledged it (the lead's); exposed as `acknowledgedBy`. */
  @Column('uuid', { name: 'acknowledged_by', nullable: true })
  acknowledgedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When a team member first contacted the guardian (the time of the contact, not of its recording).' })
  @Column('timestamptz', { name: 'first_contact_at', nullable: true })
  firstContactAt: Date | null;

  /** The organisation that made the first contact; exposed as `firstContactBy`. */
  @Column('uuid', { name: 'first_contact_by', nullable: true })
  firstContactBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When the promise was recorded as broken: no first contact within CONCERN_ANSWER_HOURS (default 24) of registration.' })
  @Column('timestamptz', { name: 'breached_at', nullable: true })
  breachedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the concern was closed, the guardian informed.' })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Field(() => ConcernOutcome, { nullable: true, description: 'What came of the concern, given when it is closed.' })
  @Column('text', { nullable: true })
  outcome: ConcernOutcome | null;

  @Field(() => String, { nullable: true, description: 'A note on the outcome, without personal data.' })
  @Column('text', { name: 'outcome_note', nullable: true })
  outcomeNote: string | null;
}
