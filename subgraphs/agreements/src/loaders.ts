import { DataSource, In } from 'typeorm';
import { areaPairs, changeLogLoader, perAreaScope, whereVisible } from '@samverkan/federation';
import { groupLoader, isUuid, pairedGroupLoader, recordLoader, Viewer } from '@samverkan/platform';
import { Agreement, AgreementParty, PartyRole } from './agreement';
import { Area } from './stubs';

/** Parties are listed role by role, in the order of the PartyRole enum. */
const ROLE_ORDER = Object.values(PartyRole);

/**
 * Per-request loaders for one viewer: every list and reference of this subgraph is fetched in one
 * batch per level, and every loader that returns agreements returns only those the viewer may see.
 */
export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  /** The agreements with these ids that the viewer may see, ordered by title, then id, as the root list. */
  const visibleByTitle = (ids: string[]) =>
    whereVisible(
      dataSource.getRepository(Agreement).createQueryBuilder('agreement').where('agreement.id = ANY(CAST(:ids AS uuid[]))', { ids: ids.filter(isUuid) }),
      viewer,
    )
      .orderBy('agreement.title', 'ASC')
      .addOrderBy('agreement.id', 'ASC')
      .getMany();

  return {
    changeLog: changeLogLoader(dataSource),
    /** By id, for `agreement(id)` and `_entities`: null when there is none or the viewer may not see it. */
    agreement: recordLoader<string, Agreement>(visibleByTitle, (a) => a.id),
    // Parties and areas are only asked for agreements the viewer has been shown.
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
      visibleByTitle,
    ),
    agreementsInArea: perAreaScope((scope) =>
      pairedGroupLoader(areaPairs(dataSource, 'agreement_areas', 'area_code', scope, 'agreement_id'), visibleByTitle),
    ),
  };
}

export type AgreementsLoaders = ReturnType<typeof createLoaders>;
