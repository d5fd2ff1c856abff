import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a named organisation stands on an agreement that names it as a party. */
export enum PartyAnswer {
  INVITED = 'INVITED',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(PartyAnswer, {
  name: 'PartyAnswer',
  description:
    "A named party's answer to the agreement that names it. Naming an organisation as a party invites it; a coordinator of that organisation (and only of it) answers. An agreement becomes ACTIVE only when every party has CONFIRMED.",
  valuesConfig: {
    INVITED: { description: 'Named, not yet answered (also again after its roles or responsibilities changed). It sees the agreement that names it.' },
    CONFIRMED: { description: 'The organisation agrees to take part in the roles and responsibilities named.' },
    DECLINED: { description: 'The organisation said no: the agreement cannot become ACTIVE while it is named.' },
    WITHDRAWN: { description: 'The organisation confirmed and later withdrew: recorded with its time and reason; the owner decides what follows.' },
  },
});

/**
 * One named organisation's invitation to an agreement and its answer: one per organisation, whatever
 * roles it holds. Kept in step with the parties: naming an organisation invites it, removing it ends
 * its invitation. The owner's own organisation is confirmed by naming itself.
 */
@ObjectType({ description: "An organisation's invitation to an agreement that names it as a party, and its answer." })
@Entity('agreement_invitations')
export class PartyInvitation {
  @PrimaryColumn('uuid', { name: 'agreement_id' })
  agreementId: string;

  @PrimaryColumn('uuid', { name: 'actor_id' })
  actorId: string;

  @Field(() => PartyAnswer, { description: 'Where the organisation stands: invited, confirmed, declined or withdrawn.' })
  @Column('text')
  answer: PartyAnswer;

  @Field({ description: 'When the organisation was invited (named, or named again after a change to its roles).' })
  @Column('timestamptz', { name: 'invited_at' })
  invitedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the organisation last answered; null while INVITED.' })
  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  /** Shown only to the owner's members and the answering organisation (`PartyInvitationResolver.comment`). */
  @Column('text', { nullable: true })
  comment: string | null;
}
