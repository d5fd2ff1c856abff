import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from '@samverkan/platform';
import { ENTITIES, todayInSweden } from '@samverkan/federation';

export enum ContactChannelKind {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEB = 'WEB',
  SMS = 'SMS',
  OTHER = 'OTHER',
}

registerEnumType(ContactChannelKind, {
  name: 'ContactChannelKind',
  description: 'How a contact function is reached.',
  valuesConfig: {
    PHONE: { description: 'A telephone number, national ("010-123 45 67") or international ("+46 10 123 45 67").' },
    EMAIL: { description: 'An e-mail address, preferably a function mailbox rather than a personal one.' },
    WEB: { description: 'A web page or form (http or https URL).' },
    SMS: { description: 'A mobile number for text messages, in the same formats as PHONE.' },
    OTHER: { description: 'Anything else, e.g. a visiting address or "via the reception"; explain in `note`.' },
  },
});

export enum ContactHolderRole {
  HOLDER = 'HOLDER',
  BACKUP = 'BACKUP',
}

registerEnumType(ContactHolderRole, {
  name: 'ContactHolderRole',
  description: 'How a person holds a contact function.',
  valuesConfig: {
    HOLDER: { description: 'Holds the function (ordinarily answers it).' },
    BACKUP: { description: 'Stands in when the holder is away or leaves (ersättare).' },
  },
});

@ObjectType({ description: 'One way to reach a contact function.' })
export class ContactChannel {
  @Field(() => ContactChannelKind, { description: 'What kind of channel this is.' })
  kind: ContactChannelKind;

  @Field({ description: 'The number, address or URL.' })
  value: string;

  @Field(() => String, { nullable: true, description: 'When or how to use it, e.g. "vardagar 8–16" or "ej akut – ring 112 vid akut fara".' })
  note: string | null;
}

/**
 * A named function that is a contact point ("kommunpolis Järva", "fritidssamordnare", "ordförande"):
 * people come and go, the function stays. Its name, actor and area are public; how to reach it and
 * who holds it are for the network only.
 */
@ObjectType({ description: ENTITIES.ContactFunction.description })
@Directive('@key(fields: "id")')
@Entity('contact_functions')
export class ContactFunction extends VersionedRecord {
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  /**
   * The organisation maintaining the actor's entry (its `ownerId`), which an actor's records never
   * change: written by the database when the row is inserted, and the scope of `externalId`.
   */
  @Column({ type: 'uuid', name: 'maintainer_id', insert: false, update: false })
  maintainerId: string;

  /** The maintaining organisation's own system's id of the record (unique per maintainer); exposed to it by `externalIdFields`. */
  @Column('text', { name: 'external_id', nullable: true })
  externalId: string | null;

  @Field({ description: 'Name of the function, e.g. "Kommunpolis Järva" or "POSOM-samordnare Uppsala".' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'What to contact the function about, in the actor\'s words.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { name: 'area_code' })
  areaCode: string;

  /** How to reach the function, in the order the actor prefers; shown to the network only (see the resolver). */
  @Column('jsonb', { default: () => "'[]'" })
  channels: ContactChannel[];
}

/** A person who holds, or stood in for, a contact function during a period. */
@ObjectType({ description: 'A person who holds a contact function, or backs it up, during a period. Shown to signed-in parties only.' })
@Entity('contact_function_holders')
export class ContactFunctionHolder {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'function_id' })
  functionId: string;

  @Field({ description: 'Name of the person.' })
  @Column('varchar', { name: 'person_name', length: 200 })
  personName: string;

  @Field(() => ContactHolderRole, { description: 'Holder or backup.' })
  @Column('text')
  role: ContactHolderRole;

  @Field(() => GraphQLLocalDate, { name: 'from', nullable: true, description: 'First day the person holds the function; null when not recorded.' })
  @Column('date', { name: 'valid_from', nullable: true })
  validFrom: string | null;

  @Field(() => GraphQLLocalDate, { name: 'until', nullable: true, description: 'Last day the person holds the function; null while ongoing.' })
  @Column('date', { name: 'valid_until', nullable: true })
  validUntil: string | null;

  @Column('integer')
  position: number;

  @Field({ description: 'Whether the period includes today (Swedish time): only current holders count against a one-person dependency.' })
  get isCurrent(): boolean {
    return isCurrentOn(this, todayInSweden());
  }
}

/** Today's date in Sweden, 'YYYY-MM-DD': holders' periods are calendar days in Swedish time. */

/** Whether a holder's period includes `day` (open ends are unbounded). */
export const isCurrentOn = (holder: Pick<ContactFunctionHolder, 'validFrom' | 'validUntil'>, day: string) =>
  (holder.validFrom === null || holder.validFrom <= day) && (holder.validUntil === null || holder.validUntil >= day);

/** SQL: the number of current holders of the function in `functionColumn` on the day `dayExpr`. */
export const currentHolderCountSql = (functionColumn: string, dayExpr: string) =>
  `(SELECT count(*) FROM contact_function_holders h WHERE h.function_id = ${functionColumn}
     AND (h.valid_from IS NULL OR h.valid_from <= CAST(${dayExpr} AS date))
     AND (h.valid_until IS NULL OR h.valid_until >= CAST(${dayExpr} AS date)))`;

/** Fewer current holders than this makes a function a one-person dependency. */
export const MIN_CURRENT_HOLDERS = 2;
