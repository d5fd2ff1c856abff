import { FeedType } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { Activity } from './activity';
import { ActivitiesLoaders } from './loaders';

/**
 * The activities' change feed: activities are public listings, so every caller sees each one;
 * only the internal fields follow its visibility. Its areas: the primary one and the others.
 */
export const ACTIVITY_FEED_TYPES: FeedType[] = [
  {
    type: 'Activity',
    audienceSql: `SELECT a.id, a.visibility, a.owner_id, a.shared_with,
                         ARRAY(SELECT aa.area_code FROM activity_areas aa WHERE aa.activity_id = a.id UNION SELECT a.area_code) AS area_codes
                    FROM activities a WHERE a.id = ANY(CAST($1 AS uuid[]))`,
    internalFields: ['internalClassification', 'participantCount'],
    entity: Activity,
    table: 'activities',
    load: ({ loaders }: SubgraphContext<ActivitiesLoaders>, ids) => loaders.activity.loadMany(ids),
  },
];
