import { TIMES, type TimeOfDay, type When, window } from './dates';

/** What a parent chose; kept in the address (?kommun=1480&alder=12 ...), so a search can be shared or bookmarked. */
export interface Choices {
  municipality: string;
  district: string;
  age: string;
  kind: string;
  when: When;
  weekdays: string[];
  time: TimeOfDay;
  /** "Nära mig": the phone's position, never sent anywhere but the gateway (see activityVariables), nor kept in the address. */
  near?: { latitude: number; longitude: number };
}

export const NO_CHOICES: Choices = { municipality: '', district: '', age: '', kind: '', when: 'week', weekdays: [], time: '' };

const PARAMS = { municipality: 'kommun', district: 'omrade', age: 'alder', kind: 'typ', when: 'nar', time: 'tid' } as const;

export function choicesFromAddress(search: string): Choices {
  const params = new URLSearchParams(search);
  const choices: Choices = { ...NO_CHOICES };
  for (const [key, param] of Object.entries(PARAMS) as Array<[keyof typeof PARAMS, string]>) {
    const value = params.get(param);
    if (value !== null) (choices as unknown as Record<string, string>)[key] = value;
  }
  choices.weekdays = params.getAll('dag');
  return choices;
}

export function addressOf(choices: Choices): string {
  const params = new URLSearchParams();
  for (const [key, param] of Object.entries(PARAMS) as Array<[keyof typeof PARAMS, string]>) {
    const value = choices[key];
    if (value && !(key === 'when' && value === NO_CHOICES.when)) params.set(param, value);
  }
  for (const day of choices.weekdays) params.append('dag', day);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The radius of "nära mig", in km. */
export const NEAR_RADIUS_KM = 10;

/** The GraphQL variables of the ACTIVITIES query (queries.ts) for the choices. */
export function activityVariables(choices: Choices, today?: string) {
  const { from, to } = window(choices.when, today);
  const time = choices.time ? TIMES[choices.time] : undefined;
  const age = Number.parseInt(choices.age, 10);
  const filter: Record<string, unknown> = {
    occurs: {
      from,
      to,
      ...(choices.weekdays.length ? { weekdays: choices.weekdays } : {}),
      ...(time?.from ? { startingFrom: time.from } : {}),
      ...(time?.until ? { startingUntil: time.until } : {}),
    },
  };
  if (Number.isInteger(age) && age >= 0 && age <= 120) filter.age = age;
  if (choices.kind) filter.kinds = [choices.kind];
  // The same list as a calendar to subscribe to (the calendar export takes area, kind and age).
  const calendar: Record<string, unknown> = {};
  if (choices.kind) calendar.kinds = [choices.kind];
  if (Number.isInteger(age) && age >= 0 && age <= 120) Object.assign(calendar, { ageFrom: age, ageTo: age });
  if (choices.near) {
    // "Nära mig": the activities whose place lies within the radius, nearest first.
    filter.near = { ...choices.near, radiusKm: NEAR_RADIUS_KM };
    return { filter, orderBy: 'DISTANCE', first: 30, from, to, calendar };
  }
  const area = choices.district || choices.municipality;
  if (area) filter.areaCode = calendar.areaCode = area;
  return { filter, orderBy: 'START_DATE', first: 30, from, to, calendar };
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}
export interface Occurrence {
  date: string;
  startsAt: string;
  endsAt: string | null;
  cancelled?: boolean;
  note?: string | null;
}
export interface PublicContact {
  name: string;
  channels: Array<{ kind: string; value: string; note: string | null }>;
}
export interface FoundActivity {
  id: string;
  title: string;
  kind: string;
  ageMin: number | null;
  ageMax: number | null;
  startsOn: string;
  endsOn: string | null;
  publicDescription: string | null;
  languages: string[];
  accessibilityFeatures: string[];
  npfAdaptations: string[];
  accessibilityNote: string | null;
  schedule: { startTime: string; endTime: string | null; recurrence: string | null } | null;
  nextOccurrence: Occurrence | null;
  occurrences: Occurrence[];
  venue: { name: string; address: { street: string | null; postalCode: string | null; city: string | null } | null; location: GeoPoint | null } | null;
  address: { street: string | null; postalCode: string | null; city: string | null; location: GeoPoint | null } | null;
  cost: { free: boolean; amountSek: number | null; fritidskortetAccepted: boolean; note: string | null } | null;
  signUp: { method: string; url: string | null; note: string | null } | null;
  /** The primary area (its municipality's outline is the map). */
  area: { code: string; name: string } | null;
  areas: Array<{ code: string; name: string }> | null;
  organisers: Array<{ id: string; name: string; publicContact: PublicContact | null }> | null;
  /** With "nära mig" only. */
  distanceKm: number | null;
  vouches: Array<{ by: { name: string } | null; since: string }>;
  calendarUrl: string;
}
export interface ActivityPage {
  listCalendarUrl: string;
  activities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: FoundActivity[];
  };
}

/** Where the activity is: its venue's point or its own address's. */
export const pointOf = (a: FoundActivity): GeoPoint | null => a.venue?.location ?? a.address?.location ?? null;

/** The order a parent reads them in: nearest first with "nära mig" (as the API orders them), else the soonest next occurrence first. */
export function inReadingOrder(nodes: FoundActivity[], near?: GeoPoint): FoundActivity[] {
  if (near) return nodes;
  const next = (a: FoundActivity) => a.occurrences.find((o) => !o.cancelled)?.startsAt ?? a.nextOccurrence?.startsAt ?? '9999';
  return [...nodes].sort((a, b) => next(a).localeCompare(next(b)) || a.title.localeCompare(b.title, 'sv'));
}
