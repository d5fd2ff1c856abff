import { FeedType } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { SituationReport } from './reports/situation-report';
import { Incident } from './incidents/incident';
import { ObservationTemplate } from './templates/observation-template';
import { SituationLoaders } from './loaders';

/** The situation subgraph's change feed. Situation reports, incidents and observation templates follow their visibility; each is of one area. */
export const SITUATION_FEED_TYPES: FeedType[] = [
  {
    type: 'SituationReport',
    audienceSql: `SELECT id, visibility, owner_id, shared_with, ARRAY[area_code] AS area_codes FROM situation_reports WHERE id = ANY(CAST($1 AS uuid[]))`,
    entity: SituationReport,
    table: 'situation_reports',
    load: ({ loaders }: SubgraphContext<SituationLoaders>, ids) => loaders.report.loadMany(ids),
  },
  {
    type: 'Incident',
    audienceSql: `SELECT id, visibility, owner_id, shared_with, ARRAY[area_code] AS area_codes FROM incidents WHERE id = ANY(CAST($1 AS uuid[]))`,
    entity: Incident,
    table: 'incidents',
    load: ({ loaders }: SubgraphContext<SituationLoaders>, ids) => loaders.incident.loadMany(ids),
  },
  {
    type: 'ObservationTemplate',
    audienceSql: `SELECT id, visibility, owner_id, shared_with, ARRAY[area_code] AS area_codes FROM observation_templates WHERE id = ANY(CAST($1 AS uuid[]))`,
    entity: ObservationTemplate,
    table: 'observation_templates',
    load: ({ loaders }: SubgraphContext<SituationLoaders>, ids) => loaders.template.loadMany(ids),
  },
];
