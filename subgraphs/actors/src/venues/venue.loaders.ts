import { DataSource, In } from 'typeorm';
import { byArguments, firstOfEachLoader, groupLoader, isUuid, NestedListArgs, recordLoader } from '@samverkan/platform';
import { Venue } from './venue';
import { activeActorRecordsByName, actorNotArchivedSql } from '../registry/archiving';
import { AreaListArgs, registryAreaListLoader } from '../areas/area-lists';

/** Per-request loaders of venues; each batch is one or two statements whatever the number of keys. */

export const byName = { name: 'ASC', id: 'ASC' } as const;

/** Venues by id (malformed ids → null). */
export const venueLoader = (dataSource: DataSource) =>
  recordLoader<string, Venue>((ids) => dataSource.getRepository(Venue).findBy({ id: In(ids.filter(isUuid)) }), (v) => v.id);

/** All the venues each actor lends, by name (for a contact function's venues). */
export const venuesOfActorLoader = (dataSource: DataSource) =>
  groupLoader<string, Venue>(async (actorIds) =>
    (await dataSource.getRepository(Venue).find({ where: { actorId: In(actorIds.filter(isUuid)) }, order: byName })).map((v) => [v.actorId, v]),
  );

/** The first venues each actor lends, by name, by the arguments of `Actor.venues`. */
export const firstVenuesOfActorLoader = (dataSource: DataSource) =>
  byArguments(({ first }: NestedListArgs) =>
    firstOfEachLoader(dataSource, Venue, { keyColumn: 'actor_id', keyOf: (venue) => venue.actorId }, first),
  );

/** The first venues in each area, by name, by the arguments of `Area.venues`. */
export const venuesInAreaLoader = (dataSource: DataSource) =>
  byArguments((args: AreaListArgs) =>
    registryAreaListLoader(dataSource, { table: 'venues', where: [actorNotArchivedSql('r.actor_id')] }, activeActorRecordsByName(dataSource, Venue), args),
  );
