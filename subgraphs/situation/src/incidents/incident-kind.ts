import { registerEnumType } from 'type-graphql';

/** What kind of serious event an incident is: a crisis roster says whom to contact for each kind. */
export enum IncidentKind {
  FATAL_VIOLENCE = 'FATAL_VIOLENCE',
  SHOOTING_OR_EXPLOSION = 'SHOOTING_OR_EXPLOSION',
  FIRE = 'FIRE',
  PUBLIC_DISORDER = 'PUBLIC_DISORDER',
  SUICIDE = 'SUICIDE',
  LARGE_ACCIDENT = 'LARGE_ACCIDENT',
  THREAT_AGAINST_ACTIVITY = 'THREAT_AGAINST_ACTIVITY',
}

registerEnumType(IncidentKind, {
  name: 'IncidentKind',
  description: 'What kind of serious event an incident is; a crisis roster names whom to contact for each kind.',
  valuesConfig: {
    FATAL_VIOLENCE: { description: 'Violence with fatal outcome, e.g. a murder in the area.' },
    SHOOTING_OR_EXPLOSION: { description: 'A shooting or an explosion (detonation, hand grenade), whether or not anyone was hurt.' },
    FIRE: { description: 'A serious fire, e.g. arson at a school or in a residential building.' },
    PUBLIC_DISORDER: { description: 'Public disorder or riots (upplopp), e.g. stone-throwing at emergency services.' },
    SUICIDE: { description: 'A suicide or suspected suicide that affects young people in the area.' },
    LARGE_ACCIDENT: { description: 'A large accident, e.g. a traffic accident with several young people involved.' },
    THREAT_AGAINST_ACTIVITY: { description: 'A threat against an activity, venue or organisation, e.g. against a youth centre or its staff.' },
  },
});

