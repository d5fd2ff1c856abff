import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An actor's public contact (contact-functions/public-contact.ts): which of its contact functions the
 * public may see, and which of that function's channels, named by kind and value so that a channel
 * added or changed later is never public until chosen. Deleting the function clears the choice
 * (contact-function.resolver.ts does so with a new version; the foreign key is the backstop).
 */
export class PublicContact1764400000000 implements MigrationInterface {
  name = 'PublicContact1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE actors
        ADD COLUMN public_contact_function_id uuid REFERENCES contact_functions (id) ON DELETE SET NULL,
        ADD COLUMN public_contact_channels jsonb NOT NULL DEFAULT '[]'`);
    await db.query('CREATE INDEX actors_public_contact ON actors (public_contact_function_id) WHERE public_contact_function_id IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX actors_public_contact');
    await db.query('ALTER TABLE actors DROP COLUMN public_contact_channels, DROP COLUMN public_contact_function_id');
  }
}
