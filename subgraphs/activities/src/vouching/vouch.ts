import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { answeredBy } from '@samverkan/federation';
import { Actor } from '../stubs';

/** What a vouch row says: shown (ACTIVE), or declined by the activity's owner (kept, so it is not simply added again). */
export type VouchStatus = 'ACTIVE' | 'DECLINED';

/**
 * One organisation's vouch for an activity ("vi går i god för"): the organisation, never a person,
 * is what the public sees. A declined one is kept as DECLINED until the owner allows it again.
 */
@Entity('activity_vouches')
export class ActivityVouchRow {
  @PrimaryColumn('uuid', { name: 'activity_id' })
  activityId: string;

  @PrimaryColumn('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('text', { default: 'ACTIVE' })
  status: VouchStatus;

  @Column('varchar', { length: 500, nullable: true })
  note: string | null;

  @Column('date')
  since: string;

  @Column('date', { name: 'declined_on', nullable: true })
  declinedOn: string | null;

  @Column('varchar', { name: 'decline_reason', length: 500, nullable: true })
  declineReason: string | null;
}

@ObjectType({
  description:
    'That an organisation vouches for an activity ("vi går i god för"): a trusted organisation, maybe in another part of town, says the activity is okay. Public: the organisation is shown, never a person.',
})
export class ActivityVouch {
  @Field(() => Actor, answeredBy('actors', 'The organisation that vouches (its name comes from the actors registry).'))
  by: Actor | null;

  @Field(() => GraphQLLocalDate, { description: 'The day (in Sweden) the organisation first vouched for the activity.' })
  since: string;

  @Field(() => String, { nullable: true, description: 'What the organisation says about the activity, in its own words; public (no personal names).' })
  note: string | null;
}

@ObjectType({ description: 'A vouch the activity\'s owner declined: no longer shown, and the organisation may not vouch again until the owner allows it (`allowVouch`).' })
export class DeclinedVouch {
  @Field(() => Actor, answeredBy('actors', 'The organisation whose vouch was declined.'))
  by: Actor | null;

  @Field(() => GraphQLLocalDate, { description: 'The day (in Sweden) the owner declined it.' })
  declinedOn: string;

  @Field(() => String, { nullable: true, description: 'Why, as the owner wrote it.' })
  reason: string | null;
}

export const vouchView = (row: ActivityVouchRow): ActivityVouch => ({ by: { id: row.organisationId }, since: row.since, note: row.note });

export const declinedView = (row: ActivityVouchRow): DeclinedVouch => ({ by: { id: row.organisationId }, declinedOn: row.declinedOn!, reason: row.declineReason });
