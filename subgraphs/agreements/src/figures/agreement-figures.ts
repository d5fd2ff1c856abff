import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Count } from '@samverkan/federation';
import { AgreementKind, AgreementStatus } from '../agreement/agreement';

/** When an active agreement ends, counted from the figures' as-of day. */
export enum AgreementEnding {
  WITHIN_30_DAYS = 'WITHIN_30_DAYS',
  WITHIN_90_DAYS = 'WITHIN_90_DAYS',
  LATER = 'LATER',
  OPEN_ENDED = 'OPEN_ENDED',
}

registerEnumType(AgreementEnding, {
  name: 'AgreementEnding',
  description:
    "When an active agreement ends (its `endsOn`), counted in days from the figures' as-of day (the month's last day, or today for the current month). The four values split the active agreements with no overlap and no gap: \"ending within 90 days\" is WITHIN_30_DAYS plus WITHIN_90_DAYS.",
  valuesConfig: {
    WITHIN_30_DAYS: { description: 'Ends on the as-of day or within the 30 days after it (0–30 days).' },
    WITHIN_90_DAYS: { description: 'Ends 31 to 90 days after the as-of day.' },
    LATER: { description: 'Ends more than 90 days after the as-of day.' },
    OPEN_ENDED: { description: 'Has no end date: runs until further notice.' },
  },
});

/** The one ordering of the ending values, as `activeByEnding` lists them. */
export const AGREEMENT_ENDINGS = Object.values(AgreementEnding);

@ObjectType({ description: 'The number of active agreements of one kind (an entry of `AgreementFigures.activeByKind`).' })
export class AgreementKindCount {
  @Field(() => AgreementKind, { description: 'The kind of agreement.' })
  kind: AgreementKind;

  @Field(() => Count, { description: 'How many active agreements of this kind cover the area.' })
  count: Count;
}

@ObjectType({ description: 'The number of active agreements that end in one period (an entry of `AgreementFigures.activeByEnding`).' })
export class AgreementEndingCount {
  @Field(() => AgreementEnding, { description: 'When they end, from the as-of day.' })
  ending: AgreementEnding;

  @Field(() => Count, { description: 'How many active agreements covering the area end then.' })
  count: Count;
}

@ObjectType({ description: 'The number of agreements with one status (an entry of `AgreementFigures.byStatus`).' })
export class AgreementStatusCount {
  @Field(() => AgreementStatus, { description: 'The status the agreements have now.' })
  status: AgreementStatus;

  @Field(() => Count, { description: 'How many agreements covering the area, whose period overlaps the month, have this status.' })
  count: Count;
}

/**
 * The agreements subgraph's figures for one area and month: resolved field by field from the
 * month's figure families (see `figures.loaders.ts`), which one statement builds for every area.
 */
@ObjectType({
  description: `Figures about agreements for one area (sub-areas included) and one calendar month, counted over the agreements the figure basis covers (\`Figures.basis\`: PUBLIC agreements only without a token; all agreements, whatever their visibility, for a signed-in viewer, with small counts suppressed). An agreement covers the areas in its \`areas\`: it counts once in each of them and once in each area containing one of them, also when it has several areas there (an agreement for two districts counts once in their municipality). Never counts agreements for a wider area: a national agreement counts in SE only.

"Active" means: status ACTIVE and a period that includes the as-of day (the month's last day, or today, Swedish time, for the current month): started on or before that day and not ended before it (no end date: ongoing), the rule of the \`agreements\` list's \`from\`/\`to\` filter for that one day. Statuses are the agreements' current ones (the parties set them; the subgraph keeps no history of them), so for past months an agreement that is ENDED or TERMINATED now is not counted as active then, even inside its period.`,
})
export class AgreementFigures {
  areaCode: string;
  month: string;
}
