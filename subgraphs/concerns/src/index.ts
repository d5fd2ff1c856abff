import { LabelsResolver, organisationExists } from '@samverkan/federation';
import { isUuid, SubgraphModule } from '@samverkan/platform';
import { createLoaders, ConcernsLoaders } from './loaders';
import { InterventionTeam, TeamMember } from './teams/intervention-team';
import { InterventionTeamResolver } from './teams/intervention-team.resolver';
import { Concern } from './concerns/concern';
import { ConcernRecipient } from './concerns/concern-recipient';
import { ConcernAction } from './concerns/concern-action';
import { ConcernResolver } from './concerns/concern.resolver';
import { ConcernDeadline } from './clock/concern-deadline';
import { ConcernNotification } from './clock/concern-notification';
import { ConcernClockResolver, ConcernNotificationResolver } from './clock/concern-clock.resolver';
import { concernClockWorker } from './clock/clock-worker';
import { deadlineTick } from './clock/deadline-tick';
import { logSender, NotificationSender } from './clock/notification-sender';
import { AuditEntry } from './audit/audit-entry';
import { ConcernTombstone } from './retention/concern-tombstone';
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
    resolvers: [LabelsResolver, InterventionTeamResolver, ConcernResolver, ConcernClockResolver, ConcernNotificationResolver],
    references: {
      InterventionTeam: ({ id }, { loaders }) => (isUuid(id) ? loaders.team.load(id) : null),
      Concern: ({ id }, { loaders }) => (isUuid(id) ? loaders.concern.load(id) : null),
      Actor: ({ id }) => ({ id }),
      Area: ({ code }) => ({ code }),
      ContactFunction: ({ id }) => ({ id }),
    },
    createLoaders,
    organisationExists,
    // Loaded only when asked for: production images carry no demo/ folder.
    loadDemoSeed: () => import('./demo/seed').then((demo) => demo.seedDemoData),
    // The 24-hour clock: deadlines fired and notifications sent from a durable pg-boss queue.
    background: [concernClockWorker([deadlineTick(sender)])],
  };
}

/** The subgraph as run: notifications go to the log (`logSender`); tests and deployments pass a sender of their own. */
export const concernsSubgraph = createConcernsSubgraph();

export { logSender, type Notice, type NotificationSender } from './clock/notification-sender';
