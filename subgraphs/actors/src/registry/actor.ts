import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ActorKind, ENTITIES } from '@samverkan/federation';
import { VersionedRecord } from '@samverkan/platform';
import { SupportNeed } from './support-need';
import type { ChannelKey } from '../contact-functions/public-contact';

// The vocabulary is shared: other subgraphs name actor kinds too (e.g. an agreement template's suggested parties).
export { ActorKind };

@ObjectType({ description: ENTITIES.Actor.description })
@Directive('@key(fields: "id")')
@Entity('actors')
export class Actor extends VersionedRecord {
  @Field({ description: 'Name of the organisation or unit, e.g. "Lokalpolisområde Rinkeby" or "Rädda Barnen Göteborg".' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => ActorKind, { description: 'What kind of organisation or unit this is.' })
  @Column('text')
  kind: ActorKind;

  @Field(() => String, { nullable: true, description: 'What the actor does, in its own words.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Public web site.' })
  @Column('text', { nullable: true })
  website: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Swedish organisation number (organisationsnummer), e.g. "802005-9740", where the actor has one of its own.',
  })
  @Column('text', { name: 'organisation_number', nullable: true })
  organisationNumber: string | null;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  /** The organisation that maintains this entry: the actor itself, or e.g. the municipality that registered it. */
  @Column('uuid', { name: 'owner_id' })
  ownerId: string;

  /** The maintaining organisation's own system's id of the entry (unique per owner); exposed to the owner by `externalIdFields`. */
  @Column('text', { name: 'external_id', nullable: true })
  externalId: string | null;

  // Whether the actor can receive young people at risk, and what it needs for that: network-only
  // fields (see service.resolver.ts), since such a label must never scare young people away.
  @Column('boolean', { name: 'receives_young_people_at_risk', default: false })
  receivesYoungPeopleAtRisk: boolean;

  @Column('text', { name: 'support_needs', array: true, default: () => "'{}'" })
  supportNeeds: SupportNeed[];

  @Column('text', { name: 'support_note', nullable: true })
  supportNote: string | null;

  /** The contact function the public may see, and which of its channels (contact-functions/public-contact.ts). */
  @Column('uuid', { name: 'public_contact_function_id', nullable: true })
  publicContactFunctionId: string | null;

  @Column('jsonb', { name: 'public_contact_channels', default: () => "'[]'" })
  publicContactChannels: ChannelKey[];

  @Field(() => Date, {
    nullable: true,
    description: 'When an administrator archived the actor (it stopped, merged or was registered by mistake); null while it is active.',
  })
  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the actor was archived, as the administrator wrote it (public, like the registry).' })
  @Column('text', { name: 'archived_reason', nullable: true })
  archivedReason: string | null;

  @Field({
    description:
      'True for an archived actor: still shown where records name it, with its history, but left out of lists and coverage unless asked for (`includeArchived`), and its tokens are refused.',
  })
  get archived(): boolean {
    return Boolean(this.archivedAt);
  }
}

/** The areas an actor works in (many per actor). */
@Entity('actor_areas')
export class ActorArea {
  @PrimaryColumn('uuid', { name: 'actor_id' })
  actorId: string;

  @PrimaryColumn('text', { name: 'area_code' })
  areaCode: string;
}
