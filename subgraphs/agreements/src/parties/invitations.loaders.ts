import { DataSource } from 'typeorm';
import { groupLoader, isUuid } from '@samverkan/platform';
import { PartyAnswer, PartyInvitation } from './party-invitation';

/** An invitation as read, with the owner of its agreement: who may read its comment depends on it. */
export type InvitationRow = PartyInvitation & { ownerId: string };

interface Row {
  agreement_id: string;
  actor_id: string;
  answer: PartyAnswer;
  invited_at: Date;
  answered_at: Date | null;
  comment: string | null;
  owner_id: string;
}

const SELECT_INVITATIONS = `
  SELECT i.agreement_id, i.actor_id, i.answer, i.invited_at, i.answered_at, i.comment, g.owner_id
    FROM agreement_invitations i JOIN agreements g ON g.id = i.agreement_id`;

const invitationOf = (r: Row): InvitationRow => ({
  agreementId: r.agreement_id,
  actorId: r.actor_id,
  answer: r.answer,
  invitedAt: r.invited_at,
  answeredAt: r.answered_at,
  comment: r.comment,
  ownerId: r.owner_id,
});

/** At most this many invitations in `agreementInvitations`. */
export const MAX_INVITATIONS_LISTED = 200;

/** The invitations of one organisation, newest first, with one of `answers` (all when empty): "what are we asked to confirm?". */
export async function invitationsOfOrganisation(dataSource: DataSource, organisationId: string, answers: PartyAnswer[], first: number): Promise<InvitationRow[]> {
  const rows: Row[] = await dataSource.query(
    `${SELECT_INVITATIONS}
      WHERE i.actor_id = $1 AND (cardinality($2::text[]) = 0 OR i.answer = ANY($2::text[]))
      ORDER BY i.invited_at DESC, i.agreement_id LIMIT $3`,
    [organisationId, answers, first],
  );
  return rows.map(invitationOf);
}

/**
 * Per-request loaders of invitations. They are only asked for agreements the viewer was shown
 * (`Agreement.invitations`, `AgreementParty.answer`), so they need no visibility rule of their own.
 */
export function invitationLoaders(dataSource: DataSource) {
  return {
    /** An agreement's invitations, one per named organisation, in the order they were sent (then by actor id). */
    invitationsOfAgreement: groupLoader<string, InvitationRow>(async (ids) => {
      const rows: Row[] = await dataSource.query(`${SELECT_INVITATIONS} WHERE i.agreement_id = ANY($1::uuid[]) ORDER BY i.invited_at, i.actor_id`, [ids.filter(isUuid)]);
      return rows.map((r) => [r.agreement_id, invitationOf(r)]);
    }),
  };
}
