import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateActorsAndAreas1764000000000 implements MigrationInterface {
  name = 'CreateActorsAndAreas1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE areas (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('COUNTRY', 'COUNTY', 'MUNICIPALITY', 'DISTRICT')),
        parent_code text REFERENCES areas (code),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180)
      )`);
    await db.query('CREATE INDEX areas_parent_code ON areas (parent_code)');
    await db.query(`
      CREATE TABLE actors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('POLICE', 'MUNICIPALITY', 'REGION', 'NATIONAL_AUTHORITY', 'CIVIL_SOCIETY', 'FAITH_COMMUNITY', 'BUSINESS', 'SCHOOL')),
        description text,
        website text,
        organisation_number text,
        parent_id uuid REFERENCES actors (id),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX actors_parent_id ON actors (parent_id)');
    await db.query('CREATE INDEX actors_name ON actors (name, id)');
    await db.query(`
      CREATE TABLE actor_areas (
        actor_id uuid NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
        area_code text NOT NULL REFERENCES areas (code),
        PRIMARY KEY (actor_id, area_code)
      )`);
    await db.query('CREATE INDEX actor_areas_area_code ON actor_areas (area_code text_pattern_ops)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE actor_areas');
    await db.query('DROP TABLE actors');
    await db.query('DROP TABLE areas');
  }
}
