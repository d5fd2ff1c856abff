import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_INVITATIONS_LISTED } from './invitations.loaders';
import { PartyAnswer } from './party-invitation';

export const INVITATIONS_DEFAULT = 50;

@ArgsType()
export class AgreementInvitationsArgs {
  @Field(() => [PartyAnswer], { nullable: true, description: 'Only invitations with one of these answers (e.g. `[INVITED]`: what is still to answer); all when left out or empty.' })
  answers?: PartyAnswer[] | null;

  @Field(() => Int, {
    defaultValue: INVITATIONS_DEFAULT,
    description: `At most this many invitations, newest first (1–${MAX_INVITATIONS_LISTED}, default ${INVITATIONS_DEFAULT}).`,
  })
  @Min(1)
  @Max(MAX_INVITATIONS_LISTED)
  first: number = INVITATIONS_DEFAULT;
}

/** The longest comment or reason an answer takes (as the column allows). */
export const MAX_ANSWER_COMMENT = 2000;
