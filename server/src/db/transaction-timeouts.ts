// Statement timeouts that survive a transaction pooler (PgBouncer in
// transaction mode). A timeout sent as a startup parameter is refused by
// PgBouncer, and a session-level SET would stick to whichever server
// connection ran it, for other clients. `SET LOCAL` lasts exactly one
// transaction, so it is sent in the same simple-protocol message as BEGIN:
// no extra round trip. Kysely has no hook for the BEGIN text, hence this driver.
import {
  CompiledQuery,
  type DatabaseConnection,
  PostgresDialect,
  PostgresDriver,
  type TransactionSettings,
} from 'kysely';

export class TransactionTimeoutDialect extends PostgresDialect {
  readonly #config: ConstructorParameters<typeof PostgresDialect>[0];
  readonly #statementTimeoutMs: number;

  constructor(config: ConstructorParameters<typeof PostgresDialect>[0], statementTimeoutMs: number) {
    super(config);
    this.#config = config;
    this.#statementTimeoutMs = statementTimeoutMs;
  }

  override createDriver(): PostgresDriver {
    return new TransactionTimeoutDriver(this.#config, this.#statementTimeoutMs);
  }
}

class TransactionTimeoutDriver extends PostgresDriver {
  readonly #statementTimeoutMs: number;

  constructor(config: ConstructorParameters<typeof PostgresDriver>[0], statementTimeoutMs: number) {
    super(config);
    this.#statementTimeoutMs = Math.trunc(statementTimeoutMs);
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(beginStatement(settings, this.#statementTimeoutMs)));
  }
}

/** BEGIN (with the transaction's settings) and its timeout, as one multi-statement text. */
export function beginStatement(settings: TransactionSettings, statementTimeoutMs: number): string {
  let begin = 'begin';
  if (settings.isolationLevel || settings.accessMode) {
    begin = 'start transaction';
    if (settings.isolationLevel) begin += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) begin += ` ${settings.accessMode}`;
  }
  return `${begin}; set local statement_timeout = ${statementTimeoutMs}`;
}
