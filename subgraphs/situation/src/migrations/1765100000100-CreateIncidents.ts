import { MigrationInterface, QueryRunner } from 'typeorm';
import { externalIdDdl } from '@samverkan/federation';

const KINDS = `('FATAL_VIOLENCE', 'SHOOTING_OR_EXPLOSION', 'FIRE', 'PUBLIC_DISORDER', 'SUICIDE', 'LARGE_ACCIDENT', 'THREAT_AGAINST_ACTIVITY')`;
const SEVERITIES = `('MINOR', 'MODERATE', 'SEVERE', 'EXTREME')`;
const STATUSES = `('OPEN', 'ACTIVE', 'STOOD_DOWN', 'CLOSED')`;
const CONTACT_STATUSES = `('UNCONTACTED', 'CONTACTED', 'ACKNOWLEDGED', 'NOT_REACHED')`;
const CHANNELS = `('PHONE', 'SMS', 'EMAIL', 'MEETING', 'OTHER')`;

/** Incidents (issue 13): what happened where, its contact list (a copy of the crisis roster at activation) with its log, and the joint follow-up. */
export class CreateIncidents1765100000100 implements MigrationInterface {
  name = 'CreateIncidents1765100000100';

  async up(db: QueryRunner): Promise<void> {
    // Area codes, actors and contact functions live in the actors subgraph: checked at write time, no foreign key.
    await db.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ${KINDS}),
        severity text NOT NULL CHECK (severity IN ${SEVERITIES}),
        status text NOT NULL CHECK (status IN ${STATUSES}),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text CHECK (char_length(description) <= 4000),
        occurred_at timestamptz NOT NULL,
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        activated_at timestamptz NOT NULL,
        stood_down_at timestamptz,
        closed_at timestamptz,
        roster_area_code text,
        overdue_recorded_at timestamptz,
        owner_id uuid NOT NULL,
        visibility text NOT NULL DEFAULT 'OWNER' CHECK (visibility IN ('PUBLIC', 'NETWORK', 'SHARED', 'OWNER')),
        shared_with uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT incidents_point CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    for (const statement of externalIdDdl('incidents')) await db.query(statement);
    await db.query('CREATE INDEX incidents_area_code ON incidents (area_code text_pattern_ops)');
    await db.query('CREATE INDEX incidents_order ON incidents (activated_at DESC, id DESC)');
    await db.query('CREATE INDEX incidents_owner_id ON incidents (owner_id)');
    await db.query(`
      CREATE TABLE incident_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('PRIMARY', 'BACKUP')),
        contact_function_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        task text CHECK (char_length(task) <= 500),
        status text NOT NULL DEFAULT 'UNCONTACTED' CHECK (status IN ${CONTACT_STATUSES}),
        channel text CHECK (channel IN ${CHANNELS}),
        contacted_at timestamptz,
        contacted_by_id uuid,
        commitment text CHECK (char_length(commitment) <= 1000),
        note text CHECK (char_length(note) <= 1000),
        UNIQUE (incident_id, contact_function_id)
      )`);
    // Overdue and "not contacted": the lines of an incident by status.
    await db.query('CREATE INDEX incident_contacts_status ON incident_contacts (incident_id, status)');
    await db.query(`
      CREATE TABLE incident_follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL,
        what_worked text NOT NULL CHECK (char_length(what_worked) BETWEEN 1 AND 2000),
        what_did_not_work text NOT NULL CHECK (char_length(what_did_not_work) BETWEEN 1 AND 2000),
        written_at timestamptz NOT NULL,
        UNIQUE (incident_id, actor_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE incident_follow_ups');
    await db.query('DROP TABLE incident_contacts');
    await db.query('DROP TABLE incidents');
  }
}
