import { MigrationInterface, QueryRunner } from 'typeorm';
import { TARGET_GROUPS } from '@samverkan/federation';

/** Target groups are one list across the federation; it gained PEOPLE_WITH_NPF. */
export class AllowNpfTargetGroup1764200000000 implements MigrationInterface {
  name = 'AllowNpfTargetGroup1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE activities DROP CONSTRAINT activities_target_groups_check');
    await db.query(
      `ALTER TABLE activities ADD CONSTRAINT activities_target_groups_check
         CHECK (cardinality(target_groups) >= 1 AND target_groups <@ ARRAY[${TARGET_GROUPS.map((g) => `'${g}'`).join(', ')}]::text[])`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE activities DROP CONSTRAINT activities_target_groups_check');
    await db.query(
      `ALTER TABLE activities ADD CONSTRAINT activities_target_groups_check
         CHECK (cardinality(target_groups) >= 1 AND target_groups <@ ARRAY['CHILDREN', 'YOUNG_PEOPLE', 'PARENTS', 'RELATIVES', 'RESIDENTS', 'LEADERS_AND_VOLUNTEERS', 'PROFESSIONALS']::text[])`,
    );
  }
}
