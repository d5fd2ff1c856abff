import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { Actor } from '../stubs';
import { Incident, IncidentContact, IncidentContactStatus } from './incident';
import { IncidentContactLogEntry } from './contact-log';
import { ContactLogArgs } from './incident.inputs';

type Context = SubgraphContext<SituationLoaders>;

@Resolver(() => Incident)
export class IncidentContactLogListResolver {
  @FieldResolver(() => [IncidentContactLogEntry], {
    description:
      'The contact log: every contact made or tried for the lines of the contact list, including those that did not reach anyone (NOT_REACHED), the latest logged first: the first `first` of them. Each line\'s own entries, oldest first, are its `log`.',
  })
  contactLog(@Root() incident: Incident, @Args(() => ContactLogArgs) { first }: ContactLogArgs, @Ctx() { loaders }: Context) {
    return loaders.contactLogOfIncident({ first }).load(incident.id);
  }
}

@Resolver(() => IncidentContact)
export class IncidentContactLineLogResolver {
  @FieldResolver(() => [IncidentContactLogEntry], {
    description: 'Every contact made or tried for this line, in the order they were logged (oldest first; the line\'s own fields are the last): the first `first` of them.',
  })
  log(@Root() line: IncidentContact, @Args(() => ContactLogArgs) { first }: ContactLogArgs, @Ctx() { loaders }: Context) {
    return loaders.contactLogOfLine({ first }).load(line.id);
  }
}

@Resolver(() => IncidentContactLogEntry)
export class IncidentContactLogEntryResolver {
  @FieldResolver(() => IncidentContact, { description: 'Whom: the line of the contact list the contact was for (its contact function and organisation).' })
  async contact(@Root() entry: IncidentContactLogEntry, @Ctx() { loaders }: Context): Promise<IncidentContact> {
    // An entry goes only with its incident, and its line only with it too: the line is on its incident's list.
    const lines = await loaders.incidentContacts.load(entry.incidentId);
    return lines.find((line) => line.id === entry.contactId)!;
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'Who: the organisation that logged the contact (never a person).'))
  contactedBy(@Root() entry: IncidentContactLogEntry): Actor {
    return { id: entry.contactedById };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the party confirmed what it will do (outcome ACKNOWLEDGED).' })
  acknowledged(@Root() entry: IncidentContactLogEntry) {
    return entry.outcome === IncidentContactStatus.ACKNOWLEDGED;
  }
}
