import { EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS as F, demoIds, insertNew } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { IncidentKind } from '../incidents/incident-vocabulary';
import { CrisisRoster, CrisisRosterEntry, RosterRole } from '../roster/crisis-roster';

/** Fixed ids of the demo crisis rosters, for tests. */
export const DEMO_CRISIS_ROSTERS = { uppsala: demoIds('c0')(1) } as const;

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
