import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataSource, EntityManager } from 'typeorm';
import { assertSignedIn, badInput, byArguments, ErrorCode, groupLoader, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, isUuid, notFound, SignedIn, SubgraphContext, versionConflict, Viewer } from '@samverkan/platform';
import { assertFeedQuery, ChangeFeed, feedEnd } from '../change-feed/change-feed';
import { FeedType } from '../change-feed/feed-types';
import { isWriter } from '../roles';
import { forbidden } from '../visibility';
import { newSecret } from './signing';
import { checkWebhookUrl } from './webhook-url';
import { DeliveryRow, SubscriptionRow, WEBHOOK_CHANNEL } from './webhook-tables';
import { CreatedWebhook, deliveryOf, subscriptionOf, WebhookDelivery, WebhookInput, WebhookSubscription } from './webhook.types';
import { webhookWorker } from './worker';

/** Subscriptions one organisation may have in one subgraph: the list is whole, and a receiver needs few. */
export const MAX_WEBHOOKS = 20;
const MAX_DELIVERIES_LISTED = 100;

/** Per-request loader of each subscription's latest deliveries, newest first, by the `first` asked for: one statement per request. */
export const webhookDeliveriesLoader = (dataSource: DataSource) =>
  byArguments(({ first }: { first: number }) =>
    groupLoader<string, DeliveryRow>(async (ids) =>
      (
        await dataSource.query(
          `SELECT d.* FROM unnest(CAST($1 AS uuid[])) AS s (id)
             CROSS JOIN LATERAL (SELECT * FROM webhook_deliveries WHERE subscription_id = s.id ORDER BY created_at DESC, id LIMIT $2) d`,
          [ids.filter(isUuid), first],
        )
      ).map((row: DeliveryRow) => [row.subscription_id, row]),
    ),
  );

type Context = SubgraphContext<{ webhookDeliveries: ReturnType<typeof webhookDeliveriesLoader> }>;

/** Webhooks are their organisation's coordinators' business: they may see the endpoints and hold the secrets. */
function assertCoordinator(viewer: Viewer): asserts viewer is SignedIn {
  assertSignedIn(viewer, 'manage webhooks');
  if (!isWriter(viewer)) throw forbidden("Only your organisation's coordinators manage its webhooks");
}

/** A subscription of the viewer's organisation, locked, at the version they read; another organisation's does not exist for them. */
async function lockSubscription(manager: EntityManager, viewer: SignedIn, id: string, version: number): Promise<SubscriptionRow> {
  const [row]: SubscriptionRow[] = isUuid(id)
    ? await manager.query('SELECT * FROM webhook_subscriptions WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, viewer.organisationId])
    : [];
  if (!row) throw notFound('WebhookSubscription', id);
  if (row.version !== version) throw versionConflict('WebhookSubscription', id, version, row.version);
  return row;
}

/** Checks the types and area as the change feed does, naming the input's fields. */
function assertFilter(feed: ChangeFeed, input: WebhookInput): void {
  try {
    assertFeedQuery(feed, { first: 1, types: input.types, areaCode: input.areaCode });
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== ErrorCode.BAD_USER_INPUT) throw error;
    const fields = (error.extensions.fields as Array<{ field: string; message: string }>).map((f) => ({ ...f, field: `input.${f.field}` }));
    throw badInput(error.message, fields);
  }
}

/** A coordinator's change of one of their organisation's subscriptions, at the version they read, in one transaction. */
function changeSubscription<T>(dataSource: DataSource, viewer: Viewer, id: string, version: number, change: (manager: EntityManager) => Promise<T>): Promise<T> {
  assertCoordinator(viewer);
  return dataSource.transaction(async (manager) => {
    await lockSubscription(manager, viewer, id, version);
    return change(manager);
  });
}

/** The deliveries of a subscription (the same in every subgraph: add it once to a subgraph's resolvers, with `webhookResolvers`). */
@Resolver(() => WebhookSubscription)
class WebhookDeliveriesResolver {
  @FieldResolver(() => [WebhookDelivery], { description: 'Its latest deliveries, newest first: what was sent, and what failed and why.' })
  async deliveries(
    @Root() subscription: WebhookSubscription,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many (1–${MAX_DELIVERIES_LISTED}).` }) first: number,
    @Ctx() { loaders }: Context,
  ) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DELIVERIES_LISTED) throw badInput(`first must be 1–${MAX_DELIVERIES_LISTED}`, [{ field: 'first', message: `1–${MAX_DELIVERIES_LISTED}` }]);
    return (await loaders.webhookDeliveries({ first }).load(subscription.id)).map(deliveryOf);
  }
}

/**
 * Signed webhooks of a subgraph's change feed (README, "Webhooks"): `create<Prefix>Webhook`,
 * `<prefix>Webhooks`, `resume<Prefix>Webhook`, `rotate<Prefix>WebhookSecret`, `delete<Prefix>Webhook` (prefixed as the feed's
 * queries), and the worker that delivers them, for the subgraph's `background`. The loaders must
 * include `webhookDeliveries: webhookDeliveriesLoader(dataSource)`.
 */
export function webhooks(prefix: string, subgraph: string, types: readonly FeedType[]) {
  const feed: ChangeFeed = { subgraph, types };
  const Prefix = prefix[0].toUpperCase() + prefix.slice(1);

  @Resolver()
  class WebhookResolver {
    @Query(() => [WebhookSubscription], {
      name: `${prefix}Webhooks`,
      description: `Your organisation's webhook subscriptions to the ${subgraph} change feed, oldest first (at most ${MAX_WEBHOOKS}). Coordinators only.`,
    })
    async list(@Ctx() { dataSource, viewer }: Context) {
      assertCoordinator(viewer);
      const rows: SubscriptionRow[] = await dataSource.query(
        'SELECT * FROM webhook_subscriptions WHERE organisation_id = $1 ORDER BY created_at, id LIMIT $2',
        [viewer.organisationId, MAX_WEBHOOKS],
      );
      return rows.map(subscriptionOf);
    }

    @Mutation(() => CreatedWebhook, {
      name: `create${Prefix}Webhook`,
      description: `Registers an endpoint for the ${subgraph} change feed: every change from now on that your organisation may see (of \`types\`, in the area) is POSTed to it, signed with the secret returned here once. Coordinators only; BAD_USER_INPUT for a refused URL.`,
    })
    async create(
      @Arg('input', () => WebhookInput) input: WebhookInput,
      @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
      @Ctx() { dataSource, viewer, clock }: Context,
    ) {
      assertCoordinator(viewer);
      const url = checkWebhookUrl(input.url);
      assertFilter(feed, input);
      // A retry with the key gets the first subscription and its secret again (the organisation's own, within the key's retention).
      const createdWebhook = (row: SubscriptionRow) => ({ id: row.id, subscription: subscriptionOf(row), secret: row.secret });
      const request = { operation: `create${Prefix}Webhook`, key: idempotencyKey, input };
      return idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
        // One organisation's creations in turn, so the bound holds.
        await manager.query('SELECT pg_advisory_xact_lock(7214531, hashtext($1))', [viewer.organisationId]);
        const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM webhook_subscriptions WHERE organisation_id = $1', [viewer.organisationId]);
        if (count >= MAX_WEBHOOKS) throw badInput(`Your organisation has ${MAX_WEBHOOKS} webhooks here, the most it may have: delete one first`, []);
        const [row]: SubscriptionRow[] = await manager.query(
          `INSERT INTO webhook_subscriptions (organisation_id, created_by, url, secret, types, area_code, scope, cursor)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
          [viewer.organisationId, viewer.subject, url, newSecret(), input.types?.length ? input.types : null, input.areaCode ?? null, input.scope, await feedEnd(manager, feed)],
        );
        return createdWebhook(row);
      }, async (id) => {
        const [row]: SubscriptionRow[] = await dataSource.query('SELECT * FROM webhook_subscriptions WHERE id = $1 AND organisation_id = $2', [id, viewer.organisationId]);
        return row && createdWebhook(row);
      }, `${Prefix}Webhook`);
    }

    @Mutation(() => WebhookSubscription, {
      name: `resume${Prefix}Webhook`,
      description: 'Sends to a paused webhook again, at once: first the delivery that failed, then everything held since. Coordinators only.',
    })
    async resume(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
      @Ctx() { dataSource, viewer }: Context,
    ) {
      return changeSubscription(dataSource, viewer, id, version, async (manager) => {
        const [[row]]: [SubscriptionRow[]] = await manager.query(
          `UPDATE webhook_subscriptions SET status = 'ACTIVE', paused_reason = NULL, consecutive_failures = 0, next_attempt_at = NULL,
                  version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
          [id],
        );
        // Wakes the worker at commit, as a change would.
        await manager.query('SELECT pg_notify($1, $2)', [WEBHOOK_CHANNEL, '']);
        return subscriptionOf(row);
      });
    }

    @Mutation(() => CreatedWebhook, {
      name: `rotate${Prefix}WebhookSecret`,
      description: 'Gives a webhook subscription a new signing secret, returned this once; deliveries are signed with it from now on (also a failed one sent again). Coordinators only.',
    })
    async rotateSecret(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
      @Ctx() { dataSource, viewer }: Context,
    ) {
      return changeSubscription(dataSource, viewer, id, version, async (manager) => {
        const secret = newSecret();
        const [[row]]: [SubscriptionRow[]] = await manager.query(
          'UPDATE webhook_subscriptions SET secret = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *',
          [id, secret],
        );
        return { subscription: subscriptionOf(row), secret };
      });
    }

    @Mutation(() => ID, {
      name: `delete${Prefix}Webhook`,
      description: 'Deletes a webhook subscription and its deliveries; nothing more is sent to it. Coordinators only.',
    })
    async delete(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
      @Ctx() { dataSource, viewer }: Context,
    ) {
      return changeSubscription(dataSource, viewer, id, version, async (manager) => {
        await manager.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
        return id;
      });
    }
  }

  return { resolvers: [WebhookResolver, WebhookDeliveriesResolver], worker: webhookWorker(feed) };
}
