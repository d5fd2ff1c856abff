import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money in a draft may name its currency before the amount is agreed (e.g. "a grant in SEK, amount
 * to be decided"): an amount still needs its currency, and only money has one.
 */
export class MoneyCurrencyBeforeAmount1765200000250 implements MigrationInterface {
  name = 'MoneyCurrencyBeforeAmount1765200000250';

  async up(db: QueryRunner): Promise<void> {
    await dropCheck(db, '(amount IS NULL) = (currency IS NULL)');
    await db.query(`ALTER TABLE agreement_resources
      ADD CONSTRAINT agreement_resources_amount_has_currency CHECK (amount IS NULL OR currency IS NOT NULL),
      ADD CONSTRAINT agreement_resources_currency_of_money CHECK (kind = 'MONEY' OR currency IS NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agreement_resources
      DROP CONSTRAINT agreement_resources_amount_has_currency,
      DROP CONSTRAINT agreement_resources_currency_of_money,
      ADD CHECK ((amount IS NULL) = (currency IS NULL))`);
  }
}

/** Drops the unnamed check constraint whose definition contains `text` (PostgreSQL named it). */
async function dropCheck(db: QueryRunner, text: string) {
  const [found]: Array<{ conname: string }> = await db.query(
    `SELECT conname FROM pg_constraint WHERE conrelid = 'agreement_resources'::regclass AND contype = 'c' AND position($1 in pg_get_constraintdef(oid)) > 0`,
    [text],
  );
  if (!found) throw new Error(`agreement_resources has no check constraint like ${text}`);
  await db.query(`ALTER TABLE agreement_resources DROP CONSTRAINT "${found.conname}"`);
}
