// Frozen: never edit a migration that has shipped; add a new one instead.
//
// Webhooks: the endpoints that receive order events, the events themselves
// (an outbox written in the transaction of the change they announce), and
// one delivery per endpoint and event. Secrets are stored as they are: they
// must be recovered to sign (HMAC), so hashing them is not an option; they
// are never logged and never returned after creation or rotation.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_endpoints (
      id serial primary key,
      url text not null,
      events text[] not null,
      description text,
      secret text not null,
      previous_secret text,
      previous_secret_expires_at timestamptz,
      disabled_at timestamptz,
      disabled_reason text,
      consecutive_failures integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table webhook_events (
      id text primary key,
      type text not null,
      payload text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table webhook_deliveries (
      id serial primary key,
      endpoint_id integer not null references webhook_endpoints (id) on delete cascade,
      event_id text not null references webhook_events (id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      last_status_code integer,
      last_duration_ms integer,
      last_error text,
      next_attempt_at timestamptz default now(),
      delivered_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (endpoint_id, event_id)
    )`.execute(db);
  await sql`create index webhook_deliveries_endpoint_newest on webhook_deliveries (endpoint_id, id desc)`.execute(db);
  await sql`create index webhook_deliveries_pending on webhook_deliveries (created_at) where status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table webhook_deliveries`.execute(db);
  await sql`drop table webhook_events`.execute(db);
  await sql`drop table webhook_endpoints`.execute(db);
}
