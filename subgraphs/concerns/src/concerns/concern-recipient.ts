import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ActorKind } from '@samverkan/federation';
import { TeamFunction, TeamRole } from '../teams/team-vocabulary';

/**
 * One line of the team a concern activated, copied at registration: later changes of the team's
 * roster give nobody access to concerns already routed, and take it from nobody.
 */
@ObjectType({ description: 'One line of the intervention team a concern activated, as the team stood at registration.' })
@Entity('concern_recipients')
export class ConcernRecipient {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'concern_id' })
  concernId: string;

  /** Exposed as `contactFunction`. */
  @Column('uuid', { name: 'contact_function_id' })
  contactFunctionId: string;

  /** Exposed as `actor`. */
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Field(() => ActorKind, { description: 'The kind of the organisation, as the registry said at registration.' })
  @Column('text', { name: 'actor_kind' })
  actorKind: ActorKind;

  @Field(() => TeamFunction, { name: 'function', description: 'What the organisation does in the team: with the consent, decides whether it reads the concern.' })
  @Column('text', { name: 'function' })
  teamFunction: TeamFunction;

  @Field(() => TeamRole, { description: 'Its part in answering.' })
  @Column('text')
  role: TeamRole;
}
