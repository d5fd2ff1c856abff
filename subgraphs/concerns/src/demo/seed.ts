import { DataSource } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS as F, DEMO_INTERVENTION_TEAMS as T, DemoCalendar, demoCalendar, insertNew } from '@samverkan/demo';
import { ActorKind, todayInSweden, Visibility } from '@samverkan/federation';
import { Clock, systemClock } from '@samverkan/platform';
import { InterventionTeam, TeamMember } from '../teams/intervention-team';
import { TeamFunction, TeamRole } from '../teams/team-vocabulary';
import { seedDemoConcerns } from './demo-concerns';

export { DEMO_INTERVENTION_TEAMS } from '@samverkan/demo';

const { SOCIAL_SERVICES, POLICE, SCHOOL, CIVIL_SOCIETY, OTHER } = TeamFunction;
const { LEAD, BACKUP, MEMBER, COORDINATOR } = TeamRole;

/** A line: contact function, its organisation and kind (as the actors demo registers them), function, role, and whether it has joined. */
type Line = [contactFunctionId: string, actorId: string, kind: ActorKind, teamFunction: TeamFunction, role: TeamRole, joined: boolean];

type DemoTeam = { id: string; areaCode: string; ownerId: string; maintainerIds: string[]; note: string; lines: Line[] };

/**
 * The demo's intervention teams, from the registry's demo contact functions: the social services'
 * reception for children and young people is a function of the municipality (in Rinkeby-Kista the
 * district administration's), not a person.
 */
const TEAMS: DemoTeam[] = [
  {
    id: T.rinkebyKista,
    areaCode: AR.rinkebyKista,
    ownerId: A.rinkebyKistaStadsdel,
    maintainerIds: [A.lpoRinkeby],
    note: 'Träffas varannan vecka på stadsdelsförvaltningen; Fryshuset deltar sedan hösten.',
    lines: [
      [F.mottagningenBarnOchUngaRinkebyKista, A.rinkebyKistaStadsdel, ActorKind.MUNICIPALITY, SOCIAL_SERVICES, LEAD, true],
      [F.verksamhetsansvarigFryshusetJarva, A.fryshuset, ActorKind.CIVIL_SOCIETY, CIVIL_SOCIETY, BACKUP, true],
      [F.fritidssamordnareRinkebyKista, A.rinkebyKistaStadsdel, ActorKind.MUNICIPALITY, OTHER, MEMBER, true],
      [F.elevhalsanRinkebyskolan, A.rinkebySkolan, ActorKind.SCHOOL, SCHOOL, MEMBER, true],
      [F.kommunpolisJarva, A.lpoRinkeby, ActorKind.POLICE, POLICE, COORDINATOR, true],
    ],
  },
  {
    id: T.angered,
    areaCode: AR.angered,
    ownerId: A.lpoGoteborgNordost,
    maintainerIds: [A.goteborgsStad],
    note: 'Socialtjänsten Nordost är med; ingen reserv är utsedd ännu.',
    lines: [
      [F.omradespolisAngered, A.lpoGoteborgNordost, ActorKind.POLICE, POLICE, LEAD, true],
      [F.socialjourenBarnOchUngaNordost, A.goteborgsStad, ActorKind.MUNICIPALITY, SOCIAL_SERVICES, MEMBER, true],
      [F.lokalbokningFolketsHusAngered, A.folketsHusOchParker, ActorKind.CIVIL_SOCIETY, OTHER, MEMBER, true],
      [F.ordforandeKfumGoteborg, A.kfumGoteborg, ActorKind.CIVIL_SOCIETY, CIVIL_SOCIETY, COORDINATOR, true],
    ],
  },
  {
    id: T.gottsunda,
    areaCode: AR.gottsunda,
    ownerId: A.uppsalaKommun,
    maintainerIds: [],
    note: 'Under uppbyggnad: Hyresgästföreningen har inte bekräftat att den deltar.',
    lines: [
      [F.trygghetssamordnareGottsunda, A.uppsalaKommun, ActorKind.MUNICIPALITY, OTHER, LEAD, true],
      [F.lokalansvarigHyresgastforeningenGottsunda, A.hyresgastforeningen, ActorKind.CIVIL_SOCIETY, CIVIL_SOCIETY, BACKUP, false],
    ],
  },
];

/**
 * Inserts the demo intervention teams that are not there yet, with their lines (only for those it
 * inserted), then the demo concerns not there yet, dated back from `clock`'s now: a second start
 * reuses them all.
 */
export async function seedDemoData(dataSource: DataSource, clock: Clock = systemClock, calendar: DemoCalendar = demoCalendar(todayInSweden(clock.now()))): Promise<void> {
  const joinedAt = calendar.moment(calendar.month(-3));
  await dataSource.transaction(async (manager) => {
    const fresh = await insertNew(
      manager,
      InterventionTeam,
      TEAMS.map(({ lines: _lines, ...team }) => ({ ...team, visibility: Visibility.NETWORK, sharedWith: [], version: 1 })),
    );
    const lines = TEAMS.filter((team) => fresh.has(team.id)).flatMap((team) =>
      team.lines.map(([contactFunctionId, actorId, actorKind, teamFunction, role, joined]) => ({
        teamId: team.id,
        contactFunctionId,
        actorId,
        actorKind,
        teamFunction,
        role,
        joinedAt: joined ? joinedAt : null,
      })),
    );
    if (lines.length) await manager.getRepository(TeamMember).insert(lines);
  });
  await seedDemoConcerns(dataSource, clock.now(), calendar);
}
