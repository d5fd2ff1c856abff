import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { changeLogLoader, externalIdLoader, webhookDeliveriesLoader } from '@samverkan/federation';
import { Service } from './services/service';
import { Venue } from './venues/venue';
import { ContactFunction } from './contact-functions/contact-function';
import { byArguments, firstOfEachLoader, groupLoader, isUuid, NestedListArgs, recordLoader, Viewer } from '@samverkan/platform';
import { AreaListArgs, registryAreaListLoader } from './areas/area-lists';
import { mayManageAreasOf } from './areas/area-management';
import { Actor } from './registry/actor';
import { Area } from './areas/area';
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
import { crisisRosterSuggestionsLoader } from './contact-functions/crisis-roster-suggestions';
import { firstVenuesOfActorLoader, venueLoader, venuesInAreaLoader, venuesOfActorLoader } from './venues/venue.loaders';

/** Per-request loaders: every list and reference of this subgraph is fetched in one batch per level. */
export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const actors = dataSource.getRepository(Actor);
  const areas = dataSource.getRepository(Area);
  // Area lists leave archived actors out (registry/archiving.ts).
  const activeActorsByName = (ids: string[]) => actors.find({ where: { id: In(ids), archivedAt: IsNull() }, order: { name: 'ASC', id: 'ASC' } });

  return {
    changeLog: changeLogLoader(dataSource),
    webhookDeliveries: webhookDeliveriesLoader(dataSource),
    coverage: coverageLoaders(dataSource),
    registryFigures: registryFiguresLoader(dataSource),
    actor: recordLoader<string, Actor>((ids) => actors.findBy({ id: In(ids.filter(isUuid)) }), (a) => a.id),
    /** The records the viewer's organisation maintains, by their `externalId`. */
    actorByExternalId: externalIdLoader(dataSource, Actor, viewer),
    serviceByExternalId: externalIdLoader(dataSource, Service, viewer, 'maintainerId'),
    venueByExternalId: externalIdLoader(dataSource, Venue, viewer, 'maintainerId'),
    contactFunctionByExternalId: externalIdLoader(dataSource, ContactFunction, viewer, 'maintainerId'),
    /** `Actor.children`: the first actors belonging to each actor, by name, by its arguments. */
    actorChildren: byArguments(({ first }: NestedListArgs) =>
      firstOfEachLoader(dataSource, Actor, { keyColumn: 'parent_id', keyOf: (actor) => actor.parentId }, first),
    ),
    /** `Area.actors`, by its arguments: local actors first, then those of wider areas, each by name. */
    actorsInArea: byArguments((args: AreaListArgs) =>
      registryAreaListLoader(
        dataSource,
        { table: 'actors', areaTable: 'actor_areas', idColumn: 'actor_id', where: ['r.archived_at IS NULL'], localFirst: true },
        activeActorsByName,
        args,
      ),
    ),
    area: recordLoader<string, Area>((codes) => areas.findBy({ code: In(codes) }), (a) => a.code),
    /** Areas by their id (their code is their key everywhere else): the first result of a retried `createArea`. */
    areaById: recordLoader<string, Area>((ids) => areas.findBy({ id: In(ids.filter(isUuid)) }), (a) => a.id),
    /** `Area.children`: the first areas directly below each area, by name, archived ones left out, by its arguments. */
    areaChildren: byArguments(({ first }: NestedListArgs) =>
      firstOfEachLoader(
        dataSource,
        Area,
        { keyColumn: 'parent_code', keyType: 'text', keyOf: (area) => area.parentCode, order: [['name', 'ASC'], ['code', 'ASC']], where: [['t.archived_at IS NULL', {}]] },
        first,
      ),
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
    service: recordLoader<string, Service>((ids) => dataSource.getRepository(Service).findBy({ id: In(ids.filter(isUuid)) }), (s) => s.id),
    servicesOfActor: servicesOfActorLoader(dataSource),
    areasOfService: areasOfServiceLoader(dataSource),
    servicesInArea: servicesInAreaLoader(dataSource),
    venue: venueLoader(dataSource),
    venuesOfActor: venuesOfActorLoader(dataSource),
    firstVenuesOfActor: firstVenuesOfActorLoader(dataSource),
    venuesInArea: venuesInAreaLoader(dataSource),
    contactFunction: contactFunctionLoader(dataSource),
    contactFunctionsOfActor: contactFunctionsOfActorLoader(dataSource),
    contactFunctionsInArea: contactFunctionsInAreaLoader(dataSource),
    contactFunctionHolders: contactFunctionHoldersLoader(dataSource),
    onePersonDependencyCount: onePersonDependencyCountLoader(dataSource),
    crisisRosterSuggestions: crisisRosterSuggestionsLoader(dataSource),
  };
}

export type ActorsLoaders = ReturnType<typeof createLoaders>;
