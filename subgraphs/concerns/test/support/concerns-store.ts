import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabase, openDatabase } from '@samverkan/platform';
import { freshDatabase } from '@samverkan/test-support';
import { concernsSubgraph } from '../../src';
import { Concern } from '../../src/concerns/concern';
import { ConcernRecipient } from '../../src/concerns/concern-recipient';
import { ConcernAction } from '../../src/concerns/concern-action';
import { AnswerChannel, ConcernActionKind, ConcernStatus, LegalBasis } from '../../src/concerns/concern-vocabulary';
import { TeamFunction, TeamRole } from '../../src/teams/team-vocabulary';
import { startConcernClock } from '../../src/clock/deadlines';
import { appendAudit } from '../../src/audit/audit-log';

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

/**
 * A concern written straight into the store with its activated team (one lead line), follow-up,
 * deadlines and notifications, and its REGISTERED audit entry; closed if `closedAt` is given.
 */
export async function insertConcern(
  dataSource: DataSource,
  { registeredAt, closedAt = null, firstContactAt = null, receivingActorKind = 'MUNICIPALITY', areaCode = '0380' }: {
    registeredAt: Date;
    closedAt?: Date | null;
    firstContactAt?: Date | null;
    receivingActorKind?: string;
    areaCode?: string;
  },
): Promise<string> {
  const receiver = randomUUID();
  return dataSource.transaction(async (manager) => {
    const concern = manager.getRepository(Concern).create({
      areaCode,
      teamId: randomUUID(),
      receivingActorId: receiver,
      receivingActorKind: receivingActorKind as Concern['receivingActorKind'],
      registeredAt,
      childAge: 12,
      childReference: `B-${randomBytes(4).toString('hex').toUpperCase()}`,
      worry: 'Har slutat gå till träningen och är ute sent.',
      answerChannel: AnswerChannel.PHONE,
      answerPreference: 'efter 16',
      contactCiphertext: 'v1:test:iv:tag:data',
      legalBasis: LegalBasis.PUBLIC_TASK,
      purpose: 'stöd till familjen genom insatsteamet',
      consentGiven: false,
      consentFunctions: [],
      consentRecordedBy: receiver,
      consentRecordedAt: registeredAt,
      status: closedAt ? ConcernStatus.CLOSED : firstContactAt ? ConcernStatus.CONTACTED : ConcernStatus.OPEN,
      firstContactAt,
      firstContactBy: firstContactAt ? receiver : null,
      closedAt,
      outcome: null,
    });
    await manager.getRepository(Concern).insert(concern);
    const recipient = manager.getRepository(ConcernRecipient).create({
      concernId: concern.id,
      contactFunctionId: randomUUID(),
      actorId: receiver,
      actorKind: 'MUNICIPALITY' as ConcernRecipient['actorKind'],
      teamFunction: TeamFunction.SOCIAL_SERVICES,
      role: TeamRole.LEAD,
    });
    await manager.getRepository(ConcernRecipient).insert(recipient);
    await startConcernClock(manager, concern, [recipient]);
    await manager.getRepository(ConcernAction).insert({ concernId: concern.id, kind: ConcernActionKind.ACKNOWLEDGED, at: registeredAt, actorId: receiver, recordedAt: registeredAt });
    await appendAudit(manager, [{ concernId: concern.id, action: 'REGISTERED' }], null, registeredAt);
    return concern.id;
  });
}
