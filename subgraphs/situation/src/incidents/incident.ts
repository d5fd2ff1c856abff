import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OwnedRecord } from '@samverkan/federation';
import { RosterLine } from '../roster/crisis-roster';
import { IncidentKind, IncidentSeverity, IncidentStatus } from './incident-vocabulary';

/** Where a line of an incident's contact list stands. */
export enum IncidentContactStatus {
  UNCONTACTED = 'UNCONTACTED',
  CONTACTED = 'CONTACTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  NOT_REACHED = 'NOT_REACHED',
}

registerEnumType(IncidentContactStatus, {
  name: 'IncidentContactStatus',
  description: 'Where a line of an incident\'s contact list stands: the outcome of the latest contact logged for it.',
  valuesConfig: {
    UNCONTACTED: { description: 'No contact logged yet.' },
    CONTACTED: { description: 'Reached and told; not (yet) confirmed what they will do.' },
    ACKNOWLEDGED: { description: 'Reached, and the party confirmed what it will do (`commitment`).' },
    NOT_REACHED: { description: 'Tried and not reached; try the backup or try again.' },
  },
});

/** How a contact was made. */
export enum IncidentContactChannel {
  PHONE = 'PHONE',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  OTHER = 'OTHER',
}

registerEnumType(IncidentContactChannel, {
  name: 'IncidentContactChannel',
  description: 'How a contact of an incident\'s contact list was made (or tried).',
  valuesConfig: {
    PHONE: { description: 'By telephone.' },
    SMS: { description: 'By text message.' },
    EMAIL: { description: 'By e-mail.' },
    MEETING: { description: 'In person, e.g. at a meeting or on site.' },
    OTHER: { description: 'Some other way; say which in `note`.' },
  },
});

/**
 * An incident (händelse): something serious that happened in an area. Opening it activates the
 * area's crisis roster, copied into its contact list; the copy is kept, so later roster changes
 * do not rewrite who was to be contacted.
 */
@ObjectType({
  description:
    'An incident: something serious that happened in an area (e.g. a shooting), owned by the organisation that opened it, usually the local police or the municipality, and shown only to those its owner chose (`visibility`). Opening it activated the crisis roster: its contact list (`contacts`) is a copy of the roster\'s lines for its kind as they stood then, with the log of who was contacted. Area-level only: no person-level data, and text that looks like it contains a personal identity number is refused.',
})
@Directive('@key(fields: "id")')
@Entity('incidents')
export class Incident extends OwnedRecord {
  /** Code of the area the incident happened in; exposed as `area`. */
  @Column('text', { name: 'area_code' })
  areaCode: string;

  @Field(() => IncidentKind, { description: 'What kind of incident it is; the contact list was made from the roster\'s lines for this kind.' })
  @Column('text')
  kind: IncidentKind;

  @Field(() => IncidentSeverity, { description: 'How serious it is for the area (CAP 1.2 severities).' })
  @Column('text')
  severity: IncidentSeverity;

  @Field(() => IncidentStatus, { description: 'Where the incident is in its course: OPEN → ACTIVE → STOOD_DOWN → CLOSED.' })
  @Column('text')
  status: IncidentStatus;

  @Field({ description: 'A short title (1–200 characters), at area level, e.g. "Skottlossning i Gottsunda centrum".' })
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true, description: 'What happened, at area level (up to 4000 characters): never names or identity numbers.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field({ description: 'When it happened (or began).' })
  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  /** Where it happened, if given; exposed as `point`. */
  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Field({ description: 'When the incident was opened and its crisis roster activated: the contact deadline counts from here.' })
  @Column('timestamptz', { name: 'activated_at' })
  activatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was stood down (status STOOD_DOWN), if it was.' })
  @Column('timestamptz', { name: 'stood_down_at', nullable: true })
  stoodDownAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed (status CLOSED), if it was.' })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /**
   * The area whose roster the contact list was copied from (this area's or the nearest wider one's),
   * null when none was found; exposed as `rosterArea`, and `contactListComplete` is whether it is set.
   */
  @Column('text', { name: 'roster_area_code', nullable: true })
  rosterAreaCode: string | null;


  /** When the change feed was told that the incident became overdue (`recordOverdueIncidents`); not a GraphQL field. */
  @Column('timestamptz', { name: 'overdue_recorded_at', nullable: true })
  overdueRecordedAt: Date | null;
}

/**
 * One line of an incident's contact list: a copy of a roster line at activation, with where its
 * contact stands. Part of its incident: shown with it, changed through it (each change is a new
 * version of the incident).
 */
@ObjectType({
  description:
    'One line of an incident\'s contact list: whom to contact (a contact function, copied from the crisis roster when the incident was opened), and the latest contact logged for it (`log` keeps every one). Function over person: no person is named. Shown to those who see the incident.',
})
@Entity('incident_contacts')
export class IncidentContact extends RosterLine {
  @Column('uuid', { name: 'incident_id' })
  incidentId: string;

  @Field(() => IncidentContactStatus, { description: 'Where the contact stands: the outcome of the latest entry logged for this line.' })
  @Column('text')
  status: IncidentContactStatus;

  @Field(() => IncidentContactChannel, { nullable: true, description: 'How the latest contact was made or tried; null while UNCONTACTED.' })
  @Column('text', { nullable: true })
  channel: IncidentContactChannel | null;

  @Field(() => Date, { nullable: true, description: 'When the latest contact was made or tried; null while UNCONTACTED.' })
  @Column('timestamptz', { name: 'contacted_at', nullable: true })
  contactedAt: Date | null;

  /** The organisation that logged the latest contact; exposed as `contactedBy`. */
  @Column('uuid', { name: 'contacted_by_id', nullable: true })
  contactedById: string | null;

  @Field(() => String, { nullable: true, description: 'What the party will do, in its words, e.g. "Öppnar lokalen i kväll", "POSOM aktiverad".' })
  @Column('text', { nullable: true })
  commitment: string | null;

  @Field(() => String, { nullable: true, description: 'A note on the latest contact, e.g. "Ingen svarade, sms skickat".' })
  @Column('text', { nullable: true })
  note: string | null;
}

/** One party's part of an incident's joint follow-up: what worked and what did not. */
@ObjectType({
  description: 'One party\'s entry in an incident\'s joint follow-up, written after it was stood down or closed: what worked and what did not. One per organisation; shown to those who see the incident.',
})
@Entity('incident_follow_ups')
export class IncidentFollowUp {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'incident_id' })
  incidentId: string;

  /** The organisation that wrote it; exposed as `author`. */
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Field({ description: 'What worked in the crisis collaboration (1–2000 characters).' })
  @Column('text', { name: 'what_worked' })
  whatWorked: string;

  @Field({ description: 'What did not work, and what to do differently (1–2000 characters).' })
  @Column('text', { name: 'what_did_not_work' })
  whatDidNotWork: string;

  @Field({ description: 'When it was written.' })
  @Column('timestamptz', { name: 'written_at' })
  writtenAt: Date;
}
