import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizen promises (issue 14): a promise's commitments, each with its owner party, indicator and
 * target; the consultations behind it; and the follow-up reports per commitment over time. All of
 * them belong to their agreement (deleted with it). Actors and areas live in the actors subgraph:
 * checked when written, no foreign key.
 */
export class CreateCitizenPromises1765200000300 implements MigrationInterface {
  name = 'CreateCitizenPromises1765200000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE promise_commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        title varchar(200) NOT NULL CHECK (length(title) >= 1),
        description text CHECK (length(description) <= 4000),
        owner_party_id uuid NOT NULL,
        indicator text NOT NULL CHECK (length(indicator) BETWEEN 1 AND 500),
        unit varchar(40),
        baseline double precision,
        target double precision,
        target_text text CHECK (length(target_text) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT promise_commitments_target CHECK (target IS NOT NULL OR target_text IS NOT NULL)
      )`);
    await db.query('CREATE INDEX promise_commitments_agreement ON promise_commitments (agreement_id, position, id)');
    await db.query(`
      CREATE TABLE promise_consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        held_on date NOT NULL,
        area_code text NOT NULL,
        method text NOT NULL CHECK (method IN ('DIALOGUE_MEETING', 'SCHOOL_VISIT', 'SURVEY', 'SAFETY_WALK', 'YOUTH_COUNCIL', 'DIGITAL', 'OTHER')),
        participants integer NOT NULL CHECK (participants >= 0),
        young_participants integer NOT NULL CHECK (young_participants >= 0 AND young_participants <= participants),
        young_age_min integer CHECK (young_age_min BETWEEN 0 AND 120),
        young_age_max integer CHECK (young_age_max BETWEEN 0 AND 120 AND young_age_max >= young_age_min),
        themes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(themes) <= 20),
        summary text CHECK (length(summary) <= 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX promise_consultations_agreement ON promise_consultations (agreement_id, held_on DESC, id)');
    // Append-only: a correction is a new report.
    await db.query(`
      CREATE TABLE commitment_follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL REFERENCES promise_commitments (id) ON DELETE CASCADE,
        reported_on date NOT NULL,
        period_from date,
        period_to date CHECK (period_to >= period_from),
        status text NOT NULL CHECK (status IN ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'NOT_ACHIEVED')),
        indicator_value double precision,
        comment text CHECK (length(comment) <= 2000),
        reported_by_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX commitment_follow_ups_series ON commitment_follow_ups (commitment_id, reported_on, created_at, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE commitment_follow_ups');
    await db.query('DROP TABLE promise_consultations');
    await db.query('DROP TABLE promise_commitments');
  }
}
