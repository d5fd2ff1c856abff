import { MigrationInterface, QueryRunner } from 'typeorm';
import { externalIdDdl } from '@samverkan/federation';
import { IDEMPOTENCY_KEYS_DDL } from '@samverkan/platform';

const FUNCTIONS = `('SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'CIVIL_SOCIETY', 'OTHER')`;
const ROLES = `('LEAD', 'BACKUP', 'MEMBER', 'COORDINATOR')`;

/**
 * The concerns store (issue 15, docs/dpia-concerns.md): intervention teams, concerns with their
 * consent, the activated team, the follow-up log, the 24-hour clock and its notifications, the
 * hash-chained audit log (append-only by trigger) and the tombstones of deleted concerns.
 * Areas, contact functions and actors live in the actors subgraph: checked at write time, no foreign key.
 */
export class CreateConcernsStore1765300000000 implements MigrationInterface {
  name = 'CreateConcernsStore1765300000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of IDEMPOTENCY_KEYS_DDL) await db.query(statement);
    await db.query(`
      CREATE TABLE intervention_teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_code text NOT NULL UNIQUE,
        owner_id uuid NOT NULL,
        visibility text NOT NULL DEFAULT 'NETWORK' CHECK (visibility IN ('PUBLIC', 'NETWORK', 'SHARED', 'OWNER')),
        shared_with uuid[] NOT NULL DEFAULT '{}',
        maintainer_ids uuid[] NOT NULL DEFAULT '{}',
        note text CHECK (char_length(note) <= 2000),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const statement of externalIdDdl('intervention_teams')) await db.query(statement);
    await db.query(`
      CREATE TABLE team_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES intervention_teams (id) ON DELETE CASCADE,
        contact_function_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        actor_kind text NOT NULL,
        function text NOT NULL CHECK (function IN ${FUNCTIONS}),
        role text NOT NULL CHECK (role IN ${ROLES}),
        joined_at timestamptz,
        UNIQUE (team_id, contact_function_id)
      )`);
    await db.query('CREATE INDEX team_members_team ON team_members (team_id)');
    await db.query('CREATE INDEX team_members_actor ON team_members (actor_id)');

    await db.query(`
      CREATE TABLE concerns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_code text NOT NULL,
        team_id uuid NOT NULL,
        receiving_actor_id uuid NOT NULL,
        receiving_actor_kind text NOT NULL,
        registered_at timestamptz NOT NULL,
        child_age integer NOT NULL CHECK (child_age BETWEEN 0 AND 20),
        child_reference text NOT NULL UNIQUE,
        worry text NOT NULL CHECK (char_length(worry) <= 4000),
        answer_channel text NOT NULL CHECK (answer_channel IN ('PHONE', 'SMS', 'EMAIL', 'MEETING')),
        answer_preference text CHECK (char_length(answer_preference) <= 500),
        contact_ciphertext text NOT NULL,
        legal_basis text NOT NULL CHECK (legal_basis IN ('CONSENT', 'PUBLIC_TASK', 'LEGAL_OBLIGATION')),
        purpose text NOT NULL CHECK (char_length(purpose) <= 500),
        consent_given boolean NOT NULL,
        consent_functions text[] NOT NULL DEFAULT '{}',
        consent_purpose text CHECK (char_length(consent_purpose) <= 500),
        consent_given_at timestamptz,
        consent_recorded_by uuid NOT NULL,
        consent_recorded_at timestamptz NOT NULL,
        consent_withdrawn_at timestamptz,
        consent_withdrawn_by uuid,
        status text NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CONTACTED', 'CLOSED')),
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        first_contact_at timestamptz,
        first_contact_by uuid,
        breached_at timestamptz,
        closed_at timestamptz,
        outcome text,
        outcome_note text CHECK (char_length(outcome_note) <= 2000),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (consent_given = (consent_given_at IS NOT NULL)),
        CHECK (legal_basis <> 'CONSENT' OR consent_given)
      )`);
    await db.query('CREATE INDEX concerns_receiving ON concerns (receiving_actor_id)');
    await db.query('CREATE INDEX concerns_area_registered ON concerns (area_code, registered_at)');
    await db.query('CREATE INDEX concerns_closed ON concerns (closed_at) WHERE closed_at IS NOT NULL');
    await db.query(`
      CREATE TABLE concern_recipients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        concern_id uuid NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        contact_function_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        actor_kind text NOT NULL,
        function text NOT NULL CHECK (function IN ${FUNCTIONS}),
        role text NOT NULL CHECK (role IN ${ROLES})
      )`);
    await db.query('CREATE INDEX concern_recipients_concern ON concern_recipients (concern_id)');
    await db.query('CREATE INDEX concern_recipients_actor ON concern_recipients (actor_id, concern_id)');
    await db.query(`
      CREATE TABLE concern_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        concern_id uuid NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('ACKNOWLEDGED', 'FIRST_CONTACT', 'ACTION', 'CONSENT_WITHDRAWN', 'CLOSED')),
        outcome text,
        note text CHECK (char_length(note) <= 2000),
        at timestamptz NOT NULL,
        actor_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX concern_actions_concern ON concern_actions (concern_id, at)');

    await db.query(`
      CREATE TABLE concern_deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        concern_id uuid NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        step text NOT NULL CHECK (step IN ('REMINDER', 'ESCALATE_BACKUPS', 'ESCALATE_COORDINATOR', 'BREACH')),
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        skipped boolean NOT NULL DEFAULT false,
        UNIQUE (concern_id, step)
      )`);
    await db.query('CREATE INDEX concern_deadlines_pending ON concern_deadlines (due_at) WHERE fired_at IS NULL AND NOT skipped');
    await db.query(`
      CREATE TABLE concern_notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        concern_id uuid NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        deadline_id uuid REFERENCES concern_deadlines (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('ACTIVATED', 'REMINDER', 'ESCALATION', 'BREACH')),
        contact_function_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ${ROLES}),
        queued_at timestamptz NOT NULL,
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0
      )`);
    await db.query('CREATE INDEX concern_notifications_concern ON concern_notifications (concern_id)');
    await db.query('CREATE INDEX concern_notifications_unsent ON concern_notifications (queued_at) WHERE sent_at IS NULL');

    await db.query(`
      CREATE TABLE concern_audit (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        at timestamptz NOT NULL,
        concern_id uuid NOT NULL,
        action text NOT NULL,
        actor_id uuid,
        subject text,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await db.query('CREATE INDEX concern_audit_concern ON concern_audit (concern_id)');
    // Append-only: the service's own database role cannot change or remove an entry.
    await db.query(`
      CREATE FUNCTION concern_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'concern_audit is append-only: % refused', TG_OP;
      END $$`);
    await db.query(`CREATE TRIGGER concern_audit_append_only BEFORE UPDATE OR DELETE ON concern_audit FOR EACH ROW EXECUTE FUNCTION concern_audit_append_only()`);
    await db.query(`CREATE TRIGGER concern_audit_no_truncate BEFORE TRUNCATE ON concern_audit FOR EACH STATEMENT EXECUTE FUNCTION concern_audit_append_only()`);

    await db.query(`
      CREATE TABLE concern_tombstones (
        id uuid PRIMARY KEY,
        area_code text NOT NULL,
        registered_month text NOT NULL,
        receiving_actor_kind text NOT NULL,
        minutes_to_first_contact integer,
        closed_at timestamptz NOT NULL,
        deleted_at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX concern_tombstones_month ON concern_tombstones (registered_month, area_code)');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['concern_tombstones', 'concern_audit', 'concern_notifications', 'concern_deadlines', 'concern_actions', 'concern_recipients', 'concerns', 'team_members', 'intervention_teams', 'idempotency_keys']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query('DROP FUNCTION concern_audit_append_only()');
  }
}
