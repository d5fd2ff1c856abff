import { DataSource, In } from 'typeorm';
import { areaPairs, groupLoader, isUuid, pairedGroupLoader, perAreaScope, recordLoader } from '@samverkan/shared';
import { Agreement, AgreementParty, PartyRole } from './agreement';
import { Area } from './stubs';

/** Parties are listed role by role, in the order of the PartyRole enum. */
const ROLE_ORDER = Object.values(PartyRole);

/** Per-request loaders: every list and reference of this subgraph is fetched in one batch per level. */
export function createLoaders(dataSource: DataSource) {
  const agreements = dataSource.getRepository(Agreement);

  /** Agreement lists are ordered by title, then id, as the root list. */
  const byTitle = (ids: string[]) => agreements.find({ where: { id: In(ids) }, order: { title: 'ASC', id: 'ASC' } });

  return {
    agreement: recordLoader<string, Agreement>((ids) => agreements.findBy({ id: In(ids.filter(isUuid)) }), (a) => a.id),
    partiesOfAgreement: groupLoader<string, AgreementParty>(async (ids) => {
      const parties = await dataSource.getRepository(AgreementParty).findBy({ agreementId: In(ids.filter(isUuid)) });
      return parties
        .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.actorId.localeCompare(b.actorId))
        .map((p) => [p.agreementId, p]);
    }),
    areasOfAgreement: groupLoader<string, Area>(async (ids) => {
      const links: Array<{ agreement_id: string; area_code: string }> = await dataSource.query(
        'SELECT agreement_id, area_code FROM agreement_areas WHERE agreement_id = ANY($1::uuid[]) ORDER BY area_code',
        [ids.filter(isUuid)],
      );
      return links.map((l) => [l.agreement_id, { code: l.area_code }]);
    }),
    agreementsOfActor: pairedGroupLoader<string, Agreement>(
      (actorIds) =>
        dataSource.query(
          `SELECT DISTINCT p.actor_id::text AS key, p.agreement_id AS id FROM agreement_parties p WHERE p.actor_id = ANY($1::uuid[])`,
          [actorIds.filter(isUuid)],
        ),
      byTitle,
    ),
    agreementsInArea: perAreaScope((scope) => pairedGroupLoader(areaPairs(dataSource, 'agreement_areas', 'area_code', scope, 'agreement_id'), byTitle)),
  };
}

export type AgreementsLoaders = ReturnType<typeof createLoaders>;
