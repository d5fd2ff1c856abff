import { Field, ObjectType } from 'type-graphql';
import { ContactChannel, ContactChannelKind, ContactFunction, ContactFunctionHolder } from './contact-function';

/**
 * An actor's public contact: the one contact function it lets the public see, with the channels it
 * chose, and nothing else (no description, no holders). Channels are chosen by kind and value: a
 * channel added or changed afterwards stays private until chosen again.
 */
@ObjectType({
  description:
    'How the public reaches an organisation: the contact function and channels its coordinators chose to publish (`setPublicContact`), and nothing more. Never names the people who hold the function.',
})
export class PublicContact {
  @Field({ description: 'Name of the contact function, e.g. "Fritidssamordnare Rinkeby-Kista".' })
  name: string;

  @Field(() => [ContactChannel], { description: 'The chosen channels, in the function\'s order of preference; never empty.' })
  channels: ContactChannel[];
}

/** A channel as the public choice names it. */
export interface ChannelKey {
  kind: ContactChannelKind;
  value: string;
}

export const channelKey = ({ kind, value }: ContactChannel): ChannelKey => ({ kind, value });

/** The words of a person's name (letters only, lower case), without parenthesised remarks such as "(demo)". */
const nameWords = (personName: string) =>
  personName
    .replace(/\([^)]*\)/g, ' ')
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 2);

/**
 * Whether a channel's value or note contains a word of a holder's name (e.g. "anna.svensson@…" or
 * "fråga efter Anna"): such a channel is personal, and a holder's name is never public.
 */
export function namesHolder(channel: ContactChannel, holders: Pick<ContactFunctionHolder, 'personName'>[]): boolean {
  const words = new Set(`${channel.value} ${channel.note ?? ''}`.toLocaleLowerCase('sv').split(/[^\p{L}]+/u));
  return holders.some((holder) => nameWords(holder.personName).some((word) => words.has(word)));
}

/**
 * What the public sees of a function chosen as public contact: its chosen channels that still exist
 * and name no holder (past, present or future). Null when none is left.
 */
export function publicContactOf(fn: ContactFunction, chosen: ChannelKey[], holders: Pick<ContactFunctionHolder, 'personName'>[]): PublicContact | null {
  const channels = fn.channels.filter(
    (channel) => chosen.some((key) => key.kind === channel.kind && key.value === channel.value) && !namesHolder(channel, holders),
  );
  return channels.length ? { name: fn.name, channels } : null;
}
