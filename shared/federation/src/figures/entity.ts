import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AREA_CODE_PATTERN } from '../areas';
import { badInput } from '@samverkan/platform';
import { KEY_DESCRIPTIONS } from '../entities';
import { assertMonth } from './months';

/**
 * The federation's figures of one area and month: the actors subgraph owns it (its area and the
 * registry's figures) and every other subgraph adds its own figures to it, so one query gets a
 * county table with columns from every party's records.
 */
@ObjectType('Figures', {
  description:
    "Figures of one area, sub-areas included, for one calendar month: counts and distributions of every subgraph's records (README, \"Figures and disclosure control\"). Anonymous viewers get exact counts of public records; signed-in viewers, whatever their role, get counts of all records with small counts suppressed.",
})
@Directive('@key(fields: "areaCode month")')
export class Figures {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.code })
  areaCode: string;

  @Field({ description: 'The calendar month, "YYYY-MM". State figures (active, ending) are as of its last day, or today for the current month.' })
  month: string;
}

/** Checks a Figures key (from a root field's arguments or the gateway's `_entities`) and returns it. */
export function figuresKey(areaCode: string, month: string): Figures {
  if (!AREA_CODE_PATTERN.test(areaCode)) throw badInput(`"${areaCode}" is not an area code`, [{ field: 'areaCode', message: 'not an area code' }]);
  assertMonth(month);
  return { areaCode, month };
}
