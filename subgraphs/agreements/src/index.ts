import { SubgraphModule } from '@samverkan/shared';
import { Agreement, AgreementArea, AgreementParty } from './agreement';
import { ActorAgreementsResolver, AgreementPartyResolver, AgreementResolver, AreaAgreementsResolver } from './agreement.resolver';
import { AgreementsLoaders, createLoaders } from './loaders';
import { CreateAgreements1764000000000 } from './migrations/1764000000000-CreateAgreements';
import { seedDemoData } from './seed';

/**
 * The agreements subgraph: IOPs, declarations of intent, collaboration agreements, citizen promises,
 * national agreements and method frameworks, with their parties, roles and areas.
 */
export const agreementsSubgraph: SubgraphModule<AgreementsLoaders> = {
  name: 'agreements',
  entities: [Agreement, AgreementParty, AgreementArea],
  migrations: [CreateAgreements1764000000000],
  resolvers: [AgreementResolver, AgreementPartyResolver, ActorAgreementsResolver, AreaAgreementsResolver],
  references: {
    Agreement: ({ id }, { loaders }) => loaders.agreement.load(id),
    Actor: ({ id }) => ({ id }),
    Area: ({ code }) => ({ code }),
  },
  createLoaders,
  seedDemoData,
};
