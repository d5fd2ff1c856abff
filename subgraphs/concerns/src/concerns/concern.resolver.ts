import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ActorKind, answeredBy, AreaScope, assertNoPersonalIdentityNumbers, assertReferencesExist, forbidden, namedAreaFilter, referencedRecord } from '@samverkan/federation';
import {
  assertSignedIn,
  badInput,
  Connection,
  IDEMPOTENCY_KEY_DESCRIPTION,
  idempotentCreate,
  isSignedIn,
  lockForUpdate,
  notFound,
  PageArgs,
  paginate,
  recordClosed,
  SignedIn,
  SubgraphContext,
} from '@samverkan/platform';
import { AuditAction, appendAudit } from '../audit/audit-log';
import { answerDueAt } from '../clock/deadlines';
import { ConcernsLoaders } from '../loaders';
import { Actor, Area } from '../stubs';
import { InterventionTeam } from '../teams/intervention-team';
import { TeamRole } from '../teams/team-vocabulary';
import { Concern } from './concern';
import { canReadConcern, concernVisibleSql } from './concern-access';
import { ConcernAction } from './concern-action';
import { ConcernRecipient } from './concern-recipient';
import { ConcernActionKind, ConcernStatus } from './concern-vocabulary';
import { CloseConcernInput, ConcernActionInput, ConcernFilter, RegisterConcernInput } from './concern.inputs';
import { auditReads } from './concern.loaders';
import { assertConsistentConsent, Consent, consentOf } from './consent';
import { decryptContact } from './contact-details';
import { registerConcernRecord } from './registration';

type Context = SubgraphContext<ConcernsLoaders>;

@ObjectType({ description: 'A page of concerns.' })
export class ConcernConnection extends Connection(Concern) {}

const ID_ARG = { description: 'Id of the concern.' };
const VERSION_ARG = { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' };


@Resolver(() => Concern)
export class ConcernResolver {
  @Query(() => Concern, {
    nullable: true,
    description: 'One concern by id, if you may read it (docs/dpia-concerns.md §4); null otherwise. Every read is written to the audit log.',
  })
  concern(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() { loaders }: Context) {
    return loaders.concern.load(id);
  }

  @Query(() => ConcernConnection, {
    description:
      'The concerns you may read (docs/dpia-concerns.md §4) that match a filter, newest registered first, a page at a time; `totalCount` counts only those. Everyone else, national coordinators included, sees figures only. Every concern on the page is written to the audit log as read.',
  })
  async concerns(
    @Arg('filter', () => ConcernFilter, { nullable: true, description: 'Which concerns to list; all you may read when left out.' }) filter: ConcernFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource, viewer, clock, loaders }: Context,
  ) {
    // The access rule first: every filter below only narrows what the viewer may read.
    const query = dataSource.getRepository(Concern).createQueryBuilder('c').where(...concernVisibleSql('c', viewer));
    if (filter?.areaCode) query.andWhere(...namedAreaFilter('c.area_code', filter.areaCode, AreaScope.WITHIN));
    if (filter?.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter?.openOnly) query.andWhere(`c.status <> '${ConcernStatus.CLOSED}'`);
    if (filter?.breached !== undefined && filter.breached !== null) query.andWhere(filter.breached ? 'c.breached_at IS NOT NULL' : 'c.breached_at IS NULL');
    if (filter?.awaitingMe && isSignedIn(viewer)) {
      query.andWhere(
        `c.status = '${ConcernStatus.OPEN}' AND EXISTS (SELECT 1 FROM concern_recipients lead WHERE lead.concern_id = c.id AND lead.role = '${TeamRole.LEAD}' AND lead.actor_id = :me)`,
        { me: viewer.organisationId },
      );
    }
    const found = await paginate(query, page, { column: 'c.registered_at', property: 'registeredAt', direction: 'DESC' });
    await auditReads(dataSource, found.nodes, viewer, clock);
    // Read and audited: `_entities` or `concern(id)` in the same request need not read them again.
    for (const concern of found.nodes) loaders.concern.prime(concern.id, concern);
    return found;
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area whose team the concern was routed to.'))
  area(@Root() concern: Concern): Area {
    return { code: concern.areaCode };
  }

  @FieldResolver(() => InterventionTeam, { nullable: true, description: 'The intervention team the concern was routed to, as it stands now; null if you may not see it.' })
  team(@Root() concern: Concern, @Ctx() { loaders }: Context) {
    return loaders.team.load(concern.teamId);
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation the guardian turned to, which registered the concern.'))
  receivingOrganisation(@Root() concern: Concern): Actor {
    return { id: concern.receivingActorId };
  }

  @FieldResolver(() => [ConcernRecipient], { description: 'The intervention team the concern activated, as it stood at registration: lead, backups, members, coordinator.' })
  activatedTeam(@Root() concern: Concern, @Ctx() { loaders }: Context) {
    return loaders.concernRecipients.load(concern.id);
  }

  @FieldResolver(() => Consent, { description: "The guardian's consent, and its withdrawal." })
  consent(@Root() concern: Concern): Consent {
    return consentOf(concern);
  }

  @FieldResolver(() => String, { description: "How to reach the guardian, as they gave it: decrypted for you, the concern's reader; stored encrypted." })
  guardianContact(@Root() concern: Concern) {
    return decryptContact(concern.contactCiphertext);
  }

  @FieldResolver(() => [ConcernAction], { description: 'The follow-up log, oldest first: acknowledgement, first contact, actions, withdrawal, closing.' })
  actions(@Root() concern: Concern, @Ctx() { loaders }: Context) {
    return loaders.concernActions.load(concern.id);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The organisation that acknowledged the concern (the lead\'s).' })
  acknowledgedBy(@Root() concern: Concern): Actor | null {
    return concern.acknowledgedBy ? { id: concern.acknowledgedBy } : null;
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The organisation that first contacted the guardian.' })
  firstContactBy(@Root() concern: Concern): Actor | null {
    return concern.firstContactBy ? { id: concern.firstContactBy } : null;
  }

  @FieldResolver(() => Date, { description: 'When the guardian is to have been answered: `registeredAt` plus CONCERN_ANSWER_HOURS (default 24).' })
  dueBy(@Root() concern: Concern) {
    return answerDueAt(concern);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the guardian was first contacted by `dueBy`: true or false once contacted; false once `dueBy` passed without contact; null while the time still runs.',
  })
  answeredWithin(@Root() concern: Concern, @Ctx() { clock }: Context) {
    const due = answerDueAt(concern).getTime();
    if (concern.firstContactAt) return concern.firstContactAt.getTime() <= due;
    return concern.breachedAt || clock.now().getTime() > due ? false : null;
  }

  @Mutation(() => Concern, {
    description:
      "Registers a guardian's concern for your organisation, the one the guardian turned to (any signed-in organisation), and activates the area's intervention team in the same transaction: its lines (civil society only once it joined) become the concern's `activatedTeam`, the 24-hour clock starts and every line is notified (without content). The area must exist and have a team; the consent must be consistent; text that looks like it contains a personal identity number is refused. The child gets a random reference. Nothing is written on any refusal.",
  })
  async registerConcern(
    @Arg('input', () => RegisterConcernInput, { description: 'The concern, as the guardian told it.' }) input: RegisterConcernInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, authorization, clock, loaders }: Context,
  ) {
    assertSignedIn(viewer, 'register concerns');
    assertNoPersonalIdentityNumbers([
      { field: 'worry', text: input.worry },
      { field: 'answerPreference', text: input.answerPreference },
      { field: 'purpose', text: input.purpose },
      { field: 'consent.purpose', text: input.consent.purpose },
    ]);
    assertConsistentConsent(input.consent, input.legalBasis, clock);
    const found = await assertReferencesExist(
      [
        { type: 'Area', keys: [input.areaCode], field: 'areaCode' },
        { type: 'Actor', keys: [viewer.organisationId], field: 'organisation' },
      ],
      authorization,
      { Actor: 'kind' },
    );
    const receivingKind = referencedRecord(found, 'Actor', viewer.organisationId)!.kind as ActorKind;
    const request = { operation: 'registerConcern', key: idempotencyKey, input };
    return idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
      const now = clock.now();
      const team = await manager.getRepository(InterventionTeam).findOneBy({ areaCode: input.areaCode });
      if (!team) {
        throw badInput(`Area ${input.areaCode} has no intervention team to answer a concern: ask its coordinators to set one up. Nothing was written.`, [
          { field: 'areaCode', message: 'no intervention team' },
        ]);
      }
      const { concern } = await registerConcernRecord(manager, { ...input, teamId: team.id, receivingActorKind: receivingKind }, viewer, now);
      return concern;
    }, (id) => loaders.concern.load(id), 'Concern');
  }

  @Mutation(() => Concern, {
    description:
      "Acknowledges a concern for the team: only the organisation of the activated team's LEAD line does (another organisation that reads the concern is FORBIDDEN; one that does not, NOT_FOUND). An OPEN concern becomes ACKNOWLEDGED. `version` must be the version you read, else VERSION_CONFLICT; nothing is written on any refusal.",
  })
  acknowledgeConcern(@Arg('id', () => ID, ID_ARG) id: string, @Arg('version', () => Int, VERSION_ARG) version: number, @Ctx() ctx: Context) {
    return changeConcern(ctx, id, version, 'lead', (concern, viewer, now) => {
      if (concern.acknowledgedAt) throw badInput(`Concern ${id} was acknowledged already. Nothing was written.`, [{ field: 'id', message: 'already acknowledged' }]);
      concern.acknowledgedAt = now;
      concern.acknowledgedBy = viewer.organisationId;
      if (concern.status === ConcernStatus.OPEN) concern.status = ConcernStatus.ACKNOWLEDGED;
      return { kind: ConcernActionKind.ACKNOWLEDGED, at: now, audit: 'ACKNOWLEDGED' };
    });
  }

  @Mutation(() => Concern, {
    description:
      'Records the first contact with the guardian (an organisation of the activated team, or the receiving organisation): `contactedAt` is when it happened, not before registration and not in the future. The concern becomes CONTACTED and its clock stops. `version` must be the version you read, else VERSION_CONFLICT; nothing is written on any refusal.',
  })
  recordFirstContact(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('version', () => Int, VERSION_ARG) version: number,
    @Arg('contactedAt', () => Date, { description: 'When the guardian was contacted.' }) contactedAt: Date,
    @Arg('note', () => String, { nullable: true, description: 'A note (up to 2000 characters), without personal data.' }) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    checkNote(note, 'note');
    return changeConcern(ctx, id, version, 'recipientOrReceiving', (concern, viewer, now) => {
      if (concern.firstContactAt) throw badInput(`The first contact of concern ${id} was recorded already; add an action instead. Nothing was written.`, [{ field: 'contactedAt', message: 'first contact already recorded' }]);
      assertWithinConcern(concern, contactedAt, now, 'contactedAt');
      concern.firstContactAt = contactedAt;
      concern.firstContactBy = viewer.organisationId;
      concern.status = ConcernStatus.CONTACTED;
      return { kind: ConcernActionKind.FIRST_CONTACT, at: contactedAt, note, audit: 'CONTACTED' };
    });
  }

  @Mutation(() => Concern, {
    description:
      'Adds an action to the follow-up log (an organisation of the activated team, or the receiving organisation). `version` must be the version you read, else VERSION_CONFLICT; nothing is written on any refusal.',
  })
  addConcernAction(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('version', () => Int, VERSION_ARG) version: number,
    @Arg('input', () => ConcernActionInput, { description: 'The action.' }) input: ConcernActionInput,
    @Ctx() ctx: Context,
  ) {
    checkNote(input.note, 'input.note');
    return changeConcern(ctx, id, version, 'recipientOrReceiving', (concern, _viewer, now) => {
      const at = input.at ?? now;
      assertWithinConcern(concern, at, now, 'input.at');
      return { kind: ConcernActionKind.ACTION, outcome: input.outcome, at, note: input.note, audit: 'ACTION_ADDED' };
    });
  }

  @Mutation(() => Concern, {
    nullable: true,
    description:
      "Records that the guardian withdrew consent (an organisation of the activated team that reads the concern): from now on the organisations the consent covered no longer read it, nor the receiving organisation unless it is an authority; the social services keep it (their own duties). Returns the concern, or null when your organisation no longer reads it. `version` must be the version you read, else VERSION_CONFLICT; nothing is written on any refusal.",
  })
  async withdrawConsent(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('version', () => Int, VERSION_ARG) version: number,
    @Arg('note', () => String, { nullable: true, description: 'A note (up to 2000 characters), without personal data.' }) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    checkNote(note, 'note');
    let recipients: ConcernRecipient[] = [];
    const concern = await changeConcern(ctx, id, version, 'recipient', (found, viewer, now, lines) => {
      if (!found.consentGiven || found.consentWithdrawnAt) throw badInput(`Concern ${id} has no consent to withdraw. Nothing was written.`, [{ field: 'id', message: 'no consent to withdraw' }]);
      found.consentWithdrawnAt = now;
      found.consentWithdrawnBy = viewer.organisationId;
      recipients = lines;
      return { kind: ConcernActionKind.CONSENT_WITHDRAWN, at: now, note, audit: 'CONSENT_WITHDRAWN' };
    });
    return canReadConcern(concern, recipients, ctx.viewer) ? concern : null;
  }

  @Mutation(() => Concern, {
    description:
      'Closes a concern with its outcome, the guardian informed (`guardianInformed` must be true), by an organisation of the activated team or the receiving organisation. A CLOSED concern takes no more changes (RECORD_CLOSED) and is deleted after the retention period. `version` must be the version you read, else VERSION_CONFLICT; nothing is written on any refusal.',
  })
  closeConcern(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('version', () => Int, VERSION_ARG) version: number,
    @Arg('input', () => CloseConcernInput, { description: 'The outcome.' }) input: CloseConcernInput,
    @Ctx() ctx: Context,
  ) {
    checkNote(input.note, 'input.note');
    if (!input.guardianInformed) {
      throw badInput('A concern is closed only once the guardian is informed of the outcome. Nothing was written.', [{ field: 'input.guardianInformed', message: 'must be true' }]);
    }
    return changeConcern(ctx, id, version, 'recipientOrReceiving', (concern, _viewer, now) => {
      concern.status = ConcernStatus.CLOSED;
      concern.closedAt = now;
      concern.outcome = input.outcome;
      concern.outcomeNote = input.note ?? null;
      return { kind: ConcernActionKind.CLOSED, outcome: input.outcome, at: now, note: input.note, audit: 'CLOSED' };
    });
  }
}

/** Who may make a change, beyond reading the concern. */
type Actors = 'lead' | 'recipient' | 'recipientOrReceiving';

/** What a change adds to the follow-up log and the audit log. */
interface ChangeEntry {
  kind: ConcernActionKind;
  outcome?: ConcernAction['outcome'];
  at: Date;
  note?: string | null;
  audit: AuditAction;
}

/**
 * One change of a concern, in one transaction: the concern locked at the caller's version, the
 * access rule applied inside the lock (a concern one may not read is NOT_FOUND, a closed one
 * RECORD_CLOSED, one the caller reads but may not change this way FORBIDDEN), then the change,
 * its follow-up entry, its audit entry and a new version. Any refusal writes nothing.
 */
async function changeConcern(
  { dataSource, viewer, clock }: Context,
  id: string,
  version: number,
  actors: Actors,
  change: (concern: Concern, viewer: SignedIn, now: Date, recipients: ConcernRecipient[]) => ChangeEntry,
): Promise<Concern> {
  assertSignedIn(viewer, 'change concerns');
  return dataSource.transaction(async (manager) => {
    let recipients: ConcernRecipient[] = [];
    const { record: concern, commit } = await lockForUpdate(manager, Concern, 'Concern', id, version, async (found) => {
      recipients = await manager.getRepository(ConcernRecipient).findBy({ concernId: found.id });
      if (!canReadConcern(found, recipients, viewer)) throw notFound('Concern', id);
      assertMayAct(found, recipients, viewer, actors);
      if (found.status === ConcernStatus.CLOSED) throw recordClosed('Concern', id, `Concern ${id} is CLOSED and takes no more changes. Nothing was written.`);
    });
    const now = clock.now();
    const entry = change(concern, viewer, now, recipients);
    const saved = await commit();
    await manager.getRepository(ConcernAction).insert({
      concernId: id,
      kind: entry.kind,
      outcome: entry.outcome ?? null,
      note: entry.note ?? null,
      at: entry.at,
      actorId: viewer.organisationId,
      recordedAt: now,
    });
    await appendAudit(manager, [{ concernId: id, action: entry.audit }], viewer, now);
    return saved;
  });
}

function assertMayAct(concern: Concern, recipients: readonly ConcernRecipient[], viewer: SignedIn, actors: Actors): void {
  const mine = recipients.filter((line) => line.actorId === viewer.organisationId);
  if (actors === 'lead') {
    if (!mine.some((line) => line.role === TeamRole.LEAD)) throw forbidden(`Only the team's lead acknowledges concern ${concern.id}; your organisation is not its lead. Nothing was written.`);
    return;
  }
  const receiving = actors === 'recipientOrReceiving' && concern.receivingActorId === viewer.organisationId;
  if (!mine.length && !receiving) throw forbidden(`Only an organisation of the team concern ${concern.id} activated may do this. Nothing was written.`);
}

/** A time of the follow-up: not before the concern was registered, not in the future. */
function assertWithinConcern(concern: Concern, at: Date, now: Date, field: string): void {
  if (at.getTime() > now.getTime()) throw badInput(`${field} is in the future. Nothing was written.`, [{ field, message: 'must not be in the future' }]);
  if (at.getTime() < concern.registeredAt.getTime()) throw badInput(`${field} is before the concern was registered. Nothing was written.`, [{ field, message: 'must not be before registration' }]);
}

function checkNote(note: string | null | undefined, field: string): void {
  if (note && note.length > 2000) throw badInput(`${field} is longer than 2000 characters`, [{ field, message: 'at most 2000 characters' }]);
  assertNoPersonalIdentityNumbers([{ field, text: note }]);
}
