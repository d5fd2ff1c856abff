import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ID_DESCRIPTION } from '@samverkan/platform';

/** How young people were heard in a consultation behind a citizen promise. */
export enum ConsultationMethod {
  DIALOGUE_MEETING = 'DIALOGUE_MEETING',
  SCHOOL_VISIT = 'SCHOOL_VISIT',
  SURVEY = 'SURVEY',
  SAFETY_WALK = 'SAFETY_WALK',
  YOUTH_COUNCIL = 'YOUTH_COUNCIL',
  DIGITAL = 'DIGITAL',
  OTHER = 'OTHER',
}

registerEnumType(ConsultationMethod, {
  name: 'ConsultationMethod',
  description: 'How residents, and young people in particular, were heard in a consultation (medborgardialog) behind a citizen promise.',
  valuesConfig: {
    DIALOGUE_MEETING: { description: 'A dialogue meeting, e.g. at a youth centre or a library.' },
    SCHOOL_VISIT: { description: 'Conversations with pupils during a visit to a school.' },
    SURVEY: { description: 'A survey (trygghetsenkät), on paper or online.' },
    SAFETY_WALK: { description: 'A safety walk (trygghetsvandring) with residents through the area.' },
    YOUTH_COUNCIL: { description: 'A meeting with a youth council or other body of young people.' },
    DIGITAL: { description: 'A digital dialogue, e.g. in a chat or on social media.' },
    OTHER: { description: 'Another way; the summary says which.' },
  },
});

/** At most this many themes per consultation. */
export const MAX_THEMES = 20;

/**
 * A consultation behind a citizen promise: when and where residents were heard, how, how many took
 * part and what they raised. Counts and themes only: no personal data.
 */
@ObjectType({
  description:
    'A consultation (medborgardialog) behind a citizen promise: when and where residents were heard, how young people were heard, how many took part (and how many of them young), and the themes raised. Counts and themes only: it holds no personal data, and text that looks like it contains a personal identity number is refused.',
})
@Entity('promise_consultations')
export class PromiseConsultation {
  @Field(() => ID, { description: ID_DESCRIPTION })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  @Field(() => GraphQLLocalDate, { description: 'The day the consultation was held.' })
  @Column('date', { name: 'held_on' })
  heldOn: string;

  @Column('text', { name: 'area_code' })
  areaCode: string;

  @Field(() => ConsultationMethod, { description: 'How young people were heard.' })
  @Column('text')
  method: ConsultationMethod;

  @Field(() => Int, { description: 'How many took part, of every age.' })
  @Column('int')
  participants: number;

  @Field(() => Int, { description: 'How many of the participants were young (children and young people); never more than `participants`.' })
  @Column('int', { name: 'young_participants' })
  youngParticipants: number;

  @Field(() => Int, { nullable: true, description: 'The age of the youngest young participants, in years; null when not recorded.' })
  @Column('int', { name: 'young_age_min', nullable: true })
  youngAgeMin: number | null;

  @Field(() => Int, { nullable: true, description: 'The age of the oldest young participants, in years (not below `youngAgeMin`); null when not recorded.' })
  @Column('int', { name: 'young_age_max', nullable: true })
  youngAgeMax: number | null;

  @Field(() => [String], { description: `The themes raised, in short texts, in the order recorded (at most ${MAX_THEMES}).` })
  @Column('text', { array: true })
  themes: string[];

  @Field(() => String, { nullable: true, description: 'What came out of the consultation, at group level: no personal data.' })
  @Column('text', { nullable: true })
  summary: string | null;

  @Field({ description: 'When the consultation was recorded.' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field({ description: 'When the record of the consultation was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
