import { FeedType } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { SituationReport } from './reports/situation-report';
import { Incident } from './incidents/incident';
import { CrisisRoster } from './roster/crisis-roster';
import { ObservationTemplate } from './templates/observation-template';
import { SituationLoaders } from './loaders';

/**
 * The situation subgraph's change feed. Situation reports, incidents and observation templates
 * follow their visibility; crisis rosters too, and are also shown to their maintainers (as if shared
 * with them); each record is of one area.
 */
type Context = SubgraphContext<SituationLoaders>;

/** A record of one area shown per its own visibility, as most of this subgraph's are. */
const ownAreaAudience = (table: string) =>
  `SELECT id, visibility, owner_id, shared_with, ARRAY[area_code] AS area_codes FROM ${table} WHERE id = ANY(CAST($1 AS uuid[]))`;

export const SITUATION_FEED_TYPES: FeedType[] = [
  {
    type: 'SituationReport',
    audienceSql: ownAreaAudience('situation_reports'),
    entity: SituationReport,
    table: 'situation_reports',
    load: ({ loaders }: Context, ids) => loaders.report.loadMany(ids),
  },
  {
    type: 'Incident',
    audienceSql: ownAreaAudience('incidents'),
    entity: Incident,
    table: 'incidents',
    load: ({ loaders }: Context, ids) => loaders.incident.loadMany(ids),
  },
  {
    type: 'CrisisRoster',
    audienceSql: `SELECT id, CASE WHEN visibility = 'OWNER' AND cardinality(maintainer_ids) > 0 THEN 'SHARED' ELSE visibility END AS visibility,
        owner_id, shared_with || maintainer_ids AS shared_with, ARRAY[area_code] AS area_codes
      FROM crisis_rosters WHERE id = ANY(CAST($1 AS uuid[]))`,
    entity: CrisisRoster,
    table: 'crisis_rosters',
    load: ({ loaders }: Context, ids) => loaders.roster.loadMany(ids),
  },
  {
    type: 'ObservationTemplate',
    audienceSql: ownAreaAudience('observation_templates'),
    entity: ObservationTemplate,
    table: 'observation_templates',
    load: ({ loaders }: Context, ids) => loaders.template.loadMany(ids),
  },
];
