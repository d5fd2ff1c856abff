import { Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';

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

/** A point as the latitude and longitude columns that areas and venues store; null clears both. */
export const pointColumns = (point: GeoPointInput | null | undefined) => ({ latitude: point?.latitude ?? null, longitude: point?.longitude ?? null });
