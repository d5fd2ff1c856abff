import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { canSee, forbidden, isOwnerMember, isWriter, visibleSql } from '@samverkan/federation';
import { isSignedIn, notFound, Viewer } from '@samverkan/platform';
import { Agreement } from './agreement';

/**
 * Who sees an agreement: whom its owner lets see it (`visibility`), and every organisation it names
 * as a party, whatever its answer: an invited organisation must read the draft it is asked to
 * confirm. One rule for every path: lists, references, nested lists, the change feed (its
 * audience, `AGREEMENT_FEED_TYPES`) and, through the agreement, everything that belongs to it.
 */
export function agreementVisibleSql(alias: string, viewer: Viewer): [string, ObjectLiteral] {
  const [owned, parameters] = visibleSql(alias, viewer);
  if (!isSignedIn(viewer)) return [owned, parameters];
  return [
    `(${owned} OR EXISTS (SELECT 1 FROM agreement_parties named WHERE named.agreement_id = ${alias}.id AND named.actor_id = :viewerOrganisation))`,
    { ...parameters, viewerOrganisation: viewer.organisationId },
  ];
}

/** `agreementVisibleSql` as a condition on a query. */
export const whereAgreementVisible = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, viewer: Viewer, alias = query.alias) =>
  query.andWhere(...agreementVisibleSql(alias, viewer));

/** SQL: the audience of the agreements `g` as the change feed keeps it: the owner's choice widened to SHARED with the named parties. */
export const AGREEMENT_AUDIENCE_SQL = `
  CASE WHEN g.visibility IN ('OWNER', 'SHARED') AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = g.id AND p.actor_id <> g.owner_id)
       THEN 'SHARED' ELSE g.visibility END AS visibility,
  g.owner_id,
  ARRAY(SELECT DISTINCT x FROM unnest(g.shared_with || ARRAY(SELECT p.actor_id FROM agreement_parties p WHERE p.agreement_id = g.id)) AS x WHERE x <> g.owner_id ORDER BY x) AS shared_with`;

/** `agreementVisibleSql` for one agreement and the organisations it names: NOT_FOUND for whom it does not exist. */
export function assertMaySeeAgreement(agreement: Agreement, partyIds: readonly string[], viewer: Viewer): void {
  const named = isSignedIn(viewer) && partyIds.includes(viewer.organisationId);
  if (!canSee(agreement, viewer) && !named) throw notFound('Agreement', agreement.id);
}

/**
 * Who may change an agreement and what belongs to it: coordinators of its owner. A named party sees
 * it and is told FORBIDDEN; anyone else is told NOT_FOUND, so a refusal never reveals it.
 */
export function assertCanChangeAgreement(agreement: Agreement, partyIds: readonly string[], viewer: Viewer): void {
  assertMaySeeAgreement(agreement, partyIds, viewer);
  if (!isOwnerMember(agreement, viewer) || !isWriter(viewer)) {
    throw forbidden('Only coordinators of the organisation that owns this Agreement may change it');
  }
}
