import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { actorKinds, periodOverlapSql } from '@samverkan/federation';
import { Viewer } from '@samverkan/platform';
import { AgreementKind, AgreementStatus } from '../agreement';
import { AGREEMENT_ENDINGS, AgreementEnding } from './agreement-figures';
import { asOfDay, disclosureRule, FigureBasis, FigureFamily, Tally } from './engine-shim';

/** The party kinds `municipalitiesWithPoliceAndCivilSociety` asks for: police on one side, civil society (faith communities included) on the other. */
export const POLICE_KINDS = ['POLICE'];
export const CIVIL_SOCIETY_KINDS = ['CIVIL_SOCIETY', 'FAITH_COMMUNITY'];

/** One month's figure families, for every area at once. */
export interface AgreementMonthFigures {
  /** Agreements active on the as-of day; dimensions `kind` and `ending` (each a partition). */
  active: FigureFamily;
  /** Agreements whose period overlaps the month; dimension `status` (a partition). */
  overlapping: FigureFamily;
}

const PERIOD = { start: 'g.starts_on', end: 'g.ends_on' };

/** SQL: the agreement `g` is active on the day `dayExpr` (status ACTIVE, period including the day). */
const activeOnSql = (dayExpr: string) => `(g.status = '${AgreementStatus.ACTIVE}' AND ${periodOverlapSql(PERIOD, dayExpr, dayExpr)})`;

/** SQL: the agreement `g` is one the basis counts (`$allRecords`: a boolean parameter). */
const countedSql = (allRecords: string) => `(${allRecords}::boolean OR g.visibility = 'PUBLIC')`;

/** SQL: days from the as-of day to the end, as the four `AgreementEnding` values (for agreements active on it). */
const endingSql = (dayExpr: string) => `CASE
    WHEN g.ends_on IS NULL THEN '${AgreementEnding.OPEN_ENDED}'
    WHEN g.ends_on - ${dayExpr} <= 30 THEN '${AgreementEnding.WITHIN_30_DAYS}'
    WHEN g.ends_on - ${dayExpr} <= 90 THEN '${AgreementEnding.WITHIN_90_DAYS}'
    ELSE '${AgreementEnding.LATER}' END`;

/** The tallies of one month's families, by the family's dimension (`total` for the family's own total). */
type MonthTallies = Record<'active' | 'overlapping', Record<string, Tally[]>>;

/** The cells one statement counts: per family, its total ('' value) and each dimension's values, as `family:dimension:value`. */
const CELLS: Array<{ family: keyof MonthTallies; dimension: string; value: string; condition: string }> = [
  { family: 'active', dimension: 'total', value: '', condition: 'active' },
  ...Object.values(AgreementKind).map((value) => ({ family: 'active' as const, dimension: 'kind', value, condition: `active AND kind = '${value}'` })),
  ...AGREEMENT_ENDINGS.map((value) => ({ family: 'active' as const, dimension: 'ending', value, condition: `active AND ending = '${value}'` })),
  { family: 'overlapping', dimension: 'total', value: '', condition: 'true' },
  ...Object.values(AgreementStatus).map((value) => ({ family: 'overlapping' as const, dimension: 'status', value, condition: `status = '${value}'` })),
];

/**
 * Every tally of the months asked for, in one statement: one row per month and per agreements' sorted
 * set of area codes (exactly as stored, no roll-up: the engine does that), with a column per cell
 * (`c0`, `c1`, ... in the order of CELLS) counting the agreements with that set of areas in it.
 */
const TALLIES_SQL = `
  WITH months AS (
    SELECT m.month, m.as_of::date AS as_of, (m.month || '-01')::date AS first_day,
           ((m.month || '-01')::date + interval '1 month' - interval '1 day')::date AS last_day
      FROM unnest($1::text[], $2::text[]) AS m(month, as_of)
  ),
  counted AS (
    SELECT g.id, g.kind, g.status, g.starts_on, g.ends_on, array_agg(aa.area_code ORDER BY aa.area_code COLLATE "C") AS area_codes
      FROM agreements g JOIN agreement_areas aa ON aa.agreement_id = g.id
     WHERE ${countedSql('$3')} AND ${periodOverlapSql(PERIOD, '(SELECT min(first_day) FROM months)', '(SELECT max(last_day) FROM months)')}
     GROUP BY g.id
  ),
  placed AS (
    SELECT months.month, g.area_codes, g.kind, g.status, ${activeOnSql('months.as_of')} AS active, ${endingSql('months.as_of')} AS ending
      FROM months JOIN counted g ON ${periodOverlapSql(PERIOD, 'months.first_day', 'months.last_day')}
  )
  SELECT month, area_codes AS "areaCodes", ${CELLS.map(({ condition }, i) => `count(*) FILTER (WHERE ${condition})::int AS c${i}`).join(', ')}
    FROM placed
   GROUP BY month, area_codes`;

/**
 * Per request (one viewer, so one basis): the agreement figure families of each month asked for.
 * All the months a query needs (one for a county table of 21 Figures, 24 for a series) come from
 * one statement.
 */
export function agreementFiguresLoader(dataSource: DataSource, viewer: Viewer) {
  const rule = disclosureRule(viewer);
  const allRecords = rule.basis === FigureBasis.ALL_RECORDS;
  return new DataLoader<string, AgreementMonthFigures>(async (months) => {
    const rows: Array<{ month: string; areaCodes: string[] } & Record<string, number>> = await dataSource.query(TALLIES_SQL, [months, months.map(asOfDay), allRecords]);
    const tallies = new Map<string, MonthTallies>(months.map((month) => [month, { active: {}, overlapping: {} }]));
    for (const row of rows) {
      const ofMonth = tallies.get(row.month)!;
      CELLS.forEach(({ family, dimension, value }, i) => {
        if (row[`c${i}`] > 0) (ofMonth[family][dimension] ??= []).push({ areaCodes: row.areaCodes, value, count: row[`c${i}`] });
      });
    }
    return months.map((month) => {
      const { active, overlapping } = tallies.get(month)!;
      return {
        active: new FigureFamily(rule, active.total ?? [], {
          kind: { values: Object.values(AgreementKind), additive: true, tallies: active.kind ?? [] },
          ending: { values: AGREEMENT_ENDINGS, additive: true, tallies: active.ending ?? [] },
        }),
        overlapping: new FigureFamily(rule, overlapping.total ?? [], {
          status: { values: Object.values(AgreementStatus), additive: true, tallies: overlapping.status ?? [] },
        }),
      };
    });
  });
}

/**
 * SQL: the agreements the municipality figure considers for the days in `$1` (a date[]): counted by
 * the basis (`$2`), active on one of the days, and with an area at municipality level or below (an
 * agreement for a county or for Sweden is in no particular municipality).
 */
const CANDIDATES_SQL = `
  FROM agreements g
 WHERE ${countedSql('$2')}
   AND EXISTS (SELECT 1 FROM unnest($1::date[]) AS d(day) WHERE ${activeOnSql('d.day')})
   AND EXISTS (SELECT 1 FROM agreement_areas aa WHERE aa.agreement_id = g.id AND length(aa.area_code) >= 4)`;

/** The parties of the candidate agreements: the actors whose kinds the registry is asked for. */
const CANDIDATE_PARTIES_SQL = `SELECT DISTINCT p.actor_id::text AS id FROM agreement_parties p WHERE p.agreement_id IN (SELECT g.id ${CANDIDATES_SQL})`;

/**
 * Per month, the municipalities (each once) that hold a district, named area or the municipality
 * itself of an agreement active on the month's as-of day with a party of each side.
 */
const MUNICIPALITIES_SQL = `
  SELECT d.month, left(aa.area_code, 4) AS code
    FROM unnest($3::text[], $1::date[]) AS d(month, day)
    JOIN agreements g ON ${countedSql('$2')} AND ${activeOnSql('d.day')}
    JOIN agreement_areas aa ON aa.agreement_id = g.id AND length(aa.area_code) >= 4
   WHERE EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = g.id AND p.actor_id = ANY($4::uuid[]))
     AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = g.id AND p.actor_id = ANY($5::uuid[]))
   GROUP BY 1, 2`;

/**
 * Per request: for each month, a figure family counting municipalities (one tally per qualifying
 * municipality code), so a county's figure is its number of such municipalities, with the same
 * disclosure control as record counts. Two statements and one batched call to the actors registry
 * (for the kinds of the candidate agreements' parties, cached) for all the months asked for.
 */
export function partnershipMunicipalitiesLoader(dataSource: DataSource, viewer: Viewer) {
  const rule = disclosureRule(viewer);
  const allRecords = rule.basis === FigureBasis.ALL_RECORDS;
  return new DataLoader<string, FigureFamily>(async (months) => {
    const days = months.map(asOfDay);
    const parties: Array<{ id: string }> = await dataSource.query(CANDIDATE_PARTIES_SQL, [days, allRecords]);
    const kinds = await actorKinds(parties.map((party) => party.id));
    const ofKind = (wanted: string[]) => [...kinds].filter(([, kind]) => wanted.includes(kind)).map(([id]) => id);
    const police = ofKind(POLICE_KINDS);
    const civilSociety = ofKind(CIVIL_SOCIETY_KINDS);
    const rows: Array<{ month: string; code: string }> =
      police.length && civilSociety.length ? await dataSource.query(MUNICIPALITIES_SQL, [days, allRecords, months, police, civilSociety]) : [];
    return months.map(
      (month) =>
        new FigureFamily(
          rule,
          rows.filter((row) => row.month === month).map(({ code }) => ({ areaCodes: [code], value: '', count: 1 })),
          {},
        ),
    );
  });
}
