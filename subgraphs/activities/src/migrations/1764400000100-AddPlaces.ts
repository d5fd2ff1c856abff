import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an activity takes place: a venue of the actors registry (checked when written, as other
 * references are, not by a foreign key) or an address of its own with an optional point, not both.
 */
export class AddPlaces1764400000100 implements MigrationInterface {
  name = 'AddPlaces1764400000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE activities
        ADD COLUMN venue_id uuid,
        ADD COLUMN address_street varchar(200),
        ADD COLUMN address_postal_code varchar(6) CHECK (address_postal_code ~ '^[0-9]{3} [0-9]{2}$'),
        ADD COLUMN address_city varchar(100),
        ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        ADD CONSTRAINT activities_point_check CHECK ((latitude IS NULL) = (longitude IS NULL)),
        ADD CONSTRAINT activities_place_check CHECK (
          venue_id IS NULL OR (address_street IS NULL AND address_postal_code IS NULL AND address_city IS NULL AND latitude IS NULL)
        )`);
    await db.query('CREATE INDEX activities_venue_id ON activities (venue_id) WHERE venue_id IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE activities DROP CONSTRAINT activities_place_check, DROP CONSTRAINT activities_point_check,
        DROP COLUMN longitude, DROP COLUMN latitude, DROP COLUMN address_city, DROP COLUMN address_postal_code,
        DROP COLUMN address_street, DROP COLUMN venue_id`);
  }
}
