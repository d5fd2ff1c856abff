import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Activity } from '../activity';
import { assertPeriod, SWEDISH_TIME_ZONE } from '@samverkan/federation';
import { badInput, FieldProblem, trimmedOrNull } from '@samverkan/platform';
import { addDays, daysTakingPlace, occurrenceDays, recurrenceProblem, Schedule } from './occurrences';
import { ActivityScheduleInput, MAX_CANCELLATIONS, MAX_EXCLUDED_DATES, MAX_OCCURRENCE_WINDOW_DAYS, OccurrenceFilter } from './schedule.inputs';
import { ActivitySchedule, ISO_WEEKDAY } from './schedule.types';

/** The schedule columns of an activity, as `Activity` holds them. */
export interface ScheduleColumns {
  startsOn: string;
  endsOn: string | null;
  startTime: string | null;
  endTime: string | null;
  recurrence: string | null;
  excludedDates: string[];
  cancellations: Array<{ date: string; note: string | null }>;
}

const minutes = (time: string | null | undefined) => (time ? time.slice(0, 5) : null);

/** An activity's schedule, or null when it has no times (a date range only). */
export function scheduleOf(activity: ScheduleColumns): Schedule | null {
  const startTime = minutes(activity.startTime);
  if (!startTime) return null;
  return {
    startsOn: activity.startsOn,
    endsOn: activity.endsOn,
    startTime,
    endTime: minutes(activity.endTime),
    recurrence: activity.recurrence,
    excludedDates: activity.excludedDates,
    cancellations: activity.cancellations,
  };
}

/** The schedule as the API shows it. */
export function scheduleView(activity: ScheduleColumns): ActivitySchedule | null {
  const schedule = scheduleOf(activity);
  return schedule && { ...schedule, timeZone: SWEDISH_TIME_ZONE };
}

/** The columns a schedule input sets; null clears the schedule. */
export function scheduleColumns(input: ActivityScheduleInput | null): Omit<ScheduleColumns, 'startsOn' | 'endsOn'> {
  const sortedUnique = (days: string[]) => [...new Set(days)].sort();
  return {
    startTime: minutes(input?.startTime),
    endTime: minutes(input?.endTime),
    recurrence: input?.recurrence?.trim().replace(/^RRULE:/i, '').toUpperCase() || null,
    excludedDates: sortedUnique(input?.excludedDates ?? []),
    cancellations: [...(input?.cancellations ?? [])]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((c) => ({ date: c.date, note: trimmedOrNull(c.note) })),
  };
}

/**
 * Rules of a schedule on the activity as it would be saved: a valid rule, and exceptions that name
 * days the schedule has occurrences on (a typo would otherwise cancel nothing, silently).
 */
export function assertScheduleRules(activity: ScheduleColumns): void {
  const schedule = scheduleOf(activity);
  if (!schedule) return;
  const problems: FieldProblem[] = [];
  const rule = schedule.recurrence ? recurrenceProblem(schedule.recurrence) : null;
  if (rule) throw badInput(`schedule.recurrence ${rule}`, [{ field: 'schedule.recurrence', message: rule }]);
  const cancelled = schedule.cancellations.map((c) => c.date);
  if (new Set(cancelled).size !== cancelled.length) problems.push({ field: 'schedule.cancellations', message: 'must not name a day twice' });
  const named = [...schedule.excludedDates, ...cancelled].sort();
  if (named.length) {
    // Every day the rule has between the first and the last named day, exceptions ignored.
    const plain = { ...schedule, excludedDates: [], cancellations: [] };
    const span = Math.round((Date.parse(named[named.length - 1]) - Date.parse(named[0])) / 86_400_000) + 1;
    const days = new Set(occurrenceDays(plain, named[0], named[named.length - 1], span));
    const stray = (days_: string[], field: string) => {
      const wrong = days_.filter((day) => !days.has(day));
      if (wrong.length) problems.push({ field, message: `${wrong.join(', ')}: no occurrence on ${wrong.length === 1 ? 'that day' : 'those days'}` });
    };
    stray(schedule.excludedDates, 'schedule.excludedDates');
    stray(cancelled, 'schedule.cancellations');
    const both = cancelled.filter((day) => schedule.excludedDates.includes(day));
    if (both.length) problems.push({ field: 'schedule.cancellations', message: `${both.join(', ')}: excluded, so not cancelled as well` });
  }
  if (schedule.excludedDates.length > MAX_EXCLUDED_DATES || schedule.cancellations.length > MAX_CANCELLATIONS) {
    problems.push({ field: 'schedule', message: `at most ${MAX_EXCLUDED_DATES} excluded days and ${MAX_CANCELLATIONS} cancellations` });
  }
  if (problems.length) throw badInput(`The schedule's exceptions are wrong: ${problems.map((p) => p.message).join('; ')}`, problems);
}

/**
 * Replaces the days an activity takes place on, as the list filters read them, around `today`:
 * written with the activity, in its transaction, so filters and record never disagree.
 */
export async function storeOccurrenceDays(manager: EntityManager, activityId: string, activity: ScheduleColumns, today: string): Promise<void> {
  await manager.query('DELETE FROM activity_occurrence_days WHERE activity_id = $1', [activityId]);
  await insertOccurrenceDays(manager, [{ id: activityId, ...activity }], today);
}

/**
 * Stores the days activities take place on, in two statements for all of them (the demo seeds
 * insert thousands), and the day they were stored around, which the upkeep reads; not the
 * activities' version, since the record itself does not change.
 */
export async function insertOccurrenceDays(manager: EntityManager, activities: Array<ScheduleColumns & { id: string }>, today: string): Promise<void> {
  const rows = activities.flatMap((activity) => {
    const schedule = scheduleOf(activity);
    return schedule ? daysTakingPlace(schedule, today).map((day) => [activity.id, day] as const) : [];
  });
  if (rows.length) {
    await manager.query('INSERT INTO activity_occurrence_days (activity_id, occurs_on) SELECT unnest(CAST($1 AS uuid[])), unnest(CAST($2 AS date[]))', [
      rows.map(([id]) => id),
      rows.map(([, day]) => day),
    ]);
  }
  if (activities.length) {
    await manager.query('UPDATE activities SET occurrence_days_stored_on = $2 WHERE id = ANY(CAST($1 AS uuid[]))', [activities.map((a) => a.id), today]);
  }
}

/** How old stored occurrence days may grow before the upkeep stores them afresh: well inside the margin the filters need. */
export const OCCURRENCE_DAYS_MAX_AGE_DAYS = 30;
const REFRESH_BATCH = 500;

/**
 * Stores afresh the occurrence days of the scheduled activities not yet over whose days were stored
 * more than `OCCURRENCE_DAYS_MAX_AGE_DAYS` ago, a batch at a time: the stored window moves with
 * time, so an activity nobody changes for years still matches the filters. Returns how many.
 */
export async function refreshOccurrenceDays(dataSource: DataSource, today: string): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const stale: Array<ScheduleColumns & { id: string }> = await dataSource.transaction(async (manager) => {
      const rows = await manager
        .getRepository(Activity)
        .createQueryBuilder('a')
        .where('a.start_time IS NOT NULL AND (a.ends_on IS NULL OR a.ends_on >= CAST(:today AS date))', { today })
        .andWhere('(a.occurrence_days_stored_on IS NULL OR a.occurrence_days_stored_on < CAST(:staleBefore AS date))', {
          staleBefore: addDays(today, -OCCURRENCE_DAYS_MAX_AGE_DAYS),
        })
        .orderBy('a.id')
        .limit(REFRESH_BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length) {
        await manager.query('DELETE FROM activity_occurrence_days WHERE activity_id = ANY(CAST($1 AS uuid[]))', [rows.map((a) => a.id)]);
        await insertOccurrenceDays(manager, rows, today);
      }
      return rows;
    });
    refreshed += stale.length;
    if (stale.length < REFRESH_BATCH) return refreshed;
  }
}

/** Refuses a window `to` before `from` or longer than the most allowed, naming the fields as the caller called them. */
export function assertOccurrenceWindow(from: string, to: string, fields: { from: string; to: string }): void {
  assertPeriod(from, to, { start: fields.from, end: fields.to });
  if (to > addDays(from, MAX_OCCURRENCE_WINDOW_DAYS - 1)) {
    throw badInput(`${fields.from}–${fields.to} spans more than ${MAX_OCCURRENCE_WINDOW_DAYS} days`, [
      { field: fields.to, message: `must make a window of at most ${MAX_OCCURRENCE_WINDOW_DAYS} days from ${fields.from}` },
    ]);
  }
}

/**
 * The conditions (SQL with named parameters) that keep the activities (alias `alias`) with an
 * occurrence taking place that matches the filter: the one rule of the root list and the area lists.
 * `field` names the filter in errors, as the caller called it (e.g. `filter.occurs`).
 */
export function occursConditions(alias: string, filter: OccurrenceFilter, field: string): Array<[string, ObjectLiteral]> {
  if (filter.from && filter.to) assertOccurrenceWindow(filter.from, filter.to, { from: `${field}.from`, to: `${field}.to` });
  if (filter.startingFrom && filter.startingUntil && filter.startingUntil < filter.startingFrom) {
    throw badInput(`${field}.startingUntil is before startingFrom`, [{ field: `${field}.startingUntil`, message: 'must not be before startingFrom' }]);
  }
  const days = [`o.activity_id = ${alias}.id`];
  const parameters: ObjectLiteral = {};
  if (filter.from) {
    days.push('o.occurs_on >= CAST(:occursFrom AS date)');
    parameters.occursFrom = filter.from;
  }
  if (filter.to) {
    days.push('o.occurs_on <= CAST(:occursTo AS date)');
    parameters.occursTo = filter.to;
  }
  if (filter.weekdays?.length) {
    days.push('CAST(extract(isodow FROM o.occurs_on) AS int) = ANY(CAST(:occursWeekdays AS int[]))');
    parameters.occursWeekdays = [...new Set(filter.weekdays)].map((day) => ISO_WEEKDAY[day]);
  }
  const conditions: Array<[string, ObjectLiteral]> = [[`EXISTS (SELECT 1 FROM activity_occurrence_days o WHERE ${days.join(' AND ')})`, parameters]];
  // Every occurrence starts at the activity's start time.
  if (filter.startingFrom) conditions.push([`${alias}.start_time >= CAST(:startingFrom AS time)`, { startingFrom: minutes(filter.startingFrom) }]);
  if (filter.startingUntil) conditions.push([`${alias}.start_time <= CAST(:startingUntil AS time)`, { startingUntil: minutes(filter.startingUntil) }]);
  return conditions;
}

/** Keeps the activities with an occurrence taking place that matches the root list's `filter.occurs` (`activity` is the query's alias). */
export function whereOccurs<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, filter: OccurrenceFilter): void {
  for (const [condition, parameters] of occursConditions('activity', filter, 'filter.occurs')) query.andWhere(condition, parameters);
}
