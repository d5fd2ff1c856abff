import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ActorKind, OwnedRecord } from '@samverkan/federation';
import { AgreementKind, PartyRole } from '../agreement/agreement';
import { ResourceKind } from '../resources/agreement-resource';
import { PhaseKind } from '../phases/agreement-phase';
import { AgreementSection } from './agreement-section';

export enum TemplateStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

registerEnumType(TemplateStatus, {
  name: 'TemplateStatus',
  description: 'Where an agreement template stands; only a PUBLISHED template can be used to draft agreements.',
  valuesConfig: {
    DRAFT: { description: 'Being written; not yet for use.' },
    PUBLISHED: { description: 'Ready for use: coordinators may draft agreements from it.' },
    RETIRED: { description: 'No longer offered; agreements already drafted from it keep what they copied.' },
  },
});

@ObjectType({ description: 'A role a template suggests a party for, with the kinds of organisations that usually hold it and what it usually takes on.' })
export class SuggestedParty {
  @Field(() => PartyRole, { description: 'The role; each role at most once per template.' })
  role: PartyRole;

  @Field(() => [ActorKind], { description: 'The kinds of organisations that usually hold the role (empty: any).' })
  actorKinds: ActorKind[];

  @Field(() => String, { nullable: true, description: 'What the party in this role usually takes on; copied to a party in this role that gives none.' })
  responsibilities: string | null;
}

@ObjectType({ description: 'A resource a template suggests, and which role usually brings it.' })
export class SuggestedResource {
  @Field(() => ResourceKind, { description: 'What kind of resource.' })
  kind: ResourceKind;

  @Field(() => PartyRole, { description: 'The role of the party that usually brings it: copied to the first party given in this role.' })
  role: PartyRole;

  @Field(() => String, { nullable: true, description: 'What the resource is, e.g. "Föreningsbidrag för öppen verksamhet".' })
  description: string | null;
}

@ObjectType({ description: 'A phase of the work a template suggests, from needs analysis to follow-up.' })
export class SuggestedPhase {
  @Field(() => PhaseKind, { description: 'Which phase.' })
  kind: PhaseKind;

  @Field(() => String, { nullable: true, description: 'What the phase is for.' })
  description: string | null;
}

/**
 * A template (mall) for agreements: the structure of the text, the roles and responsibilities,
 * resources and phases national or municipal coordinators suggest. One record: its lists are
 * columns, so every change makes it one version newer. Agreements drafted from it copy what it
 * held then and record its id and version; changing it never rewrites them.
 */
@ObjectType({
  description:
    'A template (mall) for agreements, published by a national or municipal coordinator, e.g. an IOP template, the national NOA–RF model or a citizen-promise template: sections, suggested roles with responsibilities, resources and phases. `createAgreementFromTemplate` copies them into a DRAFT agreement; later changes to the template never change agreements drafted from it. Shown per its `visibility` (usually PUBLIC or NETWORK).',
})
@Entity('agreement_templates')
export class AgreementTemplate extends OwnedRecord {
  @Field({ description: 'Title in Swedish, e.g. "Mall för IOP om trygga mötesplatser"; the default title of agreements drafted from it.' })
  @Column('varchar', { length: 200 })
  title: string;

  @Field(() => AgreementKind, { description: 'The kind of agreement it drafts.' })
  @Column('text')
  kind: AgreementKind;

  @Field(() => String, { nullable: true, description: 'What the template is for; copied as the description of agreements drafted from it.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => TemplateStatus, { description: 'Draft, published (usable) or retired.' })
  @Column('text')
  status: TemplateStatus;

  @Field(() => [AgreementSection], { description: 'The sections of the agreement text, in order (at most 30).' })
  @Column('jsonb', { default: () => "'[]'" })
  sections: AgreementSection[];

  @Field(() => [SuggestedParty], { description: 'The suggested roles, in order, each at most once.' })
  @Column('jsonb', { name: 'suggested_parties', default: () => "'[]'" })
  suggestedParties: SuggestedParty[];

  @Field(() => [SuggestedResource], { description: 'The suggested resources, in order.' })
  @Column('jsonb', { name: 'suggested_resources', default: () => "'[]'" })
  suggestedResources: SuggestedResource[];

  @Field(() => [SuggestedPhase], { description: 'The suggested phases, in order.' })
  @Column('jsonb', { name: 'suggested_phases', default: () => "'[]'" })
  suggestedPhases: SuggestedPhase[];
}
