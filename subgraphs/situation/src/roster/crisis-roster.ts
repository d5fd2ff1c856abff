import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ENTITIES, OwnedRecord } from '@samverkan/federation';
import { IncidentKind } from '../incidents/incident-vocabulary';

export enum RosterRole {
  PRIMARY = 'PRIMARY',
  BACKUP = 'BACKUP',
}

registerEnumType(RosterRole, {
  name: 'RosterRole',
  description: 'Whether a roster entry is called first at its place in the order, or when the first is not reached.',
  valuesConfig: {
    PRIMARY: { description: 'Called at its place in the order.' },
    BACKUP: { description: 'Called when the primary at the same place in the order is not reached.' },
  },
});

/**
 * Whom to contact and where in the order: what a roster line and an incident's contact line (its
 * copy at activation) share. Function over person: the holders live in the registry.
 */
// Not a type of the schema: an abstract base, as VersionedRecord is.
@ObjectType()
export abstract class RosterLine {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, { description: 'Place in the calling order, from 1; a backup shares its primary\'s place.' })
  @Column('integer')
  position: number;

  @Field(() => RosterRole, { description: 'Primary or backup at this place in the order.' })
  @Column('text')
  role: RosterRole;

  /** The contact function to contact (actors subgraph); exposed as `contactFunction`. */
  @Column('uuid', { name: 'contact_function_id' })
  contactFunctionId: string;

  /** The organisation behind the contact function, as the registry said when the roster line was written; exposed as `actor`. */
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Field(() => String, { nullable: true, description: 'What this party is expected to do, e.g. "öppna lokaler", "aktivera POSOM", "vuxna på plats i kväll" (on an incident\'s line: as the roster said when it was opened).' })
  @Column('text', { nullable: true })
  task: string | null;
}

/** One line of a crisis roster: for one kind of incident, a contact function to contact, at a place in the order, as primary or backup. */
@ObjectType({ description: 'One line of a crisis roster: whom to contact for one kind of incident, in which order, as primary or backup.' })
@Entity('crisis_roster_entries')
export class CrisisRosterEntry extends RosterLine {
  @Column('uuid', { name: 'roster_id' })
  rosterId: string;

  @Field(() => IncidentKind, { description: 'The kind of incident this line is for.' })
  @Column('text', { name: 'incident_kind' })
  incidentKind: IncidentKind;
}

/**
 * The crisis roster of one area (krisberedskapslista): who should be contacted when something
 * happens there, by kind of incident. Opening an incident in the area turns it into a contact list.
 */
@ObjectType({ description: ENTITIES.CrisisRoster.description })
@Directive('@key(fields: "id")')
@Entity('crisis_rosters')
export class CrisisRoster extends OwnedRecord {
  /** Code of the area the roster is for (one roster per area); exposed as `area`. */
  @Column('text', { name: 'area_code' })
  areaCode: string;

  /** Organisations (actor ids) whose coordinators may change the roster besides the owner's; exposed as `maintainers`. */
  @Column('uuid', { name: 'maintainer_ids', array: true, default: () => "'{}'" })
  maintainerIds: string[];

  @Field(() => String, { nullable: true, description: 'Notes for whoever uses the roster, e.g. when it was last practised.' })
  @Column('text', { nullable: true })
  note: string | null;
}
