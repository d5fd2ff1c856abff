import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One actor per organisation number (the registry's natural key; see registry/natural-key.ts),
 * archived actors included. Numbers are first brought to their written form NNNNNN-NNNN, so that
 * "802002-3829" and "8020023829" are one key. Should the registry already hold a number twice, the
 * migration stops and names the actors: which entry is right is for people to decide.
 */
export class UniqueOrganisationNumbers1764300000000 implements MigrationInterface {
  name = 'UniqueOrganisationNumbers1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE actors SET organisation_number = NULLIF(btrim(organisation_number), '') WHERE organisation_number <> btrim(organisation_number) OR organisation_number = ''`);
    await db.query(
      `UPDATE actors SET organisation_number = substr(organisation_number, 1, 6) || '-' || substr(organisation_number, 7)
        WHERE organisation_number ~ '^[0-9]{10}$'`,
    );
    const duplicates: Array<{ organisation_number: string; actors: string }> = await db.query(
      `SELECT organisation_number, string_agg(id || ' "' || name || '"', ', ' ORDER BY created_at, id) AS actors
         FROM actors WHERE organisation_number IS NOT NULL GROUP BY organisation_number HAVING count(*) > 1`,
    );
    if (duplicates.length) {
      throw new Error(
        `Organisation numbers registered more than once; give each to one actor (clear it on the others) and migrate again: ${duplicates
          .map((d) => `${d.organisation_number}: ${d.actors}`)
          .join('; ')}`,
      );
    }
    await db.query('CREATE UNIQUE INDEX actors_organisation_number ON actors (organisation_number) WHERE organisation_number IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX actors_organisation_number');
  }
}
