import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { isUuid, Viewer } from '@samverkan/platform';
import { rowsOfAgreementLoader } from '../agreement/agreement-rows';
import { AgreementResource, ResourceKind } from './agreement-resource';
import { PartyResourceSums, ResourceSums, ResourceTotals } from './resource.types';
import { resourceFiguresLoader } from './resource-figures';

interface SumRow {
  agreement_id: string;
  /** Null in the rows summed over every party. */
  actor_id: string | null;
  kind: ResourceKind;
  currency: string | null;
  lines: number;
  /** numeric as text: exact. */
  amount: string | null;
  amounts: number;
  hours: string | null;
}

/**
 * Per agreement, per party and over all parties at once (GROUPING SETS), the lines per kind and
 * currency with their sums, added in SQL numeric so that no öre drifts.
 */
const SUMS_SQL = `
  SELECT agreement_id::text, CASE WHEN GROUPING(actor_id) = 0 THEN actor_id::text END AS actor_id, kind, currency,
         count(*)::int AS lines, sum(amount)::text AS amount, count(amount)::int AS amounts, sum(hours)::text AS hours
    FROM agreement_resources
   WHERE agreement_id = ANY($1::uuid[])
   GROUP BY GROUPING SETS ((agreement_id, kind, currency), (agreement_id, actor_id, kind, currency))
   ORDER BY agreement_id, actor_id, kind, currency`;

const emptySums = (): ResourceSums => ({ money: [], staffHours: 0, premises: 0, competence: 0, networks: 0, lines: 0 });

/** Adds one row (one kind and currency) to sums; rows come ordered by currency. */
function add(sums: ResourceSums, row: SumRow): void {
  sums.lines += row.lines;
  if (row.kind === ResourceKind.MONEY && row.amounts > 0) sums.money.push({ currency: row.currency!, amount: row.amount!, lines: row.amounts });
  if (row.kind === ResourceKind.STAFF_TIME) sums.staffHours = Number(row.hours ?? 0);
  if (row.kind === ResourceKind.PREMISES) sums.premises = row.lines;
  if (row.kind === ResourceKind.COMPETENCE) sums.competence = row.lines;
  if (row.kind === ResourceKind.NETWORK) sums.networks = row.lines;
}

/** Loaders of resources: only asked for agreements the viewer has been shown (fields of `Agreement`). */
export function resourceLoaders(dataSource: DataSource, viewer: Viewer) {
  return {
    /** The month's resource figures (`AgreementFigures.resources`), by month, over the records the viewer's basis covers. */
    resourceFigures: resourceFiguresLoader(dataSource, viewer),
    /** An agreement's resource lines, in its order. */
    resourcesOfAgreement: rowsOfAgreementLoader(dataSource, AgreementResource),
    /** An agreement's resource totals, in one statement for any number of agreements. */
    resourceTotals: new DataLoader<string, ResourceTotals>(async (ids) => {
      const rows: SumRow[] = ids.some(isUuid) ? await dataSource.query(SUMS_SQL, [ids.filter(isUuid)]) : [];
      const totals = new Map(ids.map((id) => [id, { ...emptySums(), byParty: [] as PartyResourceSums[] }]));
      for (const row of rows) {
        const of = totals.get(row.agreement_id)!;
        if (row.actor_id === null) {
          add(of, row);
          continue;
        }
        let party = of.byParty[of.byParty.length - 1];
        if (party?.actorId !== row.actor_id) of.byParty.push((party = { ...emptySums(), actorId: row.actor_id }));
        add(party, row);
      }
      return ids.map((id) => totals.get(id)!);
    }),
  };
}
