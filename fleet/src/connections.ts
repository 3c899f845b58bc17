// The connection budget as Postgres sees it: connections by application_name
// (each instance's pooled connections carry its name through PGAPPNAME; the
// server names its LISTEN connections itself; PgBouncer's show as its own).
import pg from 'pg';

export async function connectionsByApplication(url: string): Promise<Record<string, number>> {
  const db = new pg.Client({ connectionString: url, application_name: 'fleet-drill' });
  await db.connect();
  try {
    const { rows } = await db.query<{ name: string; n: number }>(
      `select coalesce(nullif(application_name, ''), '(unnamed)') as name, count(*)::int as n
         from pg_stat_activity where backend_type = 'client backend' and application_name <> 'fleet-drill'
        group by 1 order by 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.n]));
  } finally {
    await db.end();
  }
}
