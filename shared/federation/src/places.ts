import { Matches, Max, MaxLength, Min } from 'class-validator';
import { Directive, Field, Float, InputType, ObjectType } from 'type-graphql';
import { trimmedOrNull } from '@samverkan/platform';

/**
 * Where something is: points and Swedish postal codes, one shape across the federation (the
 * registry's areas and venues, the activities' addresses), so a map or a distance search reads them alike.
 */
@ObjectType({ description: 'A point in WGS 84 coordinates.' })
@Directive('@shareable')
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84).' })
  latitude: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84).' })
  longitude: number;
}

@InputType({ description: 'A point in WGS 84 coordinates.' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude in decimal degrees, -90 to 90.' })
  @Min(-90)
  @Max(90)
  latitude: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees, -180 to 180.' })
  @Min(-180)
  @Max(180)
  longitude: number;
}

/** A point as the latitude and longitude columns that areas, venues and addresses store; null clears both. */
export const pointColumns = (point: GeoPointInput | null | undefined) => ({ latitude: point?.latitude ?? null, longitude: point?.longitude ?? null });

/** The point of two stored columns, or null when either is missing. */
export const pointOf = (latitude: number | null, longitude: number | null): GeoPoint | null =>
  latitude === null || longitude === null ? null : { latitude, longitude };

/** A Swedish postal code, with or without the space: "753 20" or "75320". */
export const POSTAL_CODE = /^\d{3} ?\d{2}$/;

/**
 * The parts of a Swedish postal address, each optional: what a venue's and an activity's own address
 * share. A base class: the schema has the subgraphs' own input types that extend it.
 */
@InputType()
export class PostalAddressInput {
  @Field(() => String, { nullable: true, description: 'Street and number, or a place name (up to 200 characters).' })
  @MaxLength(200)
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'Swedish postal code, "NNN NN" or "NNNNN" (stored as "NNN NN").' })
  @Matches(POSTAL_CODE, { message: 'postalCode must look like NNN NN' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal town (up to 100 characters).' })
  @MaxLength(100)
  city?: string | null;
}

/** An address input's parts as stored: trimmed, blank as null, the postal code as "NNN NN". */
export function postalAddressColumns(address: PostalAddressInput | null | undefined): { street: string | null; postalCode: string | null; city: string | null } {
  const postal = trimmedOrNull(address?.postalCode)?.replace(/\s/g, '');
  return { street: trimmedOrNull(address?.street), postalCode: postal ? `${postal.slice(0, 3)} ${postal.slice(3)}` : null, city: trimmedOrNull(address?.city) };
}
