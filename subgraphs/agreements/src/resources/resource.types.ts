import { IsUUID, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ResourceKind } from './agreement-resource';

/** The most resource lines an agreement holds (checked on write). */
export const MAX_RESOURCES = 200;

/**
 * Amounts are decimals written as strings ("12500.50"), so that no öre is lost to floating point
 * on the way in or out: up to 12 digits before the point and 2 after (numeric(14, 2)).
 */
export const AMOUNT_DESCRIPTION = 'A decimal number as a string, e.g. "250000" or "12500.50": up to 12 digits before the point and 2 after, never negative. A string, not a Float, so that no öre is lost on the way.';

@ObjectType({ description: 'An amount of money in one currency.' })
export class Money {
  @Field(() => String, { description: AMOUNT_DESCRIPTION })
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. SEK or EUR.' })
  currency: string;
}

@ObjectType({ description: 'Money committed in one currency: an entry of `ResourceTotals.money`.' })
export class MoneyTotal {
  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;

  @Field(() => String, { description: `The exact sum of the money lines in this currency whose amount is known. ${AMOUNT_DESCRIPTION}` })
  amount: string;

  @Field(() => Int, { description: 'How many money lines in this currency the sum holds.' })
  lines: number;
}

@ObjectType({ description: 'Sums and counts of resource lines (of an agreement, or of one party in it).' })
export class ResourceSums {
  @Field(() => [MoneyTotal], { description: 'Money per currency, by currency code; lines whose amount is not yet agreed (drafts) are left out. Amounts in different currencies are never added.' })
  money: MoneyTotal[];

  @Field(() => Float, { description: 'Hours of staff time, summed exactly (one decimal) over the STAFF_TIME lines; 0 when there are none.' })
  staffHours: number;

  @Field(() => Int, { description: 'The number of PREMISES lines.' })
  premises: number;

  @Field(() => Int, { description: 'The number of COMPETENCE lines.' })
  competence: number;

  @Field(() => Int, { description: 'The number of NETWORK lines.' })
  networks: number;

  @Field(() => Int, { description: 'The number of resource lines of every kind.' })
  lines: number;
}

@ObjectType({ description: 'What one party commits to an agreement, summed: an entry of `ResourceTotals.byParty`.' })
export class PartyResourceSums extends ResourceSums {
  /** The party, exposed as `party` (the actors registry resolves it). */
  actorId: string;
}

@ObjectType({ description: "An agreement's resources summed over all its lines and periods, and per party." })
export class ResourceTotals extends ResourceSums {
  @Field(() => [PartyResourceSums], { description: 'The same sums per party that commits something, by actor id; parties without resources are not listed.' })
  byParty: PartyResourceSums[];
}

@InputType({ description: 'One resource a party commits; which fields it needs depends on `kind`.' })
export class AgreementResourceInput {
  @Field(() => ID, { description: "The party that commits it: one of the agreement's named parties." })
  @IsUUID('all', { message: 'partyId is not an actor id' })
  partyId: string;

  @Field(() => ResourceKind, { description: 'What kind of resource.' })
  kind: ResourceKind;

  @Field(() => String, { nullable: true, description: 'What it is, up to 2000 characters.' })
  @MaxLength(2000)
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `MONEY only: the amount over the period. ${AMOUNT_DESCRIPTION} May be left out only while the agreement is a DRAFT (not yet agreed).`,
  })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'MONEY only, and required for it: ISO 4217 currency code, e.g. SEK.' })
  currency?: string | null;

  @Field(() => Float, { nullable: true, description: 'STAFF_TIME only, and required for it: hours over the period, more than 0, at most one decimal.' })
  hours?: number | null;

  @Field(() => ID, { nullable: true, description: 'PREMISES only, and required for it: the venue (from the actors registry).' })
  @IsUUID('all', { message: 'venueId is not a venue id' })
  venueId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "First day of the commitment, within the agreement's period; null: from the agreement's start." })
  startsOn?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "Last day of the commitment, within the agreement's period; null: to the agreement's end." })
  endsOn?: string | null;
}

export const RESOURCES_ARGUMENT_DESCRIPTION = `The agreement's resources, in order, replacing all it has (at most ${MAX_RESOURCES}; [] removes them all).`;
