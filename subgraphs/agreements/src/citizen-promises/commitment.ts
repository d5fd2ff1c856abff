import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ENTITIES } from '@samverkan/federation';
import { ID_DESCRIPTION } from '@samverkan/platform';

/** A citizen promise holds at most this many commitments, so `Agreement.commitments` is bounded. */
export const MAX_COMMITMENTS = 50;

/**
 * One commitment of a citizen promise: what one of its parties promises, the indicator it is
 * followed by, and the target. Part of its agreement: changing it makes the agreement a new version,
 * and it is visible exactly when its agreement is.
 */
@ObjectType({ description: ENTITIES.Commitment.description })
@Directive('@key(fields: "id")')
@Entity('promise_commitments')
export class Commitment {
  @Field(() => ID, { description: ID_DESCRIPTION })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  @Field(() => Int, { description: 'Where the commitment stands in the promise: commitments are listed by position, smallest first.' })
  @Column('int')
  position: number;

  @Field({ description: 'What is promised, in a few words, e.g. "Mer vuxennärvaro kvällstid kring skolor och fritidsgårdar".' })
  @Column('varchar', { length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the owner party will do to keep the commitment, in the promise\'s own words.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Column('uuid', { name: 'owner_party_id' })
  ownerPartyId: string;

  @Field({ description: 'What is measured to follow the commitment up, e.g. "Antal kvällar per vecka med vuxennärvaro".' })
  @Column('text')
  indicator: string;

  @Field(() => String, { nullable: true, description: 'The unit of the indicator, e.g. "%" or "antal"; null when it needs none.' })
  @Column('varchar', { length: 40, nullable: true })
  unit: string | null;

  @Field(() => Float, { nullable: true, description: 'The indicator\'s value when the promise was made, in `unit`; null when unknown.' })
  @Column('double precision', { nullable: true })
  baseline: number | null;

  @Field(() => Float, { nullable: true, description: 'The value the indicator should reach, in `unit`; null when the target is only described (`targetText`).' })
  @Column('double precision', { nullable: true })
  target: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The target in words, e.g. "minst två kvällar i veckan under terminerna"; a commitment has a numeric `target`, this text, or both.',
  })
  @Column('text', { name: 'target_text', nullable: true })
  targetText: string | null;

  @Field({ description: 'When the commitment was added to the promise.' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field({ description: 'When the commitment was last changed (its follow-up reports are not changes to it).' })
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
