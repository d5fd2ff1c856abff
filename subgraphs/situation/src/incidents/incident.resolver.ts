import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { answeredBy, assertCanChange, assertNoPersonalIdentityNumbers, assertReferencesExist, ChangeAction, externalIdColumn, GeoPoint, givenFields, namedAreaFilter, ownerForNewRecord, pointColumns, pointOf, recordChange, sharedWithOthers, whereVisible, withExternalIdKey } from '@samverkan/federation';
import { assertNotCleared, assertSignedIn, badInput, Connection, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, lockForUpdate, PageArgs, paginate, recordClosed, SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { Actor, Area } from '../stubs';
import { Incident, IncidentContact, IncidentFollowUp } from './incident';
import { AreaIncidentsArgs, CreateIncidentInput, IncidentFilter, UpdateIncidentInput } from './incident.inputs';
import { IncidentStatus } from './incident-vocabulary';
import { contactDeadline, copyRosterLines, rosterToActivate, isNotContacted, isOverdue, overdueSql } from './contact-list';

type Context = SubgraphContext<SituationLoaders>;

@ObjectType({ description: 'A page of incidents.' })
export class IncidentConnection extends Connection(Incident) {}

/** The statuses each status may move on to: forward, or back from STOOD_DOWN to ACTIVE when it flares up again; never out of CLOSED. */
const NEXT: Record<IncidentStatus, IncidentStatus[]> = {
  [IncidentStatus.OPEN]: [IncidentStatus.ACTIVE, IncidentStatus.STOOD_DOWN, IncidentStatus.CLOSED],
  [IncidentStatus.ACTIVE]: [IncidentStatus.STOOD_DOWN, IncidentStatus.CLOSED],
  [IncidentStatus.STOOD_DOWN]: [IncidentStatus.ACTIVE, IncidentStatus.CLOSED],
  [IncidentStatus.CLOSED]: [],
};

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true, description: 'One incident by id; null when there is none or you may not see it.' })
  incident(@Arg('id', () => ID, { description: 'Id of the incident.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.incident.load(id);
  }

  @Query(() => IncidentConnection, {
    description: 'Incidents you may see that match a filter, most recently opened first (by `activatedAt`, then id), a page at a time; `totalCount` counts only those.',
  })
  incidents(
    @Arg('filter', () => IncidentFilter, { nullable: true, description: 'Which incidents to list; all of them when left out.' }) filter: IncidentFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource, viewer, clock }: Context,
  ) {
    // Visibility first: every filter below only narrows the rows the viewer may see.
    const query = whereVisible(dataSource.getRepository(Incident).createQueryBuilder('incident'), viewer);
    if (filter?.areaCode) query.andWhere(...namedAreaFilter('incident.area_code', filter.areaCode, filter.areaScope));
    if (filter?.kinds?.length) query.andWhere('incident.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.statuses?.length) query.andWhere('incident.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.severities?.length) query.andWhere('incident.severity IN (:...severities)', { severities: filter.severities });
    if (filter?.from) query.andWhere('incident.occurred_at >= :from', { from: filter.from });
    if (filter?.to) query.andWhere('incident.occurred_at < :to', { to: filter.to });
    if (filter?.overdue !== undefined && filter.overdue !== null) {
      const [condition, parameters] = overdueSql('incident', clock.now());
      query.andWhere(filter.overdue ? condition : `NOT ${condition}`, parameters);
    }
    return paginate(query, page, { column: 'incident.activated_at', property: 'activatedAt', direction: 'DESC' });
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area the incident happened in.'))
  area(@Root() incident: Incident): Area {
    return { code: incident.areaCode };
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area whose crisis roster made the contact list: the incident\'s own area or the nearest wider one with lines for its kind; null when none was found (`contactListComplete` is false).'))
  rosterArea(@Root() incident: Incident): Area | null {
    return incident.rosterAreaCode ? { code: incident.rosterAreaCode } : null;
  }

  @FieldResolver(() => String, {
    description:
      'The incident as an OASIS CAP 1.2 alert (XML) at its current version, for systems that take CAP: one message per version, Alert first, then Update, and Cancel once closed; Public scope only for a PUBLIC incident, else Restricted. Mapping: docs/cap-export.md. Also served as `GET /cap/incidents/{id}`.',
  })
  capAlert(@Root() incident: Incident, @Ctx() { loaders }: Context) {
    return loaders.incidentCapAlert.load(incident);
  }

  @FieldResolver(() => Boolean, {
    description:
      'False when opening the incident found no crisis roster with lines for its kind, for its area or a wider one, that the opener may see: the contact list is empty and the roster has a gap to fill. True otherwise.',
  })
  contactListComplete(@Root() incident: Incident) {
    return incident.rosterAreaCode !== null;
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where it happened, when given.' })
  point(@Root() incident: Incident) {
    return pointOf(incident.latitude, incident.longitude);
  }

  @FieldResolver(() => [IncidentContact], {
    description: 'The contact list: the roster\'s lines for the incident\'s kind as they stood when it was opened (later roster changes do not rewrite it), in calling order (place, the primary before its backups), each with the latest contact logged. At most 100 lines, as a roster holds.',
  })
  contacts(@Root() incident: Incident, @Ctx() { loaders }: Context) {
    return loaders.incidentContacts.load(incident.id);
  }

  @FieldResolver(() => [IncidentContact], {
    description: 'Exactly the lines no contact was made with: still UNCONTACTED, or NOT_REACHED at the latest try; in calling order. Empty when everyone on the list was reached (CONTACTED or ACKNOWLEDGED).',
  })
  async notContacted(@Root() incident: Incident, @Ctx() { loaders }: Context) {
    return (await loaders.incidentContacts.load(incident.id)).filter(isNotContacted);
  }

  @FieldResolver(() => [Actor], {
    description: 'The organisations on the contact list none of whose lines were reached (all UNCONTACTED or NOT_REACHED), each once, in calling order. The organisations themselves are answered by the actors service.',
  })
  async organisationsNotReached(@Root() incident: Incident, @Ctx() { loaders }: Context): Promise<Actor[]> {
    const lines = await loaders.incidentContacts.load(incident.id);
    const reached = new Set(lines.filter((line) => !isNotContacted(line)).map((line) => line.actorId));
    return [...new Set(lines.map((line) => line.actorId))].filter((id) => !reached.has(id)).map((id) => ({ id }));
  }

  @FieldResolver(() => Date, { description: 'When every line should have been contacted: `activatedAt` plus INCIDENT_CONTACT_DEADLINE_MINUTES (default 60).' })
  contactDeadline(@Root() incident: Incident) {
    return contactDeadline(incident);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the incident is OPEN or ACTIVE, its `contactDeadline` has passed, and lines are still not contacted (`notContacted` is not empty); false otherwise.',
  })
  async overdue(@Root() incident: Incident, @Ctx() { loaders, clock }: Context) {
    return isOverdue(incident, await loaders.incidentContacts.load(incident.id), clock.now());
  }

  @FieldResolver(() => [IncidentContact], { description: 'When `overdue`: the lines not contacted in time (`notContacted`); empty otherwise.' })
  async overdueContacts(@Root() incident: Incident, @Ctx() { loaders, clock }: Context) {
    const lines = await loaders.incidentContacts.load(incident.id);
    return isOverdue(incident, lines, clock.now()) ? lines.filter(isNotContacted) : [];
  }

  @FieldResolver(() => [IncidentFollowUp], {
    description: 'The joint follow-up, written after the incident was stood down or closed: one entry per organisation (the owner and the organisations on the contact list), oldest first.',
  })
  followUps(@Root() incident: Incident, @Ctx() { loaders }: Context) {
    return loaders.incidentFollowUps.load(incident.id);
  }

  @Mutation(() => Incident, {
    description:
      'Opens an incident for your organisation, which owns it (needs a coordinator), and activates the crisis roster in the same transaction: the contact list is a copy of the lines for its kind of the roster of its area (or the nearest wider area with lines for the kind) that you may see. No such roster: the incident is opened with an empty list and `contactListComplete: false`. The area and any `sharedWithIds` must exist; text that looks like it contains a personal identity number is refused.',
  })
  async createIncident(
    @Arg('input', () => CreateIncidentInput, { description: 'The new incident.' }) input: CreateIncidentInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, authorization, clock, loaders }: Context,
  ) {
    const ownerId = ownerForNewRecord(viewer);
    const { sharedWithIds, externalId, point, ...fields } = input;
    checkTexts(fields);
    assertNotInFuture(fields.occurredAt, clock.now(), 'occurredAt');
    await checkReferences(fields.areaCode, sharedWithIds, authorization);
    const request = { operation: 'createIncident', key: idempotencyKey, input };
    return withExternalIdKey(() => idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
      // The roster is read in the incident's own transaction: the list is the roster as it stands now.
      const roster = await rosterToActivate(manager, viewer, fields.areaCode, fields.kind);
      const repository = manager.getRepository(Incident);
      const incident = await repository.save(
        repository.create({
          ...fields,
          ...pointColumns(point),
          description: fields.description ?? null,
          status: IncidentStatus.OPEN,
          activatedAt: clock.now(),
          stoodDownAt: null,
          closedAt: null,
          rosterAreaCode: roster?.areaCode ?? null,
          externalId: externalIdColumn(externalId),
          ownerId,
          sharedWith: sharedWithOthers(sharedWithIds ?? [], ownerId),
        }),
      );
      if (roster) await copyRosterLines(manager, incident.id, roster.id, fields.kind);
      await recordChange(manager, viewer, { entityType: 'Incident', entityId: incident.id, action: ChangeAction.CREATED, fields: [...givenFields(input), 'contacts'] });
      return incident;
    }, (id) => loaders.incident.load(id), 'Incident'));
  }

  @Mutation(() => Incident, {
    description:
      'Changes an incident (coordinators of the owning organisation only): its status along OPEN → ACTIVE → STOOD_DOWN → CLOSED (see `UpdateIncidentInput.status`; a CLOSED incident stays closed: RECORD_CLOSED), severity, texts, point and who sees it. `version` must be the version you read, else VERSION_CONFLICT and nothing is written; an incident you may not see is NOT_FOUND.',
  })
  async updateIncident(
    @Arg('id', () => ID, { description: 'Id of the incident.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => UpdateIncidentInput, { description: 'The changes.' }) input: UpdateIncidentInput,
    @Ctx() { dataSource, viewer, authorization, clock }: Context,
  ) {
    assertSignedIn(viewer, 'change incidents');
    const { sharedWithIds, externalId, point, description, ...required } = input;
    assertNotCleared(required);
    checkTexts(input);
    if (input.occurredAt) assertNotInFuture(input.occurredAt, clock.now(), 'occurredAt');
    await checkReferences(undefined, sharedWithIds, authorization);
    return withExternalIdKey(() => dataSource.transaction(async (manager) => {
      const { record: incident, commit } = await lockForUpdate(manager, Incident, 'Incident', id, version, (found) => {
        assertCanChange(found, viewer, 'Incident');
        if (found.status === IncidentStatus.CLOSED && input.status && input.status !== IncidentStatus.CLOSED) {
          throw recordClosed('Incident', id, `Incident ${id} is CLOSED and cannot be reopened; open a new incident if it flares up again. Nothing was written.`);
        }
      });
      const { status, ...rest } = required;
      if (status && status !== incident.status) {
        if (!NEXT[incident.status].includes(status)) {
          throw badInput(`An incident cannot go from ${incident.status} to ${status}: from ${incident.status} it may go to ${NEXT[incident.status].join(', ')}. Nothing was written.`, [
            { field: 'status', message: `cannot go from ${incident.status} to ${status}` },
          ]);
        }
        incident.status = status;
        if (status === IncidentStatus.STOOD_DOWN) incident.stoodDownAt = clock.now();
        if (status === IncidentStatus.CLOSED) incident.closedAt = clock.now();
      }
      Object.assign(incident, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
      if (description !== undefined) incident.description = description;
      if (point !== undefined) Object.assign(incident, pointColumns(point));
      if (sharedWithIds !== undefined) incident.sharedWith = sharedWithOthers(sharedWithIds ?? [], incident.ownerId);
      if (externalId !== undefined) incident.externalId = externalIdColumn(externalId);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Incident', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
      return saved;
    }));
  }

  @Mutation(() => ID, {
    description:
      'Deletes an incident with its contact list, log and follow-up (coordinators of the owning organisation only) and returns its id: for one opened by mistake; an incident that happened is worth keeping, so close it instead. `version` must be the version you read, else VERSION_CONFLICT; an incident you may not see is NOT_FOUND.',
  })
  deleteIncident(
    @Arg('id', () => ID, { description: 'Id of the incident.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    assertSignedIn(viewer, 'change incidents');
    return dataSource.transaction(async (manager) => {
      await lockForUpdate(manager, Incident, 'Incident', id, version, (found) => assertCanChange(found, viewer, 'Incident'));
      await recordChange(manager, viewer, { entityType: 'Incident', entityId: id, action: ChangeAction.DELETED, fields: [] });
      // Its lines, their log and its follow-ups go with it (ON DELETE CASCADE).
      await manager.getRepository(Incident).delete({ id });
      return id;
    });
  }
}

/** The situation picture is area-level only: refuse anything that looks like a personal identity number. */
function checkTexts({ title, description }: { title?: string | null; description?: string | null }) {
  assertNoPersonalIdentityNumbers([
    { field: 'title', text: title },
    { field: 'description', text: description },
  ]);
}

export function assertNotInFuture(instant: Date, now: Date, field: string) {
  if (instant.getTime() > now.getTime()) throw badInput(`${field} is in the future`, [{ field, message: 'must not be in the future' }]);
}

/** The area and the partners an incident is shared with live in the actors subgraph: ask it, as the caller, before writing. */
async function checkReferences(areaCode: string | undefined, sharedWithIds: string[] | null | undefined, authorization: string | undefined) {
  await assertReferencesExist(
    [
      { type: 'Area', keys: [areaCode], field: 'areaCode' },
      { type: 'Actor', keys: sharedWithIds ?? [], field: 'sharedWithIds' },
    ],
    authorization,
  );
}

@Resolver(() => Area)
export class AreaIncidentsResolver {
  @FieldResolver(
    () => [Incident],
    answeredBy('situation', 'Incidents in this area that you may see, most recently opened first: the first `first` of them. The root `incidents` list with `areaCode` pages through all.'),
  )
  incidents(@Root() area: Area, @Args(() => AreaIncidentsArgs) args: AreaIncidentsArgs, @Ctx() { loaders }: Context) {
    return loaders.incidentsInArea(args).load(area.code);
  }
}
