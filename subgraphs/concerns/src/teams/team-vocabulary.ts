import { registerEnumType } from 'type-graphql';

/** What an organisation does in an intervention team: decides what the guardian's consent lets it see. */
export enum TeamFunction {
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  POLICE = 'POLICE',
  SCHOOL = 'SCHOOL',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  OTHER = 'OTHER',
}

registerEnumType(TeamFunction, {
  name: 'TeamFunction',
  description: "What an organisation does in an intervention team; a guardian's consent names the functions that may see the concern.",
  valuesConfig: {
    SOCIAL_SERVICES: { description: "The municipality's social services: they see every concern routed to their team, with or without consent (their own duties apply)." },
    POLICE: { description: 'The local police: they see a concern only with the guardian\'s consent.' },
    SCHOOL: { description: 'A school or the school administration: with consent.' },
    CIVIL_SOCIETY: { description: 'An association, faith community or sports club that agreed to take part: with explicit consent only.' },
    OTHER: { description: 'Another party, e.g. the region\'s youth clinic or a housing company: with consent.' },
  },
});

/** A team line's part in answering a concern. */
export enum TeamRole {
  LEAD = 'LEAD',
  BACKUP = 'BACKUP',
  MEMBER = 'MEMBER',
  COORDINATOR = 'COORDINATOR',
}

registerEnumType(TeamRole, {
  name: 'TeamRole',
  description: "A team line's part in answering a concern within 24 hours.",
  valuesConfig: {
    LEAD: { description: 'Acknowledges every new concern and sees that the guardian is contacted; reminded first. One per team.' },
    BACKUP: { description: 'Stands in for the lead: told when a concern is escalated.' },
    MEMBER: { description: 'Takes part in the work on a concern.' },
    COORDINATOR: { description: "The team's coordinator: told last before the 24 hours run out, and of a breach. At most one per team." },
  },
});
