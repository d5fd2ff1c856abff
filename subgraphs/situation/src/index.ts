import { isUuid, SubgraphModule } from '@samverkan/shared';
import { createLoaders, SituationLoaders } from './loaders';
import { CreateSituationReports1764000000000 } from './migrations/1764000000000-CreateSituationReports';
import { seedDemoData } from './seed';
import { Observation, SituationReport } from './situation-report';
import { SituationReportResolver } from './situation-report.resolver';
import { ActorSituationResolver, AreaSituationResolver } from './stubs.resolver';

/** The situation subgraph: the shared, area-level situation picture (lägesbild) per area and period. */
export const situationSubgraph: SubgraphModule<SituationLoaders> = {
  name: 'situation',
  entities: [SituationReport, Observation],
  migrations: [CreateSituationReports1764000000000],
  resolvers: [SituationReportResolver, AreaSituationResolver, ActorSituationResolver],
  references: {
    SituationReport: ({ id }, { loaders }) => (isUuid(id) ? loaders.report.load(id) : null),
    Actor: ({ id }) => ({ id }),
    Area: ({ code }) => ({ code }),
  },
  createLoaders,
  seedDemoData,
};
