import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActorKind } from '@samverkan/federation';
import { DEMO_ACTORS } from '@samverkan/demo';
import { Concern } from '../../src/concerns/concern';
import { ConcernRecipient } from '../../src/concerns/concern-recipient';
import { AnswerChannel, ConcernStatus, LegalBasis } from '../../src/concerns/concern-vocabulary';
import { startConcernClock } from '../../src/clock/deadlines';
import { TeamFunction, TeamRole } from '../../src/teams/team-vocabulary';

/** The activated team these tests use: a lead (the social services), two backups, a member and the coordinator. */
export const TEST_TEAM: ReadonlyArray<{ role: TeamRole; teamFunction: TeamFunction }> = [
  { role: TeamRole.LEAD, teamFunction: TeamFunction.SOCIAL_SERVICES },
  { role: TeamRole.BACKUP, teamFunction: TeamFunction.SCHOOL },
  { role: TeamRole.BACKUP, teamFunction: TeamFunction.POLICE },
  { role: TeamRole.MEMBER, teamFunction: TeamFunction.CIVIL_SOCIETY },
  { role: TeamRole.COORDINATOR, teamFunction: TeamFunction.OTHER },
];

/** The organisation that registers the test concerns (a demo actor, so its tokens are accepted). */
export const RECEIVING_ACTOR = DEMO_ACTORS.stockholmsStad;

/**
 * Registers a concern as registration does, in one transaction, without its API (built by another
 * feature): the concern, its activated team (random contact functions and actors) and its clock.
 */
export async function insertConcern(dataSource: DataSource, registeredAt: Date, team = TEST_TEAM): Promise<{ concern: Concern; recipients: ConcernRecipient[] }> {
  return dataSource.transaction(async (manager) => {
    const concern = await manager.getRepository(Concern).save(
      manager.getRepository(Concern).create({
        areaCode: '0180',
        teamId: randomUUID(),
        receivingActorId: RECEIVING_ACTOR,
        receivingActorKind: ActorKind.MUNICIPALITY,
        registeredAt,
        childAge: 12,
        childReference: `B-T${randomBytes(4).toString('hex').toUpperCase()}`,
        worry: 'Vårdnadshavaren är orolig.',
        answerChannel: AnswerChannel.PHONE,
        answerPreference: null,
        contactCiphertext: 'v1:test:iv:tag:data',
        legalBasis: LegalBasis.PUBLIC_TASK,
        purpose: 'Stöd till familjen genom insatsteamet',
        consentGiven: false,
        consentFunctions: [],
        consentPurpose: null,
        consentGivenAt: null,
        consentRecordedBy: RECEIVING_ACTOR,
        consentRecordedAt: registeredAt,
        status: ConcernStatus.OPEN,
      }),
    );
    const recipients = await manager.getRepository(ConcernRecipient).save(
      team.map((line) =>
        manager.getRepository(ConcernRecipient).create({
          concernId: concern.id,
          contactFunctionId: randomUUID(),
          actorId: line.role === TeamRole.LEAD ? RECEIVING_ACTOR : randomUUID(),
          actorKind: ActorKind.MUNICIPALITY,
          teamFunction: line.teamFunction,
          role: line.role,
        }),
      ),
    );
    await startConcernClock(manager, concern, recipients);
    return { concern, recipients };
  });
}
