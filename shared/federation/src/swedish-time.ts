/**
 * Wall-clock time in Sweden (Europe/Stockholm) and the instants it names, across daylight saving
 * time: the one place that turns "17:00 on 2026-03-31" into an instant, so a weekly 17:00 practice
 * stays 17:00 local time on both sides of the last Sunday of March and of October.
 */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

/** A local day and time of day in Sweden: 'YYYY-MM-DD' and 'HH:MM'. */
export interface SwedishWallClock {
  date: string;
  time: string;
}

const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: SWEDISH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClockParts(instant: Date): Record<string, string> {
  return Object.fromEntries(WALL_CLOCK.formatToParts(instant).map((part) => [part.type, part.value]));
}

const HOUR_MS = 3_600_000;
/** Offsets by UTC hour: Sweden's offset changes only on the hour (01:00 UTC), and Intl is slow enough to matter in lists. */
const OFFSETS = new Map<number, number>();
const MAX_CACHED_OFFSETS = 200_000;

/** Sweden's offset from UTC at `instant`, in ms (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
  const hour = Math.floor(instant / HOUR_MS);
  const cached = OFFSETS.get(hour);
  if (cached !== undefined) return cached;
  const p = wallClockParts(new Date(hour * HOUR_MS));
  const offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - hour * HOUR_MS;
  if (OFFSETS.size >= MAX_CACHED_OFFSETS) OFFSETS.clear();
  OFFSETS.set(hour, offset);
  return offset;
}

/** The day and time of day (to the minute) in Sweden at `instant`. */
export function wallClockInSweden(instant: Date): SwedishWallClock {
  const wall = new Date(instant.getTime() + offsetAt(instant.getTime())).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/**
 * `instant` as an ISO 8601 date-time in Swedish local time with its numeric offset, to the whole
 * second: '2026-07-09T19:38:21+02:00'. The form CAP 1.2 and Atom want (an offset, never 'Z', no
 * fractions), so a receiver shows the time a Swedish reader expects.
 */
export function dateTimeInSweden(instant: Date): string {
  const second = Math.floor(instant.getTime() / 1000) * 1000;
  const offset = offsetAt(second);
  const hours = Math.abs(offset) / HOUR_MS;
  const sign = offset < 0 ? '-' : '+';
  return `${new Date(second + offset).toISOString().slice(0, 19)}${sign}${String(Math.floor(hours)).padStart(2, '0')}:${String(Math.round((hours % 1) * 60)).padStart(2, '0')}`;
}

/**
 * The instant of a wall-clock time in Sweden. As RFC 5545 reads local times: one that occurs twice
 * (02:00–02:59 on the last Sunday of October) is the first of the two; one that does not exist
 * (02:00–02:59 on the last Sunday of March) is read with the offset before the gap (02:30 is 03:30).
 */
export function instantInSweden(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets a few hours either side of the wall time: both the same except around a change.
  const before = offsetAt(wall - 3 * HOUR_MS);
  const after = offsetAt(wall + 3 * HOUR_MS);
  for (const offset of [...new Set([before, after])].sort((a, b) => b - a)) {
    const instant = new Date(wall - offset);
    const back = wallClockInSweden(instant);
    if (back.date === date && back.time === `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`) return instant;
  }
  return new Date(wall - before);
}
