import { DataSource, In } from 'typeorm';
import { areaPairs, perAreaScope } from '@samverkan/federation';
import { groupLoader, isUuid, pairedGroupLoader, recordLoader } from '@samverkan/platform';
import { Venue } from './venue';
import { activeActorRecordsByName } from '../registry/archiving';
import { registryAreaKeysSql } from '../areas/named-areas';

/** Per-request loaders of venues; each batch is one or two statements whatever the number of keys. */

export const byName = { name: 'ASC', id: 'ASC' } as const;

/** Venues by id (malformed ids → null). */
export const venueLoader = (dataSource: DataSource) =>
  recordLoader<string, Venue>((ids) => dataSource.getRepository(Venue).findBy({ id: In(ids.filter(isUuid)) }), (v) => v.id);

/** The venues each actor lends, by name. */
export const venuesOfActorLoader = (dataSource: DataSource) =>
  groupLoader<string, Venue>(async (actorIds) =>
    (await dataSource.getRepository(Venue).find({ where: { actorId: In(actorIds.filter(isUuid)) }, order: byName })).map((v) => [v.actorId, v]),
  );

/** The venues in each area, per area scope, by name. */
export const venuesInAreaLoader = (dataSource: DataSource) =>
  perAreaScope((scope) =>
    pairedGroupLoader(areaPairs(dataSource, 'venues', 'area_code', scope, 'id', registryAreaKeysSql), activeActorRecordsByName(dataSource, Venue)),
  );
