import { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_KEYS_DDL } from '@samverkan/platform';
import { externalIdDdl } from '@samverkan/federation';

/** The records an actor keeps in the registry besides its entry. */
const ACTOR_RECORDS = ['services', 'venues', 'contact_functions'];

/**
 * Local systems stay in step (issue 12): the idempotency keys of retried creates, and each registry
 * record's id in the maintaining organisation's own system, unique per that organisation: an
 * actor's owner, and for its records the same organisation, which each row carries as
 * `maintainer_id` (an actor's owner never changes, nor does a record's actor), set on insert.
 */
export class AddIdempotencyKeysAndExternalIds1764600000100 implements MigrationInterface {
  name = 'AddIdempotencyKeysAndExternalIds1764600000100';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of [...IDEMPOTENCY_KEYS_DDL, ...externalIdDdl('actors')]) await db.query(statement);
    await db.query(`
      CREATE FUNCTION set_maintainer_id() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.maintainer_id := (SELECT owner_id FROM actors WHERE id = NEW.actor_id);
        RETURN NEW;
      END $$`);
    for (const table of ACTOR_RECORDS) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN maintainer_id uuid`);
      await db.query(`UPDATE ${table} r SET maintainer_id = a.owner_id FROM actors a WHERE a.id = r.actor_id`);
      await db.query(`ALTER TABLE ${table} ALTER COLUMN maintainer_id SET NOT NULL`);
      await db.query(`CREATE TRIGGER ${table}_maintainer_id BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION set_maintainer_id()`);
      for (const statement of externalIdDdl(table, 'maintainer_id')) await db.query(statement);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ACTOR_RECORDS) {
      await db.query(`DROP TRIGGER ${table}_maintainer_id ON ${table}`);
      await db.query(`ALTER TABLE ${table} DROP COLUMN external_id, DROP COLUMN maintainer_id`);
    }
    await db.query('DROP FUNCTION set_maintainer_id()');
    await db.query('ALTER TABLE actors DROP COLUMN external_id');
    await db.query('DROP TABLE idempotency_keys');
  }
}
