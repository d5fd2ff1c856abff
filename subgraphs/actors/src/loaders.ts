import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { areaPairs, changeLogLoader, perAreaScope } from '@samverkan/federation';
import { groupLoader, isSignedIn, isUuid, pairedGroupLoader, recordLoader, Viewer } from '@samverkan/platform';
import { mayManageAreasOf } from './areas/area-management';
import { Actor } from './registry/actor';
import { Area } from './areas/area';
import { registryAreaKeysSql } from './areas/named-areas';
import { coverageLoaders } from './coverage/coverage';
import { registryFiguresLoader } from './figures/registry-figures';
import { areasOfServiceLoader, servicesInAreaLoader, servicesOfActorLoader } from './services/service.loaders';
import {
  contactFunctionHoldersLoader,
  contactFunctionLoader,
  contactFunctionsInAreaLoader,
  contactFunctionsOfActorLoader,
  onePersonDependencyCountLoader,
} from './contact-functions/contact-function.loaders';
import { venueLoader, venuesInAreaLoader, venuesOfActorLoader } from './venues/venue.loaders';

/** Per-request loaders: every list and reference of this subgraph is fetched in one batch per level. */
export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const actors = dataSource.getRepository(Actor);
  const areas = dataSource.getRepository(Area);
  // Area lists leave archived actors out (registry/archiving.ts).
  const activeActorsByName = (ids: string[]) => actors.find({ where: { id: In(ids), archivedAt: IsNull() }, order: { name: 'ASC', id: 'ASC' } });

  return {
    changeLog: changeLogLoader(dataSource),
    coverage: coverageLoaders(dataSource),
    registryFigures: registryFiguresLoader(dataSource, isSignedIn(viewer)),
    actor: recordLoader<string, Actor>((ids) => actors.findBy({ id: In(ids.filter(isUuid)) }), (a) => a.id),
    actorChildren: groupLoader<string, Actor>(async (ids) =>
      (await actors.find({ where: { parentId: In(ids) }, order: { name: 'ASC' } })).map((a) => [a.parentId!, a]),
    ),
    actorsInArea: perAreaScope((scope) =>
      pairedGroupLoader(areaPairs(dataSource, 'actor_areas', 'area_code', scope, 'actor_id', registryAreaKeysSql), activeActorsByName),
    ),
    area: recordLoader<string, Area>((codes) => areas.findBy({ code: In(codes) }), (a) => a.code),
    areaChildren: groupLoader<string, Area>(async (codes) =>
      (await areas.find({ where: { parentCode: In(codes), archivedAt: IsNull() }, order: { name: 'ASC' } })).map((a) => [a.parentCode!, a]),
    ),
    areaMembers: groupLoader<string, Area>(async (codes) => {
      const links: Array<{ named_area_code: string; area_code: string }> = await dataSource.query(
        'SELECT named_area_code, area_code FROM area_members WHERE named_area_code = ANY($1::text[])',
        [codes],
      );
      if (links.length === 0) return [];
      const found = await areas.find({ where: { code: In(links.map((l) => l.area_code)) }, order: { name: 'ASC', code: 'ASC' } });
      return found.flatMap((member) => links.filter((l) => l.area_code === member.code).map((l): [string, Area] => [l.named_area_code, member]));
    }),
    /** Whether the viewer may manage each municipality's districts and named areas (one statement per request). */
    mayManageAreasOf: new DataLoader<string, boolean>((codes) => mayManageAreasOf(dataSource, viewer, codes)),
    areasOfActor: groupLoader<string, Area>(async (ids) => {
      const links: Array<{ actor_id: string; area_code: string }> = await dataSource.query(
        'SELECT actor_id, area_code FROM actor_areas WHERE actor_id = ANY($1::uuid[]) ORDER BY area_code',
        [ids.filter(isUuid)],
      );
      if (links.length === 0) return [];
      const found = new Map((await areas.findBy({ code: In(links.map((l) => l.area_code)) })).map((a) => [a.code, a]));
      return links.map((l) => [l.actor_id, found.get(l.area_code)!]);
    }),
    servicesOfActor: servicesOfActorLoader(dataSource),
    areasOfService: areasOfServiceLoader(dataSource),
    servicesInArea: servicesInAreaLoader(dataSource),
    venue: venueLoader(dataSource),
    venuesOfActor: venuesOfActorLoader(dataSource),
    venuesInArea: venuesInAreaLoader(dataSource),
    contactFunction: contactFunctionLoader(dataSource),
    contactFunctionsOfActor: contactFunctionsOfActorLoader(dataSource),
    contactFunctionsInArea: contactFunctionsInAreaLoader(dataSource),
    contactFunctionHolders: contactFunctionHoldersLoader(dataSource),
    onePersonDependencyCount: onePersonDependencyCountLoader(dataSource),
  };
}

export type ActorsLoaders = ReturnType<typeof createLoaders>;
