import { MigrationInterface, QueryRunner } from 'typeorm';
import { externalIdDdl } from '@samverkan/federation';

/**
 * Templates for agreements (issue 14): one record per template, its lists as jsonb columns so that
 * every change is one new version. An agreement keeps its own sections and records the template and
 * version it was drafted from; a template in use cannot be deleted (the foreign key keeps that too).
 */
export class CreateAgreementTemplates1765200000100 implements MigrationInterface {
  name = 'CreateAgreementTemplates1765200000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agreement_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        owner_id uuid NOT NULL,
        visibility text NOT NULL DEFAULT 'OWNER' CHECK (visibility IN ('PUBLIC', 'NETWORK', 'SHARED', 'OWNER')),
        shared_with uuid[] NOT NULL DEFAULT '{}',
        title varchar(200) NOT NULL CHECK (length(title) >= 1),
        kind text NOT NULL CHECK (kind IN ('IOP', 'DECLARATION_OF_INTENT', 'COLLABORATION_AGREEMENT', 'CITIZEN_PROMISE', 'NATIONAL_AGREEMENT', 'METHOD_FRAMEWORK')),
        description text,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
        sections jsonb NOT NULL DEFAULT '[]',
        suggested_parties jsonb NOT NULL DEFAULT '[]',
        suggested_resources jsonb NOT NULL DEFAULT '[]',
        suggested_phases jsonb NOT NULL DEFAULT '[]'
      )`);
    await db.query('CREATE INDEX agreement_templates_title ON agreement_templates (title, id)');
    for (const statement of externalIdDdl('agreement_templates')) await db.query(statement);
    await db.query(`ALTER TABLE agreements
      ADD COLUMN sections jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN template_id uuid REFERENCES agreement_templates (id),
      ADD COLUMN template_version int,
      ADD CONSTRAINT agreements_template_version CHECK ((template_id IS NULL) = (template_version IS NULL))`);
    await db.query('CREATE INDEX agreements_template ON agreements (template_id) WHERE template_id IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE agreements DROP COLUMN template_version, DROP COLUMN template_id, DROP COLUMN sections');
    await db.query('DROP TABLE agreement_templates');
  }
}
