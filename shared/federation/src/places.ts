import { Max, Min } from 'class-validator';
import { Directive, Field, Float, InputType, ObjectType } from 'type-graphql';

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
