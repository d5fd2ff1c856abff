import { FeedType } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { AgreementsLoaders } from '../loaders';
import { AgreementTemplate } from './agreement-template';

/** Agreement templates in the change feed: shown per their own visibility; they cover no area. */
export const TEMPLATE_FEED_TYPE: FeedType = {
  type: 'AgreementTemplate',
  audienceSql: `SELECT id, visibility, owner_id, shared_with, CAST('{}' AS text[]) AS area_codes FROM agreement_templates WHERE id = ANY(CAST($1 AS uuid[]))`,
  entity: AgreementTemplate,
  table: 'agreement_templates',
  load: ({ loaders }: SubgraphContext<AgreementsLoaders>, ids) => loaders.template.loadMany(ids),
};
