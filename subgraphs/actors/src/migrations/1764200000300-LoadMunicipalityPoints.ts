import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { MigrationInterface, QueryRunner } from 'typeorm';

interface PointRow {
  code: string;
  latitude: string;
  longitude: string;
}

/** The representative points of `data/municipality_points.csv` (see data/NOTICE.md). */
export function municipalityPoints(): Array<{ code: string; latitude: number; longitude: number }> {
  const rows: PointRow[] = parse(readFileSync(join(__dirname, '../../data/municipality_points.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  return rows.map(({ code, latitude, longitude }) => ({ code, latitude: Number(latitude), longitude: Number(longitude) }));
}

/**
 * A point for every municipality (from GeoNames, see data/NOTICE.md) and every county (its seat,
 * the residensstad: the municipality whose code is the county code followed by 80). Points that
 * are set already (e.g. by hand) are kept.
 */
export class LoadMunicipalityPoints1764200000300 implements MigrationInterface {
  name = 'LoadMunicipalityPoints1764200000300';

  async up(db: QueryRunner): Promise<void> {
    const points = municipalityPoints();
    await db.query(
      `UPDATE areas SET latitude = p.lat, longitude = p.lon
         FROM unnest($1::text[], $2::float8[], $3::float8[]) AS p(code, lat, lon)
        WHERE areas.code = p.code AND areas.kind = 'MUNICIPALITY' AND areas.latitude IS NULL AND areas.longitude IS NULL`,
      [points.map((p) => p.code), points.map((p) => p.latitude), points.map((p) => p.longitude)],
    );
    await db.query(
      `UPDATE areas AS county SET latitude = seat.latitude, longitude = seat.longitude
         FROM areas AS seat
        WHERE county.kind = 'COUNTY' AND seat.code = county.code || '80'
          AND county.latitude IS NULL AND county.longitude IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // Clears only the points this migration would have set, so hand-set points survive a rollback.
    const points = municipalityPoints();
    await db.query(
      `UPDATE areas AS county SET latitude = NULL, longitude = NULL
         FROM areas AS seat
        WHERE county.kind = 'COUNTY' AND seat.code = county.code || '80'
          AND county.latitude = seat.latitude AND county.longitude = seat.longitude`,
    );
    await db.query(
      `UPDATE areas SET latitude = NULL, longitude = NULL
         FROM unnest($1::text[], $2::float8[], $3::float8[]) AS p(code, lat, lon)
        WHERE areas.code = p.code AND areas.latitude = p.lat AND areas.longitude = p.lon`,
      [points.map((p) => p.code), points.map((p) => p.latitude), points.map((p) => p.longitude)],
    );
  }
}
