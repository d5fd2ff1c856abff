import { ArrayMaxSize, IsInt, Matches, Max, Min, validate } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AREA_CODE_PATTERN, AreaScope, MAX_AGE } from '@samverkan/federation';
import { activitiesPublicUrl, badInput } from '@samverkan/platform';
import { ActivityKind } from '../activity';
import { ActivityFilter } from '../activity.inputs';

/** The most activities one calendar file lists, newest start first, as the `activities` query orders them. */
export const MAX_CALENDAR_ACTIVITIES = 200;
const MAX_KINDS = Object.keys(ActivityKind).length;

/**
 * What a calendar subscription selects: a part of `ActivityFilter` that fits in a URL
 * (`/calendar/activities.ics?area=…&kind=…&ageMin=…&ageMax=…`). It becomes an `ActivityFilter`, so
 * the file lists exactly what the `activities` query lists for that filter (with `from` today:
 * activities that have not ended).
 */
@InputType({ description: 'Which activities a calendar subscription holds: those the `activities` query lists for the same values, not ended yet.' })
export class ActivityCalendarFilter {
  @Field(() => ID, { nullable: true, description: 'Only activities in this area or within it (`ActivityFilter.areaCode`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'area is not an area code' })
  areaCode?: string | null;

  @Field(() => [ActivityKind], { nullable: true, description: 'Only activities of these kinds.' })
  @ArrayMaxSize(MAX_KINDS)
  kinds?: ActivityKind[] | null;

  @Field(() => Int, { nullable: true, description: 'Only activities for ages overlapping from this age (`ActivityFilter.ageFrom`).' })
  @IsInt()
  @Min(0)
  @Max(MAX_AGE)
  ageFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only activities for ages overlapping up to this age (`ActivityFilter.ageTo`).' })
  @IsInt()
  @Min(0)
  @Max(MAX_AGE)
  ageTo?: number | null;
}

/** The `activities` filter a calendar filter stands for, on `today`. */
export function activityFilterOf(filter: ActivityCalendarFilter, today: string): ActivityFilter {
  return Object.assign(new ActivityFilter(), {
    areaCode: filter.areaCode ?? undefined,
    areaScope: AreaScope.WITHIN,
    kinds: filter.kinds?.length ? [...new Set(filter.kinds)] : undefined,
    ageFrom: filter.ageFrom ?? undefined,
    ageTo: filter.ageTo ?? undefined,
    from: today,
  });
}

/** The calendar file's address for one activity. */
export const activityCalendarUrl = (id: string) => `${activitiesPublicUrl()}/calendar/activities/${encodeURIComponent(id)}.ics`;

/** The subscription address of a filtered list: the same parameters the route reads. */
export function listCalendarUrl(filter: ActivityCalendarFilter): string {
  const query = new URLSearchParams();
  if (filter.areaCode) query.append('area', filter.areaCode);
  for (const kind of [...new Set(filter.kinds ?? [])]) query.append('kind', kind);
  if (filter.ageFrom != null) query.append('ageMin', String(filter.ageFrom));
  if (filter.ageTo != null) query.append('ageMax', String(filter.ageTo));
  const text = query.toString();
  return `${activitiesPublicUrl()}/calendar/activities.ics${text ? `?${text}` : ''}`;
}

/** Checks a calendar filter by its rules (the same decorators GraphQL applies); BAD_USER_INPUT names the fields. */
export async function assertCalendarFilter(filter: ActivityCalendarFilter): Promise<void> {
  const instance = Object.assign(new ActivityCalendarFilter(), filter);
  const errors = await validate(instance, { skipMissingProperties: true, forbidUnknownValues: false });
  const wrong = (filter.kinds ?? []).filter((kind) => !(kind in ActivityKind));
  const fields = [
    ...errors.map((e) => ({ field: e.property, message: Object.values(e.constraints ?? {}).join('; ') })),
    ...(wrong.length ? [{ field: 'kinds', message: `not activity kinds: ${wrong.join(', ')}` }] : []),
  ];
  if (fields.length) throw badInput(`The calendar filter is wrong: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, fields);
}
