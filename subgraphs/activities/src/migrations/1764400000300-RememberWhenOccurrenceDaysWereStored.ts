import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day each activity's occurrence days were stored around, so the upkeep can store them afresh
 * before the filters' window runs past them (see `refreshOccurrenceDays`). Scheduled activities of
 * before this column get today's, since their days were stored within the last few days at most.
 */
export class RememberWhenOccurrenceDaysWereStored1764400000300 implements MigrationInterface {
  name = 'RememberWhenOccurrenceDaysWereStored1764400000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE activities ADD COLUMN occurrence_days_stored_on date');
    await db.query('UPDATE activities SET occurrence_days_stored_on = CURRENT_DATE WHERE start_time IS NOT NULL');
    await db.query('CREATE INDEX activities_occurrence_days_stored_on ON activities (occurrence_days_stored_on) WHERE start_time IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE activities DROP COLUMN occurrence_days_stored_on');
  }
}
