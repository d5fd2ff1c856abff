import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLLocalDate } from 'graphql-scalars';
import { OwnedRecord } from '@samverkan/federation';

export enum SituationLevel {
  NORMAL = 'NORMAL',
  ELEVATED = 'ELEVATED',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

registerEnumType(SituationLevel, {
  name: 'SituationLevel',
  description: 'How serious the situation in an area is judged to be, by the party that reports it.',
  valuesConfig: {
    NORMAL: { description: 'No more concern than usual: ordinary preventive work and everyday presence are enough.' },
    ELEVATED: {
      description: 'Signs of concern (e.g. recruitment attempts, unrest, lower perceived safety) that call for closer attention and coordination.',
    },
    HIGH: {
      description: 'A serious situation, e.g. ongoing conflicts or the aftermath of a violent crime, that calls for joint, prioritised action.',
    },
    CRITICAL: {
      description: 'An acute situation, e.g. a wave of violence or a crisis, that calls for immediate crisis collaboration (POSOM, crisis contact lists).',
    },
  },
});

export enum Trend {
  IMPROVING = 'IMPROVING',
  STABLE = 'STABLE',
  WORSENING = 'WORSENING',
}

registerEnumType(Trend, {
  name: 'Trend',
  description: 'Which way the situation is going, compared with the previous period.',
  valuesConfig: {
    IMPROVING: { description: 'Getting better than in the previous period.' },
    STABLE: { description: 'About the same as in the previous period.' },
    WORSENING: { description: 'Getting worse than in the previous period.' },
  },
});

export enum ObservationCategory {
  RECRUITMENT_TO_CRIME = 'RECRUITMENT_TO_CRIME',
  VIOLENCE = 'VIOLENCE',
  DRUGS = 'DRUGS',
  PERCEIVED_SAFETY = 'PERCEIVED_SAFETY',
  YOUTH_GATHERINGS = 'YOUTH_GATHERINGS',
  SCHOOL_ABSENCE = 'SCHOOL_ABSENCE',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  CONFLICTS = 'CONFLICTS',
  CRISIS = 'CRISIS',
  PROTECTIVE_FACTORS = 'PROTECTIVE_FACTORS',
  OTHER = 'OTHER',
}

registerEnumType(ObservationCategory, {
  name: 'ObservationCategory',
  description: 'What an observation in a situation report is about.',
  valuesConfig: {
    RECRUITMENT_TO_CRIME: {
      description: 'Children and young people being recruited or used by criminal networks (e.g. offers of "fast money", errands for gangs).',
    },
    VIOLENCE: { description: 'Violence in the area: shootings, explosions, assaults, threats.' },
    DRUGS: { description: 'Drug dealing or drug use, including open drug scenes and young people used as couriers.' },
    PERCEIVED_SAFETY: { description: 'How safe residents, parents and young people feel (trygghet), e.g. from safety walks or surveys.' },
    YOUTH_GATHERINGS: { description: 'Groups of young people gathering in public places, at what times and with what effects.' },
    SCHOOL_ABSENCE: { description: 'Absence from school, truancy or pupils dropping out, at group level.' },
    SOCIAL_MEDIA: { description: 'What circulates in young people\'s social media: recruitment posts, threats, provocations, narratives.' },
    CONFLICTS: { description: 'Conflicts between groups or networks, or between young people and others in the area.' },
    CRISIS: { description: 'A crisis or serious event and its aftermath, including how crisis collaboration worked.' },
    PROTECTIVE_FACTORS: {
      description: 'What protects children in the area: adult presence, meaningful leisure, parent support, trusted leaders and meeting places.',
    },
    OTHER: { description: 'Anything else worth sharing in the situation picture.' },
  },
});

@ObjectType({
  description:
    'One observation in a situation report: a category with its own level and trend, described at area level (no person-level data).',
})
@Entity('observations')
export class Observation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'report_id' })
  reportId: string;

  /** Order within the report, from 0. */
  @Column('integer')
  position: number;

  @Field(() => ObservationCategory, { description: 'What the observation is about.' })
  @Column('text')
  category: ObservationCategory;

  @Field(() => SituationLevel, { description: 'How serious this aspect of the situation is judged to be.' })
  @Column('text')
  level: SituationLevel;

  @Field(() => Trend, { description: 'Which way this aspect is going, compared with the previous period.' })
  @Column('text')
  trend: Trend;

  @Field({ description: 'What was observed, in the reporter\'s words, at area level: never names or identity numbers.' })
  @Column('text')
  description: string;
}

@ObjectType({
  description:
    'A situation report (lägesbild) for one area and period, written and owned by one party, e.g. a local police area, a municipality or an NGO, and shown only to those its owner chose (`visibility`); its observations are shown with it. Area-level only: it holds no person-level data, and free-text fields that look like they contain a personal identity number are refused.',
})
@Directive('@key(fields: "id")')
@Entity('situation_reports')
export class SituationReport extends OwnedRecord {
  /** Code of the area the report is about; exposed as `area`. */
  @Column('text', { name: 'area_code' })
  areaCode: string;

  @Field(() => GraphQLLocalDate, { description: 'First day of the period the report describes.' })
  @Column('date', { name: 'period_start' })
  periodStart: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the period the report describes; never before `periodStart`.' })
  @Column('date', { name: 'period_end' })
  periodEnd: string;

  /** The actor that wrote the report; exposed as `reportedBy`. Always the owner: a party reports only for itself. */
  @Column('uuid', { name: 'reported_by_id' })
  reportedById: string;

  @Field(() => SituationLevel, { description: 'Overall assessment of the situation in the area during the period.' })
  @Column('text')
  level: SituationLevel;

  @Field(() => Trend, { description: 'Overall direction compared with the previous period.' })
  @Column('text')
  trend: Trend;

  @Field({ description: 'Summary of the situation picture, in the reporter\'s words (1–4000 characters), at area level.' })
  @Column('text')
  summary: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The observation template the report follows, if any: its observations are in the template\'s categories. Kept as written when the template is changed or deleted.',
  })
  @Column('uuid', { name: 'template_id', nullable: true })
  templateId: string | null;
}
