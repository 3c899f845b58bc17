// Hot queries (a product by id, a session's principal on every authenticated
// request) built and compiled by Kysely once per database rather than on
// every request: building and compiling a select costs more CPU than
// sending it. The query is written with `param(n)` placeholders ($1, $2, …)
// and constants as literals, so its compiled text carries no values and is
// run again with each request's.
import { CompiledQuery, type Compilable, type Kysely, type RawBuilder, sql } from 'kysely';

/** The n-th (1-based) parameter of a query compiled once. */
export const param = <T>(n: number): RawBuilder<T> => sql.raw<T>(`$${n}`);

export function compiledOnce<DB, R>(
  build: (db: Kysely<DB>) => Compilable<R>,
): (db: Kysely<DB>, parameters: readonly unknown[]) => Promise<R[]> {
  const compiled = new WeakMap<Kysely<DB>, string>();
  return async (db, parameters) => {
    let text = compiled.get(db);
    if (text === undefined) {
      const query = build(db).compile();
      if (query.parameters.length > 0) throw new Error('A query compiled once takes its values as param(n) only');
      text = query.sql;
      compiled.set(db, text);
    }
    const { rows } = await db.executeQuery(CompiledQuery.raw(text, [...parameters]) as CompiledQuery<R>);
    return rows;
  };
}
