import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ActorKind, Visibility } from '@samverkan/federation';
import { DEMO_ACTORS } from '@samverkan/demo';
import { dropDatabase, openDatabase, SignedIn } from '@samverkan/platform';
import { freshDatabase } from '@samverkan/test-support';
import { concernsSubgraph } from '../../src';
import { Concern } from '../../src/concerns/concern';
import { ConcernAction } from '../../src/concerns/concern-action';
import { ConcernRecipient } from '../../src/concerns/concern-recipient';
import { AnswerChannel, ConcernActionKind, ConcernOutcome, ConcernStatus, LegalBasis } from '../../src/concerns/concern-vocabulary';
import { registerConcernRecord } from '../../src/concerns/registration';
import { InterventionTeam, TeamMember } from '../../src/teams/intervention-team';
import { TeamFunction, TeamRole } from '../../src/teams/team-vocabulary';

/** A test key for guardians' contact details (32 bytes, base64), used when a test has set none. */
export const TEST_CONTACT_KEY = Buffer.alloc(32, 7).toString('base64');

/** A line of a test concern's team: its role and function (its contact function and organisation are made up, the lead's is the receiving organisation). */
export type TestLine = { role: TeamRole; teamFunction: TeamFunction };

/** The activated team the clock's tests use: a lead (the social services), two backups, a member and the coordinator. */
export const TEST_TEAM: readonly TestLine[] = [
  { role: TeamRole.LEAD, teamFunction: TeamFunction.SOCIAL_SERVICES },
  { role: TeamRole.BACKUP, teamFunction: TeamFunction.SCHOOL },
  { role: TeamRole.BACKUP, teamFunction: TeamFunction.POLICE },
  { role: TeamRole.MEMBER, teamFunction: TeamFunction.CIVIL_SOCIETY },
  { role: TeamRole.COORDINATOR, teamFunction: TeamFunction.OTHER },
];

/** A team of one line, its lead: for tests where only the concern's own rows matter. */
export const LEAD_ONLY: readonly TestLine[] = [{ role: TeamRole.LEAD, teamFunction: TeamFunction.SOCIAL_SERVICES }];

/** The organisation that registers the test concerns by default (a demo actor, so its tokens are accepted). */
export const RECEIVING_ACTOR = DEMO_ACTORS.stockholmsStad;

export interface TestConcern {
  registeredAt: Date;
  /** The concern's area ('0180' unless given). */
  areaCode?: string;
  /** An existing team to route to (its activated lines become the recipients); else a team of `team`'s lines is made for this concern alone. */
  teamId?: string;
  team?: readonly TestLine[];
  receivingActorId?: string;
  receivingActorKind?: ActorKind | `${ActorKind}`;
  /** Follow-up written as the API leaves it (status, times, a log entry), beside the API: not audited. */
  firstContactAt?: Date | null;
  closedAt?: Date | null;
}

/**
 * Registers a concern through the one registration path (`registerConcernRecord`: the concern, its
 * activated team, its clock and its REGISTERED audit entry), in one transaction; then its first
 * contact and closing when asked for.
 */
export async function insertConcern(dataSource: DataSource, options: TestConcern): Promise<{ concern: Concern; recipients: ConcernRecipient[] }> {
  const { registeredAt, areaCode = '0180', team = TEST_TEAM, receivingActorId = RECEIVING_ACTOR, receivingActorKind = ActorKind.MUNICIPALITY } = options;
  process.env.CONCERN_CONTACT_KEY ??= TEST_CONTACT_KEY;
  const registeredBy: SignedIn = { kind: 'member', organisationId: receivingActorId, subject: 'test-registrar', roles: [] };
  return dataSource.transaction(async (manager) => {
    const teamId = options.teamId ?? (await insertTeam(manager, team, receivingActorId, registeredAt));
    const registered = await registerConcernRecord(
      manager,
      {
        areaCode,
        teamId,
        receivingActorKind: receivingActorKind as ActorKind,
        childAge: 12,
        worry: 'Har slutat gå till träningen och är ute sent.',
        answerChannel: AnswerChannel.PHONE,
        answerPreference: 'efter 16',
        guardianContact: '070-000 00 00',
        legalBasis: LegalBasis.PUBLIC_TASK,
        purpose: 'stöd till familjen genom insatsteamet',
        consent: { given: false },
      },
      registeredBy,
      registeredAt,
    );
    const { concern } = registered;
    const { firstContactAt = null, closedAt = null } = options;
    const follow: Array<Partial<ConcernAction>> = [];
    if (firstContactAt) {
      Object.assign(concern, { firstContactAt, firstContactBy: receivingActorId, status: ConcernStatus.CONTACTED });
      follow.push({ kind: ConcernActionKind.FIRST_CONTACT, at: firstContactAt });
    }
    if (closedAt) {
      Object.assign(concern, { closedAt, status: ConcernStatus.CLOSED, outcome: ConcernOutcome.NOTHING_NEEDED });
      follow.push({ kind: ConcernActionKind.CLOSED, outcome: ConcernOutcome.NOTHING_NEEDED, at: closedAt });
    }
    if (!follow.length) return registered;
    await manager.getRepository(ConcernAction).insert(follow.map((action) => ({ ...action, concernId: concern.id, actorId: receivingActorId, recordedAt: action.at })));
    return { ...registered, concern: await manager.getRepository(Concern).save(concern) };
  });

}

/** A team for one concern, filed under a made-up area (teams are one per area), every line joined; the lead is `leadActorId`'s. */
async function insertTeam(manager: EntityManager, lines: readonly TestLine[], leadActorId: string, joinedAt: Date): Promise<string> {
  const team = await manager.getRepository(InterventionTeam).save(
    manager.getRepository(InterventionTeam).create({ areaCode: `test-${randomUUID()}`, ownerId: leadActorId, visibility: Visibility.NETWORK, sharedWith: [], maintainerIds: [], note: null, externalId: null }),
  );
  await manager.getRepository(TeamMember).insert(
    lines.map((line) => ({
      teamId: team.id,
      contactFunctionId: randomUUID(),
      actorId: line.role === TeamRole.LEAD ? leadActorId : randomUUID(),
      actorKind: ActorKind.MUNICIPALITY,
      teamFunction: line.teamFunction,
      role: line.role,
      joinedAt,
    })),
  );
  return team.id;
}

/** A migrated concerns database of its own, without the subgraph's process: for the store's jobs and commands. */
export async function openConcernsStore(): Promise<{ dataSource: DataSource; url: string; close: () => Promise<void> }> {
  const url = await freshDatabase('concerns');
  const dataSource = await openDatabase({ url, entities: concernsSubgraph.entities, migrations: concernsSubgraph.migrations });
  const close = async () => {
    await dataSource.destroy();
    await dropDatabase(url);
  };
  return { dataSource, url, close };
}
