import { MigrationInterface, QueryRunner } from 'typeorm';

const OUTCOMES = `('CONTACTED', 'ACKNOWLEDGED', 'NOT_REACHED')`;
const CHANNELS = `('PHONE', 'SMS', 'EMAIL', 'MEETING', 'OTHER')`;

/**
 * The contact log of incidents (issue 13), append-only: every contact made or tried, where the
 * contact list's lines kept only their latest. Lines already contacted get one entry each, from
 * what the line kept (when it was logged is not known: its contact time stands in).
 */
export class AddIncidentContactAttempts1765100000300 implements MigrationInterface {
  name = 'AddIncidentContactAttempts1765100000300';

  async up(db: QueryRunner): Promise<void> {
    // The organisation that logged an entry lives in the actors subgraph: checked at write time (the viewer's own), no foreign key.
    await db.query(`
      CREATE TABLE incident_contact_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigserial NOT NULL UNIQUE,
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES incident_contacts (id) ON DELETE CASCADE,
        logged_at timestamptz NOT NULL,
        contacted_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ${OUTCOMES}),
        channel text NOT NULL CHECK (channel IN ${CHANNELS}),
        contacted_by_id uuid NOT NULL,
        commitment text CHECK (char_length(commitment) <= 1000),
        note text CHECK (char_length(note) <= 1000)
      )`);
    // A line's entries oldest first, an incident's newest first: both in the order they were logged.
    await db.query('CREATE INDEX incident_contact_log_contact ON incident_contact_log (contact_id, sequence)');
    await db.query('CREATE INDEX incident_contact_log_incident ON incident_contact_log (incident_id, sequence)');
    await db.query(`
      INSERT INTO incident_contact_log (incident_id, contact_id, logged_at, contacted_at, outcome, channel, contacted_by_id, commitment, note)
      SELECT incident_id, id, contacted_at, contacted_at, status, channel, contacted_by_id, commitment, note
        FROM incident_contacts
       WHERE status <> 'UNCONTACTED' AND contacted_at IS NOT NULL AND channel IS NOT NULL AND contacted_by_id IS NOT NULL
       ORDER BY contacted_at, id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE incident_contact_log');
  }
}
