import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ActorKind, ENTITIES, OwnedRecord } from '@samverkan/federation';
import { TeamFunction, TeamRole } from './team-vocabulary';

/**
 * The intervention team of one area: who is activated when a guardian's concern is registered
 * there. Not individual data: an ordinary owned record, kept by the area's coordinators.
 */
@ObjectType({ description: ENTITIES.InterventionTeam.description })
@Directive('@key(fields: "id")')
@Entity('intervention_teams')
export class InterventionTeam extends OwnedRecord {
  /** Code of the area the team answers for (one team per area); exposed as `area`. */
  @Column('text', { name: 'area_code', unique: true })
  areaCode: string;

  /** Organisations (actor ids) whose coordinators keep the team together with the owner's; exposed as `maintainers`. */
  @Column('uuid', { name: 'maintainer_ids', array: true, default: () => "'{}'" })
  maintainerIds: string[];

  @Field(() => String, { nullable: true, description: 'Notes for the team, e.g. how it meets. No personal data.' })
  @Column('text', { nullable: true })
  note: string | null;
}

/** One line of a team: a contact function (function over person), its organisation, what it does and its part. */
@ObjectType({ description: 'One line of an intervention team: a contact function of a party, what it does in the team and its part in answering.' })
@Entity('team_members')
export class TeamMember {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'team_id' })
  teamId: string;

  /** The contact function (actors subgraph); exposed as `contactFunction`. */
  @Column('uuid', { name: 'contact_function_id' })
  contactFunctionId: string;

  /** The organisation behind the function, as the registry said when the line was written; exposed as `actor`. */
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Field(() => ActorKind, { description: 'The kind of the organisation, as the registry said when the line was written.' })
  @Column('text', { name: 'actor_kind' })
  actorKind: ActorKind;

  @Field(() => TeamFunction, { name: 'function', description: 'What the organisation does in the team.' })
  @Column('text', { name: 'function' })
  teamFunction: TeamFunction;

  @Field(() => TeamRole, { description: 'Its part in answering a concern.' })
  @Column('text')
  role: TeamRole;

  @Field(() => Date, {
    nullable: true,
    description: 'When a civil-society organisation confirmed it takes part; until then its line is not activated. Set at once for the other functions.',
  })
  @Column('timestamptz', { name: 'joined_at', nullable: true })
  joinedAt: Date | null;
}
