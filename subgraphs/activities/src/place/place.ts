import { ValidateNested } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { GeoPoint, GeoPointInput, pointColumns, pointOf, PostalAddressInput, postalAddressColumns } from '@samverkan/federation';
import { badInput } from '@samverkan/platform';

/**
 * Where an activity takes place: at a venue of the actors registry (a reference, whose address and
 * point the registry answers), or at an address of its own with an optional point (a pitch, a square,
 * a park), not both. Public, like the activity.
 */
@ObjectType({ description: 'Where an activity takes place when it is not at a registered venue, e.g. a pitch or a square.' })
export class ActivityAddress {
  @Field(() => String, { nullable: true, description: 'Street and number, or a place name, e.g. "Angereds konstgräsplan".' })
  street: string | null;

  @Field(() => String, { nullable: true, description: 'Swedish postal code, "NNN NN".' })
  postalCode: string | null;

  @Field(() => String, { nullable: true, description: 'Postal town (postort), e.g. "Angered".' })
  city: string | null;

  @Field(() => GeoPoint, { nullable: true, description: 'Where it is, for maps and distance search; null when not recorded.' })
  location: GeoPoint | null;
}

@InputType({ description: 'An address of an activity\'s own; at least one part. Replaces the whole address.' })
export class ActivityAddressInput extends PostalAddressInput {
  @Field(() => GeoPointInput, { nullable: true, description: 'Where it is (WGS 84).' })
  @ValidateNested()
  location?: GeoPointInput | null;
}

/** The place columns of an activity. */
export interface PlaceColumns {
  venueId: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}


/** The address columns an input sets; null clears them. Refuses an address that says nothing. */
export function addressColumns(address: ActivityAddressInput | null): Omit<PlaceColumns, 'venueId'> {
  const columns = { ...postalAddressColumns(address), ...pointColumns(address?.location) };
  if (address && Object.values(columns).every((value) => value === null)) {
    throw badInput('address must give at least one part', [{ field: 'address', message: 'must give a street, postal code, city or location' }]);
  }
  return columns;
}

/** An activity is at a venue or at an address, not both: checked on the record as it would be saved. */
export function assertOnePlace(activity: PlaceColumns): void {
  const hasAddress = [activity.street, activity.postalCode, activity.city, activity.latitude].some((value) => value !== null);
  if (activity.venueId && hasAddress) {
    throw badInput('An activity is at a venue or at an address, not both', [{ field: 'address', message: 'not together with venueId (clear one with null)' }]);
  }
}

/** The address as the API shows it; null when there is none. */
export function addressOf(activity: PlaceColumns): ActivityAddress | null {
  const location = pointOf(activity.latitude, activity.longitude);
  if (activity.street === null && activity.postalCode === null && activity.city === null && location === null) return null;
  return { street: activity.street, postalCode: activity.postalCode, city: activity.city, location };
}
