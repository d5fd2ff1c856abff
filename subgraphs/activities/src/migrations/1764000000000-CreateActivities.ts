import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = [
  'MBU_MEETING', 'SAFETY_WALK', 'SPORT', 'LEISURE', 'CULTURE', 'OPEN_MEETING_PLACE', 'PARENT_SUPPORT', 'HOMEWORK_HELP',
  'SAFETY_HOSTS', 'CRISIS_SUPPORT', 'DIALOGUE_MEETING', 'OUTREACH', 'EXIT_PROGRAMME', 'SUMMER_JOBS', 'OTHER',
];
const TARGET_GROUPS = ['CHILDREN', 'YOUNG_PEOPLE', 'PARENTS', 'RELATIVES', 'RESIDENTS', 'LEADERS_AND_VOLUNTEERS', 'PROFESSIONALS'];
const POLICE_PURPOSES = ['RELATIONSHIP_BUILDING', 'SAFETY', 'DIALOGUE', 'KNOWLEDGE_SHARING', 'CRISIS_SUPPORT'];
const CLASSIFICATIONS = [
  'NOT_CLASSIFIED', 'UNIVERSAL_PREVENTION', 'SELECTIVE_PREVENTION', 'INDICATED_PREVENTION', 'SITUATIONAL_PREVENTION', 'CRISIS_RESPONSE',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

export class CreateActivities1764000000000 implements MigrationInterface {
  name = 'CreateActivities1764000000000';

  async up(db: QueryRunner): Promise<void> {
    // area_code, actor ids and funding_agreement_id refer to records of other subgraphs: they are
    // checked when written (assertReferencesExist), not by foreign keys.
    await db.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL CHECK (length(title) >= 1),
        kind text NOT NULL CHECK (kind IN (${list(KINDS)})),
        area_code text NOT NULL,
        starts_on date NOT NULL,
        ends_on date CHECK (ends_on >= starts_on),
        target_groups text[] NOT NULL CHECK (cardinality(target_groups) >= 1 AND target_groups <@ ARRAY[${list(TARGET_GROUPS)}]::text[]),
        age_min integer CHECK (age_min BETWEEN 0 AND 120),
        age_max integer CHECK (age_max BETWEEN 0 AND 120),
        police_purpose text CHECK (police_purpose IN (${list(POLICE_PURPOSES)})),
        police_explanation text CHECK (length(police_explanation) <= 1000),
        public_description varchar(4000),
        internal_classification text NOT NULL DEFAULT 'NOT_CLASSIFIED' CHECK (internal_classification IN (${list(CLASSIFICATIONS)})),
        participant_count integer CHECK (participant_count >= 0),
        funding_agreement_id uuid,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (age_min <= age_max),
        CHECK (police_purpose IS NOT NULL OR police_explanation IS NULL)
      )`);
    // The list order (newest start first) and the keyset pagination over it.
    await db.query('CREATE INDEX activities_starts_on ON activities (starts_on DESC, id DESC)');
    await db.query('CREATE INDEX activities_area_code ON activities (area_code text_pattern_ops)');
    await db.query('CREATE INDEX activities_funding_agreement_id ON activities (funding_agreement_id) WHERE funding_agreement_id IS NOT NULL');
    await db.query('CREATE INDEX activities_target_groups ON activities USING gin (target_groups)');
    await db.query(`
      CREATE TABLE activity_organisers (
        activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL,
        PRIMARY KEY (activity_id, actor_id)
      )`);
    await db.query('CREATE INDEX activity_organisers_actor_id ON activity_organisers (actor_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_organisers');
    await db.query('DROP TABLE activities');
  }
}
