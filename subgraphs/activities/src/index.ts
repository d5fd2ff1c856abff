import { AddWebhooks1764600000300 } from './migrations/1764600000300-AddWebhooks';
import { AddActivitiesUnderAgreements1765200000000 } from './migrations/1765200000000-AddActivitiesUnderAgreements';
import { Actor } from './stubs';
import { AllowNpfTargetGroup1764200000000 } from './migrations/1764200000000-AllowNpfTargetGroup';
import { IndexActivityPeriods1764300000000 } from './migrations/1764300000000-IndexActivityPeriods';
import { ChangeLogEntry, changeFeedResolver, webhooks, changeLogField, externalIdFields, LabelsResolver, Figures, figuresKey, ownerFields, organisationExists, todayInSweden } from '@samverkan/federation';
import { AddSchedules1764400000000 } from './migrations/1764400000000-AddSchedules';
import { ActivityScheduleResolver } from './schedule/schedule.resolver';
import { AddPlaces1764400000100 } from './migrations/1764400000100-AddPlaces';
import { ActivityPlaceResolver } from './place/place.resolver';
import { AddJoiningDetails1764400000200 } from './migrations/1764400000200-AddJoiningDetails';
import { ActivityDetailsResolver } from './details/details.resolver';
import { RememberWhenOccurrenceDaysWereStored1764400000300 } from './migrations/1764400000300-RememberWhenOccurrenceDaysWereStored';
import { AddVouches1764400000400 } from './migrations/1764400000400-AddVouches';
import { ActivityVouchingResolver } from './vouching/vouching.resolver';
import { ActivityVouchRow } from './vouching/vouch';
import { ActivityCalendarResolver } from './calendar/calendar.resolver';
import { calendarRouter } from './calendar/calendar.routes';
import { refreshOccurrenceDays } from './schedule/schedule';
import { AddAreasTextSearchAndVenuePoints1764400001000 } from './migrations/1764400001000-AddAreasTextSearchAndVenuePoints';
import { refreshVenuePoints } from './place/venue-points';
import { AddIdempotencyKeysAndExternalIds1764600000100 } from './migrations/1764600000100-AddIdempotencyKeysAndExternalIds';
import { AddChangeFeed1764600000000 } from './migrations/1764600000000-AddChangeFeed';
import { ACTIVITY_FEED_TYPES } from './activity-feed';
import { logger, SubgraphModule } from '@samverkan/platform';
import { Activity, ActivityArea, ActivityOrganiser } from './activity';
import { ActivityResolver } from './activity.resolver';
import { ActivitiesLoaders, createLoaders } from './loaders';
import { CreateActivities1764000000000 } from './migrations/1764000000000-CreateActivities';
import { AddOwnershipAndChangeLog1764100000000 } from './migrations/1764100000000-AddOwnershipAndChangeLog';
import { FiguresActivitiesResolver } from './activity-figures.resolver';
import { ActorActivitiesResolver, AgreementActivitiesResolver, AreaActivitiesResolver, CommitmentActivitiesResolver } from './stubs.resolver';

const activityWebhooks = webhooks('activity', 'activities', ACTIVITY_FEED_TYPES);

/**
 * The activities subgraph: what the parties do locally, who organises it, where, for whom, and why the
 * police take part. Activities are public listings; only their internal fields follow the owner's visibility.
 */
export const activitiesSubgraph: SubgraphModule<ActivitiesLoaders> = {
  name: 'activities',
  entities: [Activity, ActivityOrganiser, ActivityArea, ActivityVouchRow, ChangeLogEntry],
  migrations: [CreateActivities1764000000000, AddOwnershipAndChangeLog1764100000000, AllowNpfTargetGroup1764200000000, IndexActivityPeriods1764300000000, AddSchedules1764400000000, AddPlaces1764400000100, AddJoiningDetails1764400000200, RememberWhenOccurrenceDaysWereStored1764400000300, AddVouches1764400000400, AddAreasTextSearchAndVenuePoints1764400001000, AddChangeFeed1764600000000, AddIdempotencyKeysAndExternalIds1764600000100, AddWebhooks1764600000300, AddActivitiesUnderAgreements1765200000000],
  resolvers: [LabelsResolver, ActivityResolver, ActivityScheduleResolver, ActivityPlaceResolver, ActivityDetailsResolver, ActivityVouchingResolver, ActivityCalendarResolver, ActorActivitiesResolver, AreaActivitiesResolver, AgreementActivitiesResolver, CommitmentActivitiesResolver, FiguresActivitiesResolver, changeLogField(Activity),
    changeFeedResolver('activity', 'activities', ACTIVITY_FEED_TYPES), ...activityWebhooks.resolvers,
    externalIdFields(Activity, { typeName: 'Activity', queryName: 'activityByExternalId', loaderName: 'activityByExternalId' }),
    ownerFields(Activity, Actor, {
      owner: 'The organisation that owns the activity: its lead organiser, the only one that changes it.',
      sharedWith: 'The organisations that may see the internal fields when `visibility` is SHARED.',
    }),
  ],
  // Figures is reached through the actors subgraph's roots, and here only through `_entities`.
  orphanedTypes: [Figures],
  references: {
    Activity: ({ id }, { loaders }) => loaders.activity.load(id),
    // Stubs of entities owned by other subgraphs: the key is all this subgraph knows.
    Actor: ({ id }) => ({ id }),
    Area: ({ code }) => ({ code }),
    Agreement: ({ id }) => ({ id }),
    Commitment: ({ id }) => ({ id }),
    Venue: ({ id }) => ({ id }),
    // Checked before it reaches SQL: `_entities` may be sent straight to this subgraph.
    Figures: ({ areaCode, month }) => figuresKey(String(areaCode), String(month)),
  },
  createLoaders,
  // Signed webhooks of the change feed, sent from an outbox in this subgraph's database.
  background: [activityWebhooks.worker],
  organisationExists,
  // iCalendar files of activities, for a parent's calendar (public: no token is read).
  routes: (dataSource, _authenticate, clock) => calendarRouter(dataSource, clock),
  // The occurrence days the list filters read move with time: stored afresh daily where they grow old.
  // The copies of the venues' points are asked of the registry afresh daily (after the days, so a registry that is down stops only this).
  upkeep: {
    everyMs: 86_400_000,
    run: async (dataSource, clock) => {
      await refreshOccurrenceDays(dataSource, todayInSweden(clock.now()));
      // At a first start the registry may not be up yet: a warning, and the copies wait for the next round.
      await refreshVenuePoints(dataSource).catch((error) => logger.warn({ err: error }, 'venue points not refreshed (the actors registry did not answer); tried again at the next upkeep'));
    },
  },
  // Loaded only when asked for: production images carry no demo/ folder.
  loadDemoSeed: () => import('./demo/seed').then((demo) => demo.seedDemoData),
  loadGeneratedDemoSeed: () => import('./demo/seed-generated').then((demo) => demo.seedGeneratedDemoData),
};
