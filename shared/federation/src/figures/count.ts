import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { figuresMinimumCount, isSignedIn, Viewer } from '@samverkan/platform';

/** What a viewer's figures count: decided by who asks, the same in every subgraph. */
export enum FigureBasis {
  PUBLIC_RECORDS = 'PUBLIC_RECORDS',
  ALL_RECORDS = 'ALL_RECORDS',
}

registerEnumType(FigureBasis, {
  name: 'FigureBasis',
  description: 'Which records figures count, by who asks (README, "Figures and disclosure control").',
  valuesConfig: {
    PUBLIC_RECORDS: { description: 'Without a token: public records only, exactly; nothing is suppressed, since anyone may list them.' },
    ALL_RECORDS: {
      description:
        'With a token, whatever the role: every record, whoever owns it and whoever may read it, so every party and national coordinator sees the same figures; small counts are suppressed so that no figure reveals a record you may not see.',
    },
  },
});

/** A count as published: its value, or null where showing it could reveal a record. */
@ObjectType({ description: 'A number of records (or areas), or null where it is suppressed to protect records the viewer may not see.' })
@Directive('@shareable')
export class Count {
  @Field(() => Int, { nullable: true, description: 'The count; null when suppressed.' })
  value: number | null;

  @Field({
    description:
      'True when the count is withheld: it is below the minimum count (zero included), or withheld so that it cannot be worked out from other published figures.',
  })
  suppressed: boolean;
}

/** How figures are published to one viewer. */
export interface DisclosureRule {
  basis: FigureBasis;
  /** The smallest count shown under ALL_RECORDS. */
  minimumCount: number;
}

export const figureBasis = (viewer: Viewer) => (isSignedIn(viewer) ? FigureBasis.ALL_RECORDS : FigureBasis.PUBLIC_RECORDS);

export const disclosureRule = (viewer: Viewer, minimumCount = figuresMinimumCount()): DisclosureRule => ({ basis: figureBasis(viewer), minimumCount });

/**
 * The rule for records anyone may list whatever their visibility (the actors registry, activities,
 * whose visibility governs internal fields only): every record counted, exactly, for every viewer.
 * Suppressing a count of records one can list would hide nothing.
 */
export const listedRecordsRule = (minimumCount = figuresMinimumCount()): DisclosureRule => ({ basis: FigureBasis.PUBLIC_RECORDS, minimumCount });

/** SQL condition keeping the records a basis counts (`column` is the record's visibility column). */
export const basisCondition = (basis: FigureBasis, column: string) => (basis === FigureBasis.PUBLIC_RECORDS ? `${column} = 'PUBLIC'` : 'TRUE');
