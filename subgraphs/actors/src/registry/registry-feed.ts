import { In } from 'typeorm';
import { FeedType } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { Area } from '../areas/area';
import { ContactFunction } from '../contact-functions/contact-function';
import { ActorsLoaders } from '../loaders';
import { Service } from '../services/service';
import { Venue } from '../venues/venue';
import { Actor } from './actor';

type Context = SubgraphContext<ActorsLoaders>;

/** A public record's audience columns: everyone sees the registry. */
const PUBLIC = 'NULL::text AS visibility, NULL::uuid AS owner_id, NULL::uuid[] AS shared_with';

/** The actors registry's change feed: its records are public; a record's areas are where it acts or stands. */
export const REGISTRY_FEED_TYPES: FeedType[] = [
  {
    type: 'Actor',
    audienceSql: `SELECT a.id, ${PUBLIC}, ARRAY(SELECT aa.area_code FROM actor_areas aa WHERE aa.actor_id = a.id) AS area_codes
                    FROM actors a WHERE a.id = ANY(CAST($1 AS uuid[]))`,
    entity: Actor,
    table: 'actors',
    load: ({ loaders }: Context, ids) => loaders.actor.loadMany(ids),
  },
  {
    type: 'Service',
    audienceSql: `SELECT s.id, ${PUBLIC}, ARRAY(SELECT sa.area_code FROM service_areas sa WHERE sa.service_id = s.id) AS area_codes
                    FROM services s WHERE s.id = ANY(CAST($1 AS uuid[]))`,
    entity: Service,
    table: 'services',
    load: ({ dataSource }: Context, ids) => dataSource.getRepository(Service).findBy({ id: In(ids) }),
  },
  {
    type: 'Venue',
    audienceSql: `SELECT id, ${PUBLIC}, ARRAY[area_code] AS area_codes FROM venues WHERE id = ANY(CAST($1 AS uuid[]))`,
    entity: Venue,
    table: 'venues',
    load: ({ loaders }: Context, ids) => loaders.venue.loadMany(ids),
  },
  {
    type: 'ContactFunction',
    audienceSql: `SELECT id, ${PUBLIC}, ARRAY[area_code] AS area_codes FROM contact_functions WHERE id = ANY(CAST($1 AS uuid[]))`,
    entity: ContactFunction,
    table: 'contact_functions',
    load: ({ loaders }: Context, ids) => loaders.contactFunction.loadMany(ids),
  },
  {
    type: 'Area',
    audienceSql: `SELECT id, ${PUBLIC}, ARRAY[code] AS area_codes FROM areas WHERE id = ANY(CAST($1 AS uuid[]))`,
    entity: Area,
    table: 'areas',
    load: ({ dataSource }: Context, ids) => dataSource.getRepository(Area).findBy({ id: In(ids) }),
  },
];
