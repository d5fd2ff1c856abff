import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Areas below municipality level are managed in the registry (areas/area-management.ts): districts
 * and named areas (e.g. "Järva", spanning districts, listed in area_members). Every area gets a
 * version, aliases, an internal uuid its change-log entries name (the log names records by uuid;
 * the area's key stays its code) and can be archived.
 */
export class ManageAreas1764300000200 implements MigrationInterface {
  name = 'ManageAreas1764300000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE areas DROP CONSTRAINT areas_kind_check');
    await db.query(`ALTER TABLE areas ADD CONSTRAINT areas_kind_check CHECK (kind IN ('COUNTRY', 'COUNTY', 'MUNICIPALITY', 'DISTRICT', 'NAMED_AREA'))`);
    await db.query(`
      ALTER TABLE areas
        ADD COLUMN id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        ADD COLUMN aliases text[] NOT NULL DEFAULT '{}' CHECK (cardinality(aliases) <= 20),
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN archived_at timestamptz`);
    await db.query(`
      CREATE TABLE area_members (
        named_area_code text NOT NULL REFERENCES areas (code),
        area_code text NOT NULL REFERENCES areas (code),
        PRIMARY KEY (named_area_code, area_code),
        CHECK (named_area_code <> area_code)
      )`);
    await db.query('CREATE INDEX area_members_area_code ON area_members (area_code)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE area_members');
    await db.query(`DELETE FROM areas WHERE kind = 'NAMED_AREA'`);
    await db.query('ALTER TABLE areas DROP COLUMN archived_at, DROP COLUMN updated_at, DROP COLUMN created_at, DROP COLUMN version, DROP COLUMN aliases, DROP COLUMN id');
    await db.query('ALTER TABLE areas DROP CONSTRAINT areas_kind_check');
    await db.query(`ALTER TABLE areas ADD CONSTRAINT areas_kind_check CHECK (kind IN ('COUNTRY', 'COUNTY', 'MUNICIPALITY', 'DISTRICT'))`);
  }
}
