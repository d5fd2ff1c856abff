import { SubgraphModule } from '@samverkan/shared';
import { Actor, ActorArea } from './actor';
import { ActorResolver } from './actor.resolver';
import { Area } from './area';
import { AreaResolver } from './area.resolver';
import { ActorsLoaders, createLoaders } from './loaders';
import { CreateActorsAndAreas1764000000000 } from './migrations/1764000000000-CreateActorsAndAreas';
import { LoadSwedishAreas1764000000001 } from './migrations/1764000000001-LoadSwedishAreas';
import { seedDemoData } from './seed';

/** The actors subgraph: the registry of organisations and units, and the areas they work in. */
export const actorsSubgraph: SubgraphModule<ActorsLoaders> = {
  name: 'actors',
  entities: [Actor, ActorArea, Area],
  migrations: [CreateActorsAndAreas1764000000000, LoadSwedishAreas1764000000001],
  resolvers: [ActorResolver, AreaResolver],
  references: {
    Actor: ({ id }, { loaders }) => loaders.actor.load(id),
    Area: ({ code }, { loaders }) => loaders.area.load(code),
  },
  createLoaders,
  seedDemoData,
};
