import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TargetGroup } from '@samverkan/federation';
import { VersionedRecord } from '@samverkan/platform';

export enum ServiceCategory {
  SPORT = 'SPORT',
  CULTURE = 'CULTURE',
  OPEN_MEETING_PLACE = 'OPEN_MEETING_PLACE',
  PARENT_SUPPORT = 'PARENT_SUPPORT',
  OUTREACH = 'OUTREACH',
  EXIT_PROGRAMME = 'EXIT_PROGRAMME',
  CRISIS_SUPPORT = 'CRISIS_SUPPORT',
  SAFETY_HOSTS = 'SAFETY_HOSTS',
  HOMEWORK_HELP = 'HOMEWORK_HELP',
  SUMMER_JOBS = 'SUMMER_JOBS',
  MENTORING = 'MENTORING',
  VICTIM_SUPPORT = 'VICTIM_SUPPORT',
  COUNSELLING = 'COUNSELLING',
  OTHER = 'OTHER',
}

registerEnumType(ServiceCategory, {
  name: 'ServiceCategory',
  description: 'What kind of work a service is: the categories coverage gaps are counted in.',
  valuesConfig: {
    SPORT: { description: 'Sport and physical activity (idrott).' },
    CULTURE: { description: 'Culture, music, art, theatre.' },
    OPEN_MEETING_PLACE: { description: 'Open meeting places and youth centres (öppna mötesplatser, fritidsgårdar).' },
    PARENT_SUPPORT: { description: 'Support for parents and guardians (föräldrastöd).' },
    OUTREACH: { description: 'Outreach work where young people are (uppsökande verksamhet, fältarbete).' },
    EXIT_PROGRAMME: { description: 'Support for leaving criminal networks or violent extremism (avhopparverksamhet).' },
    CRISIS_SUPPORT: { description: 'Psychological and social support in crises (e.g. POSOM, jourer).' },
    SAFETY_HOSTS: { description: 'Safety hosts and adult presence in public places (trygghetsvärdar, nattvandring).' },
    HOMEWORK_HELP: { description: 'Homework help and school support (läxhjälp).' },
    SUMMER_JOBS: { description: 'Summer and holiday jobs, work experience (sommarjobb, feriejobb).' },
    MENTORING: { description: 'Mentors and role models (mentorskap, förebilder).' },
    VICTIM_SUPPORT: { description: 'Support for victims of crime, witnesses and relatives (brottsofferstöd).' },
    COUNSELLING: { description: 'Counselling and talk support (samtalsstöd).' },
    OTHER: { description: 'Anything else; describe it in the description.' },
  },
});

/** What an actor does: one service, for whom, at what ages, where. */
@ObjectType({ description: 'Something an actor offers: a category of work, for whom and at what ages, in which areas (HSDS "service").' })
@Entity('services')
export class Service extends VersionedRecord {
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  /**
   * The organisation maintaining the actor's entry (its `ownerId`), which an actor's records never
   * change: written by the database when the row is inserted, and the scope of `externalId`.
   */
  @Column({ type: 'uuid', name: 'maintainer_id', insert: false, update: false })
  maintainerId: string;

  /** The maintaining organisation's own system's id of the record (unique per maintainer); exposed to it by `externalIdFields`. */
  @Column('text', { name: 'external_id', nullable: true })
  externalId: string | null;

  @Field({ description: 'Name of the service, e.g. "Läxhjälp för mellanstadiet" or "Nattvandring i Rinkeby".' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the service is and how to take part, in the provider\'s words.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => ServiceCategory, { description: 'What kind of work this is.' })
  @Column('text')
  category: ServiceCategory;

  @Field(() => [TargetGroup], { description: 'Who the service is for.' })
  @Column('text', { name: 'target_groups', array: true })
  targetGroups: TargetGroup[];

  @Field(() => Int, { nullable: true, description: 'Youngest age served, when the service has an age range.' })
  @Column('integer', { name: 'age_min', nullable: true })
  ageMin: number | null;

  @Field(() => Int, { nullable: true, description: 'Oldest age served, when the service has an age range.' })
  @Column('integer', { name: 'age_max', nullable: true })
  ageMax: number | null;
}

/** The areas a service is offered in (many per service). */
@Entity('service_areas')
export class ServiceArea {
  @PrimaryColumn('uuid', { name: 'service_id' })
  serviceId: string;

  @PrimaryColumn('text', { name: 'area_code' })
  areaCode: string;
}
