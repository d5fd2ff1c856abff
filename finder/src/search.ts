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
  /** With `near`, until the API searches by distance: the municipalities around the position (App.tsx). */
  nearAreas?: string[];
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
  // TODO(integration): with `ActivityFilter.near`, "nära mig" asks the API for the activities near the point:
  //   if (choices.near) { filter.near = { ...choices.near, radiusKm: NEAR_RADIUS_KM }; variables.orderBy = 'DISTANCE'; }
  // instead of the municipalities around it, which stand in until then (nearAreas, App.tsx; ordered by distance here).
  const area = choices.district || choices.municipality;
  if (choices.near && choices.nearAreas?.length) filter.areaCodes = choices.nearAreas;
  else if (area) filter.areaCode = area;
  return { filter, first: 30, from, to };
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
  area: { code: string; name: string } | null;
  organisers: Array<{ id: string; name: string; publicContact: PublicContact | null }> | null;
  // TODO(integration): the contract fields, asked for in queries.ts once in the supergraph; shown when present.
  distanceKm?: number | null;
  areas?: Array<{ code: string; name: string }>;
  vouches?: Array<{ by: { name: string }; since: string }>;
  calendarUrl?: string | null;
}
export interface ActivityPage {
  activities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: FoundActivity[];
    // TODO(integration): the filtered list's calendar URL (the name the API gives it), for "Prenumerera på listan".
    calendarUrl?: string | null;
  };
}

/** Where the activity is: its venue's point or its own address's. */
export const pointOf = (a: FoundActivity): GeoPoint | null => a.venue?.location ?? a.address?.location ?? null;

/** Great-circle distance in km. TODO(integration): `Activity.distanceKm` replaces it once `near` is asked. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The order a parent reads them in: nearest first with "nära mig", else the soonest next occurrence first. */
export function inReadingOrder(nodes: FoundActivity[], near?: GeoPoint): FoundActivity[] {
  const distance = (a: FoundActivity) => {
    if (a.distanceKm != null) return a.distanceKm;
    const point = pointOf(a);
    return near && point ? distanceKm(near, point) : Infinity;
  };
  const next = (a: FoundActivity) => a.occurrences.find((o) => !o.cancelled)?.startsAt ?? a.nextOccurrence?.startsAt ?? '9999';
  return [...nodes].sort((a, b) => (near ? distance(a) - distance(b) : 0) || next(a).localeCompare(next(b)) || a.title.localeCompare(b.title, 'sv'));
}
