import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';

/** What a party puts into an agreement: "not only money but networks and competence". */
export enum ResourceKind {
  MONEY = 'MONEY',
  STAFF_TIME = 'STAFF_TIME',
  PREMISES = 'PREMISES',
  COMPETENCE = 'COMPETENCE',
  NETWORK = 'NETWORK',
}

registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  description: 'What kind of resource a party commits to an agreement.',
  valuesConfig: {
    MONEY: { description: 'Funding: an amount in a currency over the period, e.g. a municipal grant to an IOP.' },
    STAFF_TIME: { description: 'Working time of staff or volunteers, in hours over the period (functions, never named persons).' },
    PREMISES: { description: 'Premises lent for the work: a venue from the registry.' },
    COMPETENCE: { description: 'Knowledge the party brings, e.g. NPF training, trauma-informed approach, Swedish for parents.' },
    NETWORK: { description: 'Contacts the party opens, e.g. to associations, faith communities or employers.' },
  },
});

/**
 * One resource a party commits to an agreement, for a period within the agreement's (null: the
 * agreement's whole period). Part of the agreement: changing it bumps the agreement's version.
 */
@ObjectType({ description: 'A resource one party commits to an agreement: money, staff time, premises, competence or networks, with its period.' })
@Entity('agreement_resources')
export class AgreementResource {
  @Field({ description: 'Id of this resource line (stable while the agreement keeps it).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  /** The party that commits it (one of the agreement's named organisations); exposed as `party`. */
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Field(() => ResourceKind, { description: 'What kind of resource.' })
  @Column('text')
  kind: ResourceKind;

  @Field(() => String, { nullable: true, description: 'What it is, in the parties\' words, e.g. "Föreningsbidrag" or "Utbildning i NPF för ledarna".' })
  @Column('text', { nullable: true })
  description: string | null;

  /** MONEY: the amount over the period (numeric, read as text to keep every öre). */
  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  amount: string | null;

  /** MONEY: ISO 4217 currency code, e.g. SEK. */
  @Column('char', { length: 3, nullable: true })
  currency: string | null;

  /** STAFF_TIME: hours over the period. */
  @Column('numeric', { precision: 10, scale: 1, nullable: true })
  hours: string | null;

  /** PREMISES: the venue (actors registry); exposed as `venue`. */
  @Column('uuid', { name: 'venue_id', nullable: true })
  venueId: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day of the commitment; null: from the agreement\'s start.' })
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the commitment; null: to the agreement\'s end.' })
  @Column('date', { name: 'ends_on', nullable: true })
  endsOn: string | null;

  /** The order in which the agreement lists its resources. */
  @Column('int')
  position: number;
}
