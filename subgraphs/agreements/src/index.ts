import { AddWebhooks1764600000300 } from './migrations/1764600000300-AddWebhooks';
import { AddChangeFeed1764600000000 } from './migrations/1764600000000-AddChangeFeed';
import { AGREEMENT_FEED_TYPES } from './agreement/agreement-feed';
import { Actor } from './stubs';
import { ChangeLogEntry, changeFeedResolver, webhooks, changeLogField, externalIdFields, LabelsResolver, Figures, figuresKey, ownerFields, organisationExists } from '@samverkan/federation';
import { SubgraphModule } from '@samverkan/platform';
import { Agreement, AgreementArea, AgreementParty } from './agreement/agreement';
import { ActorAgreementsResolver, AgreementPartyResolver, AgreementResolver, AreaAgreementsResolver } from './agreement/agreement.resolver';
import { AgreementsLoaders, createLoaders } from './loaders';
import { AgreementFiguresResolver, FiguresAgreementsResolver } from './figures/figures.resolver';
import { CreateAgreements1764000000000 } from './migrations/1764000000000-CreateAgreements';
import { AddOwnershipAndChangeLog1764100000000 } from './migrations/1764100000000-AddOwnershipAndChangeLog';
import { AddIdempotencyKeysAndExternalIds1764600000100 } from './migrations/1764600000100-AddIdempotencyKeysAndExternalIds';
import { AddPartyInvitations1765200000000 } from './migrations/1765200000000-AddPartyInvitations';
import { PartyInvitation } from './parties/party-invitation';
import { CreateResourcesAndPhases1765200000200 } from './migrations/1765200000200-CreateResourcesAndPhases';
import { AgreementResource } from './resources/agreement-resource';
import { AgreementPhase } from './phases/agreement-phase';
import { AddAgreementLifecycle1765200000400 } from './migrations/1765200000400-AddAgreementLifecycle';
import { AgreementLifecycleResolver, AgreementStatusChangeResolver } from './lifecycle/lifecycle.resolver';
import { AgreementStatusChange } from './lifecycle/status-change';
import { EXPIRY_CHECK_MS, recordExpiringAgreements } from './lifecycle/expiry-upkeep';
import { CreateAgreementTemplates1765200000100 } from './migrations/1765200000100-CreateAgreementTemplates';
import { AgreementTemplate } from './templates/agreement-template';
import { AgreementTemplateOriginResolver, AgreementTemplateResolver } from './templates/agreement-template.resolver';
import { MoneyCurrencyBeforeAmount1765200000250 } from './migrations/1765200000250-MoneyCurrencyBeforeAmount';
import { AgreementResourceResolver, AgreementResourcesResolver, PartyResourceSumsResolver } from './resources/resources.resolver';
import { AgreementFiguresResourcesResolver, AgreementResourceFiguresResolver } from './resources/resource-figures';
import { AgreementPhaseResolver, AgreementPhasesResolver } from './phases/phases.resolver';
import { AgreementFiguresPhasesResolver } from './phases/phase-figures';
import { AgreementInvitationsResolver, AgreementPartyAnswerResolver, PartyInvitationResolver } from './parties/parties.resolver';
import { CreateCitizenPromises1765200000300 } from './migrations/1765200000300-CreateCitizenPromises';
import { Commitment } from './citizen-promises/commitment';
import { PromiseConsultation } from './citizen-promises/consultation';
import { CommitmentFollowUp } from './citizen-promises/follow-up';
import { AgreementCitizenPromiseResolver, CommitmentFollowUpResolver, CommitmentResolver, PromiseConsultationResolver } from './citizen-promises/citizen-promise.resolver';

const agreementWebhooks = webhooks('agreement', 'agreements', AGREEMENT_FEED_TYPES);

/**
 * The agreements subgraph: IOPs, declarations of intent, collaboration agreements, citizen promises,
 * national agreements and method frameworks, with their parties, roles and areas. Each agreement is
 * owned by the organisation that registered it, which chooses who may see it.
 */
export const agreementsSubgraph: SubgraphModule<AgreementsLoaders> = {
  name: 'agreements',
  entities: [Agreement, AgreementParty, AgreementArea, PartyInvitation, AgreementResource, AgreementPhase, AgreementTemplate, ChangeLogEntry,
    AgreementStatusChange, Commitment, PromiseConsultation, CommitmentFollowUp,
  ],
  migrations: [CreateAgreements1764000000000, AddOwnershipAndChangeLog1764100000000, AddChangeFeed1764600000000, AddIdempotencyKeysAndExternalIds1764600000100, AddWebhooks1764600000300, AddPartyInvitations1765200000000, CreateAgreementTemplates1765200000100, CreateResourcesAndPhases1765200000200,
    MoneyCurrencyBeforeAmount1765200000250, CreateCitizenPromises1765200000300, AddAgreementLifecycle1765200000400,
  ],
  resolvers: [LabelsResolver, AgreementResolver, AgreementPartyResolver, ActorAgreementsResolver, AreaAgreementsResolver, changeLogField(Agreement), changeFeedResolver('agreement', 'agreements', AGREEMENT_FEED_TYPES), ...agreementWebhooks.resolvers,
    externalIdFields(Agreement, { typeName: 'Agreement', queryName: 'agreementByExternalId', loaderName: 'agreementByExternalId' }),
    FiguresAgreementsResolver, AgreementFiguresResolver,
    AgreementTemplateResolver, AgreementTemplateOriginResolver, changeLogField(AgreementTemplate),
    externalIdFields(AgreementTemplate, { typeName: 'AgreementTemplate', queryName: 'agreementTemplateByExternalId', loaderName: 'templateByExternalId' }),
    ownerFields(AgreementTemplate, Actor, {
      owner: 'The organisation that published the template and owns the record: only its coordinators change it, and it chooses `visibility`.',
      sharedWith: 'The organisations a SHARED template is shown to.',
    }),
    AgreementLifecycleResolver, AgreementStatusChangeResolver,
    AgreementResourcesResolver, AgreementResourceResolver, PartyResourceSumsResolver, AgreementFiguresResourcesResolver, AgreementResourceFiguresResolver,
    AgreementPhasesResolver, AgreementPhaseResolver, AgreementFiguresPhasesResolver,
    AgreementInvitationsResolver, PartyInvitationResolver, AgreementPartyAnswerResolver,
    AgreementCitizenPromiseResolver, CommitmentResolver, PromiseConsultationResolver, CommitmentFollowUpResolver,
    ownerFields(Agreement, Actor, {
      owner: 'The organisation that registered the agreement and owns the record: only its coordinators change it, and it chooses `visibility`.',
      sharedWith: 'The organisations a SHARED agreement is shared with (by default its parties).',
    }),
  ],
  orphanedTypes: [Figures],
  references: {
    // Per viewer: another subgraph asking with the caller's Authorization header (e.g. activities checking
    // a funding agreement) gets null for an agreement the caller may not see, as if it did not exist.
    Agreement: ({ id }, { loaders }) => loaders.agreement.load(id),
    // Null when the caller may not see the commitment's agreement, as for one that does not exist.
    Commitment: ({ id }, { loaders }) => loaders.commitment.load(id),
    Actor: ({ id }) => ({ id }),
    Venue: ({ id }) => ({ id }),
    Area: ({ code }) => ({ code }),
    // The key itself, once checked: a bad month or area code is BAD_USER_INPUT.
    Figures: ({ areaCode, month }) => figuresKey(areaCode, month),
  },
  createLoaders,
  // Signed webhooks of the change feed, sent from an outbox in this subgraph's database.
  background: [agreementWebhooks.worker],
  // Tells the parties, through the change feed, when an agreement nears its end.
  upkeep: { everyMs: EXPIRY_CHECK_MS, run: recordExpiringAgreements },
  organisationExists,
  // Loaded only when asked for: production images carry no demo/ folder.
  loadDemoSeed: () => import('./demo/seed').then((demo) => demo.seedDemoData),
  loadGeneratedDemoSeed: () => import('./demo/seed-generated').then((demo) => demo.seedGeneratedDemoData),
};
