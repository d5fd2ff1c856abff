import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { ChangeAction, forbidden, isOwnerMember, isWriter, recordChange, todayInSweden } from '@samverkan/federation';
import { assertSignedIn, badInput, isUuid, notFound, SubgraphContext, trimmedOrNull, Viewer } from '@samverkan/platform';
import { Activity, ActivityOrganiser } from '../activity';
import { ActivitiesLoaders } from '../loaders';
import { ActivityVouch, ActivityVouchRow, DeclinedVouch, declinedView, vouchView } from './vouch';

type Context = SubgraphContext<ActivitiesLoaders>;

/** The longest note or reason, as the columns hold them. */
export const MAX_VOUCH_TEXT = 500;
/** The most organisations that vouch for one activity at a time: `vouches` is a bounded list. */
export const MAX_VOUCHES_PER_ACTIVITY = 100;

/**
 * Vouching (issue 11): a signed-in organisation (a coordinator acting for it) vouches for another
 * organisation's activity; the public sees which organisations vouch. Every change is a change of
 * the activity: a new version and a change-log entry, in one transaction, or nothing at all.
 *
 * Rules: not for an activity your organisation owns or organises; the owner may decline a vouch,
 * which hides it and keeps that organisation from vouching again until the owner allows it
 * (`allowVouch`); the voucher may withdraw its vouch at any time (a declined one stays declined).
 */
@Resolver(() => Activity)
export class ActivityVouchingResolver {
  @FieldResolver(() => [ActivityVouch], {
    description: `The organisations that vouch for the activity ("vi går i god för"), earliest first (at most ${MAX_VOUCHES_PER_ACTIVITY}); public. Declined vouches are not shown.`,
  })
  async vouches(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<ActivityVouch[]> {
    return (await loaders.vouchesOfActivity.load(activity.id)).filter((row) => row.status === 'ACTIVE').map(vouchView);
  }

  @FieldResolver(() => [DeclinedVouch], {
    nullable: true,
    description: 'The vouches the owner declined, so it can allow them again (`allowVouch`). Only for members of the owning organisation; null for everyone else.',
  })
  async declinedVouches(@Root() activity: Activity, @Ctx() { loaders, viewer }: Context): Promise<DeclinedVouch[] | null> {
    if (!isOwnerMember(activity, viewer)) return null;
    return (await loaders.vouchesOfActivity.load(activity.id)).filter((row) => row.status === 'DECLINED').map(declinedView);
  }

  @Mutation(() => Activity, {
    description: `Your organisation vouches for another organisation's activity ("vi går i god för"), shown publicly with your organisation's name; vouching again replaces the note. Coordinators only (FORBIDDEN otherwise, UNAUTHENTICATED without a token). FORBIDDEN for an activity your organisation owns or organises, and when the owner declined your organisation's vouch; NOT_FOUND for an unknown activity; BAD_USER_INPUT for a note over ${MAX_VOUCH_TEXT} characters or when ${MAX_VOUCHES_PER_ACTIVITY} organisations vouch already. A new version of the activity.`,
  })
  vouchForActivity(
    @Arg('activityId', () => ID, { description: 'The activity to vouch for.' }) activityId: string,
    @Arg('note', () => String, { nullable: true, description: `What your organisation says about it (up to ${MAX_VOUCH_TEXT} characters), shown publicly: no personal names.` }) note: string | null | undefined,
    @Ctx() { dataSource, viewer, clock }: Context,
  ): Promise<Activity> {
    const voucher = assertCoordinator(viewer, 'vouch for activities');
    const text = checkedText(note, 'note');
    return dataSource.transaction(async (manager) => {
      const activity = await lockActivity(manager, activityId);
      if (activity.ownerId === voucher) throw forbidden('Your organisation owns this activity: vouch for other organisations\' activities');
      if (await manager.getRepository(ActivityOrganiser).existsBy({ activityId, actorId: voucher })) {
        throw forbidden('Your organisation organises this activity: vouch for other organisations\' activities');
      }
      const vouches = manager.getRepository(ActivityVouchRow);
      const existing = await vouches.findOneBy({ activityId, organisationId: voucher });
      if (existing?.status === 'DECLINED') throw forbidden('The activity\'s owner declined your organisation\'s vouch; it can be given again only when the owner allows it');
      if (existing) {
        await vouches.update({ activityId, organisationId: voucher }, { note: text });
      } else {
        if ((await vouches.countBy({ activityId, status: 'ACTIVE' })) >= MAX_VOUCHES_PER_ACTIVITY) {
          throw badInput(`At most ${MAX_VOUCHES_PER_ACTIVITY} organisations vouch for one activity`, [{ field: 'activityId', message: 'has as many vouches as allowed' }]);
        }
        await vouches.insert({ activityId, organisationId: voucher, status: 'ACTIVE', note: text, since: todayInSweden(clock.now()) });
      }
      return changed(manager, viewer, activityId);
    });
  }

  @Mutation(() => Activity, {
    description: 'Withdraws your organisation\'s vouch for an activity. Coordinators only; NOT_FOUND when your organisation does not vouch for it (a declined vouch stays declined). A new version of the activity.',
  })
  withdrawVouch(@Arg('activityId', () => ID, { description: 'The activity.' }) activityId: string, @Ctx() { dataSource, viewer }: Context): Promise<Activity> {
    const voucher = assertCoordinator(viewer, 'withdraw vouches');
    return dataSource.transaction(async (manager) => {
      await lockActivity(manager, activityId);
      const removed = await manager.getRepository(ActivityVouchRow).delete({ activityId, organisationId: voucher, status: 'ACTIVE' });
      if (!removed.affected) throw notFound('ActivityVouch', activityId);
      return changed(manager, viewer, activityId);
    });
  }

  @Mutation(() => Activity, {
    description: `Declines an organisation's vouch for your activity: it is no longer shown, and that organisation cannot vouch again until you allow it (\`allowVouch\`). Coordinators of the owner only (FORBIDDEN otherwise); NOT_FOUND when that organisation does not vouch for it; BAD_USER_INPUT for a reason over ${MAX_VOUCH_TEXT} characters. A new version of the activity.`,
  })
  declineVouch(
    @Arg('activityId', () => ID, { description: 'Your organisation\'s activity.' }) activityId: string,
    @Arg('organisationId', () => ID, { description: 'The organisation (Actor id) whose vouch you decline.' }) organisationId: string,
    @Arg('reason', () => String, { nullable: true, description: `Why (up to ${MAX_VOUCH_TEXT} characters); shown to your organisation only.` }) reason: string | null | undefined,
    @Ctx() { dataSource, viewer, clock }: Context,
  ): Promise<Activity> {
    const text = checkedText(reason, 'reason');
    return dataSource.transaction(async (manager) => {
      await lockOwnActivity(manager, activityId, viewer);
      const row = isUuid(organisationId) ? { activityId, organisationId: organisationId.toLowerCase(), status: 'ACTIVE' as const } : null;
      const declined = row && (await manager.getRepository(ActivityVouchRow).update(row, { status: 'DECLINED', declinedOn: todayInSweden(clock.now()), declineReason: text }));
      if (!declined?.affected) throw notFound('ActivityVouch', organisationId);
      return changed(manager, viewer, activityId);
    });
  }

  @Mutation(() => Activity, {
    description: 'Allows an organisation whose vouch you declined to vouch for your activity again (its declined vouch is removed; it is not shown until it vouches again). Coordinators of the owner only (FORBIDDEN otherwise); NOT_FOUND when no vouch of that organisation is declined. A new version of the activity.',
  })
  allowVouch(
    @Arg('activityId', () => ID, { description: 'Your organisation\'s activity.' }) activityId: string,
    @Arg('organisationId', () => ID, { description: 'The organisation (Actor id) you allow to vouch again.' }) organisationId: string,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<Activity> {
    return dataSource.transaction(async (manager) => {
      await lockOwnActivity(manager, activityId, viewer);
      const removed = isUuid(organisationId)
        ? await manager.getRepository(ActivityVouchRow).delete({ activityId, organisationId: organisationId.toLowerCase(), status: 'DECLINED' })
        : null;
      if (!removed?.affected) throw notFound('ActivityVouch', organisationId);
      return changed(manager, viewer, activityId);
    });
  }
}

/** The organisation a coordinator acts for; UNAUTHENTICATED without a token, FORBIDDEN for other roles. */
function assertCoordinator(viewer: Viewer, action: string): string {
  assertSignedIn(viewer, action);
  if (!isWriter(viewer)) throw forbidden(`Only coordinators ${action} for their organisation`);
  return viewer.organisationId;
}

function checkedText(value: string | null | undefined, field: string): string | null {
  const text = trimmedOrNull(value);
  if (text && text.length > MAX_VOUCH_TEXT) throw badInput(`${field} must be at most ${MAX_VOUCH_TEXT} characters`, [{ field, message: `at most ${MAX_VOUCH_TEXT} characters` }]);
  return text;
}

/** The activity, locked for this transaction, so vouches of one activity are written one at a time; NOT_FOUND when unknown. */
async function lockActivity(manager: EntityManager, id: string): Promise<Activity> {
  const activity = isUuid(id)
    ? await manager.getRepository(Activity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne()
    : null;
  if (!activity) throw notFound('Activity', id);
  return activity;
}

async function lockOwnActivity(manager: EntityManager, id: string, viewer: Viewer): Promise<Activity> {
  assertCoordinator(viewer, 'decline or allow vouches');
  const activity = await lockActivity(manager, id);
  if (!isOwnerMember(activity, viewer)) throw forbidden('Only coordinators of the organisation that owns this activity decline or allow vouches for it');
  return activity;
}

/** A change of the activity's vouches: a new version of the activity and a change-log entry, in the change's transaction. */
async function changed(manager: EntityManager, viewer: Viewer, activityId: string): Promise<Activity> {
  await manager.query('UPDATE activities SET version = version + 1, updated_at = now() WHERE id = $1', [activityId]);
  await recordChange(manager, viewer, { entityType: 'Activity', entityId: activityId, action: ChangeAction.UPDATED, fields: ['vouches'] });
  return manager.getRepository(Activity).findOneByOrFail({ id: activityId });
}
