import { DataSource, In } from 'typeorm';
import { byArguments, firstOfEachLoader, groupLoader, isUuid, NestedListArgs } from '@samverkan/platform';
import { Area } from '../areas/area';
import { activeActorRecordsByName, actorNotArchivedSql } from '../registry/archiving';
import { AreaListArgs, registryAreaListLoader } from '../areas/area-lists';
import { Service } from './service';

/** Per-request loaders of services; each batch is one or two statements whatever the number of keys. */

/** The first services of each actor, by name, by the arguments of `Actor.services`. */
export const servicesOfActorLoader = (dataSource: DataSource) =>
  byArguments(({ first }: NestedListArgs) =>
    firstOfEachLoader(dataSource, Service, { keyColumn: 'actor_id', keyOf: (service) => service.actorId }, first),
  );

/** The areas each service is offered in, by code. */
export const areasOfServiceLoader = (dataSource: DataSource) =>
  groupLoader<string, Area>(async (serviceIds) => {
    const links: Array<{ service_id: string; area_code: string }> = await dataSource.query(
      'SELECT service_id, area_code FROM service_areas WHERE service_id = ANY($1::uuid[]) ORDER BY area_code',
      [serviceIds.filter(isUuid)],
    );
    if (links.length === 0) return [];
    const found = new Map((await dataSource.getRepository(Area).findBy({ code: In(links.map((l) => l.area_code)) })).map((a) => [a.code, a]));
    return links.map((l) => [l.service_id, found.get(l.area_code)!]);
  });

/** The first services offered in each area, by name, by the arguments of `Area.services`. */
export const servicesInAreaLoader = (dataSource: DataSource) =>
  byArguments((args: AreaListArgs) =>
    registryAreaListLoader(
      dataSource,
      { table: 'services', areaTable: 'service_areas', idColumn: 'service_id', where: [actorNotArchivedSql('r.actor_id')] },
      activeActorRecordsByName(dataSource, Service),
      args,
    ),
  );
