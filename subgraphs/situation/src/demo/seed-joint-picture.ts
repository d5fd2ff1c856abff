import { EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, DemoCalendar, demoIds, insertNew } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { ObservationCategory, SituationLevel, Trend } from '../reports/situation-report';
import { ObservationTemplate } from '../templates/observation-template';
import type { DemoReport } from './seed';

const report = demoIds('d0');

/** Fixed ids of Gottsunda's joint situation picture: a year of reports from four parties, and the template they agreed on. */
export const DEMO_JOINT_PICTURE = {
  template: demoIds('d1')(1),
  policeQ1: report(20),
  policeQ2: report(21),
  policeQ3: report(22),
  policeQ4: report(23),
  municipalityLatest: report(24),
  church: report(25),
  tenantsFirstHalf: report(26),
  tenantsSecondHalf: report(27),
} as const;

const P = DEMO_JOINT_PICTURE;
const { NORMAL, ELEVATED, HIGH } = SituationLevel;
const { IMPROVING, STABLE, WORSENING } = Trend;
const C = ObservationCategory;

/**
 * The template Uppsala's parties agreed on for Gottsunda: four things each of them looks at, so that
 * their reports can be read side by side.
 */
export async function insertDemoTemplates(manager: EntityManager): Promise<void> {
  await insertNew(manager, ObservationTemplate, [
    {
      id: P.template,
      areaCode: AR.gottsunda,
      name: 'Gemensam lägesbild Gottsunda',
      ownerId: A.uppsalaKommun,
      visibility: Visibility.NETWORK,
      agreedByIds: [A.lpoUppsala, A.svenskaKyrkanUppsala, A.hyresgastforeningen],
      categories: [
        { category: C.YOUTH_GATHERINGS, guidingQuestion: 'Var samlas unga kvällstid, hur många och med vilka effekter?' },
        { category: C.PERCEIVED_SAFETY, guidingQuestion: 'Hur trygga känner sig boende, föräldrar och unga i centrum och på gångvägarna?' },
        { category: C.CRISIS, guidingQuestion: 'Har något allvarligt hänt, och hur fungerade krisstödet och samverkan?' },
        { category: C.PROTECTIVE_FACTORS, guidingQuestion: 'Vilka vuxna, mötesplatser och aktiviteter når barn och unga?' },
      ],
      version: 1,
    },
  ]);
}

/**
 * A year of Gottsunda's situation picture from four parties, for the joint picture: the local police
 * quarterly (HIGH after the shooting three months ago, so the computed trend worsens), the church
 * once (too few for a trend of its own) and the tenants' association twice from safety walks,
 * published, all up to the month before last; and the municipality's newest report, for last month,
 * shown to the police only (so other parties see that a newer report exists without reading it).
 * The police's and the municipality's latest reports follow the parties' template.
 */
export const demoJointPictureReports = (cal: DemoCalendar): DemoReport[] => [
  {
    id: P.policeQ1,
    areaCode: AR.gottsunda,
    reportedById: A.lpoUppsala,
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-13),
    periodEnd: cal.monthEnd(-11),
    level: ELEVATED,
    trend: STABLE,
    summary: 'Polisens lägesbild för Gottsunda. Grupperingar av unga vid centrum kvällstid; enstaka rekryteringsförsök via sociala medier.',
    observations: [[C.YOUTH_GATHERINGS, ELEVATED, STABLE, 'Grupper om tio till femton unga vid centrum fredagar och lördagar.']],
  },
  {
    id: P.policeQ2,
    areaCode: AR.gottsunda,
    reportedById: A.lpoUppsala,
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-10),
    periodEnd: cal.monthEnd(-8),
    level: ELEVATED,
    trend: IMPROVING,
    summary: 'Polisens lägesbild för Gottsunda. Lugnare kvällar sedan föreningarna började med vuxennärvaro vid centrum.',
    observations: [[C.PROTECTIVE_FACTORS, NORMAL, IMPROVING, 'Vuxennärvaro från föreningarna vid centrum fredagskvällar.']],
  },
  {
    id: P.policeQ3,
    areaCode: AR.gottsunda,
    reportedById: A.lpoUppsala,
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-7),
    periodEnd: cal.monthEnd(-5),
    level: ELEVATED,
    trend: STABLE,
    summary: 'Polisens lägesbild för Gottsunda. Oförändrat läge; konflikter mellan grupperingar i närliggande områden bevakas.',
    observations: [[C.CONFLICTS, ELEVATED, WORSENING, 'Spänningar mellan grupperingar i närliggande områden som kan spridas till Gottsunda.']],
  },
  {
    id: P.policeQ4,
    areaCode: AR.gottsunda,
    reportedById: A.lpoUppsala,
    visibility: Visibility.SHARED,
    sharedWith: [A.uppsalaKommun, A.svenskaKyrkanUppsala],
    templateId: P.template,
    periodStart: cal.month(-4),
    periodEnd: cal.monthEnd(-2),
    level: HIGH,
    // The author judges it stable now; the series (ELEVATED to HIGH) says it worsened.
    trend: STABLE,
    summary: 'Polisens lägesbild för Gottsunda efter skottlossningen vid centrum. Oron bland unga och föräldrar är stor; krisstödet kom snabbt på plats men alla parter nåddes inte.',
    observations: [
      [C.CRISIS, HIGH, STABLE, 'Skottlossning vid centrum; POSOM och kommunen var på plats samma kväll, kyrkan och Hyresgästföreningen nåddes inte.'],
      [C.PERCEIVED_SAFETY, HIGH, WORSENING, 'Föräldrar håller barnen inne kvällstid; färre rör sig på gångvägarna efter mörkrets inbrott.'],
    ],
  },
  {
    id: P.municipalityLatest,
    areaCode: AR.gottsunda,
    reportedById: A.uppsalaKommun,
    // Shown to the police only: the other parties see that a newer report exists, not what it says.
    visibility: Visibility.SHARED,
    sharedWith: [A.lpoUppsala],
    templateId: P.template,
    periodStart: cal.month(-1),
    periodEnd: cal.monthEnd(-1),
    level: ELEVATED,
    trend: IMPROVING,
    summary: 'Kommunens lägesbild för Gottsunda den senaste månaden. Lugnare efter krisen; fler vuxna och öppna mötesplatser kvällstid.',
    observations: [
      [C.PROTECTIVE_FACTORS, NORMAL, IMPROVING, 'Fritidsgården och kyrkan har utökade öppettider kvällstid, och fler unga kommer dit.'],
      [C.PERCEIVED_SAFETY, ELEVATED, IMPROVING, 'Boende uppger vid trygghetsvandringen att det känns lugnare men att oron finns kvar.'],
    ],
  },
  {
    id: P.church,
    areaCode: AR.gottsunda,
    reportedById: A.svenskaKyrkanUppsala,
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-7),
    periodEnd: cal.monthEnd(-2),
    level: ELEVATED,
    trend: WORSENING,
    summary: 'Kyrkans bild av Gottsunda det senaste halvåret, från ungdomsverksamheten och samtalen efter krisen.',
    observations: [[C.CRISIS, ELEVATED, WORSENING, 'Många unga har sökt samtal efter skottlossningen; flera säger att de inte känner sig trygga på väg hem.']],
  },
  {
    id: P.tenantsFirstHalf,
    areaCode: AR.gottsunda,
    reportedById: A.hyresgastforeningen,
    visibility: Visibility.PUBLIC,
    periodStart: cal.month(-13),
    periodEnd: cal.monthEnd(-8),
    level: NORMAL,
    trend: IMPROVING,
    summary: 'Hyresgästföreningens bild av Gottsunda från trygghetsvandringar med boende: bättre belysning och fler vuxna ute.',
    observations: [[C.PERCEIVED_SAFETY, NORMAL, IMPROVING, 'Boende upplever gångvägarna som tryggare efter ny belysning.']],
  },
  {
    id: P.tenantsSecondHalf,
    areaCode: AR.gottsunda,
    reportedById: A.hyresgastforeningen,
    visibility: Visibility.PUBLIC,
    periodStart: cal.month(-7),
    periodEnd: cal.monthEnd(-2),
    level: ELEVATED,
    trend: WORSENING,
    summary: 'Hyresgästföreningens bild av Gottsunda från trygghetsvandringar med boende: oro efter skottlossningen vid centrum.',
    observations: [[C.PERCEIVED_SAFETY, ELEVATED, WORSENING, 'Boende undviker centrum kvällstid efter skottlossningen.']],
  },
];
