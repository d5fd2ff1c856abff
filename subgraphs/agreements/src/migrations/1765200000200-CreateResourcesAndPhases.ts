import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the parties put in and how the work goes (issue 14): each party's resources, and the phases
 * from needs analysis to follow-up. Actors and venues live in the actors subgraph: checked when
 * written, no foreign keys.
 */
export class CreateResourcesAndPhases1765200000200 implements MigrationInterface {
  name = 'CreateResourcesAndPhases1765200000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agreement_resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MONEY', 'STAFF_TIME', 'PREMISES', 'COMPETENCE', 'NETWORK')),
        description text CHECK (char_length(description) <= 2000),
        amount numeric(14, 2) CHECK (amount >= 0),
        currency char(3),
        hours numeric(10, 1) CHECK (hours >= 0),
        venue_id uuid,
        starts_on date,
        ends_on date,
        position int NOT NULL,
        CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on),
        -- Money has an amount with its currency (unknown in a draft from a template); nothing else has either.
        CHECK ((amount IS NULL) = (currency IS NULL)),
        CHECK (kind = 'MONEY' OR amount IS NULL),
        CHECK (kind = 'STAFF_TIME' OR hours IS NULL),
        CHECK (kind = 'PREMISES' OR venue_id IS NULL)
      )`);
    await db.query('CREATE INDEX agreement_resources_agreement ON agreement_resources (agreement_id, position)');
    await db.query(`
      CREATE TABLE agreement_phases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('NEEDS_ANALYSIS', 'PLANNING', 'EFFORT', 'FOLLOW_UP')),
        description text CHECK (char_length(description) <= 2000),
        starts_on date,
        ends_on date,
        participant_ids uuid[] NOT NULL DEFAULT '{}',
        outcomes text CHECK (char_length(outcomes) <= 4000),
        documents jsonb NOT NULL DEFAULT '[]',
        position int NOT NULL,
        CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
      )`);
    await db.query('CREATE INDEX agreement_phases_agreement ON agreement_phases (agreement_id, position)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agreement_phases');
    await db.query('DROP TABLE agreement_resources');
  }
}
