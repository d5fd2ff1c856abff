import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search over activities (issue 11):
 * - the areas an activity takes place in, several of them (`activity_areas`): the primary area
 *   (`activities.area_code`, marked `primary_area`) is always one of them (a trigger keeps it so for
 *   every writer); filled from `area_code` for the activities of before. The area filters read the
 *   primary area through the activities' own area index, as before, and the other areas, which few
 *   activities have, through a partial index of their own;
 * - Swedish full-text search over the title and the public description (never the internal
 *   classification), as a generated column with a GIN index, as the registry's actors and services have;
 * - a copy of the point of the venue an activity takes place at (the venue lives in the actors
 *   database), for distance search; filled by the daily upkeep for the activities of before, and an
 *   index on the point (the address's, else the venue's) for the bounding box of `near`.
 */
export class AddAreasTextSearchAndVenuePoints1764400001000 implements MigrationInterface {
  name = 'AddAreasTextSearchAndVenuePoints1764400001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE activity_areas (
        activity_id uuid NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        area_code text NOT NULL,
        primary_area boolean NOT NULL DEFAULT false,
        PRIMARY KEY (activity_id, area_code)
      )`,
    );
    await db.query('CREATE INDEX activity_areas_other_area_code ON activity_areas (area_code text_pattern_ops, activity_id) WHERE NOT primary_area');
    // Whether it has areas besides the primary one: the lists that read an activity's row anyway
    // (`Actor.activities`, the figures) look its other areas up only then.
    await db.query('ALTER TABLE activities ADD COLUMN has_other_areas boolean NOT NULL DEFAULT false');
    await db.query('INSERT INTO activity_areas (activity_id, area_code, primary_area) SELECT id, area_code, true FROM activities');
    // Whoever writes an activity (the API, a seed, a bulk load), its primary area is one of its areas;
    // a new primary area takes the former's place. The API then writes the others.
    await db.query(
      `CREATE FUNCTION activity_primary_area() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' THEN
           IF OLD.area_code = NEW.area_code THEN RETURN NULL; END IF;
           DELETE FROM activity_areas WHERE activity_id = OLD.id AND area_code = OLD.area_code;
         END IF;
         INSERT INTO activity_areas (activity_id, area_code, primary_area) VALUES (NEW.id, NEW.area_code, true)
           ON CONFLICT (activity_id, area_code) DO UPDATE SET primary_area = true;
         RETURN NULL;
       END $$`,
    );
    await db.query(
      `CREATE TRIGGER activities_primary_area AFTER INSERT OR UPDATE OF area_code ON activities
       FOR EACH ROW EXECUTE FUNCTION activity_primary_area()`,
    );

    await db.query(
      `ALTER TABLE activities ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('swedish', title || ' ' || coalesce(public_description, ''))) STORED`,
    );
    await db.query('CREATE INDEX activities_search ON activities USING gin (search_vector)');

    await db.query('ALTER TABLE activities ADD COLUMN venue_latitude double precision, ADD COLUMN venue_longitude double precision');
    await db.query(
      `CREATE INDEX activities_point ON activities ((coalesce(latitude, venue_latitude)), (coalesce(longitude, venue_longitude)))
        WHERE coalesce(latitude, venue_latitude) IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX activities_point');
    await db.query('ALTER TABLE activities DROP COLUMN venue_latitude, DROP COLUMN venue_longitude, DROP COLUMN search_vector, DROP COLUMN has_other_areas');
    await db.query('DROP TRIGGER activities_primary_area ON activities');
    await db.query('DROP FUNCTION activity_primary_area()');
    await db.query('DROP TABLE activity_areas');
  }
}
