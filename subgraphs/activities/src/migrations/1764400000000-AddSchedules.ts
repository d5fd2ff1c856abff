import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activities get times of day (in Sweden), an RFC 5545 recurrence rule, excluded days and cancelled
 * occurrences; their period (starts_on, ends_on) stays what bounds the rule. The days each activity
 * takes place on are stored beside it, for the list filters by occurrence window and weekday
 * (written with the activity; see schedule/schedule.ts). Existing activities have no times, hence no
 * occurrences, until their owners add a schedule.
 */
export class AddSchedules1764400000000 implements MigrationInterface {
  name = 'AddSchedules1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE activities
        ADD COLUMN start_time time,
        ADD COLUMN end_time time,
        ADD COLUMN recurrence text CHECK (length(recurrence) BETWEEN 1 AND 300),
        ADD COLUMN excluded_dates text[] NOT NULL DEFAULT '{}',
        ADD COLUMN cancellations jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(cancellations) = 'array'),
        ADD CONSTRAINT activities_schedule_check CHECK (
          start_time IS NOT NULL OR (end_time IS NULL AND recurrence IS NULL AND cardinality(excluded_dates) = 0 AND cancellations = '[]')
        )`);
    await db.query('CREATE INDEX activities_start_time ON activities (start_time) WHERE start_time IS NOT NULL');
    await db.query(`
      CREATE TABLE activity_occurrence_days (
        activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        occurs_on date NOT NULL,
        PRIMARY KEY (activity_id, occurs_on)
      )`);
    await db.query('CREATE INDEX activity_occurrence_days_occurs_on ON activity_occurrence_days (occurs_on)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_occurrence_days');
    await db.query(`
      ALTER TABLE activities DROP CONSTRAINT activities_schedule_check,
        DROP COLUMN cancellations, DROP COLUMN excluded_dates, DROP COLUMN recurrence, DROP COLUMN end_time, DROP COLUMN start_time`);
  }
}
