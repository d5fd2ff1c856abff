import { DataSource, In } from 'typeorm';
import { areaPairs, changeLogLoader, perAreaScope, whereVisible } from '@samverkan/federation';
import { byArguments, groupLoader, isUuid, MAX_PAGE_SIZE, pairedGroupLoader, recordLoader, Viewer } from '@samverkan/platform';
import { Agreement, AgreementParty, AgreementStatus, PartyRole } from './agreement';
import { Area } from './stubs';
import { agreementFiguresLoader, partnershipMunicipalitiesLoader } from './figures/figures.loaders';

/**
 * A nested list (`Actor.agreements`, `Area.agreements`) holds at most a page of agreements, the first
 * by title: `Area(SE).agreements` would otherwise be every agreement. The root list pages through all.
 */
export const MAX_NESTED_AGREEMENTS = MAX_PAGE_SIZE;

/** Parties are listed role by role, in the order of the PartyRole enum. */
const ROLE_ORDER = Object.values(PartyRole);

/**
 * Per-request loaders for one viewer: every list and reference of this subgraph is fetched in one
 * batch per level, and every loader that returns agreements returns only those the viewer may see.
 */
export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  /**
   * The agreements with these ids that the viewer may see (and with one of `statuses`, when given),
   * ordered by title, then id, as the root list.
   */
  const visibleByTitle = (ids: string[], statuses: AgreementStatus[] = []) => {
    const query = whereVisible(
      dataSource.getRepository(Agreement).createQueryBuilder('agreement').where('agreement.id = ANY(CAST(:ids AS uuid[]))', { ids: ids.filter(isUuid) }),
      viewer,
    );
    if (statuses.length) query.andWhere('agreement.status IN (:...statuses)', { statuses });
    return query.orderBy('agreement.title', 'ASC').addOrderBy('agreement.id', 'ASC').getMany();
  };

  /** The nested lists (`Actor.agreements`, `Area.agreements`) of agreements with one of `statuses` (all when empty). */
  const nestedLists = (statuses: AgreementStatus[]) => {
    const fetch = (ids: string[]) => visibleByTitle(ids, statuses);
    const bounded = { limit: MAX_NESTED_AGREEMENTS };
    return {
      ofActor: pairedGroupLoader<string, Agreement>(
        (actorIds) =>
          dataSource.query(
            `SELECT DISTINCT p.actor_id::text AS key, p.agreement_id AS id FROM agreement_parties p WHERE p.actor_id = ANY($1::uuid[])`,
            [actorIds.filter(isUuid)],
          ),
        fetch,
        bounded,
      ),
      inArea: perAreaScope((scope) => pairedGroupLoader(areaPairs(dataSource, 'agreement_areas', 'area_code', scope, 'agreement_id'), fetch, bounded)),
    };
  };
  const nestedListsFor = byArguments(({ statuses }: { statuses: AgreementStatus[] }) => nestedLists(statuses));

  return {
    changeLog: changeLogLoader(dataSource),
    /** By id, for `agreement(id)` and `_entities`: null when there is none or the viewer may not see it. */
    agreement: recordLoader<string, Agreement>((ids) => visibleByTitle(ids), (a) => a.id),
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
    /** The nested-list loaders for these statuses (all when left out or empty), made on first use in the request. */
    /** The month's agreement figure families (`Figures.agreements`), by month, over the records the viewer's basis covers. */
    figures: agreementFiguresLoader(dataSource, viewer),
    /** The month's count of municipalities with an active police and civil-society agreement, by month. */
    partnershipMunicipalities: partnershipMunicipalitiesLoader(dataSource, viewer),
    withStatuses: (statuses: AgreementStatus[] | null | undefined) => nestedListsFor({ statuses: [...new Set(statuses ?? [])].sort() }),
  };
}

export type AgreementsLoaders = ReturnType<typeof createLoaders>;
