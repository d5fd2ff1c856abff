import { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_KEYS_DDL } from '@samverkan/platform';
import { externalIdDdl } from '@samverkan/federation';

/** Local systems stay in step (issue 12): the idempotency keys of retried creates, and each record's id in its owner's own system, unique per owner. */
export class AddIdempotencyKeysAndExternalIds1764600000100 implements MigrationInterface {
  name = 'AddIdempotencyKeysAndExternalIds1764600000100';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of [...IDEMPOTENCY_KEYS_DDL, ...externalIdDdl('situation_reports')]) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX situation_reports_external_id');
    await db.query('ALTER TABLE situation_reports DROP COLUMN external_id');
    await db.query('DROP TABLE idempotency_keys');
  }
}
