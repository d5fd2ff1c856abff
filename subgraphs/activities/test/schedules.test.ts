import { DEMO_ACTORS as A, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { FixedClock } from '@samverkan/platform';
import { activitiesSubgraph } from '../src';
import { DEMO_ACTIVITIES as D } from '../src/demo/seed';
import { refreshOccurrenceDays } from '../src/schedule/schedule';
import { bearer, errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Times, recurrence and occurrences (issue 11): weekly schedules with exceptions and cancellations,
 * daylight-saving changes in Sweden, the period's end, the next occurrence on a clock the test sets,
 * and the list filters by occurrence window, weekday and time of day.
 */

/** The subgraph's clock: a Friday in March 2026, before the change to summer time (Sunday 29 March). */
const clock = new FixedClock(new Date('2026-03-20T12:00:00Z'));
let subgraph: TestSubgraph;
let stadsmission: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph, { clock });
  stadsmission = await bearer(A.ostergotlandsStadsmission, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const OCCURRENCE = 'date startsAt endsAt cancelled note';
const create = `mutation($input: CreateActivityInput!) { createActivity(input: $input) {
  id version schedule { startTime endTime timeZone recurrence excludedDates cancellations { date note } } } }`;
const update = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { version } }`;
const occurrences = `query($id: ID!, $from: LocalDate, $to: LocalDate, $first: Int) {
  activity(id: $id) { occurrences(from: $from, to: $to, first: $first) { ${OCCURRENCE} } nextOccurrence { ${OCCURRENCE} } } }`;

const activityInput = (schedule: Record<string, unknown> | null, overrides: Record<string, unknown> = {}) => ({
  title: 'Fotbollsträning i Skäggetorp',
  kind: 'SPORT',
  organiserIds: [A.ostergotlandsStadsmission],
  areaCode: AR.skaggetorp,
  startsOn: '2026-03-01',
  targetGroups: ['CHILDREN'],
  schedule,
  ...overrides,
});

async function createActivity(schedule: Record<string, unknown> | null, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await subgraph.query(create, { input: activityInput(schedule, overrides) }, stadsmission);
  expect(response.errors).toBeUndefined();
  return response.data!.createActivity.id;
}

async function occurrencesOf(id: string, from?: string, to?: string, first?: number) {
  const response = await subgraph.query(occurrences, { id, from, to, first });
  expect(response.errors).toBeUndefined();
  return response.data!.activity as { occurrences: Array<Record<string, unknown>>; nextOccurrence: Record<string, unknown> | null };
}

const startsAt = (list: Array<Record<string, unknown>>) => list.map((o) => o.startsAt);
const count = async (sql: string) => (await subgraph.dataSource.query(sql))[0].n as number;
const counts = async () => [
  await count('SELECT count(*)::int AS n FROM activities'),
  await count('SELECT count(*)::int AS n FROM activity_occurrence_days'),
  await count('SELECT count(*)::int AS n FROM change_log'),
];

describe('occurrences', () => {
  it('lists a weekly schedule without its excluded day, with its cancelled one marked and noted', async () => {
    const id = await createActivity({
      startTime: '17:00',
      endTime: '18:30',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU',
      excludedDates: ['2026-03-10'],
      cancellations: [{ date: '2026-03-17', note: 'Inställt – planen är avstängd.' }],
    });
    const { occurrences: list } = await occurrencesOf(id, '2026-03-01', '2026-03-24');
    expect(list).toEqual([
      { date: '2026-03-03', startsAt: '2026-03-03T16:00:00.000Z', endsAt: '2026-03-03T17:30:00.000Z', cancelled: false, note: null },
      { date: '2026-03-17', startsAt: '2026-03-17T16:00:00.000Z', endsAt: '2026-03-17T17:30:00.000Z', cancelled: true, note: 'Inställt – planen är avstängd.' },
      { date: '2026-03-24', startsAt: '2026-03-24T16:00:00.000Z', endsAt: '2026-03-24T17:30:00.000Z', cancelled: false, note: null },
    ]);
    // `first` bounds the list, earliest first.
    expect(startsAt((await occurrencesOf(id, '2026-03-01', '2026-03-31', 2)).occurrences)).toEqual([
      '2026-03-03T16:00:00.000Z',
      '2026-03-17T16:00:00.000Z',
    ]);
  });

  it('keeps 17:00 local time across the change to summer time (last Sunday of March)', async () => {
    const id = await createActivity({ startTime: '17:00', endTime: '18:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU,SU' }, { startsOn: '2026-03-20' });
    expect(startsAt((await occurrencesOf(id, '2026-03-20', '2026-04-01')).occurrences)).toEqual([
      '2026-03-22T16:00:00.000Z', // CET, UTC+1
      '2026-03-24T16:00:00.000Z',
      '2026-03-29T15:00:00.000Z', // the day of the change: CEST, UTC+2
      '2026-03-31T15:00:00.000Z',
    ]);
    // 02:30 does not exist on the day of the change: it is read with the offset before the gap (03:30 CEST).
    const night = await createActivity({ startTime: '02:30', recurrence: 'FREQ=DAILY' }, { startsOn: '2026-03-28', endsOn: '2026-03-30' });
    expect(startsAt((await occurrencesOf(night, '2026-03-28', '2026-03-30')).occurrences)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
  });

  it('keeps 17:00 local time across the change to winter time (last Sunday of October), and ends overnight ones the next day', async () => {
    const id = await createActivity({ startTime: '17:00', endTime: '18:00', recurrence: 'FREQ=WEEKLY;BYDAY=SA,SU' }, { startsOn: '2026-10-01' });
    expect(startsAt((await occurrencesOf(id, '2026-10-24', '2026-11-01')).occurrences)).toEqual([
      '2026-10-24T15:00:00.000Z', // CEST
      '2026-10-25T16:00:00.000Z', // the day of the change: CET
      '2026-10-31T16:00:00.000Z',
      '2026-11-01T16:00:00.000Z',
    ]);
    // A night walk from 22:00 to 03:00 lasts six hours the night the clocks go back, five the week after.
    const walk = await createActivity({ startTime: '22:00', endTime: '03:00', recurrence: 'FREQ=WEEKLY;BYDAY=SA' }, { startsOn: '2026-10-01' });
    expect((await occurrencesOf(walk, '2026-10-24', '2026-10-31')).occurrences).toEqual([
      { date: '2026-10-24', startsAt: '2026-10-24T20:00:00.000Z', endsAt: '2026-10-25T02:00:00.000Z', cancelled: false, note: null },
      { date: '2026-10-31', startsAt: '2026-10-31T21:00:00.000Z', endsAt: '2026-11-01T02:00:00.000Z', cancelled: false, note: null },
    ]);
    // 02:30 happens twice that night: it is the first (summer time), as RFC 5545 reads it.
    const early = await createActivity({ startTime: '02:30' }, { startsOn: '2026-10-25', endsOn: '2026-10-25' });
    expect(startsAt((await occurrencesOf(early, '2026-10-25', '2026-10-25')).occurrences)).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('ends with the period, or earlier with the rule\'s own COUNT or UNTIL', async () => {
    const byPeriod = await createActivity({ startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU' }, { startsOn: '2026-04-01', endsOn: '2026-04-21' });
    expect((await occurrencesOf(byPeriod, '2026-04-01', '2026-05-31')).occurrences.map((o) => o.date)).toEqual(['2026-04-07', '2026-04-14', '2026-04-21']);
    const byCount = await createActivity({ startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2' }, { startsOn: '2026-04-01', endsOn: '2026-04-30' });
    expect((await occurrencesOf(byCount, '2026-04-01', '2026-05-31')).occurrences.map((o) => o.date)).toEqual(['2026-04-07', '2026-04-14']);
    // A bare UNTIL date includes that day's occurrence.
    const byUntil = await createActivity({ startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260414' }, { startsOn: '2026-04-01' });
    expect((await occurrencesOf(byUntil, '2026-04-01', '2026-05-31')).occurrences.map((o) => o.date)).toEqual(['2026-04-07', '2026-04-14']);
    // A single occurrence spans the period.
    const camp = await createActivity({ startTime: '09:00', endTime: '15:00' }, { startsOn: '2026-06-15', endsOn: '2026-06-19' });
    expect((await occurrencesOf(camp, '2026-06-01', '2026-06-30')).occurrences).toEqual([
      { date: '2026-06-15', startsAt: '2026-06-15T07:00:00.000Z', endsAt: '2026-06-19T13:00:00.000Z', cancelled: false, note: null },
    ]);
  });

  it('keeps an every-other-week rhythm far from the first day, and a monthly rule\'s weekday', async () => {
    const fortnightly = await createActivity({ startTime: '17:00', recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' }, { startsOn: '2026-01-06' });
    expect((await occurrencesOf(fortnightly, '2026-05-01', '2026-05-31')).occurrences.map((o) => o.date)).toEqual(['2026-05-12', '2026-05-26']);
    const firstSaturday = await createActivity({ startTime: '11:00', recurrence: 'FREQ=MONTHLY;BYDAY=1SA' }, { startsOn: '2026-01-01' });
    expect((await occurrencesOf(firstSaturday, '2026-09-01', '2026-11-30')).occurrences.map((o) => o.date)).toEqual(['2026-09-05', '2026-10-03', '2026-11-07']);
  });

  it('has none without a schedule', async () => {
    const id = await createActivity(null);
    expect(await occurrencesOf(id, '2026-03-01', '2026-03-31')).toEqual({ occurrences: [], nextOccurrence: null });
    const { data } = await subgraph.query('query($id: ID!) { activity(id: $id) { schedule { startTime } } }', { id });
    expect(data!.activity.schedule).toBeNull();
  });
});

describe('next occurrence, on the clock the test sets', () => {
  let id: string;
  beforeAll(async () => {
    id = await createActivity(
      { startTime: '17:00', endTime: '18:30', recurrence: 'FREQ=WEEKLY;BYDAY=TU', cancellations: [{ date: '2026-03-31', note: 'Påsklov' }] },
      { startsOn: '2026-03-01', endsOn: '2026-04-14' },
    );
  });
  afterAll(() => clock.set(new Date('2026-03-20T12:00:00Z')));

  const next = async (now: string) => {
    clock.set(new Date(now));
    return (await occurrencesOf(id)).nextOccurrence?.startsAt ?? null;
  };

  it('is the next one that has not ended, skipping cancelled ones, and none after the period', async () => {
    expect(await next('2026-03-20T12:00:00Z')).toBe('2026-03-24T16:00:00.000Z');
    // Under way (17:30 local) still counts; after its end (18:30 local) the next is due.
    expect(await next('2026-03-24T16:30:00Z')).toBe('2026-03-24T16:00:00.000Z');
    expect(await next('2026-03-24T17:30:00Z')).toBe('2026-04-07T15:00:00.000Z'); // 31 March is cancelled; summer time
    expect(await next('2026-04-14T17:00:00Z')).toBeNull();
  });

  it('lists four weeks from today (by the clock) when no window is given', async () => {
    clock.set(new Date('2026-03-23T10:00:00Z'));
    const { occurrences: list } = await occurrencesOf(id);
    expect(list.map((o) => o.date)).toEqual(['2026-03-24', '2026-03-31', '2026-04-07', '2026-04-14']);
  });
});

describe('list filters by occurrence', () => {
  const mine: Record<string, string> = {};
  beforeAll(async () => {
    const area = { areaCode: AR.skaggetorp, startsOn: '2026-05-01', endsOn: '2026-06-30' };
    mine.tuesdayEvening = await createActivity({ startTime: '17:00', endTime: '18:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU', excludedDates: ['2026-05-12'] }, { ...area, title: 'Tisdagar' });
    mine.saturdayMorning = await createActivity(
      { startTime: '10:00', recurrence: 'FREQ=WEEKLY;BYDAY=SA', cancellations: [{ date: '2026-05-16', note: null }] },
      { ...area, title: 'Lördagar' },
    );
    mine.once = await createActivity({ startTime: '13:00', endTime: '15:00' }, { ...area, startsOn: '2026-05-14', endsOn: '2026-05-14', title: 'En gång' });
    mine.datesOnly = await createActivity(null, { ...area, title: 'Bara datum' });
  });

  const matching = async (occurs: Record<string, unknown>) => {
    const response = await subgraph.query('query($f: ActivityFilter) { activities(filter: $f, first: 100) { totalCount nodes { id } } }', {
      f: { areaCode: AR.skaggetorp, occurs },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.activities.totalCount).toBe(response.data!.activities.nodes.length);
    const found = new Set(response.data!.activities.nodes.map((n: { id: string }) => n.id));
    return Object.keys(mine).filter((key) => found.has(mine[key])).sort();
  };

  it('keeps activities with an occurrence taking place in the window: excluded and cancelled days do not count', async () => {
    expect(await matching({ from: '2026-05-04', to: '2026-05-10' })).toEqual(['saturdayMorning', 'tuesdayEvening']);
    // 12 May is excluded, 16 May cancelled; 14 May is the single one.
    expect(await matching({ from: '2026-05-11', to: '2026-05-13' })).toEqual([]);
    expect(await matching({ from: '2026-05-14', to: '2026-05-16' })).toEqual(['once']);
    expect(await matching({ from: '2026-07-01', to: '2026-07-31' })).toEqual([]);
  });

  it('filters by weekday and by time of day, alone or with a window', async () => {
    expect(await matching({ weekdays: ['SATURDAY', 'SUNDAY'] })).toEqual(['saturdayMorning']);
    expect(await matching({ weekdays: ['TUESDAY', 'THURSDAY'], from: '2026-05-11', to: '2026-05-17' })).toEqual(['once']);
    expect(await matching({ startingFrom: '12:00' })).toEqual(['once', 'tuesdayEvening']);
    expect(await matching({ startingFrom: '09:00', startingUntil: '13:00' })).toEqual(['once', 'saturdayMorning']);
    expect(await matching({ weekdays: ['TUESDAY'], startingUntil: '12:00' })).toEqual([]);
  });

  it('refuses windows that are too long or reversed, and reversed times', async () => {
    const refused = async (occurs: Record<string, unknown>) =>
      subgraph.query('query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { occurs } });
    const tooLong = await refused({ from: '2026-01-01', to: '2027-01-02' });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].extensions!.fields).toEqual([{ field: 'filter.occurs.to', message: 'must make a window of at most 366 days from filter.occurs.from' }]);
    expect((await refused({ from: '2026-01-01', to: '2027-01-01' })).errors).toBeUndefined();
    expect(errorCode(await refused({ from: '2026-05-10', to: '2026-05-01' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await refused({ startingFrom: '18:00', startingUntil: '17:00' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await refused({ startingFrom: '25:00' }))).toBe('BAD_USER_INPUT');
  });

  it('answers occurrences and next occurrences of a whole page in the same statements as of one activity', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (first: number) => {
        const response = await subgraph.query(
          `query($first: Int!) { activities(first: $first, filter: { occurs: { from: "2026-05-01", to: "2026-06-30" } }) {
            nodes { id schedule { recurrence } nextOccurrence { startsAt } occurrences(from: "2026-05-01", to: "2026-06-30") { startsAt } } } }`,
          { first },
        );
        expect(response.errors).toBeUndefined();
        expect(response.data!.activities.nodes).toHaveLength(first);
        return response.extensions!.sqlStatements;
      };
      expect(await statements(5)).toBe(await statements(1));
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('upkeep of the stored occurrence days', () => {
  it('stores them afresh when they have grown old, so an activity nobody changes keeps matching, without a new version', async () => {
    const id = await createActivity({ startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU' }, { startsOn: '2026-03-01', title: 'Oförändrad' });
    const matches = async () => {
      const { data } = await subgraph.query('query($f: ActivityFilter) { activities(filter: $f, first: 100) { nodes { id } } }', {
        f: { text: 'Oförändrad', occurs: { from: '2026-04-01', to: '2026-04-30' } },
      });
      return data!.activities.nodes.map((n: { id: string }) => n.id);
    };
    expect(await matches()).toEqual([id]);
    // As if stored long ago: the days of April are not there.
    await subgraph.dataSource.query("UPDATE activities SET occurrence_days_stored_on = '2024-03-20' WHERE id = $1", [id]);
    await subgraph.dataSource.query("DELETE FROM activity_occurrence_days WHERE activity_id = $1 AND occurs_on >= '2026-04-01'", [id]);
    expect(await matches()).toEqual([]);
    expect(await refreshOccurrenceDays(subgraph.dataSource, '2026-03-20')).toBeGreaterThanOrEqual(1);
    expect(await matches()).toEqual([id]);
    // Nothing is old now; the record itself did not change.
    expect(await refreshOccurrenceDays(subgraph.dataSource, '2026-03-20')).toBe(0);
    const { data } = await subgraph.query('query($id: ID!) { activity(id: $id) { version } }', { id });
    expect(data!.activity.version).toBe(1);
  });
});

describe('bounds and validation', () => {
  let id: string;
  beforeAll(async () => {
    id = await createActivity({ startTime: '17:00', recurrence: 'FREQ=DAILY' });
  });

  it('refuses an occurrence window over 366 days, reversed, or more than 100 occurrences', async () => {
    const refused = (variables: Record<string, unknown>) => subgraph.query(occurrences, { id, ...variables });
    const tooLong = await refused({ from: '2026-03-01', to: '2027-03-02' });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].extensions!.fields).toEqual([{ field: 'to', message: 'must make a window of at most 366 days from from' }]);
    expect(errorCode(await refused({ from: '2026-03-10', to: '2026-03-01' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await refused({ from: '2026-03-01', to: '2026-03-31', first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await refused({ from: '2026-03-01', to: '2026-03-31', first: 0 }))).toBe('BAD_USER_INPUT');
    // The longest window is answered, bounded by `first`.
    const longest = await refused({ from: '2026-03-01', to: '2027-03-01', first: 100 });
    expect(longest.errors).toBeUndefined();
    expect(longest.data!.activity.occurrences).toHaveLength(100);
  });

  it.each([
    ['an hourly rule', { startTime: '17:00', recurrence: 'FREQ=HOURLY' }, 'schedule.recurrence'],
    ['a rule with DTSTART', { startTime: '17:00', recurrence: 'DTSTART:20260301T170000Z;FREQ=WEEKLY' }, 'schedule.recurrence'],
    ['a rule that is not one', { startTime: '17:00', recurrence: 'every tuesday' }, 'schedule.recurrence'],
    ['an excluded day without an occurrence', { startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU', excludedDates: ['2026-03-11'] }, 'schedule.excludedDates'],
    ['a cancellation before the period', { startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU', cancellations: [{ date: '2026-02-24' }] }, 'schedule.cancellations'],
    ['a day both excluded and cancelled', { startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU', excludedDates: ['2026-03-10'], cancellations: [{ date: '2026-03-10' }] }, 'schedule.cancellations'],
    ['a start time with seconds', { startTime: '17:00:30' }, 'schedule.startTime'],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_case, schedule, field) => {
    const before = await counts();
    const response: GraphQLResponse = await subgraph.query(create, { input: activityInput(schedule) }, stadsmission);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses an update whose new period leaves a cancellation without its occurrence, writing nothing', async () => {
    const created = await subgraph.query(create, {
      input: activityInput({ startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU', cancellations: [{ date: '2026-03-31', note: 'Påsklov' }] }),
    }, stadsmission);
    const activity = created.data!.createActivity;
    const before = await counts();
    const response = await subgraph.query(update, { id: activity.id, version: 1, input: { endsOn: '2026-03-20' } }, stadsmission);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    const { data } = await subgraph.query('query($id: ID!) { activity(id: $id) { version endsOn } }', { id: activity.id });
    expect(data!.activity).toEqual({ version: 1, endsOn: null });
  });

  it('changes the schedule with a new version, and the filters follow', async () => {
    const created = await subgraph.query(create, { input: activityInput({ startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU' }) }, stadsmission);
    const activityId = created.data!.createActivity.id;
    const schedule = { startTime: '18:00', endTime: '19:00', recurrence: 'RRULE:freq=weekly;byday=th', cancellations: [{ date: '2026-03-26', note: '  Inställt  ' }] };
    const updated = await subgraph.query(update, { id: activityId, version: 1, input: { schedule } }, stadsmission);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateActivity.version).toBe(2);
    const { data } = await subgraph.query('query($id: ID!) { activity(id: $id) { schedule { startTime endTime timeZone recurrence excludedDates cancellations { date note } } } }', {
      id: activityId,
    });
    expect(data!.activity.schedule).toEqual({
      startTime: '18:00',
      endTime: '19:00',
      timeZone: 'Europe/Stockholm',
      recurrence: 'FREQ=WEEKLY;BYDAY=TH',
      excludedDates: [],
      cancellations: [{ date: '2026-03-26', note: 'Inställt' }],
    });
    const days = async () =>
      (await subgraph.dataSource.query("SELECT to_char(occurs_on, 'YYYY-MM-DD') AS day FROM activity_occurrence_days WHERE activity_id = $1 AND occurs_on < '2026-04-10' ORDER BY 1", [activityId])).map(
        (row: { day: string }) => row.day,
      );
    expect(await days()).toEqual(['2026-03-05', '2026-03-12', '2026-03-19', '2026-04-02', '2026-04-09']);
    // Clearing the schedule clears its occurrences.
    expect((await subgraph.query(update, { id: activityId, version: 2, input: { schedule: null } }, stadsmission)).errors).toBeUndefined();
    expect(await days()).toEqual([]);
  });
});

describe('demo data', () => {
  it('has weekly homework help with an excluded Wednesday and a cancelled Monday, dated from the seeding day', async () => {
    const calendar = demoCalendar();
    const { data } = await subgraph.query(`query($id: ID!, $from: LocalDate, $to: LocalDate) {
      activity(id: $id) { schedule { recurrence } occurrences(from: $from, to: $to) { date cancelled note } } }`, {
      id: D.homeworkHelpAngered,
      from: calendar.weekday(1, 1),
      to: calendar.weekday(2, 7),
    });
    expect(data!.activity.schedule.recurrence).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
    expect(data!.activity.occurrences).toEqual([
      { date: calendar.weekday(1, 1), cancelled: false, note: null },
      { date: calendar.weekday(2, 1), cancelled: true, note: 'Inställt: läxhjälparna är på utbildning. Välkommen på onsdag!' },
      { date: calendar.weekday(2, 3), cancelled: false, note: null },
    ]);
  });
});
