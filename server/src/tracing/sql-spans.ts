// A span per SQL statement, made at Kysely's connection rather than by
// @opentelemetry/instrumentation-pg: the embedded PGlite has no pg driver to
// instrument, and pg imported from ES modules is not patched without a
// loader flag on the production command. One place sees every statement on
// both databases (the app's queries, pg-boss's through boss-db.ts).
//
// Statements run outside any trace (pollers, LISTEN, migrations at start) get
// no span: each would be a one-span trace of its own, noise in every backend.
import { SpanKind, trace } from '@opentelemetry/api';
import type { CompiledQuery, DatabaseConnection, Dialect, QueryResult } from 'kysely';
import { settle } from './settle.js';

// Asked for at each use: a tracer taken before the SDK starts stays a no-op.
const tracer = () => trace.getTracer('storefront-sql');
const traced = new WeakSet<DatabaseConnection>();

/** The statement's first word (select, insert, ...), the span's name and `db.operation.name`. */
function operationOf(sql: string): string {
  return /^\s*(?:with\b[\s\S]*?\)\s*)?([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? 'sql';
}

function traceConnection(connection: DatabaseConnection): void {
  if (traced.has(connection)) return;
  traced.add(connection);
  const execute = connection.executeQuery.bind(connection);
  connection.executeQuery = <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
    if (!trace.getActiveSpan()) return execute<R>(query);
    const operation = operationOf(query.sql);
    return tracer().startActiveSpan(
      operation,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': query.sql },
      },
      (span) => settle(span, () => execute<R>(query)),
    );
  };
}

/** `dialect`, with every connection it hands out tracing its statements. */
export function tracedDialect(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver() {
      const driver = dialect.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      driver.acquireConnection = async () => {
        const connection = await acquire();
        traceConnection(connection);
        return connection;
      };
      return driver;
    },
  };
}
