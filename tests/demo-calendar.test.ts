import { DEMO_AGREEMENTS as G, DEMO_AREAS as AR, demoCalendar, DemoCalendar } from '@samverkan/demo';
import { TargetGroup } from '@samverkan/federation';
import { DEMO_ACTIVITIES as D, demoActivities } from '../subgraphs/activities/src/demo/seed';
import { demoAgreements } from '../subgraphs/agreements/src/demo/seed';
import { DEMO_SITUATION_REPORTS as R, demoSituationReports } from '../subgraphs/situation/src/demo/seed';
import { DEMO_JOINT_PICTURE as J, demoJointPictureReports } from '../subgraphs/situation/src/demo/seed-joint-picture';

/** The demo calendar, and the demo data it dates, on awkward days and on every day of two years. */
describe('the demo calendar', () => {
  it('counts days, weeks, months and years from its day', () => {
    const cal = demoCalendar('2026-01-31'); // a Saturday
    expect([cal.days(1), cal.days(-31), cal.days(365), cal.days(2, '2028-02-28')]).toEqual(['2026-02-01', '2025-12-31', '2027-01-31', '2028-03-01']);
    expect([cal.weekday(0, 1), cal.weekday(0, 6), cal.weekday(0, 7), cal.weekday(1, 1), cal.weekday(-1, 3)]).toEqual([
      '2026-01-26',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
      '2026-01-21',
    ]);
    // A day past the end of a shorter month is its last day.
    expect([cal.month(0), cal.month(1, 31), cal.month(-2, 31), cal.month(13, 29), cal.month(25, 29)]).toEqual([
      '2026-01-01',
      '2026-02-28',
      '2025-11-30',
      '2027-02-28',
      '2028-02-29',
    ]);
    expect([cal.monthEnd(-1), cal.monthEnd(0), cal.monthEnd(1), cal.monthEnd(11), cal.monthEnd(12)]).toEqual([
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-12-31',
      '2027-01-31',
    ]);
    expect([cal.yearStart(0), cal.yearEnd(-1), cal.yearStart(1)]).toEqual(['2026-01-01', '2025-12-31', '2027-01-01']);
  });

  it('takes a Sunday as the last day of its week', () => {
    const cal = demoCalendar('2026-11-29');
    expect([cal.weekday(0, 1), cal.weekday(0, 7), cal.weekday(1, 1)]).toEqual(['2026-11-23', '2026-11-29', '2026-11-30']);
  });

  it('finds the latest yearly day on or before today', () => {
    expect(demoCalendar('2026-06-15').latestAnnual(6, 16)).toBe('2025-06-16');
    expect(demoCalendar('2026-06-16').latestAnnual(6, 16)).toBe('2026-06-16');
    expect(demoCalendar('2026-12-31').latestAnnual(6, 16)).toBe('2026-06-16');
  });

  it('names seasons and keeps created times in the past', () => {
    const cal = demoCalendar('2026-03-01');
    expect(['2026-02-28', '2026-03-01', '2026-06-01', '2026-09-30', '2026-12-01'].map(cal.season)).toEqual(['vintern', 'våren', 'sommaren', 'hösten', 'vintern']);
    expect(cal.moment('2025-05-01').toISOString()).toBe('2025-05-01T10:00:00.000Z');
    expect(cal.moment('2026-03-05').toISOString()).toBe('2026-02-28T10:00:00.000Z');
  });

  it('defaults to today in Sweden and refuses what is not a day', () => {
    expect(demoCalendar().today).toBe(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()));
    for (const day of ['2026-02-30', '26-01-01', 'today', '2026-1-1']) expect(() => demoCalendar(day)).toThrow(/Not a day/);
  });
});

/** Every day of 2026 and 2027, a leap year's February not far off. */
const DAYS = Array.from({ length: 730 }, (_v, i) => demoCalendar('2026-01-01').days(i));

describe.each([
  ['activities', (cal: DemoCalendar) => checkActivities(cal)],
  ['agreements', (cal: DemoCalendar) => checkAgreements(cal)],
  ['situation reports', (cal: DemoCalendar) => checkReports(cal)],
])('the demo %s, seeded on any day', (_name, check) => {
  it('have what the demo, the README and the tests rely on', () => {
    const problems = DAYS.flatMap((day) => check(demoCalendar(day)).map((problem) => `${day}: ${problem}`));
    expect(problems).toEqual([]);
  });
});

const overlaps = (a: { startsOn: string; endsOn: string | null }, from: string, to: string) => a.startsOn <= to && (a.endsOn ?? to) >= from;

function checkActivities(cal: DemoCalendar): string[] {
  const activities = demoActivities(cal);
  const by = Object.fromEntries(activities.map((a) => [a.id, a]));
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  for (const a of activities) check(!a.endsOn || a.endsOn >= a.startsOn, `${a.title} ends before it starts`);
  const goteborgYoung = activities.filter((a) => a.area.startsWith(AR.goteborg) && a.targetGroups.includes(TargetGroup.YOUNG_PEOPLE) && overlaps(a, cal.today, cal.days(90)));
  check(goteborgYoung.length === 3, 'not three activities for young people in Göteborg in the coming three months');
  check(by[D.footballAngered].startsOn >= cal.weekday(0, 1) && by[D.footballAngered].endsOn! >= cal.today, 'no football this week');
  check(by[D.mbuAngered].startsOn === cal.weekday(1, 1), 'MBU Angered does not start next week');
  check(by[D.mbuAngered].startsOn > by[D.footballAngered].startsOn, 'MBU Angered starts before the football tournament');
  check(by[D.homeworkHelpAngered].startsOn < by[D.footballAngered].startsOn, 'homework help starts after the football tournament');
  for (const id of [D.safetyWalkGottsundaAutumn, D.democracySchoolSkaggetorp]) {
    check(by[id].startsOn > cal.today && by[id].startsOn <= cal.days(42), `${by[id].title} is not within six weeks`);
  }
  check(by[D.safetyWalkGottsundaSpring].endsOn! < cal.today, 'the earlier safety walk is not past');
  check(cal.season(by[D.safetyWalkGottsundaSpring].startsOn) !== cal.season(by[D.safetyWalkGottsundaAutumn].startsOn), 'both walks in one season');
  check(by[D.summerJobsJarva].startsOn <= cal.today && by[D.summerJobsJarva].startsOn.slice(5) === '06-16', 'summer jobs not the latest summer\'s');
  for (const id of [D.mbuRinkeby, D.safeNorrmalm, D.safeFarsta, D.safeLiljeholmen, D.posomUppsala, D.mammaUnitedTrygg, D.exitProgramme]) {
    check(overlaps(by[id], cal.today, cal.today), `${by[id].title} does not span today`);
  }
  // Newest start first, POSOM and the exit programme share a start as the 12th and 13th of 14 (so pages of four split them).
  const order = [...activities].sort((a, b) => b.startsOn.localeCompare(a.startsOn)).map((a) => a.id);
  check(by[D.posomUppsala].startsOn === by[D.exitProgramme].startsOn, 'POSOM and the exit programme start on different days');
  check([order.indexOf(D.posomUppsala), order.indexOf(D.exitProgramme)].sort().join() === '11,12' && order[13] === D.safeFarsta, 'paging order changed');
  check(by[D.mbuRinkeby].startsOn > by[D.mammaUnitedTrygg].startsOn, 'MBU Rinkeby starts before Mamma United');
  return problems;
}

function checkAgreements(cal: DemoCalendar): string[] {
  const agreements = demoAgreements(cal);
  const by = Object.fromEntries(agreements.map((a) => [a.id, a]));
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  for (const a of agreements) {
    if (a.status === 'ACTIVE') check(a.startsOn! <= cal.today && (a.endsOn ?? cal.today) >= cal.today, `${a.title} is active but not in force`);
    if (a.status === 'ENDED') check(a.endsOn! < cal.today, `${a.title} has ended but not before today`);
    if (a.status === 'DRAFT') check(a.startsOn === null, `${a.title} is a draft with a start`);
  }
  for (const id of [G.noaRiksidrottsforbundet, G.iopGoteborgAngered]) check(by[id].endsOn! <= cal.days(90), `${by[id].title} does not run out within 90 days`);
  // The first period filter of the agreements tests: only Rätt kurva and the whistle-blower collaboration started before SSPF Uppsala.
  const sspf = by[G.sspfUppsala].startsOn!;
  const before = agreements.filter((a) => a.startsOn && a.startsOn < sspf).map((a) => a.id);
  check(before.sort().join() === [G.rattKurvaJarva, G.visselblasartjanstRf].sort().join(), 'other agreements started before SSPF');
  check(by[G.medborgarloftRinkebyKista].title.endsWith(cal.today.slice(0, 4)), "the citizen promise is not named after this year");
  return problems;
}

function checkReports(cal: DemoCalendar): string[] {
  const reports = [...demoSituationReports(cal), ...demoJointPictureReports(cal)];
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  for (const r of reports) check(r.periodStart <= r.periodEnd && r.periodEnd < cal.today, `${r.id} has a bad period`);
  for (const area of [AR.rinkebyKista, AR.angered]) {
    const periods = reports.filter((r) => r.areaCode === area).map((r) => r.periodEnd).sort();
    check(periods.length === 3 && periods[2] === cal.monthEnd(-1) && periods[0] >= cal.days(-366), `${area} has no year of history up to last month`);
  }
  check(reports.find((r) => r.id === R.gottsundaAfterCrisis)!.periodEnd === cal.monthEnd(-2), 'Gottsunda does not end the month before last');
  // Gottsunda's joint picture: the police quarterly and the tenants' association twice, one period after another up to the month before last.
  const byId = Object.fromEntries(reports.map((r) => [r.id, r]));
  for (const series of [[J.policeQ1, J.policeQ2, J.policeQ3, J.policeQ4], [J.tenantsFirstHalf, J.tenantsSecondHalf]]) {
    const periods = series.map((id) => byId[id]);
    check(
      periods[0].periodStart === cal.month(-13) && periods[periods.length - 1].periodEnd === cal.monthEnd(-2),
      `${series[0]} is not a year up to the month before last`,
    );
    for (let i = 1; i < periods.length; i++) check(periods[i].periodStart === cal.days(1, periods[i - 1].periodEnd), `${series[i]} does not follow ${series[i - 1]}`);
  }
  check(byId[J.church].periodEnd === cal.monthEnd(-2), `${J.church} does not end the month before last`);
  // The municipality's newest ends last month, after every other Gottsunda report: the others see that a newer one exists.
  check(byId[J.municipalityLatest].periodEnd === cal.monthEnd(-1), `${J.municipalityLatest} does not end last month`);
  for (const r of reports.filter((r) => r.areaCode === AR.gottsunda && r.id !== J.municipalityLatest)) {
    check(r.periodEnd < byId[J.municipalityLatest].periodEnd, `${r.id} ends no earlier than the municipality's newest`);
  }
  return problems;
}
