import { Frequency, Options, RRule } from 'rrule';
import { instantInSweden, wallClockInSweden } from '@samverkan/federation';

/**
 * When an activity takes place: the one module that turns an activity's period, times and RFC 5545
 * recurrence rule into occurrences, for the GraphQL fields, the stored occurrence days the list
 * filters use, and (later) the iCalendar export. Pure: no database, no clock of its own.
 *
 * Times are wall-clock times in Sweden (Europe/Stockholm). The rule is expanded in "floating" time
 * (wall-clock times held in UTC fields, so rrule never sees a time zone), and each occurrence's wall
 * time is only then turned into an instant: a weekly 17:00 practice is at 17:00 on both sides of a
 * daylight-saving change.
 */
export interface Schedule {
  /** The activity's period ('YYYY-MM-DD'): the first occurrence is on or after `startsOn`, none after `endsOn`. */
  startsOn: string;
  endsOn: string | null;
  /** Time of day in Sweden, 'HH:MM'. */
  startTime: string;
  /** Time of day in Sweden, 'HH:MM'; at or before `startTime` means the next day (an evening walk until 01:00). */
  endTime: string | null;
  /** An RFC 5545 RRULE value without DTSTART, e.g. 'FREQ=WEEKLY;BYDAY=TU'; null for a single occurrence. */
  recurrence: string | null;
  /** Days on which the rule's occurrence does not take place and is not shown (EXDATE). */
  excludedDates: string[];
  /** Occurrences that are shown as cancelled, with an optional public note. */
  cancellations: Array<{ date: string; note: string | null }>;
}

export interface Occurrence {
  /** The day (in Sweden) it starts. */
  date: string;
  startsAt: Date;
  endsAt: Date | null;
  cancelled: boolean;
  /** The public note of a cancellation. */
  note: string | null;
}

/** Frequencies an activity may recur at: a time of day is the activity's, so not hourly or finer. */
const FREQUENCIES = new Set<Frequency>([Frequency.YEARLY, Frequency.MONTHLY, Frequency.WEEKLY, Frequency.DAILY]);
/** Rule parts that would contradict the activity's own period and times. */
const REFUSED_PARTS = ['DTSTART', 'TZID', 'BYHOUR', 'BYMINUTE', 'BYSECOND'];
export const MAX_RECURRENCE_LENGTH = 300;

const floating = (date: string, time = '00:00', seconds = 0) => {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, min, seconds));
};
const dayOf = (floatingDate: Date) => floatingDate.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => dayOf(new Date(floating(date).getTime() + days * 86_400_000));

/** What is wrong with a recurrence rule, or null when it is one an activity can have. */
export function recurrenceProblem(text: string): string | null {
  if (text.length > MAX_RECURRENCE_LENGTH) return `must be at most ${MAX_RECURRENCE_LENGTH} characters`;
  const body = text.replace(/^RRULE:/i, '');
  const parts = body.split(';').map((part) => part.split('=')[0].toUpperCase());
  const refused = parts.filter((part) => REFUSED_PARTS.includes(part));
  if (refused.length) return `must not contain ${refused.join(', ')}: the activity's period and times give them`;
  let options: Partial<Options>;
  try {
    options = RRule.parseString(body);
  } catch {
    return 'is not an RFC 5545 recurrence rule (e.g. FREQ=WEEKLY;BYDAY=TU)';
  }
  if (options.freq === undefined || !FREQUENCIES.has(options.freq)) return 'must have FREQ=DAILY, WEEKLY, MONTHLY or YEARLY';
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 366)) return 'must have INTERVAL between 1 and 366';
  return null;
}

const DAY_MS = 86_400_000;

/**
 * The rule of a schedule over floating time, ending with the period; null for a single occurrence.
 * rrule iterates from DTSTART on every call, so a daily or weekly rule without COUNT starts a whole
 * number of its periods later when only days from `from` on are wanted: same occurrences, fewer steps.
 */
function ruleOf(schedule: Schedule, from: string): RRule | null {
  if (!schedule.recurrence) return null;
  const body = schedule.recurrence.replace(/^RRULE:/i, '');
  const options = RRule.parseString(body);
  // UNTIL is read as a wall-clock time in Sweden, a bare date as the end of that day.
  const until = /UNTIL=(\d{4})(\d{2})(\d{2})(;|$)/i.exec(body);
  if (until) options.until = floating(`${until[1]}-${until[2]}-${until[3]}`, '23:59', 59);
  const periodEnd = schedule.endsOn ? floating(schedule.endsOn, '23:59', 59) : null;
  if (periodEnd && (!options.until || options.until > periodEnd)) options.until = periodEnd;
  let dtstart = floating(schedule.startsOn, schedule.startTime);
  if (!options.count && (options.freq === Frequency.DAILY || options.freq === Frequency.WEEKLY)) {
    const periodMs = (options.freq === Frequency.DAILY ? 1 : 7) * (options.interval ?? 1) * DAY_MS;
    const skipped = Math.floor((floating(from).getTime() - dtstart.getTime()) / periodMs) - 1;
    if (skipped > 0) dtstart = new Date(dtstart.getTime() + skipped * periodMs);
  }
  return new RRule({ ...options, dtstart, tzid: null });
}

/** The days (in Sweden) occurrences start on from `from` to `to`, in order, excluded days left out; `take` decides, day by day, whether to go on. */
function eachDay(schedule: Schedule, from: string, to: string, take: (day: string) => boolean): void {
  const excluded = new Set(schedule.excludedDates);
  const rule = ruleOf(schedule, from);
  if (!rule) {
    if (schedule.startsOn >= from && schedule.startsOn <= to && !excluded.has(schedule.startsOn)) take(schedule.startsOn);
    return;
  }
  rule.between(floating(from), floating(to, '23:59', 59), true, (date) => excluded.has(dayOf(date)) || take(dayOf(date)));
}

/** The days (in Sweden) occurrences start on from `from` to `to`, excluded days left out, at most `limit`: no instants, so cheap. */
export function occurrenceDays(schedule: Schedule, from: string, to: string, limit: number): string[] {
  const days: string[] = [];
  if (limit > 0) eachDay(schedule, from, to, (day) => days.push(day) < limit);
  return days;
}

function occurrenceOn(schedule: Schedule, date: string): Occurrence {
  const startsAt = instantInSweden(date, schedule.startTime);
  let endsAt: Date | null = null;
  if (schedule.endTime) {
    // A single occurrence spans the period; a recurring one ends the same day, or the next when it ends at or before its start.
    const lastDay = !schedule.recurrence && schedule.endsOn && schedule.endsOn > date ? schedule.endsOn : date;
    const endDay = lastDay === date && schedule.endTime <= schedule.startTime ? addDays(date, 1) : lastDay;
    endsAt = instantInSweden(endDay, schedule.endTime);
  }
  const cancellation = schedule.cancellations.find((c) => c.date === date);
  return { date, startsAt, endsAt, cancelled: cancellation !== undefined, note: cancellation?.note ?? null };
}

/**
 * The schedule's occurrences starting on the days `from` to `to` (inclusive, in Sweden), in order,
 * cancelled ones included (flagged), excluded days left out, at most `limit` of them.
 */
export function occurrencesBetween(schedule: Schedule, from: string, to: string, limit: number): Occurrence[] {
  return occurrenceDays(schedule, from, to, limit).map((day) => occurrenceOn(schedule, day));
}

/** How far ahead `nextOccurrence` looks: far enough for a yearly event, bounded for a rule that never matches. */
const NEXT_HORIZON_DAYS = 800;

/** The first occurrence that takes place (not cancelled) and has not ended at `now` (one under way counts); null if none. */
export function nextOccurrence(schedule: Schedule, now: Date): Occurrence | null {
  // From yesterday, for an occurrence that started then and runs past midnight; a single one may span the whole period.
  const today = wallClockInSweden(now).date;
  const from = schedule.recurrence ? addDays(today, -1) : schedule.startsOn;
  const cancelled = new Set(schedule.cancellations.map((c) => c.date));
  let next: Occurrence | null = null;
  // Day by day, and the instants only of the few days that can be next.
  eachDay(schedule, from, addDays(today, NEXT_HORIZON_DAYS), (day) => {
    if (cancelled.has(day)) return true;
    const occurrence = occurrenceOn(schedule, day);
    if (occurrence.endsAt ? occurrence.endsAt > now : occurrence.startsAt >= now) next = occurrence;
    return next === null;
  });
  return next;
}

/** The window of days the list filters can see occurrences in, around the day an activity is written. */
export const STORED_DAYS_BEFORE = 400;
export const STORED_DAYS_AFTER = 731;

/**
 * The days on which the schedule takes place (not excluded, not cancelled), from `STORED_DAYS_BEFORE`
 * days before `today` to `STORED_DAYS_AFTER` after: what `activity_occurrence_days` holds for the
 * list filters. At most one occurrence starts per day (a rule has no hourly parts), so the count is bounded.
 */
export function daysTakingPlace(schedule: Schedule, today: string): string[] {
  const cancelled = new Set(schedule.cancellations.map((c) => c.date));
  const days = occurrenceDays(schedule, addDays(today, -STORED_DAYS_BEFORE), addDays(today, STORED_DAYS_AFTER), STORED_DAYS_BEFORE + STORED_DAYS_AFTER + 1);
  return days.filter((day) => !cancelled.has(day));
}

/** The day `days` days after `date` ('YYYY-MM-DD'), for windows and their bounds. */
export { addDays };
