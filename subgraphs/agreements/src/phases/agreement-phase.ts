import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';

/** The phases of work under an agreement, "from needs analysis to effort" and on to follow-up. */
export enum PhaseKind {
  NEEDS_ANALYSIS = 'NEEDS_ANALYSIS',
  PLANNING = 'PLANNING',
  EFFORT = 'EFFORT',
  FOLLOW_UP = 'FOLLOW_UP',
}

registerEnumType(PhaseKind, {
  name: 'PhaseKind',
  description: 'A phase of the work under an agreement, in the order they usually come.',
  valuesConfig: {
    NEEDS_ANALYSIS: { description: 'Behovsanalys: what the children, young people and parents of the area need, and what exists already.' },
    PLANNING: { description: 'Planering: who does what, with which resources, and how it will be followed up.' },
    EFFORT: { description: 'Insats: the work itself, e.g. activities, meeting places, mentors.' },
    FOLLOW_UP: { description: 'Uppföljning: what came of it, and what to change.' },
  },
});

/** A document that belongs to a phase: kept as a link, never as a copy. */
export interface PhaseDocumentLink {
  title: string;
  url: string;
}

/**
 * One phase of the work under an agreement, with its dates, the organisations that took part (not
 * necessarily parties: e.g. a youth association heard in the needs analysis), its outcomes and its
 * documents as links. Part of the agreement: changing it bumps the agreement's version.
 */
@ObjectType({ description: 'A phase of the work under an agreement (needs analysis, planning, effort, follow-up): dates, who took part, outcomes and documents.' })
@Entity('agreement_phases')
export class AgreementPhase {
  @Field({ description: 'Id of this phase (stable while the agreement keeps it).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  @Field(() => PhaseKind, { description: 'Which phase.' })
  @Column('text')
  kind: PhaseKind;

  @Field(() => String, { nullable: true, description: 'What the phase is for, e.g. as the template suggested it.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day of the phase; null while not planned.' })
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the phase; null while open.' })
  @Column('date', { name: 'ends_on', nullable: true })
  endsOn: string | null;

  /** The organisations that took part (actors registry); exposed as `participants`. */
  @Column('uuid', { name: 'participant_ids', array: true, default: () => "'{}'" })
  participantIds: string[];

  @Field(() => String, { nullable: true, description: 'What came out of the phase, in the parties\' words.' })
  @Column('text', { nullable: true })
  outcomes: string | null;

  /** Links to the phase's documents; exposed as `documents`. */
  @Column('jsonb', { default: () => "'[]'" })
  documents: PhaseDocumentLink[];

  /** The order in which the agreement lists its phases. */
  @Column('int')
  position: number;
}
