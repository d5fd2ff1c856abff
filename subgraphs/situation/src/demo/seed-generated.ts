import { DataSource } from 'typeorm';
import { DEMO_GENERATED_MARK, demoCalendar, demoGeneration, demoRandom, DemoCalendar, seededUuid } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { ObservationCategory, SituationLevel, Trend } from '../reports/situation-report';
import { DemoReport, insertDemoReports } from './seed';

const LEVELS = [SituationLevel.NORMAL, SituationLevel.ELEVATED, SituationLevel.HIGH, SituationLevel.CRITICAL];
const LEVEL_WORDS: Record<SituationLevel, string> = { NORMAL: 'normalt', ELEVATED: 'förhöjt', HIGH: 'högt', CRITICAL: 'kritiskt' };
const TREND_WORDS: Record<Trend, string> = { IMPROVING: 'förbättras', STABLE: 'är stabilt', WORSENING: 'försämras' };
const C = ObservationCategory;
const CATEGORIES = [C.RECRUITMENT_TO_CRIME, C.YOUTH_GATHERINGS, C.PERCEIVED_SAFETY, C.PROTECTIVE_FACTORS, C.SCHOOL_ABSENCE, C.VIOLENCE, C.DRUGS, C.SOCIAL_MEDIA];

/**
 * How a district's situation develops over the 24 months (t = 0 the oldest month, 23 last month), on
 * a scale from 0 (normal) to 3 (critical): the districts take these in turn, so the history shows
 * every kind of trend.
 */
const SCENARIOS: Array<[name: string, score: (t: number) => number]> = [
  ['förbättras stadigt', (t) => 2.6 - (1.8 * t) / 23],
  ['försämras', (t) => 0.6 + (1.9 * t) / 23],
  ['högt men vänder', (t) => (t < 12 ? 2.2 + t / 20 : 2.8 - ((t - 12) * 1.3) / 11)],
  ['förbättras, sedan bakslag', (t) => (t < 16 ? 2.2 - (1.6 * t) / 15 : 0.6 + ((t - 16) * 1.4) / 7)],
  ['oro efter en kris, sedan lugnare', (t) => (t < 6 ? 0.8 : t < 9 ? 2.9 : 2.9 - ((t - 9) * 1.9) / 14)],
];

const levelOf = (score: number) => LEVELS[Math.max(0, Math.min(3, Math.round(score)))];
const trendOf = (delta: number) => (delta < -0.04 ? Trend.IMPROVING : delta > 0.04 ? Trend.WORSENING : Trend.STABLE);

/**
 * The generated layer's situation history (see `demoGeneration` in `@samverkan/demo`): a monthly
 * situation report for each generated district over the last 24 months by its local police area,
 * following one of the scenarios above (with some noise), and a quarterly report by the municipality
 * for every other district, so the latest level per reporting party can differ. The latest police
 * reports are shared with the municipality; older ones are shown to the network, some published, a
 * few kept to the owner. Ids and choices come from the seed alone (never from the calendar).
 */
export function generatedSituationReports(cal: DemoCalendar): DemoReport[] {
  const random = demoRandom('situation');
  const generation = demoGeneration();
  const reports: DemoReport[] = [];
  generation.districts.forEach((district, n) => {
    const [scenarioName, score] = SCENARIOS[n % SCENARIOS.length];
    const [police] = generation.actorsIn(district.municipalityCode, 'POLICE');
    const [municipality] = generation.actorsIn(district.municipalityCode, 'MUNICIPALITY');
    const report = (reportedBy: string, t: number, months: number, visibility: Visibility, noisy: number): DemoReport => {
      const value = score(t + months - 1) + noisy;
      const level = levelOf(value);
      const trend = trendOf(score(t + months - 1) - score(Math.max(0, t - 1)));
      const category = random.pick(CATEGORIES);
      return {
        id: seededUuid(random),
        areaCode: district.code,
        reportedById: reportedBy,
        visibility,
        sharedWith: visibility === Visibility.SHARED ? [municipality.id] : [],
        periodStart: cal.month(t - 24),
        periodEnd: cal.monthEnd(t - 24 + months - 1),
        level,
        trend,
        summary: `${DEMO_GENERATED_MARK}: genererad lägesbild för ${district.name} (scenariot "${scenarioName}"). Läget är ${LEVEL_WORDS[level]} och ${TREND_WORDS[trend]}.`,
        observations: [[category, level, trend, `${DEMO_GENERATED_MARK}: genererad iakttagelse.`]],
      };
    };
    for (let t = 0; t < 24; t++) {
      const noise = (random.next() - 0.5) * 0.5;
      const visibility = random.weighted([[Visibility.NETWORK, 7], [Visibility.PUBLIC, 2], [Visibility.OWNER, 1]] as const);
      // The last three months' pictures: shared with the municipality.
      reports.push(report(police.id, t, 1, t >= 21 ? Visibility.SHARED : visibility, noise));
    }
    if (n % 2 === 0) {
      for (let q = 0; q < 8; q++) {
        const noise = (random.next() - 0.5) * 0.6;
        reports.push(report(municipality.id, q * 3, 3, random.chance(0.7) ? Visibility.NETWORK : Visibility.PUBLIC, noise));
      }
    }
  });
  return reports;
}

/** Loads the generated layer's situation history (SEED_GENERATED_DEMO_DATA); reports that exist already are left as they are. */
export async function seedGeneratedDemoData(dataSource: DataSource, calendar: DemoCalendar = demoCalendar()): Promise<void> {
  await dataSource.transaction(async (manager) => void (await insertDemoReports(manager, generatedSituationReports(calendar), calendar)));
}
