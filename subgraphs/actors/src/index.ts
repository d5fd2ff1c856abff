import { AddWebhooks1764600000300 } from './migrations/1764600000300-AddWebhooks';
import { AddChangeFeed1764600000000 } from './migrations/1764600000000-AddChangeFeed';
import { REGISTRY_FEED_TYPES } from './registry/registry-feed';
import { ChangeLogEntry, changeFeedResolver, webhooks, changeLogField, externalIdFields, isOwnerMember, LabelsResolver, figuresKey } from '@samverkan/federation';
import { SubgraphModule, Viewer } from '@samverkan/platform';
import { Actor, ActorArea } from './registry/actor';
import { ActorRecord, isMaintainerMember, isRecordMaintainer } from './registry/maintained-records';
import { ActorResolver } from './registry/actor.resolver';
import { AdministrationResolver } from './registry/administration.resolver';
import { Area } from './areas/area';
import { AreaResolver } from './areas/area.resolver';
import { AreaManagementResolver } from './areas/area-management.resolver';
import { AreaCoverageResolver, CoverageResolver } from './coverage/coverage.resolver';
import { AreaFiguresResolver, FiguresResolver } from './figures/figures.resolver';
import { AssociationImportResolver } from './import/association-import';
import { hsdsRouter } from './hsds/hsds';
import { ActorContactFunctionsResolver, AreaContactFunctionsResolver, ContactFunctionResolver } from './contact-functions/contact-function.resolver';
import { AreaCrisisRosterSuggestionsResolver } from './contact-functions/crisis-roster-suggestions';
import { crisisRosterDependencies, interventionTeamDependencies } from './contact-functions/one-person-dependencies';
import { ContactFunction, ContactFunctionHolder } from './contact-functions/contact-function';
import { PublicContactResolver } from './contact-functions/public-contact.resolver';
import { ActorsLoaders, createLoaders } from './loaders';
import { CreateActorsAndAreas1764000000000 } from './migrations/1764000000000-CreateActorsAndAreas';
import { LoadSwedishAreas1764000000001 } from './migrations/1764000000001-LoadSwedishAreas';
import { AddOwnershipAndChangeLog1764100000000 } from './migrations/1764100000000-AddOwnershipAndChangeLog';
import { CreateServices1764200000000 } from './migrations/1764200000000-CreateServices';
import { CreateVenuesAndContactFunctions1764200000200 } from './migrations/1764200000200-CreateVenuesAndContactFunctions';
import { LoadMunicipalityPoints1764200000300 } from './migrations/1764200000300-LoadMunicipalityPoints';
import { AddCoverageIndexes1764200000301 } from './migrations/1764200000301-AddCoverageIndexes';
import { UniqueOrganisationNumbers1764300000000 } from './migrations/1764300000000-UniqueOrganisationNumbers';
import { ArchiveActors1764300000100 } from './migrations/1764300000100-ArchiveActors';
import { ManageAreas1764300000200 } from './migrations/1764300000200-ManageAreas';
import { PublicContact1764400000000 } from './migrations/1764400000000-PublicContact';
import { MaintainCoverageAggregates1764500000000 } from './migrations/1764500000000-MaintainCoverageAggregates';
import { AddIdempotencyKeysAndExternalIds1764600000100 } from './migrations/1764600000100-AddIdempotencyKeysAndExternalIds';
import { Service, ServiceArea } from './services/service';
import { ActorServicesResolver, AreaServicesResolver, ServiceResolver } from './services/service.resolver';
import { Venue } from './venues/venue';
import { ActorVenuesResolver, AreaVenuesResolver, VenueResolver } from './venues/venue.resolver';

/** Whether the viewer's organisation maintains an actor's record, for its `externalId`. */
const recordMaintainer = (record: ActorRecord, viewer: Viewer, loaders: ActorsLoaders) => isRecordMaintainer(record, viewer, loaders);

/** The actors subgraph: the registry of organisations and units, and the areas they work in. */
const actorWebhooks = webhooks('actor', 'actors', REGISTRY_FEED_TYPES);

export const actorsSubgraph: SubgraphModule<ActorsLoaders> = {
  name: 'actors',
  entities: [Actor, ActorArea, Area, ChangeLogEntry, Service, ServiceArea, Venue, ContactFunction, ContactFunctionHolder],
  migrations: [CreateActorsAndAreas1764000000000, LoadSwedishAreas1764000000001, AddOwnershipAndChangeLog1764100000000, CreateServices1764200000000, CreateVenuesAndContactFunctions1764200000200, LoadMunicipalityPoints1764200000300, AddCoverageIndexes1764200000301, UniqueOrganisationNumbers1764300000000, ArchiveActors1764300000100, ManageAreas1764300000200, PublicContact1764400000000, MaintainCoverageAggregates1764500000000, AddChangeFeed1764600000000, AddIdempotencyKeysAndExternalIds1764600000100, AddWebhooks1764600000300],
  resolvers: [LabelsResolver, ActorResolver, AdministrationResolver, AreaResolver, AreaManagementResolver, AreaCoverageResolver, CoverageResolver, FiguresResolver, AreaFiguresResolver, AssociationImportResolver, ServiceResolver, ActorServicesResolver, AreaServicesResolver, VenueResolver, ActorVenuesResolver, AreaVenuesResolver, ContactFunctionResolver, ActorContactFunctionsResolver, AreaContactFunctionsResolver, AreaCrisisRosterSuggestionsResolver, crisisRosterDependencies.resolver, interventionTeamDependencies.resolver, PublicContactResolver, changeLogField(Actor, isMaintainerMember), changeFeedResolver('actor', 'actors', REGISTRY_FEED_TYPES), ...actorWebhooks.resolvers,
    // The maintaining organisation's own ids: the actor's owner's, for the entry and its records alike.
    externalIdFields(Actor, { typeName: 'Actor', queryName: 'actorByExternalId', loaderName: 'actorByExternalId', isMember: isOwnerMember }),
    externalIdFields(Service, { typeName: 'Service', queryName: 'serviceByExternalId', loaderName: 'serviceByExternalId', isMember: recordMaintainer }),
    externalIdFields(Venue, { typeName: 'Venue', queryName: 'venueByExternalId', loaderName: 'venueByExternalId', isMember: recordMaintainer }),
    externalIdFields(ContactFunction, { typeName: 'ContactFunction', queryName: 'contactFunctionByExternalId', loaderName: 'contactFunctionByExternalId', isMember: recordMaintainer }),
  ],
  // Situation's crisis rosters and concerns' intervention teams: no query here returns them, the gateway asks for their `onePersonDependencies`.
  orphanedTypes: [crisisRosterDependencies.stub, interventionTeamDependencies.stub],
  references: {
    Actor: ({ id }, { loaders }) => loaders.actor.load(id),
    Area: ({ code }, { loaders }) => loaders.area.load(code),
    Figures: ({ areaCode, month }) => figuresKey(areaCode, month),
    Venue: ({ id }, { loaders }) => loaders.venue.load(id),
    ContactFunction: ({ id }, { loaders }) => loaders.contactFunction.load(id),
  },
  createLoaders,
  // Signed webhooks of the change feed, sent from an outbox in this subgraph's database.
  background: [actorWebhooks.worker],
  // Association registers are imported as CSV text of up to 2 MB (JSON escaping adds some).
  maxRequestSize: '3mb',
  // An archived organisation's tokens are refused here at once; other services cache yes for a while (references.ts).
  // Plain SQL: asked on every signed-in request, where TypeORM's query building was 4 % of this subgraph's CPU.
  organisationExists: async (id, dataSource) =>
    (await dataSource.query('SELECT EXISTS (SELECT 1 FROM actors WHERE id = $1 AND archived_at IS NULL) AS live', [id]))[0].live === true,
  routes: hsdsRouter,
  // Loaded only when asked for: production images carry no demo/ folder.
  loadDemoSeed: () => import('./demo/seed').then((demo) => demo.seedDemoData),
  loadGeneratedDemoSeed: () => import('./demo/seed-generated').then((demo) => demo.seedGeneratedDemoData),
};
