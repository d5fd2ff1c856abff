import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { forbidden, hasRole, Role } from '@samverkan/federation';
import { assertSignedIn, badInput, Locked, lockForUpdate, Viewer } from '@samverkan/platform';
import { Area, AreaKind, LocalAreaKind } from './area';
import { assertAreasExist } from './area-links';
import { actorNotArchivedSql } from '../registry/archiving';

/**
 * Who manages the areas below municipality level (districts and named areas): administrators, for
 * any municipality; a coordinator of a municipality (an actor of kind MUNICIPALITY) for the
 * municipality its areas lie in; nobody else. Sweden, counties and municipalities are reference
 * data (SCB) that only migrations change.
 */

type Db = Pick<DataSource | EntityManager, 'query'>;

/** For each municipality code, whether the viewer may manage its districts and named areas (at most one statement). */
export async function mayManageAreasOf(db: Db, viewer: Viewer, municipalityCodes: readonly string[]): Promise<boolean[]> {
  if (hasRole(viewer, Role.ADMINISTRATOR)) return municipalityCodes.map(() => true);
  if (viewer.kind !== 'member' || !hasRole(viewer, Role.COORDINATOR)) return municipalityCodes.map(() => false);
  const rows: Array<{ code: string }> = await db.query(
    `SELECT DISTINCT left(aa.area_code, 4) AS code FROM actors a JOIN actor_areas aa ON aa.actor_id = a.id
      WHERE a.id = $1 AND a.kind = 'MUNICIPALITY' AND a.archived_at IS NULL AND left(aa.area_code, 4) = ANY($2::text[])`,
    [viewer.organisationId, municipalityCodes],
  );
  const managed = new Set(rows.map((row) => row.code));
  return municipalityCodes.map((code) => managed.has(code));
}

/** Refuses the public (UNAUTHENTICATED) and anyone who may not manage the municipality's areas (FORBIDDEN). */
export async function assertMayManageAreasOf(db: Db, viewer: Viewer, municipalityCode: string): Promise<void> {
  assertSignedIn(viewer, 'manage areas');
  const [may] = await mayManageAreasOf(db, viewer, [municipalityCode]);
  if (!may) throw forbidden(`Only administrators and coordinators of municipality ${municipalityCode} manage its districts and named areas`);
}

/** The municipality an area below municipality level belongs to. */
export const municipalityOf = (area: Pick<Area, 'code'>) => area.code.slice(0, 4);

const LOCAL_KINDS: string[] = Object.values(LocalAreaKind);

/**
 * Locks a district or named area for a change by someone who may manage it, at the version the
 * caller read: the public UNAUTHENTICATED, an unknown code NOT_FOUND, reference data and other
 * municipalities' areas FORBIDDEN, a stale version VERSION_CONFLICT.
 */
export async function lockArea(manager: EntityManager, code: string, version: number, viewer: Viewer): Promise<Locked<Area>> {
  assertSignedIn(viewer, 'manage areas');
  return lockForUpdate(manager, Area, 'Area', code, version, async (area) => {
    if (!LOCAL_KINDS.includes(area.kind)) throw forbidden('Sweden, its counties and municipalities are reference data (SCB) and are not changed here');
    await assertMayManageAreasOf(manager, viewer, municipalityOf(area));
  });
}

/** A name for an area, trimmed, and refused when another area of the municipality has it. */
export async function checkedAreaName(manager: EntityManager, municipalityCode: string, name: string, exceptCode?: string): Promise<string> {
  const trimmed = name.trim();
  if (!trimmed) throw badInput('name must not be blank', [{ field: 'name', message: 'must not be blank' }]);
  const [other] = await manager.query(
    `SELECT code, name FROM areas WHERE parent_code = $1 AND lower(name) = lower($2) AND code IS DISTINCT FROM $3`,
    [municipalityCode, trimmed, exceptCode ?? null],
  );
  if (other) throw badInput(`Area ${other.code} of municipality ${municipalityCode} is called "${other.name}" already`, [{ field: 'name', message: `area ${other.code} has this name` }]);
  return trimmed;
}

/** Aliases as stored: trimmed, blank and repeated ones dropped. */
export const cleanAliases = (aliases: readonly string[] | null | undefined) => [...new Set((aliases ?? []).map((alias) => alias.trim()).filter(Boolean))];

/**
 * The districts a named area spans, checked: at least one, all districts of its own municipality
 * that are in use. A district has none.
 */
export async function checkedMembers(manager: EntityManager, kind: AreaKind, municipalityCode: string, memberCodes: readonly string[] | null | undefined): Promise<string[]> {
  const codes = [...new Set(memberCodes ?? [])];
  if (kind !== AreaKind.NAMED_AREA) {
    if (codes.length) throw badInput('Only a named area has member districts', [{ field: 'memberCodes', message: 'only for a named area' }]);
    return [];
  }
  if (codes.length === 0) throw badInput('A named area spans at least one district', [{ field: 'memberCodes', message: 'at least one district' }]);
  const elsewhere = codes.filter((code) => !code.startsWith(`${municipalityCode}-`));
  if (elsewhere.length) {
    throw badInput(`A named area spans districts of its own municipality (${municipalityCode}) only: ${elsewhere.join(', ')}`, [
      { field: 'memberCodes', message: `districts of ${municipalityCode} only` },
    ]);
  }
  await assertAreasExist(manager, codes, 'memberCodes', [AreaKind.DISTRICT]);
  return codes;
}

/** How the registry refuses a code that is taken: codes are never reused, also not an archived area's. */
const codeTaken = (area: { code: string; name: string; archived: boolean }) =>
  badInput(`Area ${area.code} exists already ("${area.name}"${area.archived ? ', archived' : ''}); codes are never reused: choose another name`, [
    { field: 'name', message: `gives the code ${area.code}, which "${area.name}" has` },
  ]);

/** Refuses a code an area has, naming it. */
export async function assertAreaCodeFree(db: Db, code: string): Promise<void> {
  const [area] = await db.query('SELECT code, name, archived_at IS NOT NULL AS archived FROM areas WHERE code = $1', [code]);
  if (area) throw codeTaken(area);
}

/** Runs a write creating the area `code`; a concurrent writer that won is named as `assertAreaCodeFree` names it. */
export async function withAreaCode<T>(dataSource: DataSource, code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const { code: sqlstate, constraint } = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : {};
    if (sqlstate === '23505' && constraint === 'areas_pkey') await assertAreaCodeFree(dataSource, code);
    throw error;
  }
}

/**
 * What in the registry still refers to an area: actors (not archived) working there, their
 * services, venues and contact functions, and named areas spanning it. Records of other subgraphs
 * are not counted: they keep showing an archived area, which stays resolvable by its code.
 */
export async function registryUsesOf(manager: EntityManager, code: string): Promise<string[]> {
  const [counts]: Array<Record<string, number>> = await manager.query(
    `SELECT
       (SELECT count(*) FROM actor_areas aa JOIN actors a ON a.id = aa.actor_id WHERE aa.area_code = $1 AND a.archived_at IS NULL)::int AS actors,
       (SELECT count(*) FROM service_areas sa JOIN services s ON s.id = sa.service_id WHERE sa.area_code = $1 AND ${actorNotArchivedSql('s.actor_id')})::int AS services,
       (SELECT count(*) FROM venues v WHERE v.area_code = $1 AND ${actorNotArchivedSql('v.actor_id')})::int AS venues,
       (SELECT count(*) FROM contact_functions f WHERE f.area_code = $1 AND ${actorNotArchivedSql('f.actor_id')})::int AS "contact functions",
       (SELECT count(*) FROM area_members m JOIN areas n ON n.code = m.named_area_code WHERE m.area_code = $1 AND n.archived_at IS NULL)::int AS "named areas"`,
    [code],
  );
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${what}: ${count}`);
}
