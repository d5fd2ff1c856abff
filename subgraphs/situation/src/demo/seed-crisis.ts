import { EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS as F, DemoCalendar, demoIds, insertNew } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { IncidentKind, IncidentSeverity, IncidentStatus } from '../incidents/incident-vocabulary';
import { Incident, IncidentContact, IncidentContactChannel, IncidentContactStatus, IncidentFollowUp } from '../incidents/incident';
import { IncidentContactLogEntry } from '../incidents/contact-log';
import { CrisisRoster, CrisisRosterEntry, RosterRole } from '../roster/crisis-roster';

/** Fixed ids of the demo crisis rosters, for tests. */
export const DEMO_CRISIS_ROSTERS = { uppsala: demoIds('c0')(1) } as const;

/** Fixed ids of the demo incidents, for tests. */
export const DEMO_INCIDENTS = { gottsundaShooting: demoIds('c1')(1) } as const;

const { PRIMARY, BACKUP } = RosterRole;
const K = IncidentKind;

type Line = [position: number, role: RosterRole, contactFunctionId: string, actorId: string, task: string];

const posom: Line = [1, PRIMARY, F.posomUppsala, A.uppsalaKommun, 'Aktivera POSOM-gruppen och samordna krisstödet med kyrkan.'];
const trygghet: Line = [2, PRIMARY, F.trygghetssamordnareGottsunda, A.uppsalaKommun, 'Samordna vuxennärvaro i området i kväll med föreningarna.'];
const kyrkan: Line = [3, PRIMARY, F.lokalbokningSvenskaKyrkanUppsala, A.svenskaKyrkanUppsala, 'Öppna församlingshemmet för samtal och stöd.'];
const hyresgast: Line = [4, PRIMARY, F.lokalansvarigHyresgastforeningenGottsunda, A.hyresgastforeningen, 'Öppna föreningslokalen i Gottsunda som mötesplats.'];
/** The church backs up POSOM when the coordinator is not reached (its POSOM representative). */
const kyrkanBackup: Line = [1, BACKUP, F.lokalbokningSvenskaKyrkanUppsala, A.svenskaKyrkanUppsala, 'Kyrkans POSOM-representant startar krisstödet om samordnaren inte nås.'];

/**
 * Uppsala's crisis roster, kept by the municipality with the local police and the church: after the
 * seed's triple murder the participants asked for exactly this, a practised list of whom to call. It
 * has its gaps on purpose (no one for a threat against an activity, most places without backup), as
 * the roster's flags show.
 */
const UPPSALA_LINES: Partial<Record<IncidentKind, Line[]>> = {
  [K.FATAL_VIOLENCE]: [posom, kyrkanBackup, trygghet, hyresgast],
  [K.SHOOTING_OR_EXPLOSION]: [posom, trygghet, kyrkan, hyresgast],
  [K.FIRE]: [posom, trygghet],
  [K.PUBLIC_DISORDER]: [trygghet, hyresgast].map(([, ...rest], index) => [index + 1, ...rest] as Line),
  [K.SUICIDE]: [posom, kyrkanBackup],
  [K.LARGE_ACCIDENT]: [posom, kyrkan],
};

/** Inserts the demo crisis rosters that are not there yet, with their lines (only for those it inserted). */
export async function insertDemoRosters(manager: EntityManager): Promise<void> {
  const fresh = await insertNew(manager, CrisisRoster, [
    {
      id: DEMO_CRISIS_ROSTERS.uppsala,
      areaCode: AR.uppsala,
      ownerId: A.uppsalaKommun,
      maintainerIds: [A.lpoUppsala, A.svenskaKyrkanUppsala],
      // Whom to call is for the network; how to reach them stays with the registry's contact functions.
      visibility: Visibility.NETWORK,
      note: 'Övas två gånger per år med polisen, kyrkan och föreningarna i Gottsunda.',
      version: 1,
    },
  ]);
  if (!fresh.has(DEMO_CRISIS_ROSTERS.uppsala)) return;
  const entries = Object.entries(UPPSALA_LINES).flatMap(([kind, lines]) =>
    lines!.map(([position, role, contactFunctionId, actorId, task]) => ({
      rosterId: DEMO_CRISIS_ROSTERS.uppsala,
      incidentKind: kind as IncidentKind,
      position,
      role,
      contactFunctionId,
      actorId,
      task,
    })),
  );
  await manager.createQueryBuilder().insert().into(CrisisRosterEntry).values(entries).execute();
}

/**
 * A past incident in Gottsunda, opened by the local police three months before seeding, its contact
 * list made from Uppsala's roster, and its contact log: POSOM and the municipality's safety
 * coordinator answered, the church (called, then texted) and the tenants' association were not
 * reached (the roster has no backup for them), and the joint follow-up says so. Closed since.
 */
export async function insertDemoIncidents(manager: EntityManager, calendar: DemoCalendar): Promise<void> {
  const day = calendar.days(-90);
  // Hours from that day's midnight in UTC (Swedish time is an hour or two later).
  const at = (hours: number, minutes = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + (hours * 60 + minutes) * 60_000);
  const opened = at(19, 5);
  const fresh = await insertNew(manager, Incident, [
    {
      id: DEMO_INCIDENTS.gottsundaShooting,
      areaCode: AR.gottsunda,
      kind: IncidentKind.SHOOTING_OR_EXPLOSION,
      severity: IncidentSeverity.SEVERE,
      status: IncidentStatus.CLOSED,
      title: 'Skottlossning vid Gottsunda centrum',
      description: 'Skottlossning på torget en vardagskväll. Stor oro bland unga och föräldrar i området; krisstöd och vuxennärvaro behövdes samma kväll.',
      occurredAt: at(18, 40),
      latitude: 59.8093,
      longitude: 17.617,
      activatedAt: opened,
      stoodDownAt: at(24 * 3),
      closedAt: at(24 * 14),
      rosterAreaCode: AR.uppsala,
      ownerId: A.lpoUppsala,
      visibility: Visibility.SHARED,
      sharedWith: [A.uppsalaKommun, A.svenskaKyrkanUppsala, A.hyresgastforeningen],
      version: 11,
      createdAt: opened,
      updatedAt: at(24 * 14),
    },
  ]);
  if (!fresh.has(DEMO_INCIDENTS.gottsundaShooting)) return;
  const { CONTACTED, ACKNOWLEDGED, NOT_REACHED } = IncidentContactStatus;
  const { PHONE, SMS } = IncidentContactChannel;
  type Logged = [line: Line, outcome: IncidentContactStatus, channel: IncidentContactChannel, minutes: number, by: string, commitment: string | null, note: string | null];
  // The contact log in the order it was written; each line's last entry is its current state.
  const log: Logged[] = [
    [posom, CONTACTED, PHONE, 8, A.lpoUppsala, null, 'Samordnaren nådd i jourtelefonen.'],
    [posom, ACKNOWLEDGED, PHONE, 12, A.uppsalaKommun, 'POSOM aktiverad; samtalsstöd i församlingshemmet från kl. 21.', null],
    [trygghet, CONTACTED, PHONE, 25, A.lpoUppsala, 'Vuxna från föreningarna på torget i kväll och i morgon kväll.', null],
    [kyrkan, NOT_REACHED, PHONE, 31, A.lpoUppsala, null, 'Inget svar på pastorsexpeditionens nummer efter kontorstid.'],
    [kyrkan, NOT_REACHED, SMS, 34, A.lpoUppsala, null, 'Sms skickat; inget svar under kvällen.'],
    [hyresgast, NOT_REACHED, SMS, 40, A.lpoUppsala, null, 'Sms utan svar; lokalansvarig saknar ersättare.'],
  ];
  const minutesAfter = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);
  const lines = [...new Set(log.map(([line]) => line))];
  const latest = (line: Line) => log.filter(([logged]) => logged === line).at(-1)!;
  const { identifiers } = await manager.createQueryBuilder().insert().into(IncidentContact).values(
    lines.map((line) => {
      const [[position, role, contactFunctionId, actorId, task], status, channel, minutes, by, commitment, note] = latest(line);
      return { incidentId: DEMO_INCIDENTS.gottsundaShooting, position, role, contactFunctionId, actorId, task, status, channel, contactedAt: minutesAfter(minutes), contactedById: by, commitment, note };
    }),
  ).execute();
  const lineIds = new Map(lines.map((line, index) => [line, identifiers[index].id as string]));
  // One statement, in log order: the entries' sequence follows it.
  await manager.createQueryBuilder().insert().into(IncidentContactLogEntry).values(
    log.map(([line, outcome, channel, minutes, by, commitment, note]) => ({
      incidentId: DEMO_INCIDENTS.gottsundaShooting,
      contactId: lineIds.get(line)!,
      loggedAt: minutesAfter(minutes),
      contactedAt: minutesAfter(minutes),
      outcome,
      channel,
      contactedById: by,
      commitment,
      note,
    })),
  ).execute();
  await manager.createQueryBuilder().insert().into(IncidentFollowUp).values([
    {
      incidentId: DEMO_INCIDENTS.gottsundaShooting,
      actorId: A.lpoUppsala,
      whatWorked: 'POSOM och kommunens trygghetssamordnare nåddes inom en halvtimme och var på plats samma kväll.',
      whatDidNotWork: 'Kyrkan och Hyresgästföreningen nåddes inte: kyrkans nummer gäller kontorstid och föreningens lokalansvarig saknar ersättare. Listan behöver nummer som nås kvällstid.',
      writtenAt: at(24 * 10),
    },
    {
      incidentId: DEMO_INCIDENTS.gottsundaShooting,
      actorId: A.uppsalaKommun,
      whatWorked: 'Samtalsstödet i församlingshemmet nådde många unga och föräldrar redan första kvällen.',
      whatDidNotWork: 'Informationen till föräldrar kom sent; nästa gång skickar skolorna ut den samma kväll.',
      writtenAt: at(24 * 12),
    },
  ]).execute();
}
