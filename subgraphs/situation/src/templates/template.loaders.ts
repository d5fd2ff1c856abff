import { DataSource } from 'typeorm';
import { visibleSql, whereVisible } from '@samverkan/federation';
import { byArguments, firstOfEachLoader, isUuid, NestedListArgs, recordLoader, Viewer } from '@samverkan/platform';
import { ObservationTemplate } from './observation-template';

/** Per-request loaders of observation templates: only the templates the viewer may see. */
export function templateLoaders(dataSource: DataSource, viewer: Viewer) {
  const templates = dataSource.getRepository(ObservationTemplate);
  return {
    template: recordLoader<string, ObservationTemplate>(async (ids) => {
      const wanted = ids.filter(isUuid);
      return wanted.length ? whereVisible(templates.createQueryBuilder('t'), viewer).andWhere('t.id IN (:...wanted)', { wanted }).getMany() : [];
    }, (t) => t.id),
    /** `Area.observationTemplates`: the templates for exactly each area, by name, in one statement. */
    templatesOfArea: byArguments(({ first }: NestedListArgs) =>
      firstOfEachLoader(
        dataSource,
        ObservationTemplate,
        { keyColumn: 'area_code', keyType: 'text', keyOf: (t) => t.areaCode, where: [visibleSql('t', viewer)] },
        first,
      ),
    ),
  };
}
