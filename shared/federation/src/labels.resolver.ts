import { Arg, Directive, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput } from '@samverkan/platform';
import { isLabelledEnum, LabelledEnum, SWEDISH_LABELS } from './labels';

@ObjectType({ description: 'The Swedish display label of one enum value.' })
@Directive('@shareable')
export class EnumValueLabel {
  @Field({ description: 'The value as the API gives it, e.g. "SPORT".' })
  value: string;

  @Field({ description: 'Its Swedish label, capitalised as shown on its own, e.g. "Idrott".' })
  label: string;
}

@ObjectType({ description: 'The Swedish display labels of the values of one enum.' })
@Directive('@shareable')
export class EnumLabels {
  @Field({ name: 'enum', description: 'The enum\'s name in the schema, e.g. "ActivityKind".' })
  enumName: string;

  @Field(() => [EnumValueLabel], { description: 'Every value of the enum with its label, in the schema\'s order.' })
  values: EnumValueLabel[];
}

const labelsOf = (name: LabelledEnum): EnumLabels => ({
  enumName: name,
  values: Object.entries(SWEDISH_LABELS[name]).map(([value, label]) => ({ value, label })),
});

/**
 * `labels`: served by every subgraph from the same module (labels.ts), so the gateway may ask any of
 * them and a local system reading one subgraph directly gets the same words.
 */
@Resolver()
export class LabelsResolver {
  @Query(() => [EnumLabels], {
    description:
      'Swedish display labels for enum values, one source for every client (the finder, the HSDS export, the dashboard). Public. `enums` names the enums wanted, e.g. ["ActivityKind", "TargetGroup"]; all of them, by name, when left out. An unknown name is refused with BAD_USER_INPUT naming it (`extensions.fields`: "enums.<position>").',
  })
  @Directive('@shareable')
  labels(@Arg('enums', () => [String], { nullable: true, description: 'Names of the enums, e.g. ["ActivityKind"]; all when left out.' }) enums?: string[] | null): EnumLabels[] {
    if (!enums) return (Object.keys(SWEDISH_LABELS) as LabelledEnum[]).sort().map(labelsOf);
    const unknown = enums.flatMap((name, index) => (isLabelledEnum(name) ? [] : [{ name, index }]));
    if (unknown.length) {
      throw badInput(
        `Unknown enum: ${unknown.map(({ name }) => JSON.stringify(name.slice(0, 100))).join(', ')}`,
        unknown.map(({ index }) => ({ field: `enums.${index}`, message: 'not an enum with labels' })),
      );
    }
    return [...new Set(enums as LabelledEnum[])].map(labelsOf);
  }
}
