import { DataSource, In } from 'typeorm';
import { areaMatchSql, AreaScope, groupLoader, isUuid, recordLoader } from '@samverkan/shared';
import { Actor } from './actor';
import { Area } from './area';

/** Per-request loaders: every list and reference of this subgraph is fetched in one batch per level. */
export function createLoaders(dataSource: DataSource) {
  const actors = dataSource.getRepository(Actor);
  const areas = dataSource.getRepository(Area);

  /** Pairs a key with the actors found for it, ordered by name. */
  const pairActors = async (pairs: Array<{ key: string; actor_id: string }>): Promise<Array<[string, Actor]>> => {
    if (pairs.length === 0) return [];
    const found = await actors.find({ where: { id: In([...new Set(pairs.map((p) => p.actor_id))]) }, order: { name: 'ASC' } });
    const rank = new Map(found.map((actor, index) => [actor.id, index]));
    const byId = new Map(found.map((actor) => [actor.id, actor]));
    return pairs
      .filter((p) => byId.has(p.actor_id))
      .sort((a, b) => rank.get(a.actor_id)! - rank.get(b.actor_id)!)
      .map((p) => [p.key, byId.get(p.actor_id)!]);
  };

  const actorsInArea = (scope: AreaScope) =>
    groupLoader<string, Actor>(async (codes) =>
      pairActors(
        await dataSource.query(
          `SELECT DISTINCT k.code AS key, aa.actor_id FROM actor_areas aa
             JOIN unnest($1::text[]) AS k(code) ON ${areaMatchSql('aa.area_code', 'k.code', scope)}`,
          [codes],
        ),
      ),
    );

  return {
    actor: recordLoader<string, Actor>((ids) => actors.findBy({ id: In(ids.filter(isUuid)) }), (a) => a.id),
    actorChildren: groupLoader<string, Actor>(async (ids) =>
      (await actors.find({ where: { parentId: In(ids) }, order: { name: 'ASC' } })).map((a) => [a.parentId!, a]),
    ),
    actorsInArea: { [AreaScope.WITHIN]: actorsInArea(AreaScope.WITHIN), [AreaScope.OVERLAPPING]: actorsInArea(AreaScope.OVERLAPPING) },
    area: recordLoader<string, Area>((codes) => areas.findBy({ code: In(codes) }), (a) => a.code),
    areaChildren: groupLoader<string, Area>(async (codes) =>
      (await areas.find({ where: { parentCode: In(codes) }, order: { name: 'ASC' } })).map((a) => [a.parentCode!, a]),
    ),
    areasOfActor: groupLoader<string, Area>(async (ids) => {
      const links: Array<{ actor_id: string; area_code: string }> = await dataSource.query(
        'SELECT actor_id, area_code FROM actor_areas WHERE actor_id = ANY($1::uuid[]) ORDER BY area_code',
        [ids.filter(isUuid)],
      );
      const found = new Map((await areas.findBy({ code: In(links.map((l) => l.area_code)) })).map((a) => [a.code, a]));
      return links.map((l) => [l.actor_id, found.get(l.area_code)!]);
    }),
  };
}

export type ActorsLoaders = ReturnType<typeof createLoaders>;
