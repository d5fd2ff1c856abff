/** The pg_notify channel a commit to the change log wakes the webhook worker on. */
export const WEBHOOK_CHANNEL = 'webhook_changes';

/**
 * DDL of a subgraph's webhooks: its subscriptions and their outbox of deliveries. A delivery is
 * written before it is sent, so a resend after a crash has the same id and body; at most one is
 * undelivered per subscription at a time. A commit that appends to the change log notifies the
 * worker (pg_notify is sent at commit, once per transaction).
 */
export const WEBHOOKS_DDL = [
  `CREATE TABLE webhook_subscriptions (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     organisation_id uuid NOT NULL,
     created_by text NOT NULL,
     url text NOT NULL,
     secret text NOT NULL,
     types text[],
     area_code text,
     scope text NOT NULL,
     status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED')),
     paused_reason text,
     cursor text NOT NULL,
     consecutive_failures integer NOT NULL DEFAULT 0,
     next_attempt_at timestamptz,
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  'CREATE INDEX webhook_subscriptions_organisation ON webhook_subscriptions (organisation_id, created_at)',
  `CREATE TABLE webhook_deliveries (
     id uuid PRIMARY KEY,
     subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
     from_cursor text NOT NULL,
     to_cursor text NOT NULL,
     entries jsonb NOT NULL,
     status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
     attempts integer NOT NULL DEFAULT 0,
     last_status_code integer,
     last_error text,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_attempt_at timestamptz,
     delivered_at timestamptz
   )`,
  'CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC)',
  `CREATE UNIQUE INDEX webhook_deliveries_one_undelivered ON webhook_deliveries (subscription_id) WHERE status <> 'DELIVERED'`,
  `CREATE FUNCTION webhook_wake() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM pg_notify('${WEBHOOK_CHANNEL}', ''); RETURN NULL; END $$`,
  `CREATE TRIGGER change_log_wakes_webhooks AFTER INSERT ON change_log FOR EACH STATEMENT EXECUTE FUNCTION webhook_wake()`,
];

/** Undoes `WEBHOOKS_DDL` (pg-boss's own schema, `pgboss`, is left to it). */
export const WEBHOOKS_DDL_DOWN = [
  'DROP TRIGGER change_log_wakes_webhooks ON change_log',
  'DROP FUNCTION webhook_wake',
  'DROP TABLE webhook_deliveries',
  'DROP TABLE webhook_subscriptions',
];

export enum WebhookStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

export interface SubscriptionRow {
  id: string;
  organisation_id: string;
  created_by: string;
  url: string;
  secret: string;
  types: string[] | null;
  area_code: string | null;
  scope: string;
  status: WebhookStatus;
  paused_reason: string | null;
  cursor: string;
  consecutive_failures: number;
  next_attempt_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  from_cursor: string;
  to_cursor: string;
  entries: unknown[];
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
}
