import { EntityManager } from 'typeorm';
import { badInput } from '@samverkan/platform';
import { AreaKind } from './area';

/**
 * The area codes of a list that the registry does not know as areas in use (archived areas are
 * not given to new records), or not as one of `kinds` when given, in one statement.
 */
export async function unknownAreaCodes(manager: EntityManager, codes: string[], kinds?: AreaKind[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const rows: Array<{ code: string }> = await manager.query(
    'SELECT code FROM areas WHERE code = ANY($1::text[]) AND archived_at IS NULL AND ($2::text[] IS NULL OR kind = ANY($2::text[]))',
    [unique, kinds ?? null],
  );
  const known = new Set(rows.map((r) => r.code));
  return unique.filter((code) => !known.has(code));
}

/** Refuses area codes the registry does not know (or not as one of `kinds`), naming them (BAD_USER_INPUT). */
export async function assertAreasExist(manager: EntityManager, codes: string[], field = 'areaCodes', kinds?: AreaKind[]): Promise<void> {
  const unknown = await unknownAreaCodes(manager, codes, kinds);
  if (unknown.length) {
    const what = kinds ? kinds.map((kind) => kind.toLowerCase().replace('_', ' ')).join(' or ') : 'area';
    throw badInput(`Unknown ${what} code: ${unknown.join(', ')}`, [{ field, message: `unknown ${what}` }]);
  }
}

/** Where a record's areas are linked: an actor's in `actor_areas`, a service's in `service_areas`, a named area's districts in `area_members`. */
const LINKS = { actor: ['actor_areas', 'actor_id'], service: ['service_areas', 'service_id'], namedArea: ['area_members', 'named_area_code'] } as const;

/** Replaces the areas a record is linked to. */
export async function replaceAreaLinks(manager: EntityManager, owner: keyof typeof LINKS, id: string, codes: string[]): Promise<void> {
  const [table, column] = LINKS[owner];
  await manager.query(`DELETE FROM ${table} WHERE ${column} = $1`, [id]);
  const unique = [...new Set(codes)];
  if (unique.length) await manager.query(`INSERT INTO ${table} (${column}, area_code) SELECT $1, unnest($2::text[])`, [id, unique]);
}
