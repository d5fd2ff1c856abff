import { Field, ObjectType } from 'type-graphql';
import { badInput, Clock } from '@samverkan/platform';
import { TeamFunction } from '../teams/team-vocabulary';
import { Actor } from '../stubs';
import { Concern } from './concern';
import { LegalBasis } from './concern-vocabulary';
import { ConsentInput } from './concern.inputs';

/** The guardian's consent as recorded on a concern (its consent columns, shown together). */
@ObjectType({ description: "The guardian's consent: whether it was given, to which kinds of team organisation, for what, recorded when and by whom; and its withdrawal." })
export class Consent {
  @Field({ description: 'Whether the guardian consented. Without consent only the receiving organisation and the social services read the concern.' })
  given: boolean;

  @Field(() => [TeamFunction], { description: 'The functions of the team whose organisations may read the concern while consent stands; empty when not given.' })
  functions: TeamFunction[];

  @Field(() => String, { nullable: true, description: 'What the guardian consented to; null when not given.' })
  purpose: string | null;

  @Field(() => Date, { nullable: true, description: 'When the guardian consented; null when not given.' })
  givenAt: Date | null;

  @Field(() => Actor, { description: 'The organisation that recorded the consent (or its absence): the receiving organisation.' })
  recordedBy: Actor;

  @Field({ description: 'When the consent was recorded.' })
  recordedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the guardian withdrew consent, as a team member recorded it: reads by the organisations it covered stopped then.' })
  withdrawnAt: Date | null;

  @Field(() => Actor, { nullable: true, description: 'The organisation that recorded the withdrawal.' })
  withdrawnBy: Actor | null;
}

export const consentOf = (concern: Concern): Consent => ({
  given: concern.consentGiven,
  functions: concern.consentFunctions,
  purpose: concern.consentPurpose,
  givenAt: concern.consentGivenAt,
  recordedBy: { id: concern.consentRecordedBy },
  recordedAt: concern.consentRecordedAt,
  withdrawnAt: concern.consentWithdrawnAt,
  withdrawnBy: concern.consentWithdrawnBy ? { id: concern.consentWithdrawnBy } : null,
});

/**
 * Consent consistent with itself and the legal basis: given, it names at least one function, a
 * purpose and a time not in the future; not given, it names none of them; CONSENT as legal basis
 * needs it given. Every problem is named at once.
 */
export function assertConsistentConsent(consent: ConsentInput, legalBasis: LegalBasis, clock: Clock): void {
  const problems: Array<{ field: string; message: string }> = [];
  const present = (value: unknown) => value !== null && value !== undefined;
  if (consent.given) {
    if (!consent.functions?.length) problems.push({ field: 'consent.functions', message: 'name at least one function when consent is given' });
    if (!consent.purpose?.trim()) problems.push({ field: 'consent.purpose', message: 'required when consent is given' });
    if (!consent.givenAt) problems.push({ field: 'consent.givenAt', message: 'required when consent is given' });
    else if (consent.givenAt.getTime() > clock.now().getTime()) problems.push({ field: 'consent.givenAt', message: 'must not be in the future' });
  } else {
    for (const field of ['functions', 'purpose', 'givenAt'] as const) {
      if (present(consent[field])) problems.push({ field: `consent.${field}`, message: 'must be left out when consent is not given' });
    }
    if (legalBasis === LegalBasis.CONSENT) problems.push({ field: 'legalBasis', message: 'CONSENT needs consent.given' });
  }
  if (problems.length) {
    throw badInput(`The consent is not consistent: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}. Nothing was written.`, problems);
  }
}
