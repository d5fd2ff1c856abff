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


/** How serious an incident is; the values are CAP 1.2's severities, so an exported alert keeps them. */
export enum IncidentSeverity {
  MINOR = 'MINOR',
  MODERATE = 'MODERATE',
  SEVERE = 'SEVERE',
  EXTREME = 'EXTREME',
}

registerEnumType(IncidentSeverity, {
  name: 'IncidentSeverity',
  description: 'How serious an incident is for the area (the severities of OASIS CAP 1.2).',
  valuesConfig: {
    MINOR: { description: 'Little or no lasting effect on the area; information for the network.' },
    MODERATE: { description: 'Some effect on the area, e.g. worry among young people and parents; calls for presence and information.' },
    SEVERE: { description: 'Significant effect on the area, e.g. a serious violent crime; calls for crisis collaboration.' },
    EXTREME: { description: 'Extraordinary threat to life or safety in the area, e.g. an ongoing wave of violence.' },
  },
});

/** Where an incident is in its course: contacts are made while OPEN or ACTIVE, a CLOSED incident takes no more log entries. */
export enum IncidentStatus {
  OPEN = 'OPEN',
  ACTIVE = 'ACTIVE',
  STOOD_DOWN = 'STOOD_DOWN',
  CLOSED = 'CLOSED',
}

registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: 'Where an incident is in its course.',
  valuesConfig: {
    OPEN: { description: 'Reported and the crisis roster activated: the contact list is being worked through.' },
    ACTIVE: { description: 'Crisis collaboration under way: parties are acting on the incident.' },
    STOOD_DOWN: { description: 'The acute phase is over (avvecklad); follow-up remains.' },
    CLOSED: { description: 'Closed after follow-up; the contact log takes no more entries.' },
  },
});
