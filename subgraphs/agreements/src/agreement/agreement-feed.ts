import { FeedType } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { Agreement } from './agreement';
import { AgreementsLoaders } from '../loaders';
import { AGREEMENT_AUDIENCE_SQL } from './agreement-access';
import { TEMPLATE_FEED_TYPE } from '../templates/template-feed';

/** The agreements subgraph's change feed. Agreements reach whom they are visible to, their named parties included; their areas are those they cover. */
export const AGREEMENT_FEED_TYPES: FeedType[] = [
  {
    type: 'Agreement',
    audienceSql: `SELECT g.id, ${AGREEMENT_AUDIENCE_SQL}, ARRAY(SELECT ga.area_code FROM agreement_areas ga WHERE ga.agreement_id = g.id) AS area_codes FROM agreements g WHERE g.id = ANY(CAST($1 AS uuid[]))`,
    entity: Agreement,
    table: 'agreements',
    load: ({ loaders }: SubgraphContext<AgreementsLoaders>, ids) => loaders.agreement.loadMany(ids),
  },
  TEMPLATE_FEED_TYPE,
];
