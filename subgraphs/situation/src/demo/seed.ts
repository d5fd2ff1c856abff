import { DataSource, EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, demoCalendar, DemoCalendar, demoIds, insertNew } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { Observation, ObservationCategory, SituationLevel, SituationReport, Trend } from '../reports/situation-report';
import { insertDemoIncidents, insertDemoRosters } from './seed-crisis';
import { demoJointPictureReports, insertDemoTemplates } from './seed-joint-picture';

const report = demoIds('d0');

/**
 * Fixed ids of the demo situation reports, for tests and for other subgraphs' demo data. Their
 * periods are relative to the seeding day (see `demoSituationReports`); the names come from the
 * first demo's dates: "Spring2025" is the first of the last year's three Rinkeby-Kista reports,
 * "Autumn2025" the latest, "angered2025" the latest of Angered's three.
 */
export const DEMO_SITUATION_REPORTS = {
  rinkebyKistaSpring2025: report(1),
  rinkebyKistaAutumn2025: report(2),
  angered2025: report(3),
  gottsundaAfterCrisis: report(4),
  skaggetorpWinter: report(5),
  rosengardWinter2026: report(6),
  rinkebyKistaMiddle: report(7),
  angeredFirst: report(8),
  angeredMiddle: report(9),
} as const;

const R = DEMO_SITUATION_REPORTS;
const { NORMAL, ELEVATED, HIGH } = SituationLevel;
const { IMPROVING, STABLE, WORSENING } = Trend;
const C = ObservationCategory;

type DemoObservation = [category: ObservationCategory, level: SituationLevel, trend: Trend, description: string];
export interface DemoReport {
  id: string;
  areaCode: string;
  /** Also the owner: a party reports only for itself. */
  reportedById: string;
  /** Who the owner chose to show the report to, and for SHARED, which organisations. */
  visibility: Visibility;
  sharedWith?: string[];
  /** The observation template the report follows, if any. */
  templateId?: string;
  periodStart: string;
  periodEnd: string;
  level: SituationLevel;
  trend: Trend;
  summary: string;
  observations: DemoObservation[];
}

/**
 * Situation pictures drawn from the dialogue meeting: recruitment, NPF, parents, crisis, protective
 * factors. Their periods are whole months relative to the seeding day: a year of history in three
 * four-month periods for Rinkeby-Kista and for Angered, half a year after the crisis in Gottsunda,
 * and the latest reports ending with last month.
 */
export const demoSituationReports = (cal: DemoCalendar): DemoReport[] => [
  {
    id: R.rinkebyKistaSpring2025,
    areaCode: AR.rinkebyKista,
    reportedById: A.lpoRinkeby,
    // The older picture: the police have since made it available to the whole network.
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-12),
    periodEnd: cal.monthEnd(-9),
    level: ELEVATED,
    trend: WORSENING,
    summary:
      'Lägesbild för Rinkeby-Kista. Fler försök att rekrytera barn och unga till kriminella nätverk, främst via sociala medier med löften om snabba pengar. Grupperingar av unga kvällstid vid torget. Samverkan med föreningslivet bygger i hög grad på enskilda eldsjälar.',
    observations: [
      [C.RECRUITMENT_TO_CRIME, HIGH, WORSENING, 'Fler signaler om att barn i mellanstadieåldern erbjuds betalt för uppdrag åt kriminella nätverk.'],
      [C.SOCIAL_MEDIA, ELEVATED, WORSENING, 'Rekryteringsinlägg i ungas sociala medier med löften om snabba pengar; budskapen når allt yngre barn.'],
      [C.YOUTH_GATHERINGS, ELEVATED, STABLE, 'Grupperingar av unga kvällstid vid torget och tunnelbanan, särskilt fredagar.'],
    ],
  },
  {
    id: R.rinkebyKistaMiddle,
    areaCode: AR.rinkebyKista,
    reportedById: A.lpoRinkeby,
    // Also made available to the whole network once the next report was written.
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-8),
    periodEnd: cal.monthEnd(-5),
    level: ELEVATED,
    trend: STABLE,
    summary:
      'Lägesbild för Rinkeby-Kista. Rekryteringsförsöken har inte ökat ytterligare men ligger kvar på en hög nivå. Föräldrar hör av sig med oro för sina barn och vet inte vart de ska vända sig. MBU-träffar med Fryshuset har startat, och Mamma United Trygg ökar vuxennärvaron kvällstid.',
    observations: [
      [C.RECRUITMENT_TO_CRIME, HIGH, STABLE, 'Barn i mellanstadieåldern erbjuds fortfarande betalt för uppdrag, men inte fler än tidigare.'],
      [C.SOCIAL_MEDIA, ELEVATED, STABLE, 'Rekryteringsinlägg sprids vidare i slutna grupper där vuxna inte når in.'],
      [C.PROTECTIVE_FACTORS, ELEVATED, IMPROVING, 'MBU-träffar och kvällsvandringar med mammor i området har kommit i gång.'],
    ],
  },
  {
    id: R.rinkebyKistaAutumn2025,
    areaCode: AR.rinkebyKista,
    reportedById: A.lpoRinkeby,
    // The current picture: shared with the district administration and the NGO in the local collaboration.
    visibility: Visibility.SHARED,
    sharedWith: [A.rinkebyKistaStadsdel, A.fryshuset],
    periodStart: cal.month(-4),
    periodEnd: cal.monthEnd(-1),
    level: ELEVATED,
    trend: IMPROVING,
    summary:
      'Lägesbild för Rinkeby-Kista. Läget är fortsatt förhöjt men förbättras: ökad vuxennärvaro genom Mamma United Trygg och nattvandringar, fler fritidsaktiviteter i föreningslivet och regelbundna MBU-träffar. Rekryteringsförsöken via sociala medier fortsätter.',
    observations: [
      [C.RECRUITMENT_TO_CRIME, ELEVATED, IMPROVING, 'Färre kända rekryteringsförsök än tidigare under året, men sociala medier används fortfarande för att locka unga med snabba pengar.'],
      [C.PROTECTIVE_FACTORS, NORMAL, IMPROVING, 'Ökad vuxennärvaro kvällstid genom Mamma United Trygg och nattvandrare; MBU-träffar har byggt relationer mellan unga och områdespoliser.'],
      [C.PERCEIVED_SAFETY, ELEVATED, IMPROVING, 'Boende berättade vid den senaste trygghetsvandringen att de känner sig tryggare vid torget.'],
    ],
  },
  {
    id: R.angeredFirst,
    areaCode: AR.angered,
    reportedById: A.lpoGoteborgNordost,
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-12),
    periodEnd: cal.monthEnd(-9),
    level: HIGH,
    trend: WORSENING,
    summary:
      'Lägesbild för Angered. Kriminella nätverk använder allt yngre barn för uppdrag, bland dem barn med NPF som lätt blir utnyttjade. Skolfrånvaron på högstadiet ökar, och föreningslivet når inte de unga som far mest illa.',
    observations: [
      [C.RECRUITMENT_TO_CRIME, HIGH, WORSENING, 'Allt yngre barn används för uppdrag åt kriminella nätverk; flera av dem har NPF-diagnoser, utredda eller outredda.'],
      [C.SCHOOL_ABSENCE, HIGH, WORSENING, 'Frånvaron på högstadiet ökar; elever som inte är i skolan rör sig dagtid i centrum.'],
    ],
  },
  {
    id: R.angeredMiddle,
    areaCode: AR.angered,
    reportedById: A.lpoGoteborgNordost,
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-8),
    periodEnd: cal.monthEnd(-5),
    level: HIGH,
    trend: STABLE,
    summary:
      'Lägesbild för Angered. Läget är fortsatt allvarligt men har inte förvärrats. IOP-samverkan med KFUM Göteborg och Rädda Barnen Göteborg ger fler öppna mötesplatser kvällar och helger, och områdespoliserna deltar regelbundet.',
    observations: [
      [C.RECRUITMENT_TO_CRIME, HIGH, STABLE, 'Barn och unga utnyttjas fortfarande för uppdrag, men antalet kända fall har inte ökat.'],
      [C.PROTECTIVE_FACTORS, ELEVATED, IMPROVING, 'Öppen fotboll, läxhjälp och föräldrastöd i föreningslivet når fler barn än tidigare.'],
    ],
  },
  {
    id: R.angered2025,
    areaCode: AR.angered,
    reportedById: A.lpoGoteborgNordost,
    visibility: Visibility.NETWORK,
    periodStart: cal.month(-4),
    periodEnd: cal.monthEnd(-1),
    level: ELEVATED,
    trend: STABLE,
    summary:
      'Lägesbild för Angered. Barn och unga med NPF, utredda och outredda, utnyttjas av kriminella för att utföra uppdrag. Föreningarna i IOP-samverkan erbjuder trygga mötesplatser, men ledare saknar verktyg för att möta unga med normbrytande beteenden.',
    observations: [
      [C.RECRUITMENT_TO_CRIME, HIGH, STABLE, 'Unga med NPF-diagnoser, utredda och outredda, utnyttjas av kriminella för att begå brott; föreningsledare efterfrågar NPF-kompetens.'],
      [C.SCHOOL_ABSENCE, ELEVATED, STABLE, 'Hög frånvaro på högstadiet; elever som inte är i skolan rör sig dagtid i centrum.'],
      [C.PROTECTIVE_FACTORS, NORMAL, IMPROVING, 'Öppen fotboll och föräldrastöd i föreningslivet ger trygga miljöer och vuxna förebilder.'],
    ],
  },
  {
    id: R.gottsundaAfterCrisis,
    areaCode: AR.gottsunda,
    reportedById: A.uppsalaKommun,
    // Sensitive after the crisis: shared with the local police area only.
    visibility: Visibility.SHARED,
    sharedWith: [A.lpoUppsala],
    periodStart: cal.month(-7),
    periodEnd: cal.monthEnd(-2),
    level: HIGH,
    trend: WORSENING,
    summary:
      'Lägesbild för Gottsunda efter trippelmordet i Uppsala. Oro och otrygghet bland boende, unga och föräldrar. Kontakten mellan polisen och civilsamhället efter händelsen var obefintlig: POSOM aktiverades, men föreningar och trossamfund som möter unga i området kontaktades inte.',
    observations: [
      [C.CRISIS, HIGH, WORSENING, 'Efter trippelmordet i Uppsala saknades kontakt med civilsamhället; föreningar och trossamfund fick ingen information och kunde inte bidra i krisarbetet.'],
      [C.VIOLENCE, HIGH, STABLE, 'Risk för hämndaktioner mellan grupperingar; ökad polisiär närvaro i området.'],
      [C.PERCEIVED_SAFETY, HIGH, WORSENING, 'Föräldrar låter inte barnen vara ute kvällstid; fritidsgården har färre besökare.'],
    ],
  },
  {
    id: R.skaggetorpWinter,
    areaCode: AR.skaggetorp,
    reportedById: A.ostergotlandsStadsmission,
    // An NGO's own picture, which it has not chosen to share yet (privacy by default).
    visibility: Visibility.OWNER,
    periodStart: cal.month(-6),
    periodEnd: cal.monthEnd(-1),
    level: ELEVATED,
    trend: STABLE,
    summary:
      'Östergötlands Stadsmissions bild av läget i Skäggetorp det senaste halvåret, underlag inför samverkan med kommunen och polisen. Många föräldrar saknar kunskap om vilka fritidsaktiviteter som finns för barnen, och Fritidskortet når inte fram. I delar av området saknas föreningsinfrastruktur.',
    observations: [
      [C.PROTECTIVE_FACTORS, ELEVATED, STABLE, 'Föräldrar saknar kunskap om föreningslivets aktiviteter; Fritidskortet blir en outnyttjad resurs på grund av kunskapsbrist och digitala hinder.'],
      [C.YOUTH_GATHERINGS, ELEVATED, WORSENING, 'Unga samlas kvällstid vid centrumet efter att fritidsgården har stängt.'],
      [C.OTHER, ELEVATED, STABLE, 'Ledare och volontärer efterfrågar kunskap om NPF för att kunna ta emot fler barn i verksamheten.'],
    ],
  },
  {
    id: R.rosengardWinter2026,
    areaCode: AR.rosengard,
    reportedById: A.hyresgastforeningen,
    // From safety walks with residents: published for anyone.
    visibility: Visibility.PUBLIC,
    periodStart: cal.month(-3),
    periodEnd: cal.monthEnd(-1),
    level: NORMAL,
    trend: IMPROVING,
    summary:
      'Hyresgästföreningens bild av Rosengård det senaste kvartalet, från trygghetsvandringar med boende. Vuxennärvaron och belysningen har förbättrats och det är lugnare kvällstid. Boendeinflytande och sommarjobb för unga lyfts som viktiga skyddsfaktorer.',
    observations: [
      [C.PERCEIVED_SAFETY, NORMAL, IMPROVING, 'Vid den senaste trygghetsvandringen upplevde boende gångvägarna som tryggare efter ny belysning.'],
      [C.PROTECTIVE_FACTORS, NORMAL, IMPROVING, 'Vuxennärvaro i det offentliga rummet och sommarjobb för unga ger andra sätt att tjäna egna pengar.'],
      [C.CONFLICTS, NORMAL, STABLE, 'Inga kända konflikter mellan grupperingar under perioden.'],
    ],
  },
];

/**
 * Inserts demo situation reports that are not there yet, each owned by the party that reported it, with
 * their observations (only for those it inserted: a restart never brings back replaced ones), written
 * a week after the period ended; returns the ids it inserted.
 */
export async function insertDemoReports(manager: EntityManager, reports: DemoReport[], calendar: DemoCalendar): Promise<Set<string>> {
  const fresh = await insertNew(
    manager,
    SituationReport,
    reports.map(({ observations: _observations, sharedWith = [], ...fields }) => {
      // Written a week after the period ended (at the latest yesterday), and not changed since.
      const written = calendar.moment(calendar.days(7, fields.periodEnd));
      return { ...fields, ownerId: fields.reportedById, sharedWith, version: 1, createdAt: written, updatedAt: written };
    }),
  );
  const observations = reports.filter((r) => fresh.has(r.id)).flatMap((r) =>
    r.observations.map(([category, level, trend, description], position) => ({ reportId: r.id, position, category, level, trend, description })),
  );
  if (observations.length) await manager.createQueryBuilder().insert().into(Observation).values(observations).execute();
  return fresh;
}

/**
 * Loads the demo situation reports, dated relative to the calendar's day (today unless a test names
 * another), each owned by the party that reported it and shown as it chose; reports that exist
 * already (and their observations) are left as they are. Demo reports that came from before
 * ownership existed, never changed since (version 1, still private with nobody named), get the
 * visibility their owner chose in the demo.
 */
export async function seedDemoData(dataSource: DataSource, calendar: DemoCalendar = demoCalendar()): Promise<void> {
  const reports = [...demoSituationReports(calendar), ...demoJointPictureReports(calendar)];
  await dataSource.transaction(async (manager) => {
    await insertDemoTemplates(manager);
    const fresh = await insertDemoReports(manager, reports, calendar);
    for (const { id, visibility, sharedWith = [] } of reports.filter((r) => !fresh.has(r.id) && r.visibility !== Visibility.OWNER)) {
      await manager.query(
        `UPDATE situation_reports SET visibility = $2, shared_with = $3::uuid[]
          WHERE id = $1 AND version = 1 AND visibility = 'OWNER' AND shared_with = '{}'`,
        [id, visibility, sharedWith],
      );
    }
    await insertDemoRosters(manager);
    await insertDemoIncidents(manager, calendar);
  });
}
