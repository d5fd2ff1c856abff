import { DataSource, In } from 'typeorm';
import { areaMatchSql, AreaScope, groupLoader, isUuid, recordLoader } from '@samverkan/shared';
import { Agreement, AgreementParty, PartyRole } from './agreement';
import { Area } from './stubs';

/** Parties are listed role by role, in the order of the PartyRole enum. */
const ROLE_ORDER = Object.values(PartyRole);

/** Per-request loaders: every list and reference of this subgraph is fetched in one batch per level. */
export function createLoaders(dataSource: DataSource) {
  const agreements = dataSource.getRepository(Agreement);

  /** Pairs a key with the agreements found for it, ordered by title (then id, as the root list). */
  const pairAgreements = async (pairs: Array<{ key: string; agreement_id: string }>): Promise<Array<[string, Agreement]>> => {
    if (pairs.length === 0) return [];
    const found = await agreements.find({
      where: { id: In([...new Set(pairs.map((p) => p.agreement_id))]) },
      order: { title: 'ASC', id: 'ASC' },
    });
    const rank = new Map(found.map((agreement, index) => [agreement.id, index]));
    const byId = new Map(found.map((agreement) => [agreement.id, agreement]));
    return pairs
      .filter((p) => byId.has(p.agreement_id))
      .sort((a, b) => rank.get(a.agreement_id)! - rank.get(b.agreement_id)!)
      .map((p) => [p.key, byId.get(p.agreement_id)!]);
  };

  const agreementsInArea = (scope: AreaScope) =>
    groupLoader<string, Agreement>(async (codes) =>
      pairAgreements(
        await dataSource.query(
          `SELECT DISTINCT k.code AS key, aa.agreement_id FROM agreement_areas aa
             JOIN unnest($1::text[]) AS k(code) ON ${areaMatchSql('aa.area_code', 'k.code', scope)}`,
          [codes],
        ),
      ),
    );

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
    agreementsOfActor: groupLoader<string, Agreement>(async (actorIds) =>
      pairAgreements(
        await dataSource.query(
          `SELECT DISTINCT k.id AS key, p.agreement_id FROM agreement_parties p
             JOIN unnest($1::text[]) AS k(id) ON p.actor_id = k.id::uuid`,
          [actorIds.filter(isUuid)],
        ),
      ),
    ),
    agreementsInArea: {
      [AreaScope.WITHIN]: agreementsInArea(AreaScope.WITHIN),
      [AreaScope.OVERLAPPING]: agreementsInArea(AreaScope.OVERLAPPING),
    },
  };
}

export type AgreementsLoaders = ReturnType<typeof createLoaders>;
