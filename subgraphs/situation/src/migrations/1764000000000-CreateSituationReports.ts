import { MigrationInterface, QueryRunner } from 'typeorm';

const LEVELS = `('NORMAL', 'ELEVATED', 'HIGH', 'CRITICAL')`;
const TRENDS = `('IMPROVING', 'STABLE', 'WORSENING')`;
const CATEGORIES = `('RECRUITMENT_TO_CRIME', 'VIOLENCE', 'DRUGS', 'PERCEIVED_SAFETY', 'YOUTH_GATHERINGS', 'SCHOOL_ABSENCE',
  'SOCIAL_MEDIA', 'CONFLICTS', 'CRISIS', 'PROTECTIVE_FACTORS', 'OTHER')`;

export class CreateSituationReports1764000000000 implements MigrationInterface {
  name = 'CreateSituationReports1764000000000';

  async up(db: QueryRunner): Promise<void> {
    // Area codes and actor ids refer to the actors subgraph: checked at write time, no foreign key.
    await db.query(`
      CREATE TABLE situation_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_code text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        reported_by_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ${LEVELS}),
        trend text NOT NULL CHECK (trend IN ${TRENDS}),
        summary text NOT NULL CHECK (char_length(summary) BETWEEN 1 AND 4000),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT situation_reports_period CHECK (period_end >= period_start)
      )`);
    // Area filters: equality and prefix matches (sub-areas).
    await db.query('CREATE INDEX situation_reports_area_code ON situation_reports (area_code text_pattern_ops)');
    // Latest report per area (DISTINCT ON).
    await db.query('CREATE INDEX situation_reports_latest ON situation_reports (area_code, period_end DESC, created_at DESC, id DESC)');
    // The list order, for keyset pagination.
    await db.query('CREATE INDEX situation_reports_order ON situation_reports (period_end DESC, id DESC)');
    await db.query('CREATE INDEX situation_reports_reported_by ON situation_reports (reported_by_id, period_end DESC)');
    await db.query(`
      CREATE TABLE observations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES situation_reports (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position BETWEEN 0 AND 29),
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        level text NOT NULL CHECK (level IN ${LEVELS}),
        trend text NOT NULL CHECK (trend IN ${TRENDS}),
        description text NOT NULL CHECK (char_length(description) <= 2000),
        CONSTRAINT observations_position UNIQUE (report_id, position)
      )`);
    await db.query('CREATE INDEX observations_category ON observations (category, report_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE observations');
    await db.query('DROP TABLE situation_reports');
  }
}
