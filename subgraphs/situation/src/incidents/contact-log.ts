import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, EntityManager, PrimaryGeneratedColumn } from 'typeorm';
import { IncidentContact, IncidentContactChannel, IncidentContactStatus } from './incident';

/**
 * One entry of an incident's contact log: a contact made or tried, of one line of its contact list.
 * Append-only: the line keeps the latest one as its state, the log keeps them all.
 */
@ObjectType({
  description:
    'One entry of an incident\'s contact log: one contact made or tried for a line of its contact list: who (an organisation, never a person) contacted whom (`contact`), when, by which channel, with what outcome and what the party will do. Entries are never changed; they go only with their incident. Shown to those who see the incident.',
})
@Entity('incident_contact_log')
export class IncidentContactLogEntry {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The order entries were logged in (a line's latest is its last); not a GraphQL field. */
  @Column({ type: 'bigint', insert: false, update: false })
  sequence: string;

  @Column('uuid', { name: 'incident_id' })
  incidentId: string;

  /** The line of the contact list; exposed as `contact`. */
  @Column('uuid', { name: 'contact_id' })
  contactId: string;

  @Field({ description: 'When the entry was logged.' })
  @Column('timestamptz', { name: 'logged_at' })
  loggedAt: Date;

  @Field({ description: 'When the contact was made or tried, as the one logging it said (not before the incident was opened, not after `loggedAt`).' })
  @Column('timestamptz', { name: 'contacted_at' })
  contactedAt: Date;

  @Field(() => IncidentContactStatus, { description: 'The outcome: CONTACTED, ACKNOWLEDGED or NOT_REACHED.' })
  @Column('text')
  outcome: IncidentContactStatus;

  @Field(() => IncidentContactChannel, { description: 'How the contact was made or tried.' })
  @Column('text')
  channel: IncidentContactChannel;

  /** The organisation that logged it; exposed as `contactedBy`. */
  @Column('uuid', { name: 'contacted_by_id' })
  contactedById: string;

  @Field(() => String, { nullable: true, description: 'What the party will do, in its words, e.g. "POSOM aktiverad".' })
  @Column('text', { nullable: true })
  commitment: string | null;

  @Field(() => String, { nullable: true, description: 'A note on the contact, e.g. "Inget svar, sms skickat".' })
  @Column('text', { nullable: true })
  note: string | null;
}

/** A contact made or tried, as logged. */
export type LoggedContact = Pick<IncidentContactLogEntry, 'outcome' | 'channel' | 'contactedAt' | 'contactedById' | 'commitment' | 'note'>;

/** Logs a contact in the caller's transaction: the log keeps it, and the line takes it as its current state. */
export async function logContact(manager: EntityManager, line: IncidentContact, contact: LoggedContact, loggedAt: Date): Promise<void> {
  const { outcome, ...rest } = contact;
  await manager.getRepository(IncidentContactLogEntry).insert({ ...contact, incidentId: line.incidentId, contactId: line.id, loggedAt });
  await manager.getRepository(IncidentContact).update(line.id, { ...rest, status: outcome });
}
