import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { externalIdLoader, whereVisible } from '@samverkan/federation';
import { byArguments, conditionedListQuery, firstPerKeyLoader, isUuid, NestedListArgs, queryNamed, recordLoader, Viewer } from '@samverkan/platform';
import { Agreement } from '../agreement/agreement';
import { agreementVisibleSql, whereAgreementVisible } from '../agreement/agreement-access';
import { AgreementTemplate } from './agreement-template';

/**
 * Per-request loaders of agreement templates and of their use: only the templates the viewer may
 * see, and of the agreements drafted from them only those the viewer may see (`agreementVisibleSql`).
 */
export function templateLoaders(dataSource: DataSource, viewer: Viewer) {
  const templates = dataSource.getRepository(AgreementTemplate);
  const [visibleAgreement, visibleParameters] = agreementVisibleSql('r', viewer);
  return {
    /** By id, for `agreementTemplate(id)` and `Agreement.template`: null when there is none or the viewer may not see it. */
    template: recordLoader<string, AgreementTemplate>(async (ids) => {
      const wanted = ids.filter(isUuid);
      return wanted.length ? whereVisible(templates.createQueryBuilder('t'), viewer).andWhere('t.id IN (:...wanted)', { wanted }).getMany() : [];
    }, (t) => t.id),
    /** The viewer's organisation's templates by their `externalId`. */
    templateByExternalId: externalIdLoader(dataSource, AgreementTemplate, viewer),
    /** `AgreementTemplate.usedBy`: by template id, the first agreements drafted from it that the viewer may see, by title; two statements per batch. */
    agreementsFromTemplate: byArguments(({ first }: NestedListArgs) =>
      firstPerKeyLoader<Agreement>(
        dataSource,
        (keys) =>
          conditionedListQuery(keys, {
            pairs: 'SELECT a.template_id::text AS key, a.id FROM agreements a WHERE a.template_id = ANY(CAST(:keys AS uuid[]))',
            table: 'agreements',
            conditions: [[visibleAgreement, visibleParameters]],
            order: 'r.title ASC, r.id ASC',
            accept: isUuid,
          }),
        (ids) =>
          whereAgreementVisible(dataSource.getRepository(Agreement).createQueryBuilder('agreement').where('agreement.id IN (:...ids)', { ids }), viewer).getMany(),
        first,
      ),
    ),
    /** `AgreementTemplate.usageCount`: by template id, how many agreements drafted from it the viewer may see; one statement per batch. */
    usageCount: new DataLoader<string, number>(async (ids) => {
      const rows = await queryNamed<{ key: string; n: number }>(
        dataSource,
        `SELECT r.template_id::text AS key, count(*)::int AS n FROM agreements r
          WHERE r.template_id = ANY(CAST(:keys AS uuid[])) AND ${visibleAgreement} GROUP BY r.template_id`,
        { ...visibleParameters, keys: ids.filter(isUuid) },
      );
      const counts = new Map(rows.map((row) => [row.key, row.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
