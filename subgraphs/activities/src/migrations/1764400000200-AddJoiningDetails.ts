import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
// The values as of this migration: a later change of an enum needs its own migration.
const SIGN_UP_METHODS = ['NONE_NEEDED', 'ON_SITE', 'LINK', 'CONTACT'];
const ACCESSIBILITY_FEATURES = ['STEP_FREE_ACCESS', 'ACCESSIBLE_TOILET', 'HEARING_LOOP', 'SIGN_LANGUAGE', 'EASY_TO_READ_INFORMATION', 'ASSISTANT_WELCOME'];
const NPF_ADAPTATIONS = ['SMALL_GROUPS', 'QUIET_SPACE', 'PREDICTABLE_STRUCTURE', 'VISUAL_SUPPORT', 'INFORMATION_IN_ADVANCE', 'NPF_TRAINED_LEADERS'];

/**
 * What a parent needs before going: the cost (free, or whole kronor, and whether Fritidskortet pays),
 * how to sign up, the languages spoken (ISO 639-1) and adaptations for disabilities and NPF, as
 * structured values with optional free text. All public, like the activity.
 */
export class AddJoiningDetails1764400000200 implements MigrationInterface {
  name = 'AddJoiningDetails1764400000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE activities
        ADD COLUMN cost_free boolean,
        ADD COLUMN cost_sek integer CHECK (cost_sek BETWEEN 1 AND 100000),
        ADD COLUMN cost_fritidskortet boolean NOT NULL DEFAULT false,
        ADD COLUMN cost_note varchar(500),
        ADD COLUMN sign_up_method text CHECK (sign_up_method IN (${list(SIGN_UP_METHODS)})),
        ADD COLUMN sign_up_url varchar(500),
        ADD COLUMN sign_up_note varchar(500),
        ADD COLUMN languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 10),
        ADD COLUMN accessibility_features text[] NOT NULL DEFAULT '{}' CHECK (accessibility_features <@ ARRAY[${list(ACCESSIBILITY_FEATURES)}]::text[]),
        ADD COLUMN npf_adaptations text[] NOT NULL DEFAULT '{}' CHECK (npf_adaptations <@ ARRAY[${list(NPF_ADAPTATIONS)}]::text[]),
        ADD COLUMN accessibility_note varchar(1000),
        ADD CONSTRAINT activities_cost_check CHECK (NOT (cost_free AND cost_sek IS NOT NULL)
          AND (cost_free IS NOT NULL OR (cost_sek IS NULL AND NOT cost_fritidskortet AND cost_note IS NULL))),
        ADD CONSTRAINT activities_sign_up_check CHECK ((sign_up_method = 'LINK') = (sign_up_url IS NOT NULL)
          AND (sign_up_method IS NOT NULL OR sign_up_note IS NULL))`);
    // The finder's filters to come (languages, NPF adaptations) match any of several values.
    await db.query('CREATE INDEX activities_languages ON activities USING gin (languages)');
    await db.query('CREATE INDEX activities_npf_adaptations ON activities USING gin (npf_adaptations)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE activities DROP CONSTRAINT activities_sign_up_check, DROP CONSTRAINT activities_cost_check,
        DROP COLUMN accessibility_note, DROP COLUMN npf_adaptations, DROP COLUMN accessibility_features, DROP COLUMN languages,
        DROP COLUMN sign_up_note, DROP COLUMN sign_up_url, DROP COLUMN sign_up_method,
        DROP COLUMN cost_note, DROP COLUMN cost_fritidskortet, DROP COLUMN cost_sek, DROP COLUMN cost_free`);
  }
}
