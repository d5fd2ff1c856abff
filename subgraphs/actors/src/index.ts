import { ChangeLogEntry, changeLogField, SubgraphModule } from '@samverkan/shared';
import { Actor, ActorArea } from './actor';
import { ActorResolver } from './actor.resolver';
import { Area } from './area';
import { AreaResolver } from './area.resolver';
import { ActorsLoaders, createLoaders } from './loaders';
import { CreateActorsAndAreas1764000000000 } from './migrations/1764000000000-CreateActorsAndAreas';
import { LoadSwedishAreas1764000000001 } from './migrations/1764000000001-LoadSwedishAreas';
import { AddOwnershipAndChangeLog1764100000000 } from './migrations/1764100000000-AddOwnershipAndChangeLog';
import { seedDemoData } from './seed';

/** The actors subgraph: the registry of organisations and units, and the areas they work in. */
export const actorsSubgraph: SubgraphModule<ActorsLoaders> = {
  name: 'actors',
  entities: [Actor, ActorArea, Area, ChangeLogEntry],
  migrations: [CreateActorsAndAreas1764000000000, LoadSwedishAreas1764000000001, AddOwnershipAndChangeLog1764100000000],
  resolvers: [ActorResolver, AreaResolver, changeLogField(Actor)],
  references: {
    Actor: ({ id }, { loaders }) => loaders.actor.load(id),
    Area: ({ code }, { loaders }) => loaders.area.load(code),
  },
  createLoaders,
  organisationExists: (dataSource, id) => dataSource.getRepository(Actor).existsBy({ id }),
  seedDemoData,
};
