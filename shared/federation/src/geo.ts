import { Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { badInput } from '@samverkan/platform';

/**
 * Distances on the earth's surface in SQL, for "near a point" searches and sorting by distance.
 * Points are WGS 84 latitude/longitude in decimal degrees (as in `areas.latitude`/`longitude`).
 */

/** Mean earth radius in kilometres (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

/** A point given as two SQL expressions: columns (`area.latitude`) or parameters (`:latitude`, `$1`). */
export interface SqlPoint {
  latitude: string;
  longitude: string;
}

/**
 * SQL expression: the great-circle (haversine) distance in kilometres between two points, e.g.
 * `haversineKmSql({ latitude: 'area.latitude', longitude: 'area.longitude' }, { latitude: ':lat', longitude: ':lon' })`.
 * NULL when either point has a NULL coordinate. Accurate to about 0.5 % (the earth is taken as a sphere).
 */
export function haversineKmSql(from: SqlPoint, to: SqlPoint): string {
  const lat1 = `radians(${from.latitude})`;
  const lat2 = `radians(${to.latitude})`;
  const dLat = `radians((${to.latitude}) - (${from.latitude}))`;
  const dLon = `radians((${to.longitude}) - (${from.longitude}))`;
  // least(1, ...) guards asin against rounding just above 1 for antipodal points; as least() skips
  // NULLs, a missing coordinate is turned into NULL explicitly (not into the antipode's distance).
  const known = [from.latitude, from.longitude, to.latitude, to.longitude].map((c) => `(${c}) IS NOT NULL`).join(' AND ');
  return `(CASE WHEN ${known} THEN 2 * ${EARTH_RADIUS_KM} * asin(sqrt(least(1.0,
    power(sin(${dLat} / 2), 2) + cos(${lat1}) * cos(${lat2}) * power(sin(${dLon} / 2), 2)))) END)`;
}

/**
 * SQL condition: the point lies in the latitude/longitude box around `centre` that contains every
 * point within `radiusKmExpr` kilometres of it. A cheap, index-friendly pre-filter to AND with
 * `haversineKmSql(...) <= radius`; the box is widened in longitude by the latitude's cosine
 * (valid away from the poles, which is all of Sweden).
 */
export function boundingBoxSql(point: SqlPoint, centre: SqlPoint, radiusKmExpr: string): string {
  const dLat = `degrees((${radiusKmExpr}) / ${EARTH_RADIUS_KM})`;
  const dLon = `degrees((${radiusKmExpr}) / (${EARTH_RADIUS_KM} * greatest(cos(radians(${centre.latitude})), 0.01)))`;
  return `(${point.latitude} BETWEEN (${centre.latitude}) - ${dLat} AND (${centre.latitude}) + ${dLat}
    AND ${point.longitude} BETWEEN (${centre.longitude}) - ${dLon} AND (${centre.longitude}) + ${dLon})`;
}

/** The same haversine distance in TypeScript, for tests and for checking results. */
export function haversineKm(from: { latitude: number; longitude: number }, to: { latitude: number; longitude: number }): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(to.latitude - from.latitude);
  const dLon = rad(to.longitude - from.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(from.latitude)) * Math.cos(rad(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Search radius limits: a municipality is at most a few hundred kilometres across. */
export const MAX_RADIUS_KM = 1000;

/** A circle on the map, as every `near` filter of the federation takes it. */
@InputType({ description: 'A circle on the map: a point and a radius.' })
export class NearInput {
  @Field(() => Float, { description: 'Latitude of the centre in decimal degrees (WGS 84), -90 to 90.' })
  @Min(-90)
  @Max(90)
  latitude: number;

  @Field(() => Float, { description: 'Longitude of the centre in decimal degrees (WGS 84), -180 to 180.' })
  @Min(-180)
  @Max(180)
  longitude: number;

  @Field(() => Float, { description: `Radius in kilometres (more than 0, at most ${MAX_RADIUS_KM}).` })
  @Min(0.001)
  @Max(MAX_RADIUS_KM)
  radiusKm: number;
}

/**
 * SQL: the distance in kilometres from `point` to the centre of a circle (given as SQL expressions,
 * e.g. parameters), and the condition that it is within the radius: a bounding box an index on the
 * point's columns can serve, then the exact great-circle distance. Points with a NULL coordinate never match.
 */
export function withinCircleSql(point: SqlPoint, centre: SqlPoint, radiusKm: string): { distance: string; condition: string } {
  const distance = haversineKmSql(point, centre);
  return { distance, condition: `${boundingBoxSql(point, centre, radiusKm)} AND ${distance} <= ${radiusKm}` };
}

/**
 * `withinCircleSql` for a `near` filter with typeorm's named parameters (`:<name>Latitude`, …): the
 * distance expression, the condition, and their parameters, for `andWhere` and ordering by distance.
 */
export function namedNearSql(point: SqlPoint, near: NearInput, name = 'near'): { distance: string; condition: string; parameters: Record<string, number> } {
  const centre = { latitude: `CAST(:${name}Latitude AS float8)`, longitude: `CAST(:${name}Longitude AS float8)` };
  return {
    ...withinCircleSql(point, centre, `CAST(:${name}RadiusKm AS float8)`),
    parameters: { [`${name}Latitude`]: near.latitude, [`${name}Longitude`]: near.longitude, [`${name}RadiusKm`]: near.radiusKm },
  };
}

/** Refuses ordering by distance without a circle to measure from (BAD_USER_INPUT). */
export function assertNearForDistance(distanceOrder: boolean, near: NearInput | null | undefined): void {
  if (distanceOrder && !near) throw badInput('orderBy DISTANCE needs a near filter', [{ field: 'orderBy', message: 'DISTANCE needs filter.near' }]);
}
