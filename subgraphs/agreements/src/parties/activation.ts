import { EntityManager, Not } from 'typeorm';
import { partiesNotConfirmed } from '@samverkan/platform';
import { AgreementStatus } from '../agreement/agreement';
import { PartyAnswer, PartyInvitation } from './party-invitation';

/**
 * The activation rule: an agreement is ACTIVE only while every organisation it names has
 * CONFIRMED. Checked on the state after a create or update (parties and invitations written, in
 * the same transaction, so a refusal writes nothing): making it ACTIVE before everyone agreed,
 * changing a party's terms while it stays ACTIVE (which invites that party again), or keeping it
 * ACTIVE after a party withdrew is refused. ENDED and TERMINATED are always allowed.
 */
export async function assertPartiesConfirmed(manager: EntityManager, agreement: { id: string; status: AgreementStatus }, { created = false } = {}): Promise<void> {
  if (agreement.status !== AgreementStatus.ACTIVE) return;
  const pending = await manager.getRepository(PartyInvitation).find({
    where: { agreementId: agreement.id, answer: Not(PartyAnswer.CONFIRMED) },
    order: { actorId: 'ASC' },
  });
  if (!pending.length) return;
  throw partiesNotConfirmed(
    'Agreement',
    created ? undefined : agreement.id,
    pending.map((i) => i.actorId),
    `An agreement is ACTIVE only when every named party has confirmed; not confirmed: ${pending.map((i) => `${i.actorId} (${i.answer})`).join(', ')}. ` +
      'Create or keep it as a DRAFT until they have, or remove a party that declined or withdrew.',
  );
}
