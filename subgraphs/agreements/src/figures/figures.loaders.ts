import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  actorKinds, asOfDay, basisCondition, disclosureRule, FigureBasis, FigureFamily, firstDayOf, keptFigures, lastDayOf, periodOverlapSql, Tally,
} from '@samverkan/federation';
import { Viewer } from '@samverkan/platform';
import { AgreementKind, AgreementStatus } from '../agreement/agreement';
import { AGREEMENT_ENDINGS, AgreementEnding } from './agreement-figures';

/** The party kinds `municipalitiesWithPoliceAndCivilSociety` asks for: police on one side, civil society (faith communities included) on the other. */
export const POLICE_KINDS = ['POLICE'];
export const CIVIL_SOCIETY_KINDS = ['CIVIL_SOCIETY', 'FAITH_COMMUNITY'];

const activeFamily = (rule: ReturnType<typeof disclosureRule>, tallies: Record<string, Tally[]>) =>
  new FigureFamily(rule, tallies.total ?? [], {
    kind: { values: Object.values(AgreementKind), additive: true, tallies: tallies.kind ?? [] },
    ending: { values: AGREEMENT_ENDINGS, additive: true, tallies: tallies.ending ?? [] },
  });

/**
 * The agreements in the month that are not active on its as-of day, by status. Kept apart from the
 * active ones so that no published figure is a subset of another (see `byStatus`). Its total is never
 * published, so its status values are no partition of a published total (`additive: false`).
 */
const notActiveFamily = (rule: ReturnType<typeof disclosureRule>, tallies: Record<string, Tally[]>) =>
  new FigureFamily(rule, tallies.total ?? [], {
    status: { values: Object.values(AgreementStatus), additive: false, tallies: tallies.status ?? [] },
  });

/** One month's figure families, for every area at once, each built when first asked for (a series may ask for one only). */
export interface AgreementMonthFigures {
  /** Agreements active on the as-of day; dimensions `kind` and `ending` (each a partition). */
  active(): ReturnType<typeof activeFamily>;
  /** Agreements whose period overlaps the month but that are not active on its as-of day; dimension `status`. */
  notActive(): ReturnType<typeof notActiveFamily>;
}

const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

const PERIOD = { start: 'g.starts_on', end: 'g.ends_on' };

/** SQL: the agreement `g` is active on the day `dayExpr`: status ACTIVE and a period including the day (the `agreements` list's period rule). */
export const activeOnSql = (dayExpr: string) => `(g.status = '${AgreementStatus.ACTIVE}' AND ${periodOverlapSql(PERIOD, { from: dayExpr, to: dayExpr })})`;

/** SQL: days from the as-of day to the end, as the four `AgreementEnding` values (for agreements active on it). */
const endingSql = (dayExpr: string) => `CASE
    WHEN g.ends_on IS NULL THEN '${AgreementEnding.OPEN_ENDED}'
    WHEN g.ends_on - ${dayExpr} <= 30 THEN '${AgreementEnding.WITHIN_30_DAYS}'
    WHEN g.ends_on - ${dayExpr} <= 90 THEN '${AgreementEnding.WITHIN_90_DAYS}'
    ELSE '${AgreementEnding.LATER}' END`;

/**
 * SQL (a CTE body): per month of `$1`..`$4` (`MONTHS_SQL`), the agreements `g` the basis counts that are
 * active on its as-of day, with the as-of day and the agreement's sorted area codes (as the tallies
 * have them), for figures about what belongs to active agreements (resources, phases).
 */
export const activeAgreementsSql = (basis: FigureBasis) => `
  SELECT m.month, m.as_of, g.id, g.starts_on, g.ends_on,
         ARRAY(SELECT aa.area_code FROM agreement_areas aa WHERE aa.agreement_id = g.id ORDER BY aa.area_code COLLATE "C") AS area_codes
    FROM (${MONTHS_SQL}) AS m
    JOIN agreements g ON ${basisCondition(basis, 'g.visibility')} AND ${activeOnSql('m.as_of')}`;

type FamilyName = 'active' | 'notActive';

/** The cells one statement counts: per family, its total ('' value) and each dimension's values. */
const CELLS = [
  { family: 'active', dimension: 'total', value: '', condition: 'active' },
  ...Object.values(AgreementKind).map((value) => ({ family: 'active', dimension: 'kind', value, condition: `active AND kind = '${value}'` })),
  ...AGREEMENT_ENDINGS.map((value) => ({ family: 'active', dimension: 'ending', value, condition: `active AND ending = '${value}'` })),
  { family: 'notActive', dimension: 'total', value: '', condition: 'NOT active' },
  ...Object.values(AgreementStatus).map((value) => ({ family: 'notActive', dimension: 'status', value, condition: `NOT active AND status = '${value}'` })),
].map((cell, i) => ({ ...cell, family: cell.family as FamilyName, column: `c${i}` }));

/** SQL: the requested months (`$1`) with their as-of (`$2`), first (`$3`) and last (`$4`) days. */
export const MONTHS_SQL = `SELECT month, as_of::date, first_day::date, last_day::date FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS m(month, as_of, first_day, last_day)`;
export const monthParameters = (months: readonly string[]) => [months, months.map((month) => asOfDay(month)), months.map(firstDayOf), months.map(lastDayOf)];

/** The tallies of one count column of a month's rows (one row per set of area codes), as the figure value `value`. */
export const columnTallies = (rows: Array<{ areaCodes: string[] } & Record<string, unknown>>, column: string, value = column): Tally[] =>
  rows.filter((row) => Number(row[column]) > 0).map((row) => ({ areaCodes: row.areaCodes, value, count: Number(row[column]) }));

/** What a count for these months depends on besides the records: the basis, the months and their as-of days (`keptFigures`' key). */
export const keyOf = (figure: string, basis: FigureBasis, months: readonly string[]) =>
  `agreements:${figure}:${basis}:${months.map((month) => `${month}@${asOfDay(month)}`).join(',')}`;

/**
 * Every tally of the months asked for, in one statement: one row per month and per agreements' sorted
 * set of area codes (exactly as stored, no roll-up: the engine does that), with a column per cell
 * (`c0`, `c1`, ...: each cell's `column`) counting the agreements with those areas in that cell.
 */
const talliesSql = (basis: FigureBasis) => `
  WITH months AS (${MONTHS_SQL}),
  counted AS (
    SELECT g.id, g.kind, g.status, g.starts_on, g.ends_on, array_agg(aa.area_code ORDER BY aa.area_code COLLATE "C") AS area_codes
      FROM agreements g JOIN agreement_areas aa ON aa.agreement_id = g.id
     WHERE ${basisCondition(basis, 'g.visibility')}
       AND ${periodOverlapSql(PERIOD, { from: '(SELECT min(first_day) FROM months)', to: '(SELECT max(last_day) FROM months)' })}
     GROUP BY g.id
  ),
  placed AS (
    SELECT months.month, g.area_codes, g.kind, g.status, ${activeOnSql('months.as_of')} AS active, ${endingSql('months.as_of')} AS ending
      FROM months JOIN counted g ON ${periodOverlapSql(PERIOD, { from: 'months.first_day', to: 'months.last_day' })}
  )
  SELECT month, area_codes AS "areaCodes", ${CELLS.map(({ condition, column }) => `count(*) FILTER (WHERE ${condition})::int AS ${column}`).join(', ')}
    FROM placed
   GROUP BY month, area_codes`;

/**
 * Per request (one viewer, so one basis): the agreement figure families of each month asked for.
 * All the months a query needs (one for a county table of 21 Figures, 24 for a series) come from
 * one statement, kept a while (`keptFigures`: until the change log moves or FIGURES_CACHE_SECONDS pass).
 */
export function agreementFiguresLoader(dataSource: DataSource, viewer: Viewer) {
  const rule = disclosureRule(viewer);
  return new DataLoader<string, AgreementMonthFigures>(async (months) => {
    const byMonth = await keptFigures(dataSource, keyOf('tallies', rule.basis, months), async () => {
      const rows: Array<{ month: string; areaCodes: string[] } & Record<string, number>> = await dataSource.query(talliesSql(rule.basis), monthParameters(months));
      const tallies = new Map(months.map((month) => [month, { active: {}, notActive: {} } as Record<FamilyName, Record<string, Tally[]>>]));
      for (const row of rows) {
        const ofMonth = tallies.get(row.month)!;
        CELLS.forEach(({ family, dimension, value, column }) => {
          if (row[column] > 0) (ofMonth[family][dimension] ??= []).push({ areaCodes: row.areaCodes, value, count: row[column] });
        });
      }
      // The families are kept with the rows: their suppression decisions are the same for every viewer of this basis.
      return new Map(
        months.map((month): [string, AgreementMonthFigures] => [
          month,
          { active: once(() => activeFamily(rule, tallies.get(month)!.active)), notActive: once(() => notActiveFamily(rule, tallies.get(month)!.notActive)) },
        ]),
      );
    });
    return months.map((month) => byMonth.get(month)!);
  });
}

/**
 * SQL: the agreements the municipality figure considers for the months in `$1`..`$4`: counted by
 * the basis, active on one of the as-of days, and with an area at municipality level or below (an
 * agreement for a county or for Sweden is in no particular municipality).
 */
const candidatesSql = (basis: FigureBasis) => `
  FROM agreements g
 WHERE ${basisCondition(basis, 'g.visibility')}
   AND EXISTS (SELECT 1 FROM (${MONTHS_SQL}) AS d WHERE ${activeOnSql('d.as_of')})
   AND EXISTS (SELECT 1 FROM agreement_areas aa WHERE aa.agreement_id = g.id AND length(aa.area_code) >= 4)`;

/** The parties of the candidate agreements: the actors whose kinds the registry is asked for. */
const candidatePartiesSql = (basis: FigureBasis) =>
  `SELECT DISTINCT p.actor_id::text AS id FROM agreement_parties p WHERE p.agreement_id IN (SELECT g.id ${candidatesSql(basis)})`;

/**
 * Per month, the municipalities (each once) that are, or hold a district or named area that is, an
 * area of an agreement active on the month's as-of day with a party of each side (`$5`, `$6`).
 */
const municipalitiesSql = (basis: FigureBasis) => `
  SELECT d.month, left(aa.area_code, 4) AS code
    FROM (${MONTHS_SQL}) AS d
    JOIN agreements g ON ${basisCondition(basis, 'g.visibility')} AND ${activeOnSql('d.as_of')}
    JOIN agreement_areas aa ON aa.agreement_id = g.id AND length(aa.area_code) >= 4
   WHERE EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = g.id AND p.actor_id = ANY($5::uuid[]))
     AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = g.id AND p.actor_id = ANY($6::uuid[]))
   GROUP BY 1, 2`;

/**
 * Per request: for each month, a figure family counting municipalities (one tally per qualifying
 * municipality code), so a county's figure is its number of such municipalities, under the same
 * disclosure control as record counts. Two statements and one batched call to the actors registry
 * (for the kinds of the candidate agreements' parties, cached) for all the months asked for, kept a
 * while like the tallies (so a changed actor kind shows within FIGURES_CACHE_SECONDS, or the five
 * minutes `actorKinds` keeps kinds).
 */
export function partnershipMunicipalitiesLoader(dataSource: DataSource, viewer: Viewer) {
  const rule = disclosureRule(viewer);
  return new DataLoader<string, FigureFamily<Record<string, never>>>(async (months) => {
    const byMonth = await keptFigures(dataSource, keyOf('municipalities', rule.basis, months), async () => {
      const parties: Array<{ id: string }> = await dataSource.query(candidatePartiesSql(rule.basis), monthParameters(months));
      const kinds = await actorKinds(parties.map((party) => party.id));
      const ofKind = (wanted: string[]) => [...kinds].filter(([, kind]) => wanted.includes(kind)).map(([id]) => id);
      const [police, civilSociety] = [ofKind(POLICE_KINDS), ofKind(CIVIL_SOCIETY_KINDS)];
      const rows: Array<{ month: string; code: string }> =
        police.length && civilSociety.length ? await dataSource.query(municipalitiesSql(rule.basis), [...monthParameters(months), police, civilSociety]) : [];
      return new Map(
        months.map((month) => [
          month,
          new FigureFamily(rule, rows.filter((row) => row.month === month).map(({ code }) => ({ areaCodes: [code], value: '', count: 1 })), {}),
        ]),
      );
    });
    return months.map((month) => byMonth.get(month)!);
  });
}
