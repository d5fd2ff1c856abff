import { EntityManager } from 'typeorm';
import { selfAndAncestors, whereVisible } from '@samverkan/federation';
import { badInput, Viewer } from '@samverkan/platform';
import { ObservationCategory } from '../reports/situation-report';
import { ObservationTemplate } from './observation-template';

/**
 * A report that names a template keeps to it: the template must be one the writer may see, for the
 * report's area or an area containing it, and every observation's category must be among its
 * categories. Read in the writer's transaction; refused with BAD_USER_INPUT, so nothing is written.
 */
export async function assertFollowsTemplate(
  manager: EntityManager,
  viewer: Viewer,
  { templateId, areaCode, categories }: { templateId: string; areaCode: string; categories: ObservationCategory[] },
): Promise<void> {
  const template = await whereVisible(manager.getRepository(ObservationTemplate).createQueryBuilder('t'), viewer)
    .andWhere('t.id = :templateId', { templateId })
    .getOne();
  if (!template) throw badInput(`Unknown observation template ${templateId}`, [{ field: 'templateId', message: 'unknown observation template' }]);
  if (!selfAndAncestors(areaCode).includes(template.areaCode)) {
    throw badInput(`Observation template ${templateId} is for area ${template.areaCode}, which does not contain ${areaCode}`, [
      { field: 'templateId', message: 'the template is for another area' },
    ]);
  }
  const agreed = new Set(template.categories.map((c) => c.category));
  const outside = [...new Set(categories.filter((category) => !agreed.has(category)))];
  if (outside.length) {
    throw badInput(`Observation categories not in template "${template.name}": ${outside.join(', ')}`, [
      { field: 'observations', message: `categories not in the template: ${outside.join(', ')}` },
    ]);
  }
}
