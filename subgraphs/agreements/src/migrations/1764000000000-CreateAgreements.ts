import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgreements1764000000000 implements MigrationInterface {
  name = 'CreateAgreements1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL CHECK (length(title) >= 1),
        kind text NOT NULL CHECK (kind IN ('IOP', 'DECLARATION_OF_INTENT', 'COLLABORATION_AGREEMENT', 'CITIZEN_PROMISE', 'NATIONAL_AGREEMENT', 'METHOD_FRAMEWORK')),
        description text CHECK (length(description) <= 4000),
        status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'ENDED', 'TERMINATED')),
        starts_on date,
        ends_on date,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agreements_start_unless_draft CHECK (status = 'DRAFT' OR starts_on IS NOT NULL),
        CONSTRAINT agreements_period_order CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await db.query('CREATE INDEX agreements_title ON agreements (title, id)');
    await db.query('CREATE INDEX agreements_kind ON agreements (kind)');
    await db.query('CREATE INDEX agreements_status ON agreements (status)');
    await db.query('CREATE INDEX agreements_period ON agreements (starts_on, ends_on)');
    // Actors live in the actors subgraph's database: actor ids are checked through it, not by a foreign key.
    await db.query(`
      CREATE TABLE agreement_parties (
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING')),
        responsibilities text CHECK (length(responsibilities) <= 2000),
        PRIMARY KEY (agreement_id, actor_id, role)
      )`);
    await db.query('CREATE INDEX agreement_parties_actor_id ON agreement_parties (actor_id)');
    await db.query(`
      CREATE TABLE agreement_areas (
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        area_code text NOT NULL,
        PRIMARY KEY (agreement_id, area_code)
      )`);
    await db.query('CREATE INDEX agreement_areas_area_code ON agreement_areas (area_code text_pattern_ops)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agreement_areas');
    await db.query('DROP TABLE agreement_parties');
    await db.query('DROP TABLE agreements');
  }
}
