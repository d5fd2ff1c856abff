import { DataSource } from 'typeorm';
import { publicRecords } from '@samverkan/federation';
import { logger } from '@samverkan/platform';

/**
 * The copies of venues' points the activities keep for distance search. A venue lives in the actors
 * database, so an activity at a venue copies the venue's point when the venue is linked (from the
 * same `_entities` call that checks the venue exists) and the daily upkeep copies the points afresh:
 * a venue moved in the registry is found at its old point until then, at most a day. The copies are
 * not the activity's own content, so refreshing them changes no version.
 */

/** What the activities ask the registry of a venue. */
export const VENUE_POINT_SELECTION = 'location { latitude longitude }';

/** The copy columns of a venue as the registry answered it (`VENUE_POINT_SELECTION`); nulls without a venue or a point. */
export function venuePointColumns(venue: Record<string, unknown> | null | undefined): { venueLatitude: number | null; venueLongitude: number | null } {
  const location = venue?.location as { latitude?: unknown; longitude?: unknown } | null | undefined;
  const known = typeof location?.latitude === 'number' && typeof location?.longitude === 'number';
  return { venueLatitude: known ? (location!.latitude as number) : null, venueLongitude: known ? (location!.longitude as number) : null };
}

/**
 * Copies the point of every venue an activity takes place at afresh from the registry (in batches,
 * one `_entities` call per thousand venues), and writes the copies that changed in one statement; a
 * venue the registry no longer has leaves its activities without a point. Returns how many
 * activities changed. Throws DEPENDENCY_UNAVAILABLE when the registry does not answer (the upkeep
 * logs a warning and tries again the next day).
 */
export async function refreshVenuePoints(dataSource: DataSource): Promise<number> {
  const rows: Array<{ venue_id: string }> = await dataSource.query('SELECT DISTINCT venue_id FROM activities WHERE venue_id IS NOT NULL');
  if (!rows.length) return 0;
  const ids = rows.map((row) => row.venue_id);
  const venues = await publicRecords('Venue', ids, VENUE_POINT_SELECTION);
  const points = ids.map((id) => venuePointColumns(venues.get(id.toLowerCase())));
  const [, changed]: [unknown, number] = await dataSource.query(
    `UPDATE activities a SET venue_latitude = v.latitude, venue_longitude = v.longitude
     FROM unnest(CAST($1 AS uuid[]), CAST($2 AS float8[]), CAST($3 AS float8[])) AS v(id, latitude, longitude)
     WHERE a.venue_id = v.id AND (a.venue_latitude IS DISTINCT FROM v.latitude OR a.venue_longitude IS DISTINCT FROM v.longitude)`,
    [ids, points.map((p) => p.venueLatitude), points.map((p) => p.venueLongitude)],
  );
  if (changed) logger.info({ changed }, 'venue points of activities refreshed');
  return changed;
}
