import { registerEnumType } from 'type-graphql';

/** Who an activity or a service is for; one enum across the federation, so filters mean the same everywhere. */
export enum TargetGroup {
  CHILDREN = 'CHILDREN',
  YOUNG_PEOPLE = 'YOUNG_PEOPLE',
  PARENTS = 'PARENTS',
  RELATIVES = 'RELATIVES',
  RESIDENTS = 'RESIDENTS',
  LEADERS_AND_VOLUNTEERS = 'LEADERS_AND_VOLUNTEERS',
  PROFESSIONALS = 'PROFESSIONALS',
  PEOPLE_WITH_NPF = 'PEOPLE_WITH_NPF',
}

registerEnumType(TargetGroup, {
  name: 'TargetGroup',
  description: 'Who an activity or a service is for. Use the age range for the ages of children and young people.',
  valuesConfig: {
    CHILDREN: { description: 'Children (barn), roughly up to 12 years.' },
    YOUNG_PEOPLE: { description: 'Young people (unga), roughly 13 to 25 years.' },
    PARENTS: { description: 'Parents and other guardians (föräldrar, vårdnadshavare).' },
    RELATIVES: { description: 'Relatives and others close to a child or young person (anhöriga), e.g. siblings.' },
    RESIDENTS: { description: 'Residents of the area in general (boende, invånare).' },
    LEADERS_AND_VOLUNTEERS: { description: 'Leaders, coaches and volunteers in associations (ledare, ideella).' },
    PROFESSIONALS: { description: 'Professionals, e.g. school staff, social workers, youth workers, police officers.' },
    PEOPLE_WITH_NPF: { description: 'Children and young people with neurodevelopmental conditions (NPF), diagnosed or not.' },
  },
});

export const TARGET_GROUPS = Object.values(TargetGroup);
