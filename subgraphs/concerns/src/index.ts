import { externalIdFields, Figures, figuresKey, LabelsResolver, organisationExists, ownerFields } from '@samverkan/federation';
import { isUuid, SubgraphModule } from '@samverkan/platform';
import { createLoaders, ConcernsLoaders } from './loaders';
import { InterventionTeam, TeamMember } from './teams/intervention-team';
import { AreaInterventionTeamResolver, InterventionTeamResolver, TeamMemberResolver } from './teams/intervention-team.resolver';
import { Actor } from './stubs';
import { Concern } from './concerns/concern';
import { ConcernRecipient } from './concerns/concern-recipient';
import { ConcernAction } from './concerns/concern-action';
import { ConcernResolver } from './concerns/concern.resolver';
import { ConcernActionResolver, ConcernRecipientResolver } from './concerns/concern-parts.resolver';
import { ConcernDeadline } from './clock/concern-deadline';
import { ConcernNotification } from './clock/concern-notification';
import { ConcernClockResolver, ConcernNotificationResolver } from './clock/concern-clock.resolver';
import { concernClockWorker } from './clock/clock-worker';
import { deadlineTick } from './clock/deadline-tick';
import { logSender, NotificationSender } from './clock/notification-sender';
import { AuditEntry } from './audit/audit-entry';
import { ConcernTombstone } from './retention/concern-tombstone';
import { retentionJob } from './retention/retention';
import { FiguresConcernsResolver } from './figures/concern-figures.resolver';
import { CreateConcernsStore1765300000000 } from './migrations/1765300000000-CreateConcernsStore';

/**
 * The concerns subgraph (issue 15, docs/dpia-concerns.md): intervention teams per area, and the
 * federation's only individual-level records, guardians' concerns about a child, answered within
 * 24 hours. Its own database and rules: no change log, change feed or webhooks; every read audited.
 */
export function createConcernsSubgraph({ sender = logSender }: { sender?: NotificationSender } = {}): SubgraphModule<ConcernsLoaders> {
  return {
    name: 'concerns',
    entities: [InterventionTeam, TeamMember, Concern, ConcernRecipient, ConcernAction, ConcernDeadline, ConcernNotification, AuditEntry, ConcernTombstone],
    migrations: [CreateConcernsStore1765300000000],
    resolvers: [
      LabelsResolver,
      InterventionTeamResolver,
      TeamMemberResolver,
      AreaInterventionTeamResolver,
      externalIdFields(InterventionTeam, { typeName: 'InterventionTeam', queryName: 'interventionTeamByExternalId', loaderName: 'teamByExternalId' }),
      ownerFields(InterventionTeam, Actor, {
        owner: "The organisation that owns the team and decides who sees it, usually the municipality's social services.",
        sharedWith: 'The organisations a SHARED team is shown to (besides its maintainers).',
      }),
      ConcernResolver,
      ConcernRecipientResolver,
      ConcernActionResolver,
      ConcernClockResolver,
      ConcernNotificationResolver,
      FiguresConcernsResolver,
    ],
    references: {
      InterventionTeam: ({ id }, { loaders }) => (isUuid(id) ? loaders.team.load(id) : null),
      Concern: ({ id }, { loaders }) => (isUuid(id) ? loaders.concern.load(id) : null),
      Actor: ({ id }) => ({ id }),
      Area: ({ code }) => ({ code }),
      ContactFunction: ({ id }) => ({ id }),
      Figures: ({ areaCode, month }) => figuresKey(areaCode, month),
    },
    // Figures is extended here (`concerns`), never returned by a field of this subgraph.
    orphanedTypes: [Figures],
    createLoaders,
    organisationExists,
    // Loaded only when asked for: production images carry no demo/ folder.
    loadDemoSeed: () => import('./demo/seed').then((demo) => demo.seedDemoData),
    // On a durable pg-boss queue: the 24-hour clock (deadlines fired, notifications sent) and the deletion of closed concerns past retention.
    background: [concernClockWorker([deadlineTick(sender), retentionJob])],
  };
}

/** The subgraph as run: notifications go to the log (`logSender`); tests and deployments pass a sender of their own. */
export const concernsSubgraph = createConcernsSubgraph();

export { logSender, type Notice, type NotificationSender } from './clock/notification-sender';
