import { registerEnumType } from 'type-graphql';

export enum ConcernStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  CONTACTED = 'CONTACTED',
  CLOSED = 'CLOSED',
}

registerEnumType(ConcernStatus, {
  name: 'ConcernStatus',
  description: 'Where a concern is on its way from registration to closing.',
  valuesConfig: {
    OPEN: { description: 'Registered; the team is activated and the lead has not acknowledged it yet.' },
    ACKNOWLEDGED: { description: "The team's lead has acknowledged it; the guardian has not been contacted yet." },
    CONTACTED: { description: 'A team member has contacted the guardian: the 24-hour promise is kept (or was late, see `breachedAt`).' },
    CLOSED: { description: 'Closed with an outcome, the guardian informed; it takes no more changes and is deleted after the retention period.' },
  },
});

/** Why an organisation may process the concern: stated on the concern, never assumed (docs/dpia-concerns.md §3). */
export enum LegalBasis {
  CONSENT = 'CONSENT',
  PUBLIC_TASK = 'PUBLIC_TASK',
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
}

registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'The legal basis of processing the concern (GDPR Art. 6(1)), as the receiving organisation states it.',
  valuesConfig: {
    CONSENT: { description: "The guardian's explicit consent (Art. 6(1)(a)): civil society's basis; requires `consent.given`." },
    PUBLIC_TASK: { description: "A task in the public interest (Art. 6(1)(e)): a municipality's, a school's or the police's crime-prevention work." },
    LEGAL_OBLIGATION: { description: 'A legal obligation (Art. 6(1)(c)), e.g. the social services under socialtjänstlagen.' },
  },
});

/** How the guardian wants to be answered. */
export enum AnswerChannel {
  PHONE = 'PHONE',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
}

registerEnumType(AnswerChannel, {
  name: 'AnswerChannel',
  description: 'How the guardian wants to be answered.',
  valuesConfig: {
    PHONE: { description: 'A phone call.' },
    SMS: { description: 'A text message asking when to call.' },
    EMAIL: { description: 'An e-mail.' },
    MEETING: { description: 'A meeting in person, e.g. at the organisation the guardian turned to.' },
  },
});

/** What came of a concern. */
export enum ConcernOutcome {
  REFERRED_TO_SOCIAL_SERVICES = 'REFERRED_TO_SOCIAL_SERVICES',
  ACTIVITY_OFFERED = 'ACTIVITY_OFFERED',
  MENTOR_OFFERED = 'MENTOR_OFFERED',
  SSPF_CASE_STARTED = 'SSPF_CASE_STARTED',
  SIG_CASE_STARTED = 'SIG_CASE_STARTED',
  NOTHING_NEEDED = 'NOTHING_NEEDED',
  OTHER = 'OTHER',
}

registerEnumType(ConcernOutcome, {
  name: 'ConcernOutcome',
  description: 'What came of a concern: an action during the follow-up, or the outcome it is closed with.',
  valuesConfig: {
    REFERRED_TO_SOCIAL_SERVICES: { description: 'Referred to the social services, who handle it under their own rules and records.' },
    ACTIVITY_OFFERED: { description: 'The young person was offered an activity.' },
    MENTOR_OFFERED: { description: 'The young person was offered a mentor.' },
    SSPF_CASE_STARTED: { description: 'An SSPF case (school, social services, police, leisure) was started, in its own systems.' },
    SIG_CASE_STARTED: { description: 'A SIG case (social insatsgrupp) was started, in its own systems.' },
    NOTHING_NEEDED: { description: 'Talking it through was enough; nothing more is needed.' },
    OTHER: { description: 'Something else, described in the note.' },
  },
});

/** What a concern's follow-up log records. */
export enum ConcernActionKind {
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  FIRST_CONTACT = 'FIRST_CONTACT',
  ACTION = 'ACTION',
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  CLOSED = 'CLOSED',
}

registerEnumType(ConcernActionKind, {
  name: 'ConcernActionKind',
  description: "An entry of a concern's follow-up log.",
  valuesConfig: {
    ACKNOWLEDGED: { description: "The team's lead acknowledged the concern." },
    FIRST_CONTACT: { description: 'A team member contacted the guardian for the first time.' },
    ACTION: { description: 'An action of the follow-up (its `outcome` says which).' },
    CONSENT_WITHDRAWN: { description: 'The guardian withdrew their consent, as recorded by a team member.' },
    CLOSED: { description: 'The concern was closed, the guardian informed.' },
  },
});
