import { EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, DEMO_CITIZEN_PROMISE as P, DemoCalendar, insertNew } from '@samverkan/demo';
import { Agreement } from '../agreement/agreement';
import { Commitment } from '../citizen-promises/commitment';
import { ConsultationMethod, PromiseConsultation } from '../citizen-promises/consultation';
import { CommitmentFollowUp, CommitmentStatus } from '../citizen-promises/follow-up';

type DemoCommitment = Omit<Commitment, 'createdAt' | 'updatedAt'>;
type DemoConsultation = Omit<PromiseConsultation, 'createdAt' | 'updatedAt'>;
type DemoFollowUp = Omit<CommitmentFollowUp, 'createdAt'>;

/** The day `day` of month `month` (1–12) of the year a day falls in. */
const inYearOf = (day: string, month: number, dayOfMonth: number) => `${day.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;

/** This year's promise for Rinkeby-Kista starts on the first day of the year. */
const promiseStart = (cal: DemoCalendar) => cal.yearStart(0);

/** The promise's three commitments: adult presence by the city district, safety walks and young people's safety by the police. */
export const demoCommitments = (): DemoCommitment[] => [
  {
    id: P.commitments.adultPresence,
    agreementId: G.medborgarloftRinkebyKista,
    position: 1,
    title: 'Mer vuxennärvaro kvällstid kring skolor och fritidsgårdar',
    description: 'Fältassistenter och fritidsgårdarnas personal finns ute kvällstid vid Rinkebyskolan och fritidsgårdarna, tillsammans med Mamma United Trygg.',
    ownerPartyId: A.rinkebyKistaStadsdel,
    indicator: 'Kvällar per vecka med vuxennärvaro vid Rinkebyskolan och fritidsgårdarna',
    unit: 'kvällar per vecka',
    baseline: 1,
    target: 3,
    targetText: 'Minst tre kvällar i veckan under terminerna',
  },
  {
    id: P.commitments.safetyWalks,
    agreementId: G.medborgarloftRinkebyKista,
    position: 2,
    title: 'Regelbundna trygghetsvandringar med boende och föreningar',
    description: 'Områdespoliser leder trygghetsvandringar med boende, föreningar och bostadsbolaget; iakttagelserna lämnas till stadsdelsförvaltningen.',
    ownerPartyId: A.lpoRinkeby,
    indicator: 'Genomförda trygghetsvandringar sedan årets början',
    unit: 'antal',
    baseline: 0,
    target: 8,
    targetText: 'Minst en vandring i månaden under terminerna',
  },
  {
    id: P.commitments.youthSafety,
    agreementId: G.medborgarloftRinkebyKista,
    position: 3,
    title: 'Unga ska känna sig tryggare i Rinkeby centrum kvällstid',
    description: 'Synlig polis vid torget och tunnelbanan på fredags- och lördagskvällar, och återkoppling till eleverna som deltog i dialogerna.',
    ownerPartyId: A.lpoRinkeby,
    indicator: 'Andel unga 13–19 år som känner sig trygga i Rinkeby centrum kvällstid (trygghetsenkäten)',
    unit: '%',
    baseline: 48,
    target: 60,
    targetText: null,
  },
];

/** The consultations behind the promise, held in the autumn before it started. */
export const demoConsultations = (cal: DemoCalendar): DemoConsultation[] => [
  {
    id: P.consultations.schoolDialogue,
    agreementId: G.medborgarloftRinkebyKista,
    heldOn: cal.days(-75, promiseStart(cal)),
    areaCode: AR.rinkebyKista,
    method: ConsultationMethod.DIALOGUE_MEETING,
    participants: 64,
    youngParticipants: 58,
    youngAgeMin: 13,
    youngAgeMax: 16,
    themes: ['Otrygghet vid tunnelbanan kvällstid', 'Få vuxna ute efter skolan', 'Fler öppna fritidsgårdar på helger'],
    summary: 'Dialog med elever i årskurs 7–9 på Rinkebyskolan, ledd av fritidsgårdarnas personal och områdespoliser. Eleverna bad om fler vuxna ute kvällstid och om att få veta vad som händer med det de säger.',
  },
  {
    id: P.consultations.youthCentreSurvey,
    agreementId: G.medborgarloftRinkebyKista,
    heldOn: cal.days(-45, promiseStart(cal)),
    areaCode: AR.rinkebyKista,
    method: ConsultationMethod.SURVEY,
    participants: 212,
    youngParticipants: 143,
    youngAgeMin: 12,
    youngAgeMax: 19,
    themes: ['Belysning på gångvägarna', 'Trygghet vid torget', 'Mötesplatser för tjejer'],
    summary: 'Trygghetsenkät på fritidsgårdarna och vid torget. Knappt hälften av de unga kände sig trygga i centrum kvällstid; belysning och vuxennärvaro nämndes oftast.',
  },
];

/** Two follow-ups per commitment, after the first three and six months of the promise, by its owner party. */
export const demoFollowUps = (cal: DemoCalendar): DemoFollowUp[] => {
  const start = promiseStart(cal);
  const quarter = (n: 1 | 2) => ({ periodFrom: start, periodTo: inYearOf(start, 3 * n, n === 1 ? 31 : 30), reportedOn: inYearOf(start, 3 * n + 1, 10) });
  const report = (id: string, commitmentId: string, reportedById: string, n: 1 | 2, status: CommitmentStatus, indicatorValue: number | null, comment: string): DemoFollowUp => ({
    id,
    commitmentId,
    reportedById,
    ...quarter(n),
    status,
    indicatorValue,
    comment,
  });
  const { ON_TRACK, AT_RISK } = CommitmentStatus;
  const { commitments: c, followUps: f } = P;
  return [
    report(f.adultPresence[0], c.adultPresence, A.rinkebyKistaStadsdel, 1, ON_TRACK, 2, 'Vuxennärvaro tisdagar och torsdagar; Mamma United Trygg tar fredagarna från april.'),
    report(f.adultPresence[1], c.adultPresence, A.rinkebyKistaStadsdel, 2, ON_TRACK, 3, 'Tre kvällar i veckan hela våren; sommarlovet planeras med fältassistenterna.'),
    report(f.safetyWalks[0], c.safetyWalks, A.lpoRinkeby, 1, ON_TRACK, 2, 'Två vandringar med boende och Hyresgästföreningen; belysningen vid gångtunneln anmäld till staden.'),
    report(f.safetyWalks[1], c.safetyWalks, A.lpoRinkeby, 2, AT_RISK, 3, 'En vandring ställdes in i maj; fler behövs under hösten för att nå åtta.'),
    report(f.youthSafety[0], c.youthSafety, A.lpoRinkeby, 1, ON_TRACK, null, 'Synlig polis vid torget fredags- och lördagskvällar; trygghetsenkäten görs i maj.'),
    report(f.youthSafety[1], c.youthSafety, A.lpoRinkeby, 2, ON_TRACK, 53, 'Trygghetsenkäten i maj: 53 procent av de unga känner sig trygga i centrum kvällstid.'),
  ].filter((followUp) => followUp.reportedOn < cal.today);
};

/**
 * This year's citizen promise for Rinkeby-Kista gets its commitments and consultations while nobody
 * has changed it since it was seeded (version 1), and follow-ups (those due before the seeding day)
 * only with commitments inserted now: a restart never brings back what its owner removed, and
 * seeding again, also on a later day, writes nothing.
 */
export async function seedCitizenPromise(manager: EntityManager, cal: DemoCalendar): Promise<void> {
  const untouched = await manager.getRepository(Agreement).existsBy({ id: G.medborgarloftRinkebyKista, version: 1 });
  if (!untouched) return;
  const added = await insertNew(manager, Commitment, demoCommitments());
  await insertNew(manager, PromiseConsultation, demoConsultations(cal));
  const followUps = demoFollowUps(cal).filter((f) => added.has(f.commitmentId));
  if (followUps.length) await manager.insert(CommitmentFollowUp, followUps);
}
