import { EntityManager } from 'typeorm';
import { badInput } from '@samverkan/platform';

/** The area codes of a list that the registry does not know, in one statement. */
export async function unknownAreaCodes(manager: EntityManager, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const known = new Set((await manager.query('SELECT code FROM areas WHERE code = ANY($1::text[])', [unique])).map((r: { code: string }) => r.code));
  return unique.filter((code) => !known.has(code));
}

/** Refuses area codes the registry does not know, naming them (BAD_USER_INPUT). */
export async function assertAreasExist(manager: EntityManager, codes: string[], field = 'areaCodes'): Promise<void> {
  const unknown = await unknownAreaCodes(manager, codes);
  if (unknown.length) throw badInput(`Unknown area code: ${unknown.join(', ')}`, [{ field, message: 'unknown area' }]);
}

/** Where a record's areas are linked: an actor's in `actor_areas`, a service's in `service_areas`. */
const LINKS = { actor: ['actor_areas', 'actor_id'], service: ['service_areas', 'service_id'] } as const;

/** Replaces the areas a record is linked to. */
export async function replaceAreaLinks(manager: EntityManager, owner: keyof typeof LINKS, id: string, codes: string[]): Promise<void> {
  const [table, column] = LINKS[owner];
  await manager.query(`DELETE FROM ${table} WHERE ${column} = $1`, [id]);
  const unique = [...new Set(codes)];
  if (unique.length) await manager.query(`INSERT INTO ${table} (${column}, area_code) SELECT $1, unnest($2::text[])`, [id, unique]);
}
