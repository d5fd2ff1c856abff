import { DataSource, In, ObjectLiteral } from 'typeorm';
import { areaConditionSql, areaJoinSql, changeLogLoader, externalIdLoader, webhookDeliveriesLoader } from '@samverkan/federation';
import { byArguments, conditionedListQuery, firstPerKeyLoader, groupLoader, isUuid, NestedListPairs, recordLoader, Viewer } from '@samverkan/platform';
import { ActorAgreementsArgs, AreaAgreementsArgs } from './agreement/agreement.inputs';
import { Agreement, AgreementParty, AgreementStatus, PartyRole } from './agreement/agreement';
import { Area } from './stubs';
import { agreementVisibleSql, whereAgreementVisible } from './agreement/agreement-access';
import { agreementFiguresLoader, partnershipMunicipalitiesLoader } from './figures/figures.loaders';
import { lifecycleLoaders } from './lifecycle/lifecycle.loaders';
import { expiringSql, ExpiryWindow } from './lifecycle/expiry';
import { templateLoaders } from './templates/template.loaders';
import { resourceLoaders } from './resources/resources.loaders';
import { phaseLoaders } from './phases/phases.loaders';
import { invitationLoaders } from './parties/invitations.loaders';
import { citizenPromiseLoaders } from './citizen-promises/citizen-promise.loaders';

/** A nested list's arguments with its statuses made one list (all when empty), and its expiry window as of the request, if any. */
type WithStatuses<A> = Omit<A, 'statuses' | 'expiresWithinDays'> & { statuses: AgreementStatus[]; expiry?: ExpiryWindow };

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
    const query = whereAgreementVisible(
      dataSource.getRepository(Agreement).createQueryBuilder('agreement').where('agreement.id = ANY(CAST(:ids AS uuid[]))', { ids: ids.filter(isUuid) }),
      viewer,
    );
    if (statuses.length) query.andWhere('agreement.status IN (:...statuses)', { statuses });
    return query.orderBy('agreement.title', 'ASC').addOrderBy('agreement.id', 'ASC').getMany();
  };

  /**
   * SQL conditions and parameters over the agreements as `r` shared by the nested lists: those the
   * viewer may see, with one of `statuses` (all when empty).
   */
  const listed = (statuses: AgreementStatus[], expiry?: ExpiryWindow): Array<[string, ObjectLiteral]> => [
    agreementVisibleSql('r', viewer),
    ...(statuses.length ? [['r.status IN (:...statuses)', { statuses }] as [string, ObjectLiteral]] : []),
    ...(expiry ? [[expiringSql('r'), expiry] as [string, ObjectLiteral]] : []),
  ];
  /** A bounded nested list: the first `first` agreements per key, by title, the bound in SQL. */
  const byTitleLoader = (pairs: NestedListPairs, conditions: Array<[string, ObjectLiteral]>, first: number, statuses: AgreementStatus[], accept: (key: string) => boolean) =>
    firstPerKeyLoader<Agreement>(
      dataSource,
      (keys) => conditionedListQuery(keys, { pairs, table: 'agreements', conditions, order: 'r.title ASC, r.id ASC', accept }),
      (ids) => visibleByTitle(ids, statuses),
      first,
    );
  /** `Actor.agreements`: by actor id, the first agreements the actor is a party to (covering `areaCode`, when given). */
  const ofActor = byArguments(({ statuses, first, areaCode, areaScope, expiry }: WithStatuses<ActorAgreementsArgs>) => {
    const area = areaConditionSql('covered.area_code', { areaCode, areaScope });
    return byTitleLoader(
      `SELECT p.actor_id::text AS key, p.agreement_id AS id FROM agreement_parties p
        WHERE p.actor_id = ANY(CAST(:keys AS uuid[]))`,
      [
        ...listed(statuses, expiry),
        ...area.map(([condition, parameters]): [string, ObjectLiteral] => [
          `EXISTS (SELECT 1 FROM agreement_areas covered WHERE covered.agreement_id = r.id AND ${condition})`,
          parameters,
        ]),
      ],
      first,
      statuses,
      isUuid,
    );
  });
  /** `Area.agreements`: by area code, the first agreements covering the area. */
  const inArea = byArguments(({ statuses, first, scope, expiry }: WithStatuses<AreaAgreementsArgs>) =>
    byTitleLoader(
      (codes) => {
        const [join, parameters] = areaJoinSql('agreement_areas', codes, scope, 'CAST(:keys AS text[])');
        return [`SELECT k.key, t.agreement_id AS id FROM ${join}`, parameters];
      },
      listed(statuses, expiry),
      first,
      statuses,
      () => true,
    ),
  );
  /** The same statuses in the same order make the same loader. */
  const distinct = (statuses: AgreementStatus[] | null | undefined) => [...new Set(statuses ?? [])].sort();

  return {
    changeLog: changeLogLoader(dataSource),
    webhookDeliveries: webhookDeliveriesLoader(dataSource),
    /** By id, for `agreement(id)` and `_entities`: null when there is none or the viewer may not see it. */
    agreement: recordLoader<string, Agreement>((ids) => visibleByTitle(ids), (a) => a.id),
    /** The viewer's organisation's agreements by their `externalId`. */
    agreementByExternalId: externalIdLoader(dataSource, Agreement, viewer),
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
    /** The month's agreement figure families (`Figures.agreements`), by month, over the records the viewer's basis covers. */
    figures: agreementFiguresLoader(dataSource, viewer),
    /** The month's count of municipalities with an active police and civil-society agreement, by month. */
    partnershipMunicipalities: partnershipMunicipalitiesLoader(dataSource, viewer),
    /** The nested-list loaders for these arguments (all statuses when left out or empty; `expiresWithinDays` as `expiry`, from the request's clock), made on first use in the request. */
    agreementsOfActor: ({ expiresWithinDays: _days, ...args }: ActorAgreementsArgs, expiry?: ExpiryWindow) => ofActor({ ...args, statuses: distinct(args.statuses), expiry }),
    agreementsInArea: ({ expiresWithinDays: _days, ...args }: AreaAgreementsArgs, expiry?: ExpiryWindow) => inArea({ ...args, statuses: distinct(args.statuses), expiry }),
    ...lifecycleLoaders(dataSource),
    ...templateLoaders(dataSource, viewer),
    ...resourceLoaders(dataSource, viewer),
    ...phaseLoaders(dataSource, viewer),
    ...invitationLoaders(dataSource),
    ...citizenPromiseLoaders(dataSource, viewer),
  };
}

export type AgreementsLoaders = ReturnType<typeof createLoaders>;
