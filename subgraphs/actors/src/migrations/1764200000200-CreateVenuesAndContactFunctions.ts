import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const VENUE_USES = ['MEETINGS', 'DIALOGUES', 'YOUTH_ACTIVITIES', 'SPORT', 'CRISIS_SUPPORT'];

/** Contact functions (with their holders over time) and venues actors can lend. */
export class CreateVenuesAndContactFunctions1764200000200 implements MigrationInterface {
  name = 'CreateVenuesAndContactFunctions1764200000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contact_functions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL CHECK (length(name) >= 1),
        description text CHECK (length(description) <= 4000),
        area_code text NOT NULL REFERENCES areas (code),
        channels jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(channels) = 'array' AND jsonb_array_length(channels) <= 10),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX contact_functions_actor_id ON contact_functions (actor_id)');
    await db.query('CREATE INDEX contact_functions_area_code ON contact_functions (area_code text_pattern_ops)');
    await db.query('CREATE INDEX contact_functions_name ON contact_functions (name, id)');
    await db.query(`
      CREATE TABLE contact_function_holders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        function_id uuid NOT NULL REFERENCES contact_functions (id) ON DELETE CASCADE,
        person_name varchar(200) NOT NULL CHECK (length(person_name) >= 1),
        role text NOT NULL CHECK (role IN ('HOLDER', 'BACKUP')),
        valid_from date,
        valid_until date CHECK (valid_until >= valid_from),
        position integer NOT NULL
      )`);
    await db.query('CREATE INDEX contact_function_holders_function_id ON contact_function_holders (function_id, position)');
    await db.query(`
      CREATE TABLE venues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL CHECK (length(name) >= 1),
        description text CHECK (length(description) <= 4000),
        area_code text NOT NULL REFERENCES areas (code),
        street text CHECK (length(street) <= 200),
        postal_code text CHECK (postal_code ~ '^[0-9]{3} [0-9]{2}$'),
        city text CHECK (length(city) <= 100),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
        suitable_for text[] NOT NULL DEFAULT '{}' CHECK (suitable_for <@ ARRAY[${list(VENUE_USES)}]::text[]),
        accessibility_note text CHECK (length(accessibility_note) <= 1000),
        contact_function_id uuid REFERENCES contact_functions (id) ON DELETE SET NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    await db.query('CREATE INDEX venues_actor_id ON venues (actor_id)');
    await db.query('CREATE INDEX venues_area_code ON venues (area_code text_pattern_ops)');
    await db.query('CREATE INDEX venues_name ON venues (name, id)');
    await db.query('CREATE INDEX venues_suitable_for ON venues USING gin (suitable_for)');
    await db.query('CREATE INDEX venues_contact_function_id ON venues (contact_function_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE venues');
    await db.query('DROP TABLE contact_function_holders');
    await db.query('DROP TABLE contact_functions');
  }
}
