import { DataSource, SelectQueryBuilder } from 'typeorm';
import { areaKeyRangesSql, areaPrefilterSql, inAreaRangeSql, namedAreaFilter, namedParameters, plainAreaKeysSql, whereAgesOverlap, wherePeriodOverlaps } from '@samverkan/federation';
import { badInput, containsPattern } from '@samverkan/platform';
import { Activity } from './activity';
import { ActivityFilter } from './activity.inputs';
import { ActivitiesLoaders } from './loaders';
import { whereOccurs } from './schedule/schedule';

/**
 * The activities matching a filter, as a query over `activity` (unordered, unbounded): the one
 * filter of the `activities` query and of the calendar export (`/calendar/activities.ics`), so the
 * two never disagree. Activities are public listings, so it keeps no one out; only an agreement the
 * caller may not see (`loaders.visibleAgreement`) matches nothing.
 */
export async function filteredActivities(
  dataSource: DataSource,
  filter: ActivityFilter | undefined,
  loaders: Pick<ActivitiesLoaders, 'visibleAgreement'>,
): Promise<SelectQueryBuilder<Activity>> {
  const query = dataSource.getRepository(Activity).createQueryBuilder('activity');
  if (filter?.areaCode && filter.areaCodes) {
    // Both at once is ambiguous (either, or both?): one list says it plainly.
    throw badInput('Give areaCode or areaCodes, not both', [{ field: 'areaCodes', message: 'not together with areaCode' }]);
  }
  if (filter?.areaCode) {
    query.andWhere(...namedAreaFilter('activity.area_code', filter.areaCode, filter.areaScope));
  }
  if (filter?.areaCodes) {
    // The ranges of each code; the same match written out (areaPrefilterSql) lets the planner use the area index for small areas.
    const { bind, parameters } = namedParameters('areaCodesPrefilter');
    const ranges = areaKeyRangesSql(plainAreaKeysSql('CAST(:areaCodes AS text[])'), filter.areaScope);
    query.andWhere(
      `EXISTS (SELECT 1 FROM ${ranges} AS k WHERE ${inAreaRangeSql('activity.area_code', 'k')}) AND ${areaPrefilterSql('activity.area_code', filter.areaCodes, filter.areaScope, bind)}`,
      { areaCodes: filter.areaCodes, ...parameters },
    );
  }
  if (filter?.kinds?.length) query.andWhere('activity.kind IN (:...kinds)', { kinds: filter.kinds });
  if (filter?.targetGroups?.length) {
    query.andWhere('activity.target_groups && CAST(:targetGroups AS text[])', { targetGroups: filter.targetGroups });
  }
  whereAgesOverlap(query, { min: 'activity.age_min', max: 'activity.age_max' }, ageRangeOf(filter));
  if (filter?.organiserId) {
    query.andWhere('EXISTS (SELECT 1 FROM activity_organisers ao WHERE ao.activity_id = activity.id AND ao.actor_id = :organiserId)', {
      organiserId: filter.organiserId,
    });
  }
  if (filter?.fundingAgreementId) {
    // Filtering by an agreement the caller may not see must not reveal which activities it funds.
    const visible = await loaders.visibleAgreement.load(filter.fundingAgreementId);
    query.andWhere(visible ? 'activity.funding_agreement_id = :fundingAgreementId' : 'false', { fundingAgreementId: filter.fundingAgreementId });
  }
  wherePeriodOverlaps(query, { start: 'activity.starts_on', end: 'activity.ends_on' }, filter ?? {});
  if (filter?.policePurposes?.length) {
    query.andWhere('activity.police_purpose IN (:...policePurposes)', { policePurposes: filter.policePurposes });
  }
  if (filter?.text) {
    // Title and public description only: the internal classification is never searchable.
    query.andWhere('(activity.title ILIKE :text OR activity.public_description ILIKE :text)', { text: containsPattern(filter.text) });
  }
  if (filter?.occurs) whereOccurs(query, filter.occurs);
  return query;
}

/** The filter's ages as one range: `age` is the range [age, age], so one rule matches both. */
function ageRangeOf(filter: ActivityFilter | undefined): { from?: number | null; to?: number | null } {
  if (filter?.age == null) return { from: filter?.ageFrom, to: filter?.ageTo };
  if (filter.ageFrom != null || filter.ageTo != null) {
    throw badInput('Give age or ageFrom/ageTo, not both', [{ field: 'age', message: 'not together with ageFrom or ageTo' }]);
  }
  return { from: filter.age, to: filter.age };
}

