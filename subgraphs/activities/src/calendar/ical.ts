import ical, { ICalCalendar, ICalEventData, ICalTZDateStub } from 'ical-generator';
import { inSentence, instantInSweden, SWEDISH_LABELS, SWEDISH_TIME_ZONE, wallClockInSweden } from '@samverkan/federation';
import { Activity } from '../activity';
import { costOf, signUpOf } from '../details/details';
import { addressOf } from '../place/place';
import { addDays, occurrenceDays, occurrencesBetween, Schedule } from '../schedule/occurrences';
import { scheduleOf } from '../schedule/schedule';

/**
 * An activity as iCalendar (RFC 5545) events, for a parent's calendar: only what the public sees
 * (title, public description, place, cost, sign-up, schedule). Never the internal classification,
 * participant count, police purpose or explanation, owner, organisers or any person.
 *
 * Times are local times in Sweden with TZID=Europe/Stockholm and its VTIMEZONE, so a weekly 17:00
 * practice stays at 17:00 across daylight-saving changes. DTSTART is the first occurrence of the
 * rule (from `startsOn`); the rule's end is the activity's `endsOn` or the rule's own UNTIL/COUNT,
 * whichever comes first, as UNTIL in UTC (RFC 5545 with a TZID'd DTSTART); excluded days and
 * cancelled occurrences are EXDATEs (a cancellation's public note is in the description).
 */

/** Europe/Stockholm since 1996 (EU rules): CEST from the last Sunday of March, CET from the last Sunday of October. */
const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${SWEDISH_TIME_ZONE}`,
  `X-LIC-LOCATION:${SWEDISH_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * A wall-clock time in Sweden, for ical-generator: an instant (for ordering), whose local parts are
 * the Swedish ones whatever the process's time zone, written with TZID=Europe/Stockholm. It has the
 * shape ical-generator reads a zoned date by (a TZDate of @date-fns/tz: `internal`, `tzComponents`,
 * `withTimeZone`); a plain Date would be written in the process's own time zone.
 */
class SwedishTime extends Date implements ICalTZDateStub {
  readonly internal: Date;
  constructor(
    private readonly wallDay: string,
    private readonly wallTime: string,
  ) {
    super(instantInSweden(wallDay, wallTime).getTime());
    this.internal = new Date(this.getTime());
  }
  withTimeZone(): ICalTZDateStub {
    return this;
  }
  tzComponents() {
    return { year: this.getFullYear(), month: this.getMonth() + 1, day: this.getDate(), hour: this.getHours(), minute: this.getMinutes(), second: 0 };
  }
  getFullYear() {
    return Number(this.wallDay.slice(0, 4));
  }
  getMonth() {
    return Number(this.wallDay.slice(5, 7)) - 1;
  }
  getDate() {
    return Number(this.wallDay.slice(8, 10));
  }
  getHours() {
    return Number(this.wallTime.slice(0, 2));
  }
  getMinutes() {
    return Number(this.wallTime.slice(3, 5));
  }
  getSeconds() {
    return 0;
  }
}

const compact = (day: string) => day.replace(/-/g, '');
const utcStamp = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** The end of a day in Sweden (23:59:59), as a UTC instant. */
const endOfDay = (day: string) => new Date(instantInSweden(day, '23:59').getTime() + 59_000);
const dateOnly = (day: string) => new Date(`${day}T00:00:00Z`);

/** The first occurrence the rule has on or after `startsOn`, exceptions ignored (DTSTART); null if none within the horizon. */
function firstOccurrence(schedule: Schedule): string | null {
  const plain = { ...schedule, excludedDates: [], cancellations: [] };
  return occurrenceDays(plain, schedule.startsOn, schedule.endsOn ?? addDays(schedule.startsOn, 3660), 1)[0] ?? null;
}

/**
 * The stored rule as RFC 5545 has it beside a DTSTART with TZID: UNTIL in UTC, and the period's end
 * as UNTIL unless COUNT ends the rule first (COUNT and UNTIL never together).
 */
export function calendarRule(schedule: Schedule, first: string): string {
  const parts = schedule.recurrence!.replace(/^RRULE:/i, '').split(';').filter(Boolean);
  const untilPart = parts.find((p) => p.toUpperCase().startsWith('UNTIL='));
  const countPart = parts.find((p) => p.toUpperCase().startsWith('COUNT='));
  const rest = parts.filter((p) => p !== untilPart);
  let until: Date | null = null;
  const given = untilPart && /^UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{2}Z?)?$/i.exec(untilPart);
  if (given) {
    const day = `${given[1]}-${given[2]}-${given[3]}`;
    until = given[4] ? instantInSweden(day, `${given[4]}:${given[5]}`) : endOfDay(day);
  }
  if (schedule.endsOn) {
    const periodEnd = endOfDay(schedule.endsOn);
    if (countPart) {
      // COUNT occurrences within the period: COUNT ends it; fewer: the period does.
      const count = Number(countPart.split('=')[1]);
      const plain = { ...schedule, excludedDates: [], cancellations: [] };
      if (occurrenceDays(plain, first, schedule.endsOn, count).length < count) return [...rest.filter((p) => p !== countPart), `UNTIL=${utcStamp(periodEnd)}`].join(';');
      return rest.join(';');
    }
    if (!until || until > periodEnd) until = periodEnd;
  }
  return until ? [...rest, `UNTIL=${utcStamp(until)}`].join(';') : rest.join(';');
}

/** What a parent needs besides the title, in Swedish: the public description, cost, sign-up and cancellations. */
function descriptionOf(activity: Activity, schedule: Schedule | null): string {
  const lines: string[] = [];
  if (activity.publicDescription) lines.push(activity.publicDescription);
  const cost = costOf(activity);
  if (cost) {
    const price = cost.free ? 'gratis' : cost.amountSek !== null ? `${cost.amountSek} kr` : 'kostar';
    lines.push(`Kostnad: ${price}${cost.fritidskortetAccepted ? ', Fritidskortet gäller' : ''}${cost.note ? ` (${cost.note})` : ''}`);
  }
  const signUp = signUpOf(activity);
  if (signUp) {
    lines.push(`Anmälan: ${inSentence(SWEDISH_LABELS.SignUpMethod[signUp.method])}${signUp.note ? ` – ${signUp.note}` : ''}${signUp.url ? ` ${signUp.url}` : ''}`);
  }
  for (const c of schedule?.cancellations ?? []) lines.push(`Inställt ${c.date}${c.note ? `: ${c.note}` : ''}`);
  return lines.join('\n\n');
}

function placeOf(activity: Activity): ICalEventData['location'] {
  const address = addressOf(activity);
  if (!address) return null; // A venue's name and address are the actors registry's, not this subgraph's.
  const title = [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  if (!title) return null;
  return address.location ? { title, geo: { lat: address.location.latitude, lon: address.location.longitude } } : title;
}

/** The event of one activity; null when its rule has no occurrence at all. */
export function eventOf(activity: Activity): ICalEventData | null {
  const schedule = scheduleOf(activity);
  const common: Omit<ICalEventData, 'start'> = {
    id: `${activity.id}@samverkan`,
    sequence: activity.version,
    summary: activity.title,
    description: descriptionOf(activity, schedule),
    location: placeOf(activity),
    url: activity.signUpUrl ?? null,
    created: activity.createdAt,
    lastModified: activity.updatedAt,
    stamp: activity.updatedAt,
  };
  if (!schedule) {
    // Dates only: a whole-day event over the period (its first day while it has no end).
    return { ...common, allDay: true, start: dateOnly(activity.startsOn), end: dateOnly(addDays(activity.endsOn ?? activity.startsOn, 1)) };
  }
  const first = firstOccurrence(schedule);
  if (!first) return null;
  const occurrence = occurrencesBetween({ ...schedule, excludedDates: [], cancellations: [] }, first, first, 1)[0];
  const end = occurrence.endsAt && wallClockInSweden(occurrence.endsAt);
  const timed: ICalEventData = {
    ...common,
    timezone: SWEDISH_TIME_ZONE,
    start: new SwedishTime(first, schedule.startTime),
    end: end ? new SwedishTime(end.date, end.time) : null,
  };
  const skipped = [...schedule.excludedDates, ...schedule.cancellations.map((c) => c.date)].filter((day) => day >= first).sort();
  if (!schedule.recurrence) {
    // Once: an excluded day leaves nothing; a cancelled one is shown as cancelled.
    if (schedule.excludedDates.includes(first)) return null;
    return skipped.length ? { ...timed, status: 'CANCELLED' as ICalEventData['status'] } : timed;
  }
  const time = compact(schedule.startTime.replace(':', '')) + '00';
  const exdates = skipped.length ? `\nEXDATE;TZID=${SWEDISH_TIME_ZONE}:${skipped.map((day) => `${compact(day)}T${time}`).join(',')}` : '';
  return { ...timed, repeating: `RRULE:${calendarRule(schedule, first)}${exdates}` };
}

/** A calendar of activities (one, or a filtered list), with the Stockholm time zone its times use. */
export function activitiesCalendar(activities: Activity[], name: string, url?: string): ICalCalendar {
  const calendar = ical({
    prodId: { company: 'samverkan', product: 'aktiviteter', language: 'SV' },
    name,
    url: url ?? null,
    // Only the VTIMEZONE: a named calendar time zone would make ical-generator write DTSTAMP as local time.
    timezone: { name: null, generator: (zone) => (zone === SWEDISH_TIME_ZONE ? STOCKHOLM_VTIMEZONE : null) },
    // How often a subscribed calendar is fetched again.
    ttl: 6 * 60 * 60,
  });
  for (const activity of activities) {
    const event = eventOf(activity);
    if (event) calendar.createEvent(event);
  }
  return calendar;
}
