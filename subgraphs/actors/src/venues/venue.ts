import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '@samverkan/platform';
import { ENTITIES, GeoPoint, pointOf } from '@samverkan/federation';

export enum VenueUse {
  MEETINGS = 'MEETINGS',
  DIALOGUES = 'DIALOGUES',
  YOUTH_ACTIVITIES = 'YOUTH_ACTIVITIES',
  SPORT = 'SPORT',
  CRISIS_SUPPORT = 'CRISIS_SUPPORT',
}

registerEnumType(VenueUse, {
  name: 'VenueUse',
  description:
    'What a venue can be lent for. The participants asked to use civil society\'s premises more, for meetings and dialogues, not only in crises.',
  valuesConfig: {
    MEETINGS: { description: 'Meetings, e.g. of a local safety council (trygghetsråd) or an SSPF group.' },
    DIALOGUES: { description: 'Dialogues with residents, parents or young people, e.g. MBU meetings or citizen-promise consultations.' },
    YOUTH_ACTIVITIES: { description: 'Activities for children and young people, e.g. homework help or an open meeting place.' },
    SPORT: { description: 'Sport and physical activity (a hall, a pitch).' },
    CRISIS_SUPPORT: { description: 'A place to gather and support people after a serious event (e.g. for POSOM).' },
  },
});

@ObjectType({ description: 'A postal address.' })
export class VenueAddress {
  @Field(() => String, { nullable: true, description: 'Street and number, e.g. "Storgatan 1".' })
  street: string | null;

  @Field(() => String, { nullable: true, description: 'Swedish postal code, "NNN NN".' })
  postalCode: string | null;

  @Field(() => String, { nullable: true, description: 'Postal town (postort), e.g. "Uppsala".' })
  city: string | null;
}

/** Premises an actor can lend to the network. */
@ObjectType({ description: ENTITIES.Venue.description })
@Directive('@key(fields: "id")')
@Entity('venues')
export class Venue extends VersionedRecord {
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

  @Field({ description: 'Name of the premises, e.g. "Folkets Hus Angered, stora salen".' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the premises are like and how to borrow them.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { name: 'area_code' })
  areaCode: string;

  @Column('text', { nullable: true })
  street: string | null;

  @Column('text', { name: 'postal_code', nullable: true })
  postalCode: string | null;

  @Column('text', { nullable: true })
  city: string | null;

  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Field(() => Int, { description: 'How many people the premises hold (at least 1).' })
  @Column('integer')
  capacity: number;

  @Field(() => [VenueUse], { description: 'What the premises can be lent for.' })
  @Column('text', { name: 'suitable_for', array: true, default: () => "'{}'" })
  suitableFor: VenueUse[];

  @Field(() => String, {
    nullable: true,
    description: 'Accessibility, e.g. "Entré i markplan, hörslinga, tillgänglig toalett".',
  })
  @Column('text', { name: 'accessibility_note', nullable: true })
  accessibilityNote: string | null;

  @Column('uuid', { name: 'contact_function_id', nullable: true })
  contactFunctionId: string | null;

  @Field(() => VenueAddress, { nullable: true, description: 'Postal address; null when none is recorded.' })
  get address(): VenueAddress | null {
    if (this.street === null && this.postalCode === null && this.city === null) return null;
    return { street: this.street, postalCode: this.postalCode, city: this.city };
  }

  /** The distance from the centre of the query's `near` filter, carried on the loaded row; unset otherwise. */
  @Field(() => Float, {
    nullable: true,
    description: "How far the premises are from the centre of the list's `filter.near`, in kilometres (great-circle distance to `location`); null unless the list was asked with `near`.",
  })
  distanceKm?: number | null;

  @Field(() => GeoPoint, {
    nullable: true,
    description: "Where the premises are, when recorded; null otherwise (no fallback to the area's point: use `area.location` for that).",
  })
  get location(): GeoPoint | null {
    return pointOf(this.latitude, this.longitude);
  }
}
