import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintained coverage aggregates (coverage.ts), so that a dashboard asking for Sweden or a county
 * reads a few hundred rows instead of joining every service and actor of the registry per request.
 *
 * - coverage_offered: per area code and service category, what is offered there directly
 *   (service_areas) and in the area or its sub-areas ("within", rolled up district → municipality →
 *   county → SE), with the age groups as bits (bit i for the i-th group of coverage.ts AGE_GROUPS).
 *   A row exists when something is offered within the area.
 * - coverage_presence: per area code, the civil-society actors (civil society, faith communities)
 *   working in the area or its sub-areas, one row each, so a count is an index-only scan.
 *
 * Both leave archived actors out. Triggers on the registry's tables recompute, in the writing
 * transaction, just the touched areas (with their ancestors, from the children's rows) and the
 * touched actors: so the aggregates are correct as soon as the write commits, whichever replica
 * wrote, and whether or not through the API. Recomputing (not adding deltas) keeps every path
 * (cascades, archiving, category or age changes) right by construction. Writes that change coverage
 * take one transaction-scoped advisory lock first, so concurrent writers recompute one after the
 * other, each in a fresh READ COMMITTED snapshot that sees the other's committed rows.
 */
const LOCK = "pg_advisory_xact_lock(hashtext('samverkan.coverage'))";
const CIVIL_SOCIETY_KINDS = "('CIVIL_SOCIETY', 'FAITH_COMMUNITY')";

export class MaintainCoverageAggregates1764500000000 implements MigrationInterface {
  name = 'MaintainCoverageAggregates1764500000000';

  async up(db: QueryRunner): Promise<void> {
    // An area's parent by its code, as coverage.ts's chain: a district or named area → its municipality → county → SE.
    await db.query(`
      CREATE FUNCTION coverage_parent(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN length(code) > 4 THEN left(code, 4) WHEN length(code) = 4 THEN left(code, 2) WHEN length(code) = 2 THEN 'SE' END $$`);
    // The age groups 0–5, 6–9, 10–12, 13–15, 16–18, 19–25 a service's age range overlaps (an open end
    // is unbounded, 120 as in the services CHECK); none without any age range.
    await db.query(`
      CREATE FUNCTION coverage_age_bits(age_min int, age_max int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN age_min IS NULL AND age_max IS NULL THEN 0 ELSE
          (SELECT coalesce(bit_or(1 << g.i), 0) FROM (VALUES (0, 0, 5), (1, 6, 9), (2, 10, 12), (3, 13, 15), (4, 16, 18), (5, 19, 25)) AS g(i, lo, hi)
            WHERE coalesce(age_min, 0) <= g.hi AND coalesce(age_max, 120) >= g.lo) END $$`);
    await db.query(`
      CREATE TABLE coverage_offered (
        area_code text NOT NULL,
        category text NOT NULL,
        direct boolean NOT NULL,
        direct_ages integer NOT NULL,
        within_ages integer NOT NULL,
        parent_code text GENERATED ALWAYS AS (coverage_parent(area_code)) STORED,
        PRIMARY KEY (area_code, category)
      )`);
    await db.query('CREATE INDEX coverage_offered_parent ON coverage_offered (parent_code) INCLUDE (category, within_ages)');
    await db.query(`
      CREATE TABLE coverage_presence (
        area_code text NOT NULL,
        actor_id uuid NOT NULL,
        PRIMARY KEY (area_code, actor_id)
      )`);
    await db.query('CREATE INDEX coverage_presence_actor ON coverage_presence (actor_id)');

    // Recomputes the rows of the given areas (all of one level, so their children are final): what
    // the registry offers there directly, merged with what their children's rows hold within. The
    // codes go in as a constant (EXECUTE): a bulk write's thousands of codes are then a hashed
    // filter with known size, not a parameter planned blind on tables filled in the same transaction.
    await db.query(`
      CREATE FUNCTION coverage_refresh_level(codes text[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(cardinality(codes), 0) = 0 THEN RETURN; END IF;
        EXECUTE format('DELETE FROM coverage_offered WHERE area_code = ANY(%L::text[])', codes);
        EXECUTE format($sql$
          INSERT INTO coverage_offered (area_code, category, direct, direct_ages, within_ages)
          SELECT code, category, bool_or(direct), bit_or(direct_ages), bit_or(within_ages) FROM (
            SELECT sa.area_code AS code, s.category, true AS direct, coverage_age_bits(s.age_min, s.age_max) AS direct_ages,
                   coverage_age_bits(s.age_min, s.age_max) AS within_ages
              FROM service_areas sa JOIN services s ON s.id = sa.service_id
             WHERE sa.area_code = ANY(%1$L::text[])
               AND NOT EXISTS (SELECT 1 FROM actors archived WHERE archived.id = s.actor_id AND archived.archived_at IS NOT NULL)
            UNION ALL
            SELECT o.parent_code, o.category, false, 0, o.within_ages FROM coverage_offered o WHERE o.parent_code = ANY(%1$L::text[])
          ) AS offered GROUP BY code, category $sql$, codes);
      END $$`);
    // Recomputes the given areas and their ancestors, deepest level first.
    await db.query(`
      CREATE FUNCTION coverage_refresh_offered(codes text[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        touched text[];
      BEGIN
        IF coalesce(cardinality(codes), 0) = 0 THEN RETURN; END IF;
        PERFORM ${LOCK};
        SELECT array_agg(DISTINCT c) INTO touched
          FROM unnest(codes) AS x(code), unnest(ARRAY[x.code, left(x.code, 4), left(x.code, 2), 'SE']) AS c;
        PERFORM coverage_refresh_level(ARRAY(SELECT c FROM unnest(touched) c WHERE length(c) > 4));
        PERFORM coverage_refresh_level(ARRAY(SELECT c FROM unnest(touched) c WHERE length(c) = 4));
        PERFORM coverage_refresh_level(ARRAY(SELECT c FROM unnest(touched) c WHERE length(c) = 2 AND c <> 'SE'));
        PERFORM coverage_refresh_level(ARRAY['SE']);
      END $$`);
    // Recomputes where the given actors work, if they are civil society and not archived (ids as constants, as above).
    await db.query(`
      CREATE FUNCTION coverage_refresh_presence(actor_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(cardinality(actor_ids), 0) = 0 THEN RETURN; END IF;
        PERFORM ${LOCK};
        EXECUTE format('DELETE FROM coverage_presence WHERE actor_id = ANY(%L::uuid[])', actor_ids);
        EXECUTE format($sql$
          INSERT INTO coverage_presence (area_code, actor_id)
          SELECT DISTINCT c, aa.actor_id
            FROM actor_areas aa JOIN actors a ON a.id = aa.actor_id AND a.kind IN ${CIVIL_SOCIETY_KINDS} AND a.archived_at IS NULL
            CROSS JOIN LATERAL unnest(ARRAY[aa.area_code, left(aa.area_code, 4), left(aa.area_code, 2), 'SE']) AS c
           WHERE aa.actor_id = ANY(%L::uuid[]) $sql$, actor_ids);
      END $$`);

    // The triggers: statement-level, so a bulk write recomputes each touched area once.
    await db.query(`
      CREATE FUNCTION coverage_service_areas_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- New links only add offers: merged into the rows (bit_or) without a recompute, so a bulk
          -- insert costs what it inserts (recomputing made the generator's 150,000 services take minutes).
          PERFORM ${LOCK};
          INSERT INTO coverage_offered AS o (area_code, category, direct, direct_ages, within_ages)
          SELECT c.code, s.category, bool_or(c.code = l.area_code),
                 bit_or(CASE WHEN c.code = l.area_code THEN coverage_age_bits(s.age_min, s.age_max) ELSE 0 END), bit_or(coverage_age_bits(s.age_min, s.age_max))
            FROM new_rows l
            JOIN services s ON s.id = l.service_id
            CROSS JOIN LATERAL (SELECT DISTINCT code FROM unnest(ARRAY[l.area_code, left(l.area_code, 4), left(l.area_code, 2), 'SE']) AS c(code)) AS c
           WHERE NOT EXISTS (SELECT 1 FROM actors archived WHERE archived.id = s.actor_id AND archived.archived_at IS NOT NULL)
           GROUP BY c.code, s.category
          ON CONFLICT (area_code, category) DO UPDATE
             SET direct = o.direct OR excluded.direct, direct_ages = o.direct_ages | excluded.direct_ages, within_ages = o.within_ages | excluded.within_ages;
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM coverage_refresh_offered(ARRAY(SELECT DISTINCT area_code FROM old_rows));
        ELSE
          PERFORM coverage_refresh_offered(ARRAY(SELECT area_code FROM new_rows UNION SELECT area_code FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    for (const [op, tables] of [['INSERT', 'NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows'], ['UPDATE', 'NEW TABLE AS new_rows OLD TABLE AS old_rows']]) {
      await db.query(`CREATE TRIGGER coverage_service_areas_${op.toLowerCase()} AFTER ${op} ON service_areas REFERENCING ${tables}
        FOR EACH STATEMENT EXECUTE FUNCTION coverage_service_areas_changed()`);
    }
    // A service's category, ages or actor: its areas. (A new service has no areas yet; a deleted one's go by cascade.)
    await db.query(`
      CREATE FUNCTION coverage_services_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM coverage_refresh_offered(ARRAY(
          SELECT DISTINCT sa.area_code FROM service_areas sa
           WHERE sa.service_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                                    WHERE (n.category, n.age_min, n.age_max, n.actor_id) IS DISTINCT FROM (o.category, o.age_min, o.age_max, o.actor_id))));
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER coverage_services_update AFTER UPDATE ON services REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION coverage_services_changed()`);
    // Archiving, restoring or a new kind: the actor's services' areas, and where it works.
    await db.query(`
      CREATE FUNCTION coverage_actors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed uuid[];
      BEGIN
        changed := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                          WHERE (n.archived_at IS NULL, n.kind) IS DISTINCT FROM (o.archived_at IS NULL, o.kind));
        IF cardinality(changed) = 0 THEN RETURN NULL; END IF;
        PERFORM coverage_refresh_offered(ARRAY(
          SELECT DISTINCT sa.area_code FROM services s JOIN service_areas sa ON sa.service_id = s.id WHERE s.actor_id = ANY(changed)));
        PERFORM coverage_refresh_presence(changed);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER coverage_actors_update AFTER UPDATE ON actors REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION coverage_actors_changed()`);
    await db.query(`
      CREATE FUNCTION coverage_actor_areas_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM coverage_refresh_presence(ARRAY(SELECT DISTINCT actor_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM coverage_refresh_presence(ARRAY(SELECT DISTINCT actor_id FROM old_rows));
        ELSE
          PERFORM coverage_refresh_presence(ARRAY(SELECT actor_id FROM new_rows UNION SELECT actor_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    for (const [op, tables] of [['INSERT', 'NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows'], ['UPDATE', 'NEW TABLE AS new_rows OLD TABLE AS old_rows']]) {
      await db.query(`CREATE TRIGGER coverage_actor_areas_${op.toLowerCase()} AFTER ${op} ON actor_areas REFERENCING ${tables}
        FOR EACH STATEMENT EXECUTE FUNCTION coverage_actor_areas_changed()`);
    }

    // What the registry holds already.
    await db.query('SELECT coverage_refresh_offered(ARRAY(SELECT DISTINCT area_code FROM service_areas))');
    await db.query('SELECT coverage_refresh_presence(ARRAY(SELECT DISTINCT actor_id FROM actor_areas))');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of ['service_areas_insert', 'service_areas_delete', 'service_areas_update', 'actor_areas_insert', 'actor_areas_delete', 'actor_areas_update']) {
      await db.query(`DROP TRIGGER coverage_${trigger} ON ${trigger.replace(/_[a-z]+$/, '')}`);
    }
    await db.query('DROP TRIGGER coverage_services_update ON services');
    await db.query('DROP TRIGGER coverage_actors_update ON actors');
    for (const fn of ['service_areas_changed', 'services_changed', 'actors_changed', 'actor_areas_changed']) await db.query(`DROP FUNCTION coverage_${fn}()`);
    await db.query('DROP FUNCTION coverage_refresh_presence(uuid[])');
    await db.query('DROP FUNCTION coverage_refresh_offered(text[])');
    await db.query('DROP FUNCTION coverage_refresh_level(text[])');
    await db.query('DROP TABLE coverage_presence');
    await db.query('DROP TABLE coverage_offered');
    await db.query('DROP FUNCTION coverage_age_bits(int, int)');
    await db.query('DROP FUNCTION coverage_parent(text)');
  }
}
