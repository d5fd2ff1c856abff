import { DataSource, SelectQueryBuilder } from 'typeorm';
import { areaKeyRangesSql, areaPrefilterSql, inAreaRangeSql, namedAreaFilter, namedNearSql, namedParameters, plainAreaKeysSql, swedishQuerySql, whereAgesOverlap, wherePeriodOverlaps } from '@samverkan/federation';
import { badInput } from '@samverkan/platform';
import { Activity } from './activity';
import { ActivityFilter } from './activity.inputs';
import { ActivitiesLoaders } from './loaders';
import { whereOccurs } from './schedule/schedule';

/**
 * The activities matching a filter, as a query over `activity` (unordered, unbounded): the one
 * filter of the `activities` query and of the calendar export (`/calendar/activities.ics`), so the
 * two never disagree. With `near`, only activities whose point lies in the circle (the caller adds
 * the distance, `ACTIVITY_POINT`). Activities are public listings, so it keeps no one out; only an agreement or a
 * commitment the caller may not see (`loaders.visibleAgreement`, `visibleCommitment`) matches nothing.
 */
export async function filteredActivities(
  dataSource: DataSource,
  filter: ActivityFilter | undefined,
  loaders: Pick<ActivitiesLoaders, 'visibleAgreement' | 'visibleCommitment'>,
): Promise<SelectQueryBuilder<Activity>> {
  const query = dataSource.getRepository(Activity).createQueryBuilder('activity');
  if (filter?.areaCode && filter.areaCodes) {
    // Both at once is ambiguous (either, or both?): one list says it plainly.
    throw badInput('Give areaCode or areaCodes, not both', [{ field: 'areaCodes', message: 'not together with areaCode' }]);
  }
  // An activity is in an area when any of its areas is (see `inAnyArea`).
  if (filter?.areaCode) {
    const [primary, parameters] = namedAreaFilter('activity.area_code', filter.areaCode, filter.areaScope);
    const [other, otherParameters] = namedAreaFilter('aa.area_code', filter.areaCode, filter.areaScope, 'otherAreaCode');
    query.andWhere(inAnyArea(primary, other), { ...parameters, ...otherParameters });
  }
  if (filter?.areaCodes) {
    // The ranges of each code; the same match written out (areaPrefilterSql) lets the planner use the area index for small areas.
    const { bind, parameters } = namedParameters('areaCodesPrefilter');
    const ranges = areaKeyRangesSql(plainAreaKeysSql('CAST(:areaCodes AS text[])'), filter.areaScope);
    const match = (column: string) =>
      `EXISTS (SELECT 1 FROM ${ranges} AS k WHERE ${inAreaRangeSql(column, 'k')}) AND ${areaPrefilterSql(column, filter.areaCodes!, filter.areaScope, bind)}`;
    query.andWhere(inAnyArea(match('activity.area_code'), match('aa.area_code')), { areaCodes: filter.areaCodes, ...parameters });
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
  if (filter?.agreementId) {
    // As above: what is carried out under a hidden agreement, or commitment, stays hidden.
    const visible = await loaders.visibleAgreement.load(filter.agreementId);
    query.andWhere(visible ? 'activity.agreement_id = :agreementId' : 'false', { agreementId: filter.agreementId });
  }
  if (filter?.commitmentId) {
    const visible = await loaders.visibleCommitment.load(filter.commitmentId);
    query.andWhere(visible ? 'activity.commitment_id = :commitmentId' : 'false', { commitmentId: filter.commitmentId });
  }
  wherePeriodOverlaps(query, { start: 'activity.starts_on', end: 'activity.ends_on' }, filter ?? {});
  if (filter?.policePurposes?.length) {
    query.andWhere('activity.police_purpose IN (:...policePurposes)', { policePurposes: filter.policePurposes });
  }
  if (filter?.text?.trim()) {
    // Title and public description only (the generated search_vector): the internal classification is never searchable.
    query.andWhere(`activity.search_vector @@ ${swedishQuerySql('CAST(:freeText AS text)')}`, { freeText: filter.text });
  }
  if (filter?.occurs) whereOccurs(query, filter.occurs);
  if (filter?.near) {
    const near = namedNearSql(ACTIVITY_POINT, filter.near);
    query.andWhere(near.condition, near.parameters);
  }
  return query;
}

/**
 * SQL condition: the activity (alias `activity`) has an area matching: its primary area by `primary`
 * (over `activity.area_code`, which the activities' area index serves as before activities had
 * several areas), or one of its other areas by `other` (over `aa.area_code`: the few rows of
 * `activity_areas` that are not primary, collected once through their partial index, then looked up by id).
 */
function inAnyArea(primary: string, other: string): string {
  return `((${primary}) OR activity.id = ANY(ARRAY(SELECT aa.activity_id FROM activity_areas aa WHERE NOT aa.primary_area AND ${other})))`;
}

/** An activity's point for distance search: its address's point, else the copy of its venue's (an activity has one or the other). */
export const ACTIVITY_POINT = { latitude: 'coalesce(activity.latitude, activity.venue_latitude)', longitude: 'coalesce(activity.longitude, activity.venue_longitude)' };

/** The filter's ages as one range: `age` is the range [age, age], so one rule matches both. */
function ageRangeOf(filter: ActivityFilter | undefined): { from?: number | null; to?: number | null } {
  if (filter?.age == null) return { from: filter?.ageFrom, to: filter?.ageTo };
  if (filter.ageFrom != null || filter.ageTo != null) {
    throw badInput('Give age or ageFrom/ageTo, not both', [{ field: 'age', message: 'not together with ageFrom or ageTo' }]);
  }
  return { from: filter.age, to: filter.age };
}

