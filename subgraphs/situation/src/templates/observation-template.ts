import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { OwnedRecord } from '@samverkan/federation';
import { ObservationCategory } from '../reports/situation-report';

@ObjectType({ description: 'One category of an observation template, with the question that guides what to observe.' })
export class TemplateCategory {
  @Field(() => ObservationCategory, { description: 'The observation category.' })
  category: ObservationCategory;

  @Field({ description: 'What the parties agreed to look at in this category, e.g. "Hur många unga rör sig vid centrum efter kl. 22?".' })
  guidingQuestion: string;
}

/**
 * An observation template: the categories an area's parties agree to report on, so that their
 * situation reports can be read side by side. A report that names it keeps to its categories.
 */
@ObjectType({
  description:
    "A template of observation categories, each with a guiding question, that an area's parties agree on, so that their situation reports describe the same things. A situation report that names it (`templateId`) may only have observations in its categories. Owned by the organisation that wrote it and shown per its `visibility`; changing or deleting it never changes the reports written with it.",
})
@Directive('@key(fields: "id")')
@Entity('observation_templates')
export class ObservationTemplate extends OwnedRecord {
  /** Code of the area the template is for; exposed as `area`. */
  @Column('text', { name: 'area_code' })
  areaCode: string;

  @Field({ description: 'Name of the template, e.g. "Gemensam lägesbild Gottsunda".' })
  @Column('text')
  name: string;

  @Field(() => [TemplateCategory], { description: 'The agreed categories, in order, each once.' })
  @Column('jsonb')
  categories: TemplateCategory[];

  /** The parties (actor ids) that agreed on the template; exposed as `agreedBy`. */
  @Column('uuid', { name: 'agreed_by_ids', array: true, default: () => "'{}'" })
  agreedByIds: string[];
}
