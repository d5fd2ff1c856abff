import { request } from 'node:http';
import ICAL from 'ical.js';
import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role, todayInSweden } from '@samverkan/federation';
import { activitiesSubgraph } from '../src';
import { demoActivities } from '../src/demo/seed';
import { bearer, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { demoCalendar } from '@samverkan/demo';

/**
 * Calendar export (issue 11): activities as iCalendar (RFC 5545) files for a parent's phone, checked
 * by parsing them back with ical.js and expanding their rules: the same occurrences as GraphQL,
 * across both daylight-saving changes, and nothing that is not public.
 */

let subgraph: TestSubgraph;
let base: string;
let stadsmission: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph);
  base = subgraph.url.replace(/\/graphql$/, '');
  stadsmission = await bearer(A.ostergotlandsStadsmission, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const SECRET_EXPLANATION = 'Polisen kartlägger nätverket HEMLIGT';
const create = async (input: Record<string, unknown>) => {
  const response = await subgraph.query(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { id version calendarUrl } }`, {
    input: {
      title: 'Fotbollsträning för unga',
      kind: 'SPORT',
      organiserIds: [A.ostergotlandsStadsmission],
      areaCode: AR.skaggetorp,
      targetGroups: ['YOUNG_PEOPLE'],
      ageMin: 10,
      ageMax: 14,
      publicDescription: 'Träning varje tisdag, alla är välkomna.',
      policeParticipation: { purpose: 'SAFETY', explanation: SECRET_EXPLANATION },
      internalClassification: 'INDICATED_PREVENTION',
      participantCount: 4711,
      visibility: 'PUBLIC',
      address: { street: 'Skäggetorps konstgräsplan', postalCode: '58277', city: 'Linköping', location: { latitude: 58.4268, longitude: 15.5732 } },
      cost: { free: false, amountSek: 200, fritidskortetAccepted: true, note: 'per termin' },
      signUp: { method: 'LINK', url: 'https://example.se/anmalan', note: 'Anmäl dig senast fredag' },
      ...input,
    },
  }, stadsmission);
  expect(response.errors).toBeUndefined();
  return response.data!.createActivity as { id: string; version: number; calendarUrl: string };
};

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

/** A conditional GET as a calendar app sends it: fetch() would add `Cache-Control: no-cache` to it, which asks for the whole file. */
const conditionalStatus = (path: string, etag: string) =>
  new Promise<number>((resolve, reject) =>
    request(`${base}${path}`, { headers: { 'if-none-match': etag } }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    })
      .on('error', reject)
      .end(),
  );

interface Parsed {
  text: string;
  calendar: ICAL.Component;
  events: ICAL.Event[];
}

async function parse(response: Response): Promise<Parsed> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { text, calendar, events: calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event)) };
}

/** Every start the event's rule gives (exceptions applied), as instants. */
function starts(event: ICAL.Event, limit = 500): string[] {
  const iterator = event.iterator();
  const out: string[] = [];
  for (let next = iterator.next(); next && out.length < limit; next = iterator.next()) out.push(next.toJSDate().toISOString());
  return out;
}

describe('one activity', () => {
  let activity: { id: string; version: number; calendarUrl: string };
  let parsed: Parsed;

  beforeAll(async () => {
    activity = await create({
      // A Monday: the first Tuesday is the first occurrence.
      startsOn: '2027-03-01',
      endsOn: '2027-11-30',
      schedule: {
        startTime: '17:00',
        endTime: '18:30',
        recurrence: 'FREQ=WEEKLY;BYDAY=TU',
        excludedDates: ['2027-03-30'],
        cancellations: [{ date: '2027-10-26', note: 'Inställt på grund av höstlovet' }],
      },
    });
    parsed = await parse(await get(`/calendar/activities/${activity.id}.ics`));
  });

  it('has the first occurrence as DTSTART in Stockholm time, the rule ending with the period, and the exceptions as EXDATE', () => {
    expect(parsed.events).toHaveLength(1);
    const [event] = parsed.events;
    const start = event.component.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe('Europe/Stockholm');
    expect(start.getFirstValue()!.toString()).toBe('2027-03-02T17:00:00');
    expect(event.component.getFirstProperty('dtend')!.getFirstValue()!.toString()).toBe('2027-03-02T18:30:00');
    expect(parsed.text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20271130T225959Z\r\n/);
    expect(parsed.text).toContain('EXDATE;TZID=Europe/Stockholm:20270330T170000,20271026T170000');
    expect(parsed.calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
    // DTSTAMP is UTC, as RFC 5545 requires.
    expect(parsed.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
  });

  it('expands to the occurrences GraphQL lists as taking place, at 17:00 in Sweden on both sides of the March and October changes', async () => {
    const graphql = await subgraph.query(`query($id: ID!) { activity(id: $id) { occurrences(from: "2027-03-01", to: "2027-11-30", first: 100) { startsAt cancelled } } }`, { id: activity.id });
    const takingPlace = (graphql.data!.activity.occurrences as Array<{ startsAt: string; cancelled: boolean }>).filter((o) => !o.cancelled).map((o) => o.startsAt);
    const expanded = starts(parsed.events[0]);
    expect(expanded).toEqual(takingPlace);
    expect(expanded.length).toBe(38);
    // Winter time (UTC+1) before the last Sunday of March, summer time (UTC+2) after; back on the last Sunday of October.
    expect(expanded).toContain('2027-03-23T16:00:00.000Z');
    expect(expanded).not.toContain('2027-03-30T15:00:00.000Z');
    expect(expanded).toContain('2027-04-06T15:00:00.000Z');
    expect(expanded).toContain('2027-10-19T15:00:00.000Z');
    expect(expanded).not.toContain('2027-10-26T15:00:00.000Z');
    expect(expanded).toContain('2027-11-02T16:00:00.000Z');
    expect(expanded[0]).toBe('2027-03-02T16:00:00.000Z');
    expect(expanded[expanded.length - 1]).toBe('2027-11-30T16:00:00.000Z');
  });

  it('carries the public description, place, cost and sign-up, and nothing internal', () => {
    const [event] = parsed.events;
    expect(event.summary).toBe('Fotbollsträning för unga');
    expect(event.location).toBe('Skäggetorps konstgräsplan, 582 77 Linköping');
    expect(event.component.getFirstPropertyValue('geo')).toEqual([58.4268, 15.5732]);
    expect(event.component.getFirstPropertyValue('url')).toBe('https://example.se/anmalan');
    expect(event.description).toContain('Träning varje tisdag');
    expect(event.description).toContain('Kostnad: 200 kr, Fritidskortet gäller (per termin)');
    expect(event.description).toContain('Anmälan: anmälan på webben – Anmäl dig senast fredag https://example.se/anmalan');
    expect(event.description).toContain('Inställt 2027-10-26: Inställt på grund av höstlovet');
    for (const secret of [SECRET_EXPLANATION, 'SAFETY', 'INDICATED_PREVENTION', '4711', A.ostergotlandsStadsmission, 'PUBLIC']) expect(parsed.text).not.toContain(secret);
  });

  it('gives an absolute calendarUrl from ACTIVITIES_PUBLIC_URL, and its local address by default', async () => {
    expect(activity.calendarUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/calendar/activities/${activity.id}\\.ics$`));
    process.env.ACTIVITIES_PUBLIC_URL = 'https://aktiviteter.example.se/';
    try {
      const response = await subgraph.query(`query($id: ID!) { activity(id: $id) { calendarUrl } }`, { id: activity.id });
      expect(response.data!.activity.calendarUrl).toBe(`https://aktiviteter.example.se/calendar/activities/${activity.id}.ics`);
    } finally {
      delete process.env.ACTIVITIES_PUBLIC_URL;
    }
  });

  it('answers 304 while the activity is unchanged, and a new ETag once it changes', async () => {
    const first = await get(`/calendar/activities/${activity.id}.ics`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('last-modified')).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await conditionalStatus(`/calendar/activities/${activity.id}.ics`, etag)).toBe(304);
    const changed = await subgraph.query(`mutation($id: ID!, $v: Int!) { updateActivity(id: $id, version: $v, input: { title: "Fotboll för unga" }) { version } }`, { id: activity.id, v: activity.version }, stadsmission);
    expect(changed.errors).toBeUndefined();
    expect(await conditionalStatus(`/calendar/activities/${activity.id}.ics`, etag)).toBe(200);
    expect((await get(`/calendar/activities/${activity.id}.ics`)).headers.get('etag')).not.toBe(etag);
  });
});

it('ends a rule by COUNT when it comes before the period\'s end, by the period otherwise', async () => {
  const counted = await create({ startsOn: '2027-09-01', endsOn: '2027-12-31', schedule: { startTime: '10:00', recurrence: 'FREQ=WEEKLY;BYDAY=SA;COUNT=3' } });
  const cut = await create({ startsOn: '2027-09-01', endsOn: '2027-09-20', schedule: { startTime: '10:00', recurrence: 'FREQ=WEEKLY;BYDAY=SA;COUNT=10' } });
  const [a] = (await parse(await get(`/calendar/activities/${counted.id}.ics`))).events;
  const [b] = (await parse(await get(`/calendar/activities/${cut.id}.ics`))).events;
  expect(starts(a)).toEqual(['2027-09-04T08:00:00.000Z', '2027-09-11T08:00:00.000Z', '2027-09-18T08:00:00.000Z']);
  expect(starts(b)).toEqual(['2027-09-04T08:00:00.000Z', '2027-09-11T08:00:00.000Z', '2027-09-18T08:00:00.000Z']);
  expect(b.component.getFirstPropertyValue('rrule')!.toString()).not.toContain('COUNT');
});

it('exports an activity once, across midnight, and one with dates only as whole days', async () => {
  const once = await create({ startsOn: '2027-10-30', schedule: { startTime: '22:00', endTime: '01:00' } });
  const [event] = (await parse(await get(`/calendar/activities/${once.id}.ics`))).events;
  expect(event.isRecurring()).toBe(false);
  expect(event.startDate.toJSDate().toISOString()).toBe('2027-10-30T20:00:00.000Z');
  // The night the clocks go back: 01:00 winter time.
  expect(event.endDate.toJSDate().toISOString()).toBe('2027-10-30T23:00:00.000Z');

  const dates = await create({ startsOn: '2027-06-01', endsOn: '2027-06-03', schedule: null });
  const [whole] = (await parse(await get(`/calendar/activities/${dates.id}.ics`))).events;
  expect(whole.startDate.isDate).toBe(true);
  expect(whole.startDate.toString()).toBe('2027-06-01');
  expect(whole.endDate.toString()).toBe('2027-06-04');
});

it.each([
  ['an unknown activity', '/calendar/activities/00000000-0000-4000-8000-000000000000.ics', 404],
  ['an id that is not one', '/calendar/activities/fotboll.ics', 404],
  ['an activity without .ics', '/calendar/activities/00000000-0000-4000-8000-000000000000', 404],
  ['another path', '/calendar/venues.ics', 404],
  ['a malformed age', '/calendar/activities.ics?ageMin=tolv', 400],
  ['an age out of range', '/calendar/activities.ics?ageMax=200', 400],
  ['a malformed area', '/calendar/activities.ics?area=Stockholm', 400],
  ['an unknown kind', '/calendar/activities.ics?kind=PICNIC', 400],
  ['an unknown parameter', '/calendar/activities.ics?visibility=OWNER', 400],
  ['an area given twice', '/calendar/activities.ics?area=0180&area=1480', 400],
])('answers %s with %d and a JSON error', async (_case, path, status) => {
  const response = await get(path);
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe(status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT');
});

describe('a filtered list', () => {
  const today = todayInSweden();
  const ids = (parsed: Parsed) => parsed.events.map((e) => e.uid.replace(/@samverkan$/, '')).sort();
  const listed = async (filter: Record<string, unknown>) => {
    const response = await subgraph.query(`query($filter: ActivityFilter) { activities(filter: $filter, first: 100) { nodes { id } } }`, { filter: { ...filter, from: today } });
    expect(response.errors).toBeUndefined();
    return (response.data!.activities.nodes as Array<{ id: string }>).map((n) => n.id).sort();
  };

  it.each([
    [{}, {}],
    [{ areaCode: AR.goteborg }, { area: AR.goteborg }],
    [{ areaCode: AR.stockholm, ageFrom: 12, ageTo: 12 }, { area: AR.stockholm, ageMin: '12', ageMax: '12' }],
    [{ kinds: ['SPORT', 'HOMEWORK_HELP'] }, { kind: ['SPORT', 'HOMEWORK_HELP'] }],
    [{ areaCode: AR.linkoping, kinds: ['SPORT'], ageFrom: 9 }, { area: AR.linkoping, kind: ['SPORT'], ageMin: '9' }],
  ])('lists what the activities query lists for %j (not ended), at the URL activityCalendarUrl gives', async (filter, params) => {
    const response = await subgraph.query(`query($filter: ActivityCalendarFilter) { activityCalendarUrl(filter: $filter) }`, { filter });
    expect(response.errors).toBeUndefined();
    const url = new URL(response.data!.activityCalendarUrl);
    const expected = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) expected.append(key, v as string);
    expect(url.pathname).toBe('/calendar/activities.ics');
    expect(url.searchParams.toString()).toBe(expected.toString());
    const parsed = await parse(await get(`${url.pathname}${url.search}`));
    const graphql = await listed(filter);
    expect(ids(parsed)).toEqual(graphql);
  });

  it('holds some activities for a district and none that has ended', async () => {
    const parsed = await parse(await get(`/calendar/activities.ics?area=${AR.angered}`));
    expect(parsed.events.length).toBeGreaterThan(1);
  });

  it('never shows anything internal of the demo activities', async () => {
    const text = (await parse(await get('/calendar/activities.ics'))).text.replace(/\r\n[ \t]/g, '');
    for (const demo of demoActivities(demoCalendar())) {
      if (demo.police) expect(text).not.toContain(demo.police[1]);
      expect(text).not.toContain(demo.organisers[0]);
    }
    for (const internal of ['SELECTIVE_PREVENTION', 'UNIVERSAL_PREVENTION', 'INDICATED_PREVENTION', 'RELATIONSHIP_BUILDING', 'SHARED']) expect(text).not.toContain(internal);
  });

  it('refuses a bad filter in activityCalendarUrl with BAD_USER_INPUT', async () => {
    const response = await subgraph.query(`{ activityCalendarUrl(filter: { areaCode: "Stockholm", ageFrom: 500 }) }`);
    expect(response.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
