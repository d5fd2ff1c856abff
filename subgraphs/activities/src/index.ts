import { SubgraphModule } from '@samverkan/shared';
import { Activity, ActivityOrganiser } from './activity';
import { ActivityResolver } from './activity.resolver';
import { ActivitiesLoaders, createLoaders } from './loaders';
import { CreateActivities1764000000000 } from './migrations/1764000000000-CreateActivities';
import { seedDemoData } from './seed';
import { ActorActivitiesResolver, AgreementActivitiesResolver, AreaActivitiesResolver } from './stubs.resolver';

/** The activities subgraph: what the parties do locally, who organises it, where, for whom, and why the police take part. */
export const activitiesSubgraph: SubgraphModule<ActivitiesLoaders> = {
  name: 'activities',
  entities: [Activity, ActivityOrganiser],
  migrations: [CreateActivities1764000000000],
  resolvers: [ActivityResolver, ActorActivitiesResolver, AreaActivitiesResolver, AgreementActivitiesResolver],
  references: {
    Activity: ({ id }, { loaders }) => loaders.activity.load(id),
    // Stubs of entities owned by other subgraphs: the key is all this subgraph knows.
    Actor: ({ id }) => ({ id }),
    Area: ({ code }) => ({ code }),
    Agreement: ({ id }) => ({ id }),
  },
  createLoaders,
  seedDemoData,
};
