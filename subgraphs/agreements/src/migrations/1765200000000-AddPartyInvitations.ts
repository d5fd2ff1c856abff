import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parties that agree (issue 14): one invitation per named organisation and agreement, with its
 * answer. Agreements recorded before this were entered by their owners as agreed: the parties of
 * every agreement past DRAFT are taken as CONFIRMED; those of a draft are INVITED, but for the
 * owner's own organisation, which named itself.
 */
export class AddPartyInvitations1765200000000 implements MigrationInterface {
  name = 'AddPartyInvitations1765200000000';

  async up(db: QueryRunner): Promise<void> {
    // The actor lives in the actors subgraph: checked when named, no foreign key.
    await db.query(`
      CREATE TABLE agreement_invitations (
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL,
        answer text NOT NULL CHECK (answer IN ('INVITED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')),
        invited_at timestamptz NOT NULL,
        answered_at timestamptz,
        comment text CHECK (char_length(comment) <= 2000),
        PRIMARY KEY (agreement_id, actor_id)
      )`);
    // An organisation's invitations ("what am I asked to sign?").
    await db.query('CREATE INDEX agreement_invitations_actor ON agreement_invitations (actor_id, answer)');
    await db.query(`
      INSERT INTO agreement_invitations (agreement_id, actor_id, answer, invited_at, answered_at)
      SELECT DISTINCT ON (p.agreement_id, p.actor_id) p.agreement_id, p.actor_id,
             CASE WHEN g.status <> 'DRAFT' OR p.actor_id = g.owner_id THEN 'CONFIRMED' ELSE 'INVITED' END,
             g.created_at,
             CASE WHEN g.status <> 'DRAFT' OR p.actor_id = g.owner_id THEN g.created_at END
        FROM agreement_parties p JOIN agreements g ON g.id = p.agreement_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agreement_invitations');
  }
}
