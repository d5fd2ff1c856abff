import { MigrationInterface, QueryRunner } from 'typeorm';
import { TARGET_GROUPS } from '@samverkan/federation';

const CATEGORIES = [
  'SPORT', 'CULTURE', 'OPEN_MEETING_PLACE', 'PARENT_SUPPORT', 'OUTREACH', 'EXIT_PROGRAMME', 'CRISIS_SUPPORT', 'SAFETY_HOSTS',
  'HOMEWORK_HELP', 'SUMMER_JOBS', 'MENTORING', 'VICTIM_SUPPORT', 'COUNSELLING', 'OTHER',
];
/** What an organisation needs to receive young people at risk (see SupportNeed in support-need.ts). */
const SUPPORT_NEEDS = ['NPF_COMPETENCE', 'LEADER_TRAINING', 'FUNDING', 'PREMISES', 'INTERPRETERS', 'SAFETY_ADVICE', 'OTHER'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** What actors do (services, with full-text search in Swedish), and whether they can receive young people at risk. */
export class CreateServices1764200000000 implements MigrationInterface {
  name = 'CreateServices1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL CHECK (length(name) >= 1),
        description text CHECK (length(description) <= 4000),
        category text NOT NULL CHECK (category IN (${list(CATEGORIES)})),
        target_groups text[] NOT NULL CHECK (cardinality(target_groups) >= 1 AND target_groups <@ ARRAY[${list(TARGET_GROUPS)}]::text[]),
        age_min integer CHECK (age_min BETWEEN 0 AND 120),
        age_max integer CHECK (age_max BETWEEN 0 AND 120 AND age_max >= coalesce(age_min, 0)),
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('swedish', name || ' ' || coalesce(description, ''))) STORED,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX services_actor_id ON services (actor_id)');
    await db.query('CREATE INDEX services_category ON services (category)');
    await db.query('CREATE INDEX services_target_groups ON services USING gin (target_groups)');
    await db.query('CREATE INDEX services_search ON services USING gin (search_vector)');
    await db.query(`
      CREATE TABLE service_areas (
        service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
        area_code text NOT NULL REFERENCES areas (code),
        PRIMARY KEY (service_id, area_code)
      )`);
    await db.query('CREATE INDEX service_areas_area_code ON service_areas (area_code text_pattern_ops)');
    // Actors are found by their own words too.
    await db.query(
      `ALTER TABLE actors ADD COLUMN search_vector tsvector
         GENERATED ALWAYS AS (to_tsvector('swedish', name || ' ' || coalesce(description, ''))) STORED`,
    );
    await db.query('CREATE INDEX actors_search ON actors USING gin (search_vector)');
    await db.query(`ALTER TABLE actors ADD COLUMN receives_young_people_at_risk boolean NOT NULL DEFAULT false`);
    await db.query(
      `ALTER TABLE actors ADD COLUMN support_needs text[] NOT NULL DEFAULT '{}' CHECK (support_needs <@ ARRAY[${list(SUPPORT_NEEDS)}]::text[])`,
    );
    await db.query('ALTER TABLE actors ADD COLUMN support_note text CHECK (length(support_note) <= 2000)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE actors DROP COLUMN support_note, DROP COLUMN support_needs, DROP COLUMN receives_young_people_at_risk, DROP COLUMN search_vector');
    await db.query('DROP TABLE service_areas');
    await db.query('DROP TABLE services');
  }
}
