import { DataSource } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, demoIds, insertNew } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { Observation, ObservationCategory, SituationLevel, SituationReport, Trend } from '../situation-report';

const report = demoIds('d0');

/** Fixed ids of the demo situation reports, for tests and for other subgraphs' demo data. */
export const DEMO_SITUATION_REPORTS = {
  rinkebyKistaSpring2025: report(1),
  rinkebyKistaAutumn2025: report(2),
  angered2025: report(3),
  gottsundaAfterCrisis: report(4),
  skaggetorpWinter: report(5),
  rosengardWinter2026: report(6),
} as const;

const R = DEMO_SITUATION_REPORTS;
const { NORMAL, ELEVATED, HIGH } = SituationLevel;
const { IMPROVING, STABLE, WORSENING } = Trend;
const C = ObservationCategory;

type DemoObservation = [category: ObservationCategory, level: SituationLevel, trend: Trend, description: string];
interface DemoReport {
  id: string;
  areaCode: string;
  /** Also the owner: a party reports only for itself. */
  reportedById: string;
  /** Who the owner chose to show the report to, and for SHARED, which organisations. */
  visibility: Visibility;
  sharedWith?: string[];
  periodStart: string;
  periodEnd: string;
  level: SituationLevel;
  trend: Trend;
  summary: string;
  observations: DemoObservation[];
}

/** Situation pictures drawn from the dialogue meeting: recruitment, NPF, parents, crisis, protective factors. */
const REPORTS: DemoReport[] = [
  {
    id: R.rinkebyKistaSpring2025,
    areaCode: AR.rinkebyKista,
    reportedById: A.lpoRinkeby,
    // The older picture: the police have since made it available to the whole network.
    visibility: Visibility.NETWORK,
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
    level: ELEVATED,
    trend: WORSENING,
    summary:
      'Lägesbild för Rinkeby-Kista första halvåret 2025. Fler försök att rekrytera barn och unga till kriminella nätverk, främst via sociala medier med löften om snabba pengar. Grupperingar av unga kvällstid vid torget. Samverkan med föreningslivet bygger i hög grad på enskilda eldsjälar.',
    observations: [
      [C.RECRUITMENT_TO_CRIME, HIGH, WORSENING, 'Fler signaler om att barn i mellanstadieåldern erbjuds betalt för uppdrag åt kriminella nätverk.'],
      [C.SOCIAL_MEDIA, ELEVATED, WORSENING, 'Rekryteringsinlägg i ungas sociala medier med löften om snabba pengar; budskapen når allt yngre barn.'],
      [C.YOUTH_GATHERINGS, ELEVATED, STABLE, 'Grupperingar av unga kvällstid vid torget och tunnelbanan, särskilt fredagar.'],
    ],
  },
  {
    id: R.rinkebyKistaAutumn2025,
    areaCode: AR.rinkebyKista,
    reportedById: A.lpoRinkeby,
    // The current picture: shared with the district administration and the NGO in the local collaboration.
    visibility: Visibility.SHARED,
    sharedWith: [A.rinkebyKistaStadsdel, A.fryshuset],
    periodStart: '2025-07-01',
    periodEnd: '2025-12-31',
    level: ELEVATED,
    trend: IMPROVING,
    summary:
      'Lägesbild för Rinkeby-Kista andra halvåret 2025. Läget är fortsatt förhöjt men förbättras: ökad vuxennärvaro genom Mamma United Trygg och nattvandringar, fler fritidsaktiviteter i föreningslivet och regelbundna MBU-träffar. Rekryteringsförsöken via sociala medier fortsätter.',
    observations: [
      [C.RECRUITMENT_TO_CRIME, ELEVATED, IMPROVING, 'Färre kända rekryteringsförsök än under våren, men sociala medier används fortfarande för att locka unga med snabba pengar.'],
      [C.PROTECTIVE_FACTORS, NORMAL, IMPROVING, 'Ökad vuxennärvaro kvällstid genom Mamma United Trygg och nattvandrare; MBU-träffar har byggt relationer mellan unga och områdespoliser.'],
      [C.PERCEIVED_SAFETY, ELEVATED, IMPROVING, 'Boende berättade vid trygghetsvandringen i oktober att de känner sig tryggare vid torget.'],
    ],
  },
  {
    id: R.angered2025,
    areaCode: AR.angered,
    reportedById: A.lpoGoteborgNordost,
    visibility: Visibility.NETWORK,
    periodStart: '2025-07-01',
    periodEnd: '2025-12-31',
    level: ELEVATED,
    trend: STABLE,
    summary:
      'Lägesbild för Angered andra halvåret 2025. Barn och unga med NPF, utredda och outredda, utnyttjas av kriminella för att utföra uppdrag. Föreningarna i IOP-samverkan erbjuder trygga mötesplatser, men ledare saknar verktyg för att möta unga med normbrytande beteenden.',
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
    periodStart: '2025-05-01',
    periodEnd: '2025-10-31',
    level: HIGH,
    trend: WORSENING,
    summary:
      'Lägesbild för Gottsunda efter trippelmordet i Uppsala våren 2025. Oro och otrygghet bland boende, unga och föräldrar. Kontakten mellan polisen och civilsamhället efter händelsen var obefintlig: POSOM aktiverades, men föreningar och trossamfund som möter unga i området kontaktades inte.',
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
    periodStart: '2025-09-01',
    periodEnd: '2026-02-28',
    level: ELEVATED,
    trend: STABLE,
    summary:
      'Östergötlands Stadsmissions bild av läget i Skäggetorp hösten och vintern 2025/26, underlag inför samverkan med kommunen och polisen. Många föräldrar saknar kunskap om vilka fritidsaktiviteter som finns för barnen, och Fritidskortet når inte fram. I delar av området saknas föreningsinfrastruktur.',
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
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    level: NORMAL,
    trend: IMPROVING,
    summary:
      'Hyresgästföreningens bild av Rosengård vintern 2026, från trygghetsvandringar med boende. Vuxennärvaron och belysningen har förbättrats och det är lugnare kvällstid. Boendeinflytande och sommarjobb för unga lyfts som viktiga skyddsfaktorer.',
    observations: [
      [C.PERCEIVED_SAFETY, NORMAL, IMPROVING, 'Vid trygghetsvandringen i februari upplevde boende gångvägarna som tryggare efter ny belysning.'],
      [C.PROTECTIVE_FACTORS, NORMAL, IMPROVING, 'Vuxennärvaro i det offentliga rummet och sommarjobb för unga ger andra sätt att tjäna egna pengar.'],
      [C.CONFLICTS, NORMAL, STABLE, 'Inga kända konflikter mellan grupperingar under perioden.'],
    ],
  },
];

/**
 * Loads the demo situation reports, each owned by the party that reported it and shown as it chose;
 * reports that exist already (and their observations) are left as they are. Demo reports that came
 * from before ownership existed, never changed since (version 1, still private with nobody named),
 * get the visibility their owner chose in the demo.
 */
export async function seedDemoData(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    // Observations only for reports inserted now, so a restart never brings back replaced ones.
    const fresh = await insertNew(
      manager,
      SituationReport,
      REPORTS.map(({ observations: _observations, sharedWith = [], ...fields }) => ({ ...fields, ownerId: fields.reportedById, sharedWith, version: 1 })),
    );
    const observations = REPORTS.filter((r) => fresh.has(r.id)).flatMap((r) =>
      r.observations.map(([category, level, trend, description], position) => ({ reportId: r.id, position, category, level, trend, description })),
    );
    if (observations.length) await manager.createQueryBuilder().insert().into(Observation).values(observations).execute();
    for (const { id, visibility, sharedWith = [] } of REPORTS.filter((r) => !fresh.has(r.id) && r.visibility !== Visibility.OWNER)) {
      await manager.query(
        `UPDATE situation_reports SET visibility = $2, shared_with = $3::uuid[]
          WHERE id = $1 AND version = 1 AND visibility = 'OWNER' AND shared_with = '{}'`,
        [id, visibility, sharedWith],
      );
    }
  });
}
