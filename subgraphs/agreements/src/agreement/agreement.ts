import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ENTITIES, OwnedRecord } from '@samverkan/federation';
import { AgreementSection, MAX_SECTIONS } from '../templates/agreement-section';

export enum AgreementKind {
  IOP = 'IOP',
  DECLARATION_OF_INTENT = 'DECLARATION_OF_INTENT',
  COLLABORATION_AGREEMENT = 'COLLABORATION_AGREEMENT',
  CITIZEN_PROMISE = 'CITIZEN_PROMISE',
  NATIONAL_AGREEMENT = 'NATIONAL_AGREEMENT',
  METHOD_FRAMEWORK = 'METHOD_FRAMEWORK',
}

registerEnumType(AgreementKind, {
  name: 'AgreementKind',
  description: 'What kind of agreement or commitment this is.',
  valuesConfig: {
    IOP: {
      description:
        'Idéburet offentligt partnerskap: a long-term partnership between a public body and non-profit organisations, co-funded and outside public procurement.',
    },
    DECLARATION_OF_INTENT: {
      description: 'Avsiktsförklaring: the parties state a shared intent and direction, without binding resources.',
    },
    COLLABORATION_AGREEMENT: {
      description: 'Samverkansavtal or överenskommelse: an agreement that sets out roles, responsibilities and resources for working together.',
    },
    CITIZEN_PROMISE: {
      description:
        'Medborgarlöfte: a public promise by the local police area and the municipality to residents, based on dialogue with them, with follow-up.',
    },
    NATIONAL_AGREEMENT: {
      description: 'An agreement between national organisations (e.g. a Police department and a national federation), covering all of Sweden.',
    },
    METHOD_FRAMEWORK: {
      description: 'A method the parties commit to work by, such as Rätt kurva or SSPF (skola, socialtjänst, polis, fritid).',
    },
  },
});

export enum AgreementStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
  TERMINATED = 'TERMINATED',
}

registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where an agreement stands. The parties set it; it is not derived from the dates.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared or negotiated; not yet in force. The only status in which `startsOn` may be unknown.' },
    ACTIVE: { description: 'Signed and in force: the parties work according to it. Only when every named party has CONFIRMED (else PARTIES_NOT_CONFIRMED).' },
    ENDED: { description: 'Ran its course: its period is over, or the parties closed it as planned.' },
    TERMINATED: { description: 'Stopped early, before its planned end, by one or more parties.' },
  },
});

export enum PartyRole {
  FUNDING = 'FUNDING',
  ACCOUNTABLE = 'ACCOUNTABLE',
  EXTENDING = 'EXTENDING',
  IMPLEMENTING = 'IMPLEMENTING',
}

registerEnumType(PartyRole, {
  name: 'PartyRole',
  description:
    'The role a party holds in an agreement, following the IATI organisation roles. One actor may hold several roles in the same agreement.',
  valuesConfig: {
    FUNDING: { description: 'Pays for the work: grants, staff time or premises, e.g. the municipality in an IOP or a funding body.' },
    ACCOUNTABLE: {
      description: 'Answers for the agreement: signs it, owns its goals and follows it up, e.g. the police area and the municipality behind a citizen promise.',
    },
    EXTENDING: {
      description:
        'Coordinates the work on behalf of others and passes resources or direction on, e.g. a national umbrella organisation for its local branches, or a dialogue body.',
    },
    IMPLEMENTING: {
      description: 'Carries out the work with children, young people and parents: runs the activities, meetings and support.',
    },
  },
});

@ObjectType({ description: ENTITIES.Agreement.description })
@Directive('@key(fields: "id")')
@Entity('agreements')
export class Agreement extends OwnedRecord {
  @Field({ description: 'Title in Swedish, e.g. "Rätt kurva Järva" or "Medborgarlöfte Rinkeby-Kista 2026".' })
  @Column('varchar', { length: 200 })
  title: string;

  @Field(() => AgreementKind, { description: 'What kind of agreement this is.' })
  @Column('text')
  kind: AgreementKind;

  @Field(() => String, { nullable: true, description: 'What the parties agree on: purpose, target group, ways of working.' })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => AgreementStatus, { description: 'Where the agreement stands: draft, active, ended or terminated.' })
  @Column('text')
  status: AgreementStatus;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day the agreement applies. Only a DRAFT may leave it unknown (null); every other status has one.',
  })
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day the agreement applies (never before `startsOn`); null when it runs until further notice.',
  })
  @Column('date', { name: 'ends_on', nullable: true })
  endsOn: string | null;

  @Field(() => [AgreementSection], { description: `The sections of the agreement text, in order (at most ${MAX_SECTIONS}); copied from its template when drafted from one.` })
  @Column('jsonb', { default: () => "'[]'" })
  sections: AgreementSection[];

  /** The template it was drafted from, and that template's version then; exposed as `template` and `templateVersion`. */
  @Column('uuid', { name: 'template_id', nullable: true })
  templateId: string | null;

  @Column('int', { name: 'template_version', nullable: true })
  templateVersion: number | null;
}

@ObjectType({ description: 'A party to an agreement: an actor, the role it holds, and what it has taken on.' })
@Entity('agreement_parties')
export class AgreementParty {
  @PrimaryColumn('uuid', { name: 'agreement_id' })
  agreementId: string;

  @PrimaryColumn('uuid', { name: 'actor_id' })
  actorId: string;

  @Field(() => PartyRole, { description: 'The role this actor holds in the agreement.' })
  @PrimaryColumn('text')
  role: PartyRole;

  @Field(() => String, { nullable: true, description: 'What this party has taken on in this role, in the agreement\'s own words.' })
  @Column('text', { nullable: true })
  responsibilities: string | null;
}

/** The areas an agreement covers (at least one per agreement). */
@Entity('agreement_areas')
export class AgreementArea {
  @PrimaryColumn('uuid', { name: 'agreement_id' })
  agreementId: string;

  @PrimaryColumn('text', { name: 'area_code' })
  areaCode: string;
}
