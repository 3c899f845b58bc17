// Frozen: never edit a migration that has shipped; add a new one instead.
//
// Every change to a session (revocation) or a user (deactivation, role,
// password, profile) publishes a NOTIFY from the transaction that makes it, so
// each server instance can drop what it cached about that session or user.
// NOTIFY is delivered only when that transaction commits, and whatever writes
// the row (any instance, a script, psql) triggers it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function notify_principal_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('principal_changes', case when tg_table_name = 'sessions' then 's:' else 'u:' end || old.id);
      return null;
    end
    $$`.execute(db);
  await sql`create trigger sessions_notify_principal after update or delete on sessions for each row execute function notify_principal_change()`.execute(
    db,
  );
  await sql`create trigger users_notify_principal after update or delete on users for each row execute function notify_principal_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger users_notify_principal on users`.execute(db);
  await sql`drop trigger sessions_notify_principal on sessions`.execute(db);
  await sql`drop function notify_principal_change()`.execute(db);
}
