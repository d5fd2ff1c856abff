import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AreaScope } from '../areas';
import { DeliveryStatus, DeliveryRow, SubscriptionRow, WebhookStatus } from './webhook-tables';

registerEnumType(WebhookStatus, {
  name: 'WebhookStatus',
  description: 'Whether a webhook subscription is sent to.',
  valuesConfig: {
    ACTIVE: { description: 'Changes are delivered as they commit (failed deliveries retried with back-off).' },
    PAUSED: { description: 'Nothing is sent (see `pausedReason`) until a coordinator resumes it; changes are held, not lost.' },
  },
});

registerEnumType(DeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Written and being sent.' },
    DELIVERED: { description: 'The endpoint answered 2xx; it is never sent again.' },
    FAILED: { description: 'Its last attempt failed; it is sent again, the same id and body, after back-off (or on resume).' },
  },
});

@ObjectType({ description: 'One webhook delivery: a batch of change-feed entries sent to a subscription\'s endpoint, the same on every attempt.' })
@Directive('@shareable')
export class WebhookDelivery {
  @Field(() => ID, { description: 'Its `webhook-id` header: the same on every attempt (receivers deduplicate on it).' })
  id: string;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int, { description: 'How many change-feed entries it carries.' })
  entryCount: number;

  @Field({ description: 'The feed cursor past its entries (the body\'s `data.cursor`).' })
  cursor: string;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt; null if none came back (timeout, no connection).' })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, in short.' })
  lastError: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;
}

@ObjectType({ description: 'An endpoint of your organisation that is sent the change feed of one subgraph, signed (README, "Webhooks").' })
@Directive('@shareable')
export class WebhookSubscription {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Where deliveries are POSTed.' })
  url: string;

  @Field(() => [String], { nullable: true, description: 'Only these record types; all of the subgraph\'s when null.' })
  types: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only records in this area (by `scope`).' })
  areaCode: string | null;

  @Field(() => AreaScope)
  scope: AreaScope;

  @Field(() => WebhookStatus)
  status: WebhookStatus;

  @Field(() => String, { nullable: true, description: 'Why it was paused.' })
  pausedReason: string | null;

  @Field(() => Int, { description: 'Failed attempts in a row; at WEBHOOK_PAUSE_AFTER_FAILURES it is paused.' })
  consecutiveFailures: number;

  @Field(() => Date, { nullable: true, description: 'When a failed delivery is tried again.' })
  nextAttemptAt: Date | null;

  @Field({ description: 'The change-feed cursor delivery stands at: everything before it was delivered.' })
  cursor: string;

  @Field(() => Int, { description: 'Increases with every change by a person or a pause; send it back to resume or delete.' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({ description: 'A new webhook subscription and its signing secret.' })
@Directive('@shareable')
export class CreatedWebhook {
  @Field(() => WebhookSubscription)
  subscription: WebhookSubscription;

  @Field({ description: 'The signing secret (`whsec_...`): shown this once, never again. Keep it with the receiver.' })
  secret: string;
}

@InputType({ description: 'A webhook endpoint and the changes it wants.' })
export class WebhookInput {
  @Field({ description: 'An https:// URL (at most 2000 characters, no credentials in it).' })
  url: string;

  @Field(() => [String], { nullable: true, description: 'Only these record types (GraphQL type names); all when left out.' })
  types?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only records in this area (by `scope`).' })
  areaCode?: string | null;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN })
  scope: AreaScope = AreaScope.WITHIN;
}

export const subscriptionOf = (row: SubscriptionRow): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  types: row.types,
  areaCode: row.area_code,
  scope: row.scope as AreaScope,
  status: row.status,
  pausedReason: row.paused_reason,
  consecutiveFailures: row.consecutive_failures,
  nextAttemptAt: row.next_attempt_at,
  cursor: row.cursor,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const deliveryOf = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  status: row.status,
  entryCount: row.entries.length,
  cursor: row.to_cursor,
  attempts: row.attempts,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  createdAt: row.created_at,
  lastAttemptAt: row.last_attempt_at,
  deliveredAt: row.delivered_at,
});
