import { EntityManager, In } from 'typeorm';
import { PartyAnswer, PartyInvitation } from './party-invitation';

/** A party as written: an organisation in one role, with what it takes on. */
interface NamedParty {
  actorId: string;
  role: string;
  responsibilities?: string | null;
}

/** What an organisation is asked to agree to: its roles with their responsibilities, in one comparable text. */
const termsOf = (parties: readonly NamedParty[], actorId: string) =>
  JSON.stringify(
    parties
      .filter((p) => p.actorId === actorId)
      .map((p) => [p.role, p.responsibilities ?? ''])
      .sort(),
  );

/**
 * The invitations of agreements entered as they stand, e.g. demo data or an import: every party of an
 * agreement past DRAFT has confirmed; in a draft, all but the owner's own organisation are invited.
 */
export function standingInvitations(agreement: { id: string; ownerId: string; status: string }, actorIds: readonly string[], at: Date): PartyInvitation[] {
  return [...new Set(actorIds)].map((actorId) => {
    const confirmed = agreement.status !== 'DRAFT' || actorId === agreement.ownerId;
    return { agreementId: agreement.id, actorId, answer: confirmed ? PartyAnswer.CONFIRMED : PartyAnswer.INVITED, invitedAt: at, answeredAt: confirmed ? at : null, comment: null };
  });
}

/**
 * Keeps the invitations in step with the parties after they were written: a newly named
 * organisation is INVITED, one whose roles or responsibilities changed is INVITED again (it agreed
 * to other terms), one no longer named loses its invitation. The owner's own organisation confirms
 * by naming itself. Returns the organisations newly (re-)invited.
 */
export async function syncInvitations(
  manager: EntityManager,
  agreement: { id: string; ownerId: string },
  before: readonly NamedParty[],
  after: readonly NamedParty[],
  now: Date,
): Promise<string[]> {
  const repository = manager.getRepository(PartyInvitation);
  const named = [...new Set(after.map((p) => p.actorId))];
  const current = new Map((await repository.findBy({ agreementId: agreement.id })).map((i) => [i.actorId, i]));
  const gone = [...current.keys()].filter((actorId) => !named.includes(actorId));
  if (gone.length) await repository.delete({ agreementId: agreement.id, actorId: In(gone) });
  const invited = named.filter((actorId) => !current.has(actorId) || termsOf(before, actorId) !== termsOf(after, actorId));
  if (invited.length) {
    await repository.upsert(
      invited.map((actorId) => {
        const own = actorId === agreement.ownerId;
        return { agreementId: agreement.id, actorId, answer: own ? PartyAnswer.CONFIRMED : PartyAnswer.INVITED, invitedAt: now, answeredAt: own ? now : null, comment: null };
      }),
      ['agreementId', 'actorId'],
    );
  }
  return invited.filter((actorId) => actorId !== agreement.ownerId);
}
