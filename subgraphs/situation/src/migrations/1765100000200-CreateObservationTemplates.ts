import { MigrationInterface, QueryRunner } from 'typeorm';
import { externalIdDdl } from '@samverkan/federation';

/**
 * Observation templates (issue 13): the observation categories, each with a guiding question, that
 * an area's parties agree on; a situation report may name the template it follows.
 */
export class CreateObservationTemplates1765100000200 implements MigrationInterface {
  name = 'CreateObservationTemplates1765100000200';

  async up(db: QueryRunner): Promise<void> {
    // Areas and the agreeing parties live in the actors subgraph: checked at write time, no foreign key.
    await db.query(`
      CREATE TABLE observation_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_code text NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        categories jsonb NOT NULL CHECK (jsonb_typeof(categories) = 'array' AND jsonb_array_length(categories) BETWEEN 1 AND 11),
        agreed_by_ids uuid[] NOT NULL DEFAULT '{}',
        owner_id uuid NOT NULL,
        visibility text NOT NULL DEFAULT 'OWNER' CHECK (visibility IN ('PUBLIC', 'NETWORK', 'SHARED', 'OWNER')),
        shared_with uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const statement of externalIdDdl('observation_templates')) await db.query(statement);
    await db.query('CREATE INDEX observation_templates_area ON observation_templates (area_code text_pattern_ops)');
    // No foreign key: a report keeps the template it was written with even after the template is deleted.
    await db.query('ALTER TABLE situation_reports ADD COLUMN template_id uuid');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE situation_reports DROP COLUMN template_id');
    await db.query('DROP TABLE observation_templates');
  }
}
