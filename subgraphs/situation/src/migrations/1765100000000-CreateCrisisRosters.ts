import { MigrationInterface, QueryRunner } from 'typeorm';
import { externalIdDdl } from '@samverkan/federation';

const KINDS = `('FATAL_VIOLENCE', 'SHOOTING_OR_EXPLOSION', 'FIRE', 'PUBLIC_DISORDER', 'SUICIDE', 'LARGE_ACCIDENT', 'THREAT_AGAINST_ACTIVITY')`;

/** Crisis rosters per area (issue 13): whom to contact, by kind of incident, in order, with backups. */
export class CreateCrisisRosters1765100000000 implements MigrationInterface {
  name = 'CreateCrisisRosters1765100000000';

  async up(db: QueryRunner): Promise<void> {
    // Area codes, contact functions and actors live in the actors subgraph: checked at write time, no foreign key.
    await db.query(`
      CREATE TABLE crisis_rosters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_code text NOT NULL UNIQUE,
        owner_id uuid NOT NULL,
        visibility text NOT NULL DEFAULT 'OWNER' CHECK (visibility IN ('PUBLIC', 'NETWORK', 'SHARED', 'OWNER')),
        shared_with uuid[] NOT NULL DEFAULT '{}',
        maintainer_ids uuid[] NOT NULL DEFAULT '{}',
        note text CHECK (char_length(note) <= 2000),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const statement of externalIdDdl('crisis_rosters')) await db.query(statement);
    await db.query(`
      CREATE TABLE crisis_roster_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roster_id uuid NOT NULL REFERENCES crisis_rosters (id) ON DELETE CASCADE,
        incident_kind text NOT NULL CHECK (incident_kind IN ${KINDS}),
        position integer NOT NULL CHECK (position BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('PRIMARY', 'BACKUP')),
        contact_function_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        task text CHECK (char_length(task) <= 500),
        UNIQUE (roster_id, incident_kind, contact_function_id)
      )`);
    await db.query('CREATE INDEX crisis_roster_entries_order ON crisis_roster_entries (roster_id, incident_kind, position, role)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE crisis_roster_entries');
    await db.query('DROP TABLE crisis_rosters');
  }
}
