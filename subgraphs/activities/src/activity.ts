import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { OwnedRecord, TargetGroup, Visibility } from '@samverkan/federation';
import { AccessibilityFeature, NpfAdaptation, SignUpMethod } from './details/details.types';

export enum ActivityKind {
  MBU_MEETING = 'MBU_MEETING',
  SAFETY_WALK = 'SAFETY_WALK',
  SPORT = 'SPORT',
  LEISURE = 'LEISURE',
  CULTURE = 'CULTURE',
  OPEN_MEETING_PLACE = 'OPEN_MEETING_PLACE',
  PARENT_SUPPORT = 'PARENT_SUPPORT',
  HOMEWORK_HELP = 'HOMEWORK_HELP',
  SAFETY_HOSTS = 'SAFETY_HOSTS',
  CRISIS_SUPPORT = 'CRISIS_SUPPORT',
  DIALOGUE_MEETING = 'DIALOGUE_MEETING',
  OUTREACH = 'OUTREACH',
  EXIT_PROGRAMME = 'EXIT_PROGRAMME',
  SUMMER_JOBS = 'SUMMER_JOBS',
  OTHER = 'OTHER',
}

registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'What kind of activity this is, in the terms the parties use for their work.',
  valuesConfig: {
    MBU_MEETING: {
      description:
        'Människan bakom uniformen (MBU): meetings where young people get to know police officers as people, to build trust.',
    },
    SAFETY_WALK: {
      description: 'Trygghetsvandring: residents walk their area with the police, the municipality and others to spot what feels unsafe.',
    },
    SPORT: { description: 'Sport: training, matches, tournaments, e.g. a football tournament.' },
    LEISURE: { description: 'Leisure: youth clubs, excursions and other free-time activities (fritid).' },
    CULTURE: { description: 'Culture: music, theatre, art, libraries and similar.' },
    OPEN_MEETING_PLACE: { description: 'An open meeting place (öppen mötesplats) anyone in the target group can drop in to.' },
    PARENT_SUPPORT: { description: 'Support for parents (föräldrastöd), e.g. parent groups, Mamma United Trygg.' },
    HOMEWORK_HELP: { description: 'Homework help (läxhjälp) for school children.' },
    SAFETY_HOSTS: { description: 'Trygghetsvärdar: safety hosts present in public places, e.g. SAFE in Stockholm.' },
    CRISIS_SUPPORT: {
      description: 'Crisis support after a serious event, e.g. a POSOM group (psychological and social care in crises).',
    },
    DIALOGUE_MEETING: { description: 'A dialogue meeting (dialogmöte) between residents, young people and authorities.' },
    OUTREACH: { description: 'Outreach work (uppsökande verksamhet, fältarbete) where young people are.' },
    EXIT_PROGRAMME: { description: 'Avhopparverksamhet: support for people who want to leave criminal networks.' },
    SUMMER_JOBS: { description: 'Summer or holiday jobs (sommarjobb, feriejobb) for young people.' },
    OTHER: { description: 'Anything else; say what in the title and public description.' },
  },
});

export enum PolicePurpose {
  RELATIONSHIP_BUILDING = 'RELATIONSHIP_BUILDING',
  SAFETY = 'SAFETY',
  DIALOGUE = 'DIALOGUE',
  KNOWLEDGE_SHARING = 'KNOWLEDGE_SHARING',
  CRISIS_SUPPORT = 'CRISIS_SUPPORT',
}

registerEnumType(PolicePurpose, {
  name: 'PolicePurpose',
  description:
    'Why the police take part in an activity. "Inviting the police to a football tournament to build relationships with the participants is one thing; inviting them to ensure safety is another." Making the purpose explicit lets organisers explain it to participants.',
  valuesConfig: {
    RELATIONSHIP_BUILDING: {
      description: 'To build relationships and trust: officers take part as people ("the person behind the uniform"), not to keep order.',
    },
    SAFETY: { description: 'To ensure safety and order at the activity, or to assess risks.' },
    DIALOGUE: { description: 'As a dialogue partner: to listen, answer questions and discuss, e.g. at a democracy school.' },
    KNOWLEDGE_SHARING: { description: 'To share knowledge and the situation picture with organisers or participants, e.g. a lecture.' },
    CRISIS_SUPPORT: { description: 'As part of the response to a crisis, together with the municipality and civil society.' },
  },
});

export enum InternalClassification {
  NOT_CLASSIFIED = 'NOT_CLASSIFIED',
  UNIVERSAL_PREVENTION = 'UNIVERSAL_PREVENTION',
  SELECTIVE_PREVENTION = 'SELECTIVE_PREVENTION',
  INDICATED_PREVENTION = 'INDICATED_PREVENTION',
  SITUATIONAL_PREVENTION = 'SITUATIONAL_PREVENTION',
  CRISIS_RESPONSE = 'CRISIS_RESPONSE',
}

registerEnumType(InternalClassification, {
  name: 'InternalClassification',
  description:
    "INTERNAL: how the parties classify an activity in their crime-prevention planning and follow-up. Never shown to the public or participants: activities are not labelled crime-preventive outwardly, since such labels scare young people away.",
  valuesConfig: {
    NOT_CLASSIFIED: { description: 'Not classified (yet).' },
    UNIVERSAL_PREVENTION: { description: 'Universal prevention: open to all children, young people or residents of an area.' },
    SELECTIVE_PREVENTION: { description: 'Selective prevention: aimed at groups or areas with raised risk.' },
    INDICATED_PREVENTION: { description: 'Indicated prevention: aimed at individuals already showing risk behaviour or in crime.' },
    SITUATIONAL_PREVENTION: { description: 'Situational prevention: making places and situations safer (presence, environment).' },
    CRISIS_RESPONSE: { description: 'Response to a crisis or a serious event.' },
  },
});

@ObjectType({ description: 'That the police take part in an activity, and why.' })
export class PoliceParticipation {
  @Field(() => PolicePurpose, { description: 'Why the police take part.' })
  purpose: PolicePurpose;

  @Field(() => String, {
    nullable: true,
    description: 'What the police do at the activity, in the organisers\' words, e.g. "officers play in the teams".',
  })
  explanation: string | null;
}

@ObjectType({
  description:
    'Something the parties do locally for children, young people, parents or residents: an MBU meeting, a safety walk, a football tournament, parent support, a POSOM crisis group. Records who organises it, where and when, for whom, whether and why the police take part, the agreement that funds it and the agreement (or citizen-promise commitment) it is carried out under. Activities are public listings (a parent looking for activities has no account): anyone may read them. Only the INTERNAL fields (`internalClassification`, `participantCount`) follow `visibility`, which the owner (the lead organiser) chooses.',
})
@Directive('@key(fields: "id")')
@Entity('activities')
export class Activity extends OwnedRecord {
  @Field({ description: 'Title, in the language of the participants, e.g. "Fotbollsturnering i Angered".' })
  @Column('varchar', { length: 200 })
  title: string;

  @Field(() => ActivityKind, { description: 'What kind of activity this is.' })
  @Column('text')
  kind: ActivityKind;

  /** The primary area the activity takes place in; exposed as `area` (an `Area` of the actors subgraph). All its areas are in `activity_areas`. */
  @Column('text', { name: 'area_code' })
  areaCode: string;

  /**
   * Whether `activity_areas` holds areas besides `areaCode`, so that lists reading the row anyway
   * (`Actor.activities`, the figures) look the others up only then. Written with the areas.
   */
  @Column('boolean', { name: 'has_other_areas', default: false })
  hasOtherAreas: boolean;

  @Field(() => GraphQLLocalDate, { description: 'First day of the activity (for a one-day activity, the day).' })
  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day of the activity; null while it is ongoing with no end date. Never before `startsOn`.',
  })
  @Column('date', { name: 'ends_on', nullable: true })
  endsOn: string | null;

  @Field(() => [TargetGroup], { description: 'Who the activity is for (at least one group).' })
  @Column('text', { name: 'target_groups', array: true })
  targetGroups: TargetGroup[];

  @Field(() => Int, { nullable: true, description: 'Youngest age the activity is for (0–120); null when there is no lower limit.' })
  @Column('integer', { name: 'age_min', nullable: true })
  ageMin: number | null;

  @Field(() => Int, { nullable: true, description: 'Oldest age the activity is for (0–120); null when there is no upper limit.' })
  @Column('integer', { name: 'age_max', nullable: true })
  ageMax: number | null;

  @Column('text', { name: 'police_purpose', nullable: true })
  policePurpose: PolicePurpose | null;

  @Column('text', { name: 'police_explanation', nullable: true })
  policeExplanation: string | null;

  @Field(() => PoliceParticipation, {
    nullable: true,
    description: 'Whether and why the police take part; null when the police do not take part.',
  })
  get policeParticipation(): PoliceParticipation | null {
    return this.policePurpose === null ? null : { purpose: this.policePurpose, explanation: this.policeExplanation };
  }

  @Field(() => String, {
    nullable: true,
    description:
      'What is shown to the public and to participants: what the activity offers, in plain words. Never labelled crime-preventive (see `internalClassification`, which stays internal).',
  })
  @Column('varchar', { name: 'public_description', length: 4000, nullable: true })
  publicDescription: string | null;

  /** INTERNAL: served only by the `internalClassification` field resolver, which applies the access rules. */
  @Column('text', { name: 'internal_classification' })
  internalClassification: InternalClassification;

  /** INTERNAL: served only by the `participantCount` field resolver, which applies the access rules. */
  @Column('integer', { name: 'participant_count', nullable: true })
  participantCount: number | null;

  /** The venue (of the actors registry) it takes place at; exposed as `venue`. */
  @Column('uuid', { name: 'venue_id', nullable: true })
  venueId: string | null;

  /** An address of its own, when not at a venue; exposed with the point as `address`. */
  @Column('varchar', { name: 'address_street', length: 200, nullable: true })
  street: string | null;

  @Column('varchar', { name: 'address_postal_code', length: 6, nullable: true })
  postalCode: string | null;

  @Column('varchar', { name: 'address_city', length: 100, nullable: true })
  city: string | null;

  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  /**
   * A copy of the point of the venue (`venueId`), which lives in the actors database: taken when the
   * venue is linked and refreshed by the daily upkeep, for distance search; null without a venue or
   * when the venue has no point.
   */
  @Column('double precision', { name: 'venue_latitude', nullable: true })
  venueLatitude: number | null;

  @Column('double precision', { name: 'venue_longitude', nullable: true })
  venueLongitude: number | null;

  /** The distance from the centre of the query's `near` filter, carried on the loaded row; unset otherwise. */
  @Field(() => Float, {
    nullable: true,
    description:
      "How far the activity is from the centre of the list's `filter.near`, in kilometres (great-circle distance to its address's point, or its venue's); null unless the list was asked with `near`.",
  })
  distanceKm?: number | null;

  /** The cost, exposed as `cost`: null when not stated. */
  @Column('boolean', { name: 'cost_free', nullable: true })
  costFree: boolean | null;

  @Column('integer', { name: 'cost_sek', nullable: true })
  costSek: number | null;

  @Column('boolean', { name: 'cost_fritidskortet', default: false })
  costFritidskortet: boolean;

  @Column('varchar', { name: 'cost_note', length: 500, nullable: true })
  costNote: string | null;

  /** How to join, exposed as `signUp`: null when not stated. */
  @Column('text', { name: 'sign_up_method', nullable: true })
  signUpMethod: SignUpMethod | null;

  @Column('varchar', { name: 'sign_up_url', length: 500, nullable: true })
  signUpUrl: string | null;

  @Column('varchar', { name: 'sign_up_note', length: 500, nullable: true })
  signUpNote: string | null;

  @Field(() => [String], { description: 'The languages spoken at the activity, as ISO 639-1 codes (e.g. "sv", "ar", "so"); empty when not stated.' })
  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Field(() => [AccessibilityFeature], { description: 'How the activity is accessible to people with disabilities; empty when not stated.' })
  @Column('text', { name: 'accessibility_features', array: true, default: () => "'{}'" })
  accessibilityFeatures: AccessibilityFeature[];

  @Field(() => [NpfAdaptation], { description: 'How the activity is adapted for children and young people with NPF; empty when not stated.' })
  @Column('text', { name: 'npf_adaptations', array: true, default: () => "'{}'" })
  npfAdaptations: NpfAdaptation[];

  @Field(() => String, { nullable: true, description: 'More about accessibility and adaptations, in plain words.' })
  @Column('varchar', { name: 'accessibility_note', length: 1000, nullable: true })
  accessibilityNote: string | null;

  /** Start time of day in Sweden ('HH:MM:SS' as PostgreSQL gives it); with the columns below, exposed as `schedule`. */
  @Column('time', { name: 'start_time', nullable: true })
  startTime: string | null;

  @Column('time', { name: 'end_time', nullable: true })
  endTime: string | null;

  /** An RFC 5545 RRULE value, e.g. 'FREQ=WEEKLY;BYDAY=TU'. */
  @Column('text', { nullable: true })
  recurrence: string | null;

  @Column('text', { name: 'excluded_dates', array: true, default: () => "'{}'" })
  excludedDates: string[];

  @Column('jsonb', { default: () => "'[]'" })
  cancellations: Array<{ date: string; note: string | null }>;

  /** The funding agreement; exposed as `fundingAgreement` (an `Agreement` of the agreements subgraph). */
  @Column('uuid', { name: 'funding_agreement_id', nullable: true })
  fundingAgreementId: string | null;

  /** The agreement it is carried out under (an IOP, a citizen promise), exposed as `agreement`; independent of `fundingAgreementId`. */
  @Column('uuid', { name: 'agreement_id', nullable: true })
  agreementId: string | null;

  /** The commitment of a citizen promise it is carried out under, exposed as `commitment`; when set, `agreementId` is the commitment's agreement. */
  @Column('uuid', { name: 'commitment_id', nullable: true })
  commitmentId: string | null;
}

// Activities are public; their `visibility` governs only who sees the internal fields, and says so.
Field(() => Visibility, {
  description:
    'Who may see the INTERNAL fields (`internalClassification`, `participantCount`), as chosen by the owner. The activity itself is public whatever this says, and `internalClassification` is never shown to the public, even when PUBLIC.',
})(Activity.prototype, 'visibility');

/** The organisers of an activity (at least one per activity), actors of the actors subgraph. */
@Entity('activity_organisers')
export class ActivityOrganiser {
  @PrimaryColumn('uuid', { name: 'activity_id' })
  activityId: string;

  @PrimaryColumn('uuid', { name: 'actor_id' })
  actorId: string;
}

/** The areas an activity takes place in (at least one): its primary area (`areaCode`) and any others. */
@Entity('activity_areas')
export class ActivityArea {
  @PrimaryColumn('uuid', { name: 'activity_id' })
  activityId: string;

  @PrimaryColumn('text', { name: 'area_code' })
  areaCode: string;

  /** Whether it is the activity's primary area (`Activity.areaCode`). */
  @Column('boolean', { name: 'primary_area', default: false })
  primaryArea: boolean;
}
