import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { answeredBy, assertNoPersonalIdentityNumbers, canSee, ChangeAction, forbidden, isOwnerMember, isWriter, recordChange } from '@samverkan/federation';
import { assertSignedIn, badInput, isSignedIn, lockForUpdate, notFound, recordClosed, SubgraphContext, Viewer } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { Actor, ContactFunction } from '../stubs';
import { Incident, IncidentContact, IncidentContactStatus, IncidentFollowUp } from './incident';
import { IncidentFollowUpInput, LogIncidentContactInput } from './incident.inputs';
import { IncidentStatus } from './incident-vocabulary';
import { assertNotInFuture } from './incident.resolver';
import { logContact } from './contact-log';

type Context = SubgraphContext<SituationLoaders>;

/** A change through an incident is made by someone who sees it and is a coordinator; anyone else learns nothing more. */
function assertCoordinatorWhoSees(incident: Incident, viewer: Viewer, what: string) {
  if (!canSee(incident, viewer)) throw notFound('Incident', incident.id);
  assertSignedIn(viewer, what);
  if (!isWriter(viewer)) throw forbidden(`Only coordinators ${what}`);
}

@Resolver(() => Incident)
export class IncidentContactLogResolver {
  @Mutation(() => Incident, {
    description:
      'Logs a contact of an incident\'s contact list, made or tried: a new entry of the contact log (`Incident.contactLog`, `IncidentContact.log`; earlier entries stay as they were), with your organisation as `contactedBy`, and the line of `contactFunctionId` takes its outcome, channel, time, commitment and note as its current state; the incident gets a new version. Who may: coordinators of the owning organisation, for any line; coordinators of an organisation on the list who see the incident, only for their own lines and only ACKNOWLEDGED (confirming what they will do); else FORBIDDEN. A contact function not on the list is BAD_USER_INPUT; a CLOSED incident takes no entries (RECORD_CLOSED); `version` must be the version you read, else VERSION_CONFLICT. Nothing is written on any refusal.',
  })
  async logIncidentContact(
    @Arg('incidentId', () => ID, { description: 'Id of the incident.' }) incidentId: string,
    @Arg('version', () => Int, { description: 'The incident\'s version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => LogIncidentContactInput, { description: 'The contact.' }) input: LogIncidentContactInput,
    @Ctx() { dataSource, viewer, clock }: Context,
  ) {
    assertSignedIn(viewer, 'log contacts');
    if (input.outcome === IncidentContactStatus.UNCONTACTED) {
      throw badInput('UNCONTACTED is not an outcome: log CONTACTED, ACKNOWLEDGED or NOT_REACHED. Nothing was written.', [{ field: 'outcome', message: 'UNCONTACTED is not an outcome' }]);
    }
    assertNoPersonalIdentityNumbers([
      { field: 'commitment', text: input.commitment },
      { field: 'note', text: input.note },
    ]);
    const now = clock.now();
    const contactedAt = input.contactedAt ?? now;
    assertNotInFuture(contactedAt, now, 'contactedAt');
    return dataSource.transaction(async (manager) => {
      const { record: incident, commit } = await lockForUpdate(manager, Incident, 'Incident', incidentId, version, (found) => {
        assertCoordinatorWhoSees(found, viewer, 'log contacts');
        if (found.status === IncidentStatus.CLOSED) {
          throw recordClosed('Incident', found.id, `Incident ${found.id} is CLOSED: its contact log takes no more entries. Nothing was written.`);
        }
      });
      if (contactedAt.getTime() < incident.activatedAt.getTime()) {
        throw badInput('contactedAt is before the incident was opened', [{ field: 'input.contactedAt', message: 'must not be before activatedAt' }]);
      }
      const line = await manager.getRepository(IncidentContact).findOneBy({ incidentId, contactFunctionId: input.contactFunctionId.toLowerCase() });
      if (!line) {
        throw badInput(`Contact function ${input.contactFunctionId} is not on this incident's contact list: log contacts only for its lines (see Incident.contacts). Nothing was written.`, [
          { field: 'input.contactFunctionId', message: 'not on the incident\'s contact list' },
        ]);
      }
      if (!isSignedIn(viewer) || !isOwnerMember(incident, viewer)) {
        if (line.actorId !== viewer.organisationId || input.outcome !== IncidentContactStatus.ACKNOWLEDGED) {
          throw forbidden('Only coordinators of the organisation that owns the incident log its contacts; an organisation on the contact list may only acknowledge its own lines');
        }
      }
      await logContact(manager, line, {
        outcome: input.outcome,
        channel: input.channel,
        contactedAt,
        contactedById: viewer.organisationId,
        commitment: input.commitment ?? null,
        note: input.note ?? null,
      }, now);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Incident', entityId: incidentId, action: ChangeAction.UPDATED, fields: ['contacts'] });
      return saved;
    });
  }

  @Mutation(() => Incident, {
    description:
      'Adds your organisation\'s entry to an incident\'s joint follow-up, once it is STOOD_DOWN or CLOSED (before that, BAD_USER_INPUT): what worked and what did not. Coordinators of the owning organisation or of an organisation on the contact list who see the incident, one entry per organisation (a second is BAD_USER_INPUT); else FORBIDDEN. The incident gets a new version: `version` must be the one you read, else VERSION_CONFLICT.',
  })
  async addIncidentFollowUp(
    @Arg('incidentId', () => ID, { description: 'Id of the incident.' }) incidentId: string,
    @Arg('version', () => Int, { description: 'The incident\'s version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => IncidentFollowUpInput, { description: 'Your organisation\'s follow-up.' }) input: IncidentFollowUpInput,
    @Ctx() { dataSource, viewer, clock }: Context,
  ) {
    assertSignedIn(viewer, 'write follow-ups');
    assertNoPersonalIdentityNumbers([
      { field: 'whatWorked', text: input.whatWorked },
      { field: 'whatDidNotWork', text: input.whatDidNotWork },
    ]);
    return dataSource.transaction(async (manager) => {
      const { record: incident, commit } = await lockForUpdate(manager, Incident, 'Incident', incidentId, version, (found) =>
        assertCoordinatorWhoSees(found, viewer, 'write follow-ups'),
      );
      const onList = await manager.getRepository(IncidentContact).existsBy({ incidentId, actorId: viewer.organisationId });
      if (!isOwnerMember(incident, viewer) && !onList) {
        throw forbidden('Only the organisation that owns the incident and the organisations on its contact list write its follow-up');
      }
      if (incident.status !== IncidentStatus.STOOD_DOWN && incident.status !== IncidentStatus.CLOSED) {
        throw badInput(`The follow-up is written once the incident is stood down or closed; it is ${incident.status}. Nothing was written.`, [{ field: 'incidentId', message: 'not stood down or closed' }]);
      }
      const followUps = manager.getRepository(IncidentFollowUp);
      if (await followUps.existsBy({ incidentId, actorId: viewer.organisationId })) {
        throw badInput('Your organisation has already written its follow-up of this incident. Nothing was written.', [{ field: 'incidentId', message: 'follow-up already written' }]);
      }
      await followUps.insert({ incidentId, actorId: viewer.organisationId, whatWorked: input.whatWorked, whatDidNotWork: input.whatDidNotWork, writtenAt: clock.now() });
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Incident', entityId: incidentId, action: ChangeAction.UPDATED, fields: ['followUps'] });
      return saved;
    });
  }
}

@Resolver(() => IncidentContact)
export class IncidentContactResolver {
  @FieldResolver(() => ContactFunction, answeredBy('actors', 'The contact function to contact (function over person: its holders are in the registry).'))
  contactFunction(@Root() line: IncidentContact): ContactFunction {
    return { id: line.contactFunctionId };
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation behind the contact function, as the roster said at activation.'))
  actor(@Root() line: IncidentContact): Actor {
    return { id: line.actorId };
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation that logged the latest contact (never a person); null while UNCONTACTED.'))
  contactedBy(@Root() line: IncidentContact): Actor | null {
    return line.contactedById ? { id: line.contactedById } : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the party confirmed what it will do (status ACKNOWLEDGED).' })
  acknowledged(@Root() line: IncidentContact) {
    return line.status === IncidentContactStatus.ACKNOWLEDGED;
  }
}

@Resolver(() => IncidentFollowUp)
export class IncidentFollowUpResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation that wrote the entry.'))
  author(@Root() followUp: IncidentFollowUp): Actor {
    return { id: followUp.actorId };
  }
}
