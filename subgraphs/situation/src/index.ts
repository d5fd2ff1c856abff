import { Router } from 'express';
import { AddWebhooks1765000000300 } from './migrations/1765000000300-AddWebhooks';
import { AddChangeFeed1765000000000 } from './migrations/1765000000000-AddChangeFeed';
import { SITUATION_FEED_TYPES } from './situation-feed';
import { Actor } from './stubs';
import { ChangeLogEntry, changeFeedResolver, webhooks, changeLogField, externalIdFields, LabelsResolver, Figures, figuresKey, ownerFields, organisationExists, isOwnerMember } from '@samverkan/federation';
import { isUuid, SubgraphModule } from '@samverkan/platform';
import { createLoaders, SituationLoaders } from './loaders';
import { capRouter } from './incidents/cap.routes';
import { CreateSituationReports1764000000000 } from './migrations/1764000000000-CreateSituationReports';
import { AddOwnershipAndChangeLog1764100000000 } from './migrations/1764100000000-AddOwnershipAndChangeLog';
import { AddFigureIndexes1764900000000 } from './migrations/1764900000000-AddFigureIndexes';
import { AddIdempotencyKeysAndExternalIds1764600000100 } from './migrations/1764600000100-AddIdempotencyKeysAndExternalIds';
import { Observation, SituationReport } from './reports/situation-report';
import { CrisisRoster, CrisisRosterEntry } from './roster/crisis-roster';
import { CreateCrisisRosters1765100000000 } from './migrations/1765100000000-CreateCrisisRosters';
import { SituationReportResolver } from './reports/situation-report.resolver';
import { ActorSituationResolver, AreaSituationResolver } from './reports/area-reports.resolver';
import { FiguresSituationResolver } from './figures/situation-figures.resolver';
import { Incident, IncidentContact, IncidentFollowUp } from './incidents/incident';
import { AreaIncidentsResolver, IncidentResolver } from './incidents/incident.resolver';
import { IncidentContactLogResolver, IncidentContactResolver, IncidentFollowUpResolver } from './incidents/incident-contacts.resolver';
import { CreateIncidents1765100000100 } from './migrations/1765100000100-CreateIncidents';
import { AddIncidentContactAttempts1765100000300 } from './migrations/1765100000300-AddIncidentContactAttempts';
import { IncidentContactLogEntry } from './incidents/contact-log';
import { IncidentContactLineLogResolver, IncidentContactLogEntryResolver, IncidentContactLogListResolver } from './incidents/contact-log.resolver';
import { OVERDUE_CHECK_MS, recordOverdueIncidents } from './incidents/overdue-upkeep';
import { AreaCrisisRosterResolver, CrisisRosterEntryResolver, CrisisRosterResolver } from './roster/crisis-roster.resolver';
import { isMaintainer } from './roster/roster-access';
import { ObservationTemplate } from './templates/observation-template';
import { AreaTemplatesResolver, ObservationTemplateResolver, ReportTemplateResolver } from './templates/observation-template.resolver';
import { CreateObservationTemplates1765100000200 } from './migrations/1765100000200-CreateObservationTemplates';
import { AreaPictureResolver, SituationPicturePartyResolver, SituationPictureResolver } from './picture/situation-picture.resolver';
import { situationPictureRouter } from './picture/situation-picture.export';

const situationWebhooks = webhooks('situation', 'situation', SITUATION_FEED_TYPES);

/**
 * The situation subgraph: the area-level situation picture (lägesbild) per area and period; each
 * report is owned by the party that wrote it and shown only to those it chose. Also each area's
 * crisis roster: whom to contact, by kind of incident, when something happens there.
 */
export const situationSubgraph: SubgraphModule<SituationLoaders> = {
  name: 'situation',
  entities: [SituationReport, Observation, CrisisRoster, CrisisRosterEntry, Incident, IncidentContact, IncidentContactLogEntry, IncidentFollowUp, ObservationTemplate, ChangeLogEntry],
  migrations: [CreateSituationReports1764000000000, AddOwnershipAndChangeLog1764100000000, AddFigureIndexes1764900000000, AddChangeFeed1765000000000, AddIdempotencyKeysAndExternalIds1764600000100, AddWebhooks1765000000300, CreateCrisisRosters1765100000000, CreateIncidents1765100000100, CreateObservationTemplates1765100000200, AddIncidentContactAttempts1765100000300],
  resolvers: [LabelsResolver, SituationReportResolver, AreaSituationResolver, ActorSituationResolver, FiguresSituationResolver, changeLogField(SituationReport),
    ObservationTemplateResolver, ReportTemplateResolver, AreaTemplatesResolver, changeLogField(ObservationTemplate),
    SituationPictureResolver, SituationPicturePartyResolver, AreaPictureResolver, changeFeedResolver('situation', 'situation', SITUATION_FEED_TYPES), ...situationWebhooks.resolvers,
    externalIdFields(SituationReport, { typeName: 'SituationReport', queryName: 'situationReportByExternalId', loaderName: 'reportByExternalId' }),
    ownerFields(SituationReport, Actor, {
      owner: 'The organisation that owns the report and decides who sees it: the reporting actor.',
      sharedWith: 'The organisations a SHARED report is shown to.',
    }),
    ownerFields(ObservationTemplate, Actor, {
      owner: 'The organisation that wrote the template and decides who sees it.',
      sharedWith: 'The organisations a SHARED template is shown to.',
    }),
    IncidentResolver, AreaIncidentsResolver, IncidentContactLogResolver, IncidentContactResolver, IncidentFollowUpResolver, changeLogField(Incident),
    IncidentContactLogListResolver, IncidentContactLineLogResolver, IncidentContactLogEntryResolver,
    externalIdFields(Incident, { typeName: 'Incident', queryName: 'incidentByExternalId', loaderName: 'incidentByExternalId' }),
    ownerFields(Incident, Actor, {
      owner: 'The organisation that opened the incident and owns it, usually the local police or the municipality; it decides who sees it.',
      sharedWith: 'The organisations a SHARED incident is shown to.',
    }),
    CrisisRosterResolver, CrisisRosterEntryResolver, AreaCrisisRosterResolver,
    changeLogField(CrisisRoster, (roster, viewer) => isOwnerMember(roster, viewer) || isMaintainer(roster, viewer)),
    externalIdFields(CrisisRoster, { typeName: 'CrisisRoster', queryName: 'crisisRosterByExternalId', loaderName: 'rosterByExternalId' }),
    ownerFields(CrisisRoster, Actor, {
      owner: 'The organisation that owns the roster and decides who sees it, e.g. the municipality or the local police.',
      sharedWith: 'The organisations a SHARED roster is shown to (besides its maintainers).',
    }),
  ],
  references: {
    SituationReport: ({ id }, { loaders }) => (isUuid(id) ? loaders.report.load(id) : null),
    ObservationTemplate: ({ id }, { loaders }) => (isUuid(id) ? loaders.template.load(id) : null),
    Incident: ({ id }, { loaders }) => (isUuid(id) ? loaders.incident.load(id) : null),
    CrisisRoster: ({ id }, { loaders }) => (isUuid(id) ? loaders.roster.load(id) : null),
    Actor: ({ id }) => ({ id }),
    Area: ({ code }) => ({ code }),
    Figures: ({ areaCode, month }) => figuresKey(areaCode, month),
  },
  orphanedTypes: [Figures],
  createLoaders,
  // Beside /graphql: incidents as CAP 1.2 alerts, and the joint situation picture as JSON (docs/situation-picture.schema.json).
  routes: (dataSource, authenticate, clock) => Router().use(capRouter(dataSource, authenticate), situationPictureRouter(dataSource, authenticate, clock)),
  // The change feed hears when an incident becomes overdue, which no write marks.
  upkeep: { everyMs: OVERDUE_CHECK_MS, run: recordOverdueIncidents },
  // Signed webhooks of the change feed, sent from an outbox in this subgraph's database.
  background: [situationWebhooks.worker],
  organisationExists,
  // Loaded only when asked for: production images carry no demo/ folder.
  loadDemoSeed: () => import('./demo/seed').then((demo) => demo.seedDemoData),
  loadGeneratedDemoSeed: () => import('./demo/seed-generated').then((demo) => demo.seedGeneratedDemoData),
};
