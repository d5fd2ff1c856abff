import DataLoader from 'dataloader';
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { actorKinds, Count, disclosureRule, FigureBasis, FigureFamily, keptFigures, Tally } from '@samverkan/federation';
import { SubgraphContext, Viewer } from '@samverkan/platform';
import { AgreementFigures } from '../figures/agreement-figures';
import { activeAgreementsSql, CIVIL_SOCIETY_KINDS, columnTallies, keyOf, monthParameters } from '../figures/figures.loaders';
import type { AgreementsLoaders } from '../loaders';
import { PhaseKind } from './agreement-phase';

@ObjectType({
  description:
    "Needs analyses behind the agreements active on the as-of day (`AgreementFigures`' rule) that cover the area: whether they have one, and whether civil society took part in it. Under the same basis and disclosure control as the other agreement figures. A needs analysis counts whatever its dates (it usually comes before the agreement).",
})
export class NeedsAnalysisFigures {
  @Field(() => Count, { description: 'Active agreements with at least one NEEDS_ANALYSIS phase recorded.' })
  withNeedsAnalysis: Count;

  @Field(() => Count, {
    description:
      'Of those, the agreements where civil society took part in the needs analysis: a participant of a NEEDS_ANALYSIS phase is, in the actors registry now, of kind CIVIL_SOCIETY or FAITH_COMMUNITY.',
  })
  civilSocietyIncluded: Count;
}

/** Every agreement with a needs analysis either included civil society or not: two values adding up to the total, so both lines are guarded. */
const INCLUSION = ['INCLUDED', 'NOT_INCLUDED'] as const;

/** The participants of the needs analyses of agreements active on one of the as-of days: the actors whose kinds are asked for. */
const participantsSql = (basis: FigureBasis) => `
  SELECT DISTINCT x::text AS id
    FROM (${activeAgreementsSql(basis)}) AS a
    JOIN agreement_phases p ON p.agreement_id = a.id AND p.kind = '${PhaseKind.NEEDS_ANALYSIS}'
   CROSS JOIN unnest(p.participant_ids) AS x`;

/** Per month and set of area codes: active agreements with a needs analysis, with and without civil society (`$5`). */
const talliesSql = (basis: FigureBasis) => `
  WITH per_agreement AS (
    SELECT a.month, a.area_codes, bool_or(p.participant_ids && $5::uuid[]) AS included
      FROM (${activeAgreementsSql(basis)}) AS a
      JOIN agreement_phases p ON p.agreement_id = a.id AND p.kind = '${PhaseKind.NEEDS_ANALYSIS}'
     GROUP BY a.month, a.id, a.area_codes
  )
  SELECT month, area_codes AS "areaCodes", count(*)::int AS total,
         count(*) FILTER (WHERE included)::int AS "INCLUDED", count(*) FILTER (WHERE NOT included)::int AS "NOT_INCLUDED"
    FROM per_agreement
   GROUP BY month, area_codes`;

type Row = { month: string; areaCodes: string[] } & Record<string, number>;

/**
 * Per request: each month's needs-analysis figure family, for all months asked for in two statements
 * and one batched (cached) call to the actors registry for the participants' kinds; kept a while
 * like the other agreement figures. Fails when the registry does not answer.
 */
export function needsAnalysisFiguresLoader(dataSource: DataSource, viewer: Viewer) {
  const rule = disclosureRule(viewer);
  return new DataLoader<string, FigureFamily<Record<'civilSociety', { values: typeof INCLUSION; additive: true; tallies: Tally[] }>>>(async (months) => {
    const byMonth = await keptFigures(dataSource, keyOf('needsAnalysis', rule.basis, months), async () => {
      const participants: Array<{ id: string }> = await dataSource.query(participantsSql(rule.basis), monthParameters(months));
      const kinds = await actorKinds(participants.map((p) => p.id));
      const civilSociety = [...kinds].filter(([, kind]) => CIVIL_SOCIETY_KINDS.includes(kind)).map(([id]) => id);
      const rows: Row[] = await dataSource.query(talliesSql(rule.basis), [...monthParameters(months), civilSociety]);
      return new Map(
        months.map((month) => {
          const ofMonth = rows.filter((row) => row.month === month);
          return [month, new FigureFamily(rule, columnTallies(ofMonth, 'total', ''), { civilSociety: { values: INCLUSION, additive: true as const, tallies: INCLUSION.flatMap((v) => columnTallies(ofMonth, v)) } })];
        }),
      );
    });
    return months.map((month) => byMonth.get(month)!);
  });
}

type Context = SubgraphContext<AgreementsLoaders>;

@Resolver(() => AgreementFigures)
export class AgreementFiguresPhasesResolver {
  @FieldResolver(() => NeedsAnalysisFigures, {
    nullable: true,
    description: 'Whether the active agreements rest on a needs analysis, and whether civil society took part in it. Null when the actors service, which knows the participants\' kinds, is unavailable.',
  })
  async needsAnalysis(@Root() { areaCode, month }: AgreementFigures, @Ctx() { loaders }: Context): Promise<NeedsAnalysisFigures> {
    const family = await loaders.needsAnalysisFigures.load(month);
    const [included] = family.breakdown('civilSociety', areaCode);
    return { withNeedsAnalysis: family.total(areaCode), civilSocietyIncluded: included.count };
  }
}
