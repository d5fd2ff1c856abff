/** Days and times in Sweden (Europe/Stockholm), whatever the phone's own time zone. */
const ZONE = 'Europe/Stockholm';

const dayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
/** The day in Sweden, "YYYY-MM-DD". */
export const swedishDay = (instant: Date = new Date()) => dayFormat.format(instant);

const utc = (day: string) => new Date(`${day}T12:00:00Z`);
export const addDays = (day: string, days: number) => {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
/** 1 Monday … 7 Sunday. */
const isoWeekday = (day: string) => ((utc(day).getUTCDay() + 6) % 7) + 1;

export type When = 'week' | 'this-week' | 'next-week' | 'month';
export const WHEN: Record<When, string> = {
  week: 'De närmaste sju dagarna',
  'this-week': 'Resten av den här veckan',
  'next-week': 'Nästa vecka (måndag–söndag)',
  month: 'De närmaste fyra veckorna',
};

/** The days (in Sweden) a choice of "när" covers, from today. */
export function window(when: When, today = swedishDay()): { from: string; to: string } {
  const sunday = addDays(today, 7 - isoWeekday(today));
  if (when === 'this-week') return { from: today, to: sunday };
  if (when === 'next-week') return { from: addDays(sunday, 1), to: addDays(sunday, 7) };
  if (when === 'month') return { from: today, to: addDays(today, 27) };
  return { from: today, to: addDays(today, 6) };
}

export type TimeOfDay = '' | 'morning' | 'afternoon' | 'evening';
export const TIMES: Record<Exclude<TimeOfDay, ''>, { label: string; from?: string; until?: string }> = {
  morning: { label: 'Förmiddag (före 12)', until: '11:59' },
  afternoon: { label: 'Eftermiddag (12–17)', from: '12:00', until: '16:59' },
  evening: { label: 'Kväll (från 17)', from: '17:00' },
};

const dateText = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long' });
const timeText = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
/** "tisdag 8 december kl. 17.30–19.00". */
export function occurrenceText(startsAt: string, endsAt: string | null): string {
  const start = new Date(startsAt);
  const time = (d: Date) => timeText.format(d).replace(':', '.');
  return `${dateText.format(start)} kl. ${time(start)}${endsAt ? `–${time(new Date(endsAt))}` : ''}`;
}
