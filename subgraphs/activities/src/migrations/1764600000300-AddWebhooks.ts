import { MigrationInterface, QueryRunner } from 'typeorm';
import { WEBHOOKS_DDL, WEBHOOKS_DDL_DOWN } from '@samverkan/federation';

/** Webhook subscriptions and their outbox of deliveries (README, "Webhooks"); pg-boss keeps its queue in a schema of its own. */
export class AddWebhooks1764600000300 implements MigrationInterface {
  name = 'AddWebhooks1764600000300';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of WEBHOOKS_DDL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of WEBHOOKS_DDL_DOWN) await db.query(statement);
  }
}
