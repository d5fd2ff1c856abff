import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sweden, its 21 counties and 290 municipalities, from the SCB codes shipped in `data/`. */
export class LoadSwedishAreas1764000000001 implements MigrationInterface {
  name = 'LoadSwedishAreas1764000000001';

  async up(db: QueryRunner): Promise<void> {
    const [, ...lines] = readFileSync(join(__dirname, '../../data/swedish_municipalities.csv'), 'utf8').trim().split(/\r?\n/);
    const rows = lines.map((line) => line.split(','));
    const counties = new Map(rows.map(([, , countyCode, countyName]) => [countyCode, countyName]));
    await db.query(`INSERT INTO areas (code, name, kind, parent_code, latitude, longitude) VALUES ('SE', 'Sverige', 'COUNTRY', NULL, 62.0, 15.0)`);
    await db.query(
      `INSERT INTO areas (code, name, kind, parent_code) SELECT c, n, 'COUNTY', 'SE' FROM unnest($1::text[], $2::text[]) AS t(c, n)`,
      [[...counties.keys()], [...counties.values()]],
    );
    await db.query(
      `INSERT INTO areas (code, name, kind, parent_code) SELECT c, n, 'MUNICIPALITY', p FROM unnest($1::text[], $2::text[], $3::text[]) AS t(c, n, p)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM areas WHERE kind IN ('COUNTRY', 'COUNTY', 'MUNICIPALITY')`);
  }
}
