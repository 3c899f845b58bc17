// Frozen: never edit a migration that has shipped; add a new one instead.
//
// Every status change of an order publishes `<id>:<status>` on
// `order_status` from the transaction that makes it, whoever writes the row
// (the worker, a cancellation, an admin, a script), so a request waiting for
// the order (getOrder with `Prefer: wait`) on any instance answers at once.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function notify_order_status() returns trigger language plpgsql as $$
    begin
      perform pg_notify('order_status', new.id || ':' || new.status);
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger orders_notify_status after update of status on orders
    for each row when (old.status is distinct from new.status) execute function notify_order_status()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger orders_notify_status on orders`.execute(db);
  await sql`drop function notify_order_status()`.execute(db);
}
