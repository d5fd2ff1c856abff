import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the situation figures: reports by the calendar days their period covers (the month's
 * reports by level), and each area's reports newest first carrying what the latest-level figure
 * reads (an index-only probe per area and month); it replaces the plain latest-report index, whose
 * order it keeps.
 */
export class AddFigureIndexes1764900000000 implements MigrationInterface {
  name = 'AddFigureIndexes1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX situation_reports_period ON situation_reports USING gist (daterange(period_start, period_end, '[]'))`);
    await db.query(`CREATE INDEX situation_reports_latest_as_of ON situation_reports (area_code, period_end DESC, created_at DESC, id DESC)
      INCLUDE (period_start, level, visibility)`);
    await db.query('DROP INDEX situation_reports_latest');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX situation_reports_latest ON situation_reports (area_code, period_end DESC, created_at DESC, id DESC)');
    await db.query('DROP INDEX situation_reports_latest_as_of');
    await db.query('DROP INDEX situation_reports_period');
  }
}
