import { registerEnumType } from 'type-graphql';
import { badInput } from '@samverkan/platform';

/**
 * What an organisation needs to be able to receive children and young people at risk of being drawn
 * into crime (question 3 of the dialogue meeting: "Vilka stöd/förutsättningar behöver er organisation
 * för att kunna ta emot barn och unga som riskerar att dras in i kriminalitet?").
 */
export enum SupportNeed {
  NPF_COMPETENCE = 'NPF_COMPETENCE',
  LEADER_TRAINING = 'LEADER_TRAINING',
  FUNDING = 'FUNDING',
  PREMISES = 'PREMISES',
  INTERPRETERS = 'INTERPRETERS',
  SAFETY_ADVICE = 'SAFETY_ADVICE',
  OTHER = 'OTHER',
}

registerEnumType(SupportNeed, {
  name: 'SupportNeed',
  description:
    'Support an organisation needs to include children and young people at risk in its ordinary activities (question 3 of the 2025 dialogue meeting).',
  valuesConfig: {
    NPF_COMPETENCE: {
      description: 'Knowledge and tools for including children and young people with neurodevelopmental conditions (NPF-kompetens), diagnosed or not.',
    },
    LEADER_TRAINING: {
      description: 'Training and supervision for leaders and volunteers meeting young people with norm-breaking behaviour (stärkta ledare, handledning).',
    },
    FUNDING: { description: 'External funding for the extra work, e.g. for experts or more paid staff.' },
    PREMISES: { description: 'Premises to meet in (lokaler).' },
    INTERPRETERS: { description: 'Interpreters or staff who speak the languages of the families.' },
    SAFETY_ADVICE: { description: 'Risk analyses and advice on safety for participants and leaders, e.g. from the police.' },
    OTHER: { description: 'Something else; describe it in `supportNote`.' },
  },
});

/** The fields an actor input may set about receiving young people at risk. */
export interface SupportFields {
  receivesYoungPeopleAtRisk?: boolean | null;
  supportNeeds?: SupportNeed[] | null;
  supportNote?: string | null;
}

/**
 * Normalises the support fields of a create or update input in place: `receivesYoungPeopleAtRisk`
 * cannot be cleared (it is yes or no), a null list of needs clears it, and repeated needs count once.
 */
export function normaliseSupportFields<T extends SupportFields>(
  fields: T,
): asserts fields is T & { receivesYoungPeopleAtRisk?: boolean; supportNeeds?: SupportNeed[] } {
  if (fields.receivesYoungPeopleAtRisk === null) {
    throw badInput('receivesYoungPeopleAtRisk cannot be cleared', [{ field: 'receivesYoungPeopleAtRisk', message: 'cannot be null' }]);
  }
  if (fields.supportNeeds !== undefined) fields.supportNeeds = [...new Set(fields.supportNeeds ?? [])];
}
