import { DataSource, EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONCERNS as C, DEMO_INTERVENTION_TEAMS as T, DemoCalendar } from '@samverkan/demo';
import { ActorKind } from '@samverkan/federation';
import { SignedIn } from '@samverkan/platform';
import { appendAudit, AuditAction } from '../audit/audit-log';
import { ConcernDeadline } from '../clock/concern-deadline';
import { fireBatch } from '../clock/fire-deadlines';
import { Concern } from '../concerns/concern';
import { ConcernAction } from '../concerns/concern-action';
import { AnswerChannel, ConcernActionKind, ConcernOutcome, ConcernStatus, LegalBasis } from '../concerns/concern-vocabulary';
import { registerConcernRecord } from '../concerns/registration';
import { TeamFunction } from '../teams/team-vocabulary';

const HOUR = 3_600_000;
const { SOCIAL_SERVICES, POLICE, CIVIL_SOCIETY, SCHOOL } = TeamFunction;

/** A step of a demo concern's follow-up, hours after registration, by an organisation of the team (or the receiving one). */
type Step =
  | { hours: number; by: string; kind: ConcernActionKind.ACKNOWLEDGED | ConcernActionKind.FIRST_CONTACT; note?: string }
  | { hours: number; by: string; kind: ConcernActionKind.ACTION | ConcernActionKind.CLOSED; outcome: ConcernOutcome; note: string };

interface DemoConcern {
  id: string;
  areaCode: string;
  teamId: string;
  receiver: [actorId: string, kind: ActorKind];
  /** When it was registered: days before seeding and the hour (UTC) that day; `hoursAgo` instead for the one still open. */
  daysAgo?: number;
  hour?: number;
  hoursAgo?: number;
  childAge: number;
  worry: string;
  answerChannel: AnswerChannel;
  answerPreference?: string;
  legalBasis: LegalBasis;
  /** The kinds of team organisation the guardian consented to; none: no consent. */
  consent?: TeamFunction[];
  steps: Step[];
}

const { ACKNOWLEDGED, FIRST_CONTACT, ACTION, CLOSED } = ConcernActionKind;
const PURPOSE = 'stöd till familjen genom insatsteamet';
const CONSENT_PURPOSE = 'att insatsteamet kontaktar familjen och erbjuder stöd';
const rinkebyLead = A.rinkebyKistaStadsdel;
const angeredLead = A.lpoGoteborgNordost;
const inRinkeby = { areaCode: AR.rinkebyKista, teamId: T.rinkebyKista };
const inAngered = { areaCode: AR.angered, teamId: T.angered };

/**
 * The demo's concerns: eight in Rinkeby-Kista and four in Angered over the last three months, received
 * where guardians turn (the district administration, Fryshuset, Mamma United, the school, the police),
 * with and without consent; most answered within hours, one breached (first contact after 30 h), two
 * closed, and one registered two hours before seeding, still waiting for the lead. No names, no
 * personal identity numbers; contact details are made up.
 */
const CONCERNS: DemoConcern[] = [
  {
    id: C.rinkebyKista[0], ...inRinkeby, receiver: [A.rinkebyKistaStadsdel, ActorKind.MUNICIPALITY], daysAgo: 84, hour: 8, childAge: 14,
    worry: 'Sonen har slutat gå till skolan flera dagar i veckan och är ute sent på kvällarna med äldre killar.',
    answerChannel: AnswerChannel.PHONE, answerPreference: 'efter 16 på vardagar', legalBasis: LegalBasis.PUBLIC_TASK, consent: [SCHOOL],
    steps: [
      { hours: 1, by: rinkebyLead, kind: ACKNOWLEDGED },
      { hours: 3, by: rinkebyLead, kind: FIRST_CONTACT, note: 'Samtal med vårdnadshavaren, möte bokat.' },
      { hours: 72, by: rinkebyLead, kind: ACTION, outcome: ConcernOutcome.MENTOR_OFFERED, note: 'Mentor genom fritidsgården erbjuden.' },
      { hours: 240, by: rinkebyLead, kind: CLOSED, outcome: ConcernOutcome.MENTOR_OFFERED, note: 'Familjen tackade ja till mentor; vårdnadshavaren informerad.' },
    ],
  },
  {
    id: C.rinkebyKista[1], ...inRinkeby, receiver: [A.fryshuset, ActorKind.CIVIL_SOCIETY], daysAgo: 70, hour: 15, childAge: 15,
    worry: 'Dottern verkar rädd för några i området och vill inte gå ut ensam.',
    answerChannel: AnswerChannel.PHONE, legalBasis: LegalBasis.CONSENT, consent: [POLICE, CIVIL_SOCIETY],
    steps: [
      { hours: 2, by: rinkebyLead, kind: ACKNOWLEDGED },
      { hours: 5, by: A.fryshuset, kind: FIRST_CONTACT, note: 'Träff på Fryshuset med vårdnadshavaren.' },
      { hours: 96, by: A.fryshuset, kind: ACTION, outcome: ConcernOutcome.ACTIVITY_OFFERED, note: 'Tjejgrupp på kvällstid erbjuden.' },
    ],
  },
  {
    id: C.rinkebyKista[2], ...inRinkeby, receiver: [A.rinkebySkolan, ActorKind.SCHOOL], daysAgo: 58, hour: 9, childAge: 12,
    worry: 'Eleven har fått nya dyra saker och säger inte var de kommer ifrån; vårdnadshavaren är orolig.',
    answerChannel: AnswerChannel.PHONE, answerPreference: 'förmiddagar', legalBasis: LegalBasis.PUBLIC_TASK, consent: [SCHOOL],
    steps: [
      { hours: 1, by: rinkebyLead, kind: ACKNOWLEDGED },
      { hours: 4, by: rinkebyLead, kind: FIRST_CONTACT },
    ],
  },
  {
    // The breach: acknowledged late, first contact after 30 hours.
    id: C.rinkebyKista[3], ...inRinkeby, receiver: [A.mammaUnited, ActorKind.CIVIL_SOCIETY], daysAgo: 45, hour: 17, childAge: 16,
    worry: 'Sonen har blivit hotad i skolan och vill inte berätta av vem.',
    answerChannel: AnswerChannel.PHONE, legalBasis: LegalBasis.CONSENT, consent: [POLICE, CIVIL_SOCIETY],
    steps: [
      { hours: 22, by: rinkebyLead, kind: ACKNOWLEDGED },
      { hours: 30, by: A.lpoRinkeby, kind: FIRST_CONTACT, note: 'Kommunpolisen ringde upp; sent, ursäkt framförd.' },
      { hours: 120, by: A.lpoRinkeby, kind: ACTION, outcome: ConcernOutcome.REFERRED_TO_SOCIAL_SERVICES, note: 'Hänvisad till socialtjänsten för samtal.' },
    ],
  },
  {
    id: C.rinkebyKista[4], ...inRinkeby, receiver: [A.lpoRinkeby, ActorKind.POLICE], daysAgo: 33, hour: 11, childAge: 13,
    worry: 'Barnet har varit hemifrån två nätter och vill inte säga var.',
    answerChannel: AnswerChannel.PHONE, legalBasis: LegalBasis.PUBLIC_TASK,
    steps: [
      { hours: 0.5, by: rinkebyLead, kind: ACKNOWLEDGED },
      { hours: 2, by: rinkebyLead, kind: FIRST_CONTACT, note: 'Hembesök samma dag.' },
      { hours: 168, by: rinkebyLead, kind: CLOSED, outcome: ConcernOutcome.SSPF_CASE_STARTED, note: 'SSPF-ärende inlett; vårdnadshavaren informerad.' },
    ],
  },
  {
    id: C.rinkebyKista[5], ...inRinkeby, receiver: [A.fryshuset, ActorKind.CIVIL_SOCIETY], daysAgo: 20, hour: 14, childAge: 17,
    worry: 'Ungdomen har hoppat av gymnasiet och sover bort dagarna.',
    answerChannel: AnswerChannel.SMS, answerPreference: 'sms först', legalBasis: LegalBasis.CONSENT, consent: [SOCIAL_SERVICES, CIVIL_SOCIETY],
    steps: [
      { hours: 1, by: rinkebyLead, kind: ACKNOWLEDGED },
      { hours: 6, by: A.fryshuset, kind: FIRST_CONTACT },
    ],
  },
  {
    id: C.rinkebyKista[6], ...inRinkeby, receiver: [A.rinkebyKistaStadsdel, ActorKind.MUNICIPALITY], daysAgo: 7, hour: 10, childAge: 11,
    worry: 'Barnet är ofta ensamt ute efter skolan och har börjat röka.',
    answerChannel: AnswerChannel.PHONE, legalBasis: LegalBasis.PUBLIC_TASK,
    steps: [
      { hours: 2, by: rinkebyLead, kind: ACKNOWLEDGED },
      { hours: 3, by: rinkebyLead, kind: FIRST_CONTACT },
    ],
  },
  {
    // Waiting in the lead's inbox: registered two hours before seeding.
    id: C.rinkebyKista[7], ...inRinkeby, receiver: [A.mammaUnited, ActorKind.CIVIL_SOCIETY], hoursAgo: 2, childAge: 14,
    worry: 'Sonen har fått pengar av okända och är borta sena kvällar; mamman vill ha hjälp att prata med honom.',
    answerChannel: AnswerChannel.PHONE, answerPreference: 'efter 17', legalBasis: LegalBasis.CONSENT, consent: [SOCIAL_SERVICES, CIVIL_SOCIETY],
    steps: [],
  },
  {
    id: C.angered[0], ...inAngered, receiver: [A.lpoGoteborgNordost, ActorKind.POLICE], daysAgo: 77, hour: 13, childAge: 15,
    worry: 'Sonen har setts med en grupp som bråkar vid centrum och kommer hem sent.',
    answerChannel: AnswerChannel.PHONE, legalBasis: LegalBasis.PUBLIC_TASK,
    steps: [
      { hours: 1, by: angeredLead, kind: ACKNOWLEDGED },
      { hours: 4, by: angeredLead, kind: FIRST_CONTACT },
    ],
  },
  {
    id: C.angered[1], ...inAngered, receiver: [A.kfumGoteborg, ActorKind.CIVIL_SOCIETY], daysAgo: 50, hour: 16, childAge: 13,
    worry: 'Barnet har slutat komma till träningen och verkar nedstämt.',
    answerChannel: AnswerChannel.PHONE, legalBasis: LegalBasis.CONSENT, consent: [POLICE, CIVIL_SOCIETY],
    steps: [
      { hours: 2, by: angeredLead, kind: ACKNOWLEDGED },
      { hours: 8, by: A.kfumGoteborg, kind: FIRST_CONTACT, note: 'Ledaren ringde upp vårdnadshavaren.' },
      { hours: 48, by: A.kfumGoteborg, kind: ACTION, outcome: ConcernOutcome.ACTIVITY_OFFERED, note: 'Plats i ny grupp erbjuden.' },
    ],
  },
  {
    id: C.angered[2], ...inAngered, receiver: [A.goteborgsStad, ActorKind.MUNICIPALITY], daysAgo: 26, hour: 9, childAge: 10,
    worry: 'Vårdnadshavaren oroar sig för att barnet blir utnyttjat av äldre för ärenden.',
    answerChannel: AnswerChannel.MEETING, legalBasis: LegalBasis.PUBLIC_TASK, consent: [POLICE],
    steps: [
      { hours: 3, by: angeredLead, kind: ACKNOWLEDGED },
      { hours: 5, by: A.goteborgsStad, kind: FIRST_CONTACT, note: 'Socialtjänsten Nordost bokade möte med vårdnadshavaren.' },
    ],
  },
  {
    id: C.angered[3], ...inAngered, receiver: [A.kfumGoteborg, ActorKind.CIVIL_SOCIETY], daysAgo: 9, hour: 18, childAge: 16,
    worry: 'Dottern har en ny pojkvän som är mycket äldre och hon har slutat prata hemma.',
    answerChannel: AnswerChannel.PHONE, legalBasis: LegalBasis.CONSENT, consent: [POLICE, CIVIL_SOCIETY],
    steps: [
      { hours: 1, by: angeredLead, kind: ACKNOWLEDGED },
      { hours: 7, by: A.kfumGoteborg, kind: FIRST_CONTACT },
    ],
  },
];

/** The demo's acting organisation: the seed writes as each organisation did. */
const actingAs = (organisationId: string): SignedIn => ({ kind: 'member', organisationId, subject: 'demo-seed', roles: [] });

/**
 * Registers the demo concerns that are not there yet, each through the one registration path, and
 * replays its follow-up in time order with the clock's own firing (`fireBatch`, for this concern) at
 * each of its points up to now: points after the first contact are skipped, the others fired and
 * notified, a breach recorded; every step audited as its organisation (the clock as the system).
 */
export async function seedDemoConcerns(dataSource: DataSource, now: Date, calendar: DemoCalendar): Promise<void> {
  const ids = CONCERNS.map((concern) => concern.id);
  // One deleted after its retention left a tombstone under its id: it is not seeded again either.
  const existing = new Set(
    (await dataSource.query('SELECT id FROM concerns WHERE id = ANY($1) UNION SELECT id FROM concern_tombstones WHERE id = ANY($1)', [ids])).map((row: { id: string }) => row.id),
  );
  for (const demo of CONCERNS.filter((concern) => !existing.has(concern.id))) {
    const registeredAt = demo.hoursAgo !== undefined ? new Date(now.getTime() - demo.hoursAgo * HOUR) : new Date(`${calendar.days(-demo.daysAgo!)}T${String(demo.hour).padStart(2, '0')}:00:00Z`);
    await dataSource.transaction(async (manager) => {
      const [receiverId, receivingActorKind] = demo.receiver;
      const given = !!demo.consent;
      await registerConcernRecord(
        manager,
        {
          id: demo.id,
          areaCode: demo.areaCode,
          teamId: demo.teamId,
          receivingActorKind,
          childAge: demo.childAge,
          worry: demo.worry,
          answerChannel: demo.answerChannel,
          answerPreference: demo.answerPreference ?? null,
          guardianContact: '070-000 00 00 (demo)',
          legalBasis: demo.legalBasis,
          purpose: PURPOSE,
          consent: given ? { given, functions: demo.consent, purpose: CONSENT_PURPOSE, givenAt: registeredAt } : { given },
        },
        actingAs(receiverId),
        registeredAt,
      );
      await replay(manager, demo.id, demo.steps.map((step) => ({ ...step, at: new Date(registeredAt.getTime() + step.hours * HOUR) })), now);
    });
  }
}

/** Replays a concern's steps and its clock's points up to `now`, in time order (a step first at the same instant). */
async function replay(manager: EntityManager, concernId: string, steps: Array<Step & { at: Date }>, now: Date): Promise<void> {
  const points = (await manager.getRepository(ConcernDeadline).findBy({ concernId })).map((deadline) => deadline.dueAt).filter((at) => at <= now);
  const timeline = [...steps.map((step) => ({ at: step.at, step })), ...points.map((at) => ({ at, step: null }))].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.step ? -1 : 1),
  );
  for (const { at, step } of timeline) {
    if (step) await record(manager, concernId, step, at);
    else await fireBatch(manager, at, concernId);
  }
}

const AUDIT: Record<Step['kind'], AuditAction> = { ACKNOWLEDGED: 'ACKNOWLEDGED', FIRST_CONTACT: 'CONTACTED', ACTION: 'ACTION_ADDED', CLOSED: 'CLOSED' };

/** One follow-up step as the API writes it: the concern changed (a new version), its log entry and its audit entry. */
async function record(manager: EntityManager, concernId: string, step: Step & { at: Date }, at: Date): Promise<void> {
  const repository = manager.getRepository(Concern);
  const concern = await repository.findOneByOrFail({ id: concernId });
  if (step.kind === ACKNOWLEDGED) Object.assign(concern, { acknowledgedAt: at, acknowledgedBy: step.by, status: ConcernStatus.ACKNOWLEDGED });
  if (step.kind === FIRST_CONTACT) Object.assign(concern, { firstContactAt: at, firstContactBy: step.by, status: ConcernStatus.CONTACTED });
  if (step.kind === CLOSED) Object.assign(concern, { closedAt: at, outcome: step.outcome, outcomeNote: step.note, status: ConcernStatus.CLOSED });
  await repository.save(concern);
  const outcome = step.kind === ACTION || step.kind === CLOSED ? step.outcome : null;
  await manager.getRepository(ConcernAction).insert({ concernId, kind: step.kind, outcome, note: step.note ?? null, at, actorId: step.by, recordedAt: at });
  await appendAudit(manager, [{ concernId, action: AUDIT[step.kind] }], actingAs(step.by), at);
}
