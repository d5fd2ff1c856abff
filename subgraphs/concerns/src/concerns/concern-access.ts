import { ObjectLiteral } from 'typeorm';
import { ActorKind } from '@samverkan/federation';
import { isSignedIn, Viewer } from '@samverkan/platform';
import { TeamFunction } from '../teams/team-vocabulary';
import { Concern } from './concern';
import { ConcernRecipient } from './concern-recipient';

/**
 * Who reads a concern (docs/dpia-concerns.md §4), the one rule every path applies: lists, one by
 * id, `_entities`, mutations (a concern one may not read is NOT_FOUND), the clock's and the
 * audit's views. Nobody reads by role alone: national coordinators and administrators see figures.
 * - the receiving organisation, unless the guardian withdrew consent and it is no authority;
 * - an organisation of the activated team acting as social services, always (its own duties);
 * - any other organisation of the activated team, while consent is given, not withdrawn, and names its function.
 */
export const AUTHORITY_KINDS: readonly ActorKind[] = [ActorKind.POLICE, ActorKind.MUNICIPALITY, ActorKind.REGION, ActorKind.NATIONAL_AUTHORITY, ActorKind.SCHOOL];

const AUTHORITY_SQL = `ARRAY[${AUTHORITY_KINDS.map((kind) => `'${kind}'`).join(', ')}]::text[]`;

/** `canReadConcern` as an SQL condition over the concern columns of `alias`. */
export function concernVisibleSql(alias: string, viewer: Viewer): [string, ObjectLiteral] {
  if (!isSignedIn(viewer)) return ['FALSE', {}];
  return [
    `((${alias}.receiving_actor_id = :concernReader AND (${alias}.consent_withdrawn_at IS NULL OR ${alias}.receiving_actor_kind = ANY(${AUTHORITY_SQL})))
      OR EXISTS (SELECT 1 FROM concern_recipients reader WHERE reader.concern_id = ${alias}.id AND reader.actor_id = :concernReader
        AND (reader.function = '${TeamFunction.SOCIAL_SERVICES}'
          OR (${alias}.consent_given AND ${alias}.consent_withdrawn_at IS NULL AND reader.function = ANY(${alias}.consent_functions)))))`,
    { concernReader: viewer.organisationId },
  ];
}

/** Whether the viewer reads this concern, given the team it activated. */
export function canReadConcern(concern: Concern, recipients: readonly ConcernRecipient[], viewer: Viewer): boolean {
  if (!isSignedIn(viewer)) return false;
  const organisation = viewer.organisationId;
  if (concern.receivingActorId === organisation && (!concern.consentWithdrawnAt || AUTHORITY_KINDS.includes(concern.receivingActorKind))) return true;
  const consented = concern.consentGiven && !concern.consentWithdrawnAt;
  return recipients.some(
    (recipient) =>
      recipient.actorId === organisation &&
      (recipient.teamFunction === TeamFunction.SOCIAL_SERVICES || (consented && concern.consentFunctions.includes(recipient.teamFunction))),
  );
}
