import { EntityManager } from 'typeorm';
import { badInput } from '@samverkan/platform';
import { Commitment } from './commitment';

/**
 * A commitment is owned by one of its promise's parties: a change of the parties may not leave one
 * without its owner (give it another owner, or remove it, first). `partyIds` undefined: unchanged.
 */
export async function assertCommitmentOwnersStayNamed(manager: EntityManager, agreementId: string, partyIds: readonly string[] | undefined): Promise<void> {
  if (!partyIds) return;
  const orphaned = (await manager.getRepository(Commitment).find({ where: { agreementId }, order: { position: 'ASC' } })).filter(
    (commitment) => !partyIds.includes(commitment.ownerPartyId),
  );
  if (orphaned.length) {
    throw badInput(
      `Commitments ${orphaned.map((c) => `"${c.title}"`).join(', ')} are owned by a party that would no longer be named: give them another owner, or remove them, first`,
      [{ field: 'parties', message: `would leave ${orphaned.length} commitment(s) without their owner` }],
    );
  }
}
