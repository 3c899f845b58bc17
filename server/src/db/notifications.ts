// LISTEN for the whole process, on one connection. On Postgres that is a
// session of its own to DATABASE_DIRECT_URL (a pooled connection cannot hold
// a LISTEN, and a transaction pooler would hand it to other clients), shared
// by every channel the process listens on (principal changes, order
// statuses, the job queue's wake-ups), so a process costs the database one
// session however many features listen; it reconnects every second while
// lost. On PGlite it is the in-process session. Postgres delivers a NOTIFY
// only when the sending transaction commits.
//
// Whoever relies on it must have a fallback for when it is down (`listening`
// is false): notifications sent meanwhile are lost, so `onReconnect` runs once
// it is back for the owner to catch up.
import pg from 'pg';
import type { DatabaseHandle } from './connect.js';

const RECONNECT_MS = 1_000;

export interface NotificationListener {
  /** True while notifications are being received. */
  readonly listening: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Resolves once every notification committed before the call has been
   * handled (a round trip on the listening connection); rejects while it is down.
   */
  sync(): Promise<void>;
}

export interface ListenOptions {
  channel: string;
  onNotification: (payload: string) => void;
  /** After the connection came back (notifications may have been missed). */
  onReconnect?: () => void;
  /** Each time listening starts or stops (connection lost, back, or stopped). */
  onStateChange?: (listening: boolean) => void;
  log: { warn(obj: object, msg: string): void };
}

export function listenFor(database: DatabaseHandle, options: ListenOptions): NotificationListener {
  if (database.session) return sessionFor(database, database.session).subscribe(options);
  if (database.pglite) return pgliteListener(database.pglite, options);
  throw new Error('No database driver to listen with');
}

function pgliteListener(pglite: NonNullable<DatabaseHandle['pglite']>, options: ListenOptions): NotificationListener {
  let unlisten: (() => Promise<void>) | undefined;
  return {
    get listening() {
      return unlisten !== undefined;
    },
    async start() {
      unlisten = await pglite.listen(options.channel, options.onNotification);
      options.onStateChange?.(true);
    },
    async stop() {
      const done = unlisten;
      unlisten = undefined;
      options.onStateChange?.(false);
      // A database closed first (a test closing it under the app) has no listener left to remove.
      if (!pglite.closed) await done?.();
    },
    // The one session delivers a commit's notifications before the commit resolves.
    sync: async () => {},
  };
}

const sessions = new WeakMap<DatabaseHandle, ListeningSession>();

function sessionFor(database: DatabaseHandle, config: pg.ClientConfig): ListeningSession {
  let session = sessions.get(database);
  if (!session) {
    session = new ListeningSession(config);
    sessions.set(database, session);
  }
  return session;
}

/** The process's LISTEN connection: channels subscribed and unsubscribed as listeners start and stop. */
class ListeningSession {
  #client: pg.Client | undefined;
  /** The channels the current client LISTENs on. */
  #channels = new Set<string>();
  #connecting: Promise<void> | undefined;
  #retry: NodeJS.Timeout | undefined;
  readonly #subscribers = new Set<ListenOptions>();
  // Sync requests waiting for the next round trip, and whether one is in flight.
  #waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  #syncing = false;

  constructor(readonly config: pg.ClientConfig) {}

  subscribe(options: ListenOptions): NotificationListener {
    const session = this;
    let started = false;
    return {
      get listening() {
        return started && session.#client !== undefined;
      },
      async start() {
        started = true;
        session.#subscribers.add(options);
        await session.#listen(options);
      },
      async stop() {
        started = false;
        session.#subscribers.delete(options);
        options.onStateChange?.(false);
        await session.#unlisten(options);
      },
      sync: () => session.#sync(),
    };
  }

  /** Connects if needed (a first failure is logged and retried in the background) and LISTENs on the channel. */
  async #listen(options: ListenOptions): Promise<void> {
    try {
      if (!this.#client) await this.#connect();
      const client = this.#client;
      if (!client) return; // stopped meanwhile
      if (!this.#channels.has(options.channel)) {
        await client.query(`listen ${pg.escapeIdentifier(options.channel)}`);
        this.#channels.add(options.channel);
      }
      options.onStateChange?.(true);
    } catch (err) {
      options.log.warn({ err, channel: options.channel }, 'cannot LISTEN; retrying');
      this.#schedule();
    }
  }

  async #unlisten(options: ListenOptions): Promise<void> {
    const channelStillWanted = [...this.#subscribers].some((s) => s.channel === options.channel);
    const client = this.#client;
    if (this.#subscribers.size === 0) {
      clearTimeout(this.#retry);
      this.#retry = undefined;
      this.#client = undefined;
      await client?.end().catch(() => {});
    } else if (!channelStillWanted) {
      this.#channels.delete(options.channel);
      await client?.query(`unlisten ${pg.escapeIdentifier(options.channel)}`).catch(() => {});
    }
  }

  #connect(): Promise<void> {
    this.#connecting ??= this.#open().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #open(): Promise<void> {
    const next = new pg.Client({ ...this.config, application_name: 'storefront-listen' });
    next.on('notification', (msg) => {
      for (const s of this.#subscribers) if (s.channel === msg.channel) s.onNotification(msg.payload ?? '');
    });
    next.on('error', (err) => this.#lost(next, err));
    next.on('end', () => this.#lost(next));
    await next.connect();
    const channels = new Set([...this.#subscribers].map((s) => s.channel));
    for (const channel of channels) await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    if (this.#subscribers.size === 0) {
      await next.end();
      return;
    }
    this.#client = next;
    this.#channels = channels;
    for (const s of this.#subscribers) s.onStateChange?.(true);
  }

  #lost(which: pg.Client, err?: Error): void {
    if (this.#client !== which) return;
    this.#client = undefined;
    for (const s of this.#subscribers) s.onStateChange?.(false);
    if (this.#subscribers.size === 0) return;
    [...this.#subscribers][0]?.log.warn({ err }, 'lost the LISTEN connection; reconnecting');
    this.#schedule();
  }

  #schedule(): void {
    if (this.#retry || this.#subscribers.size === 0) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (this.#client) return;
      this.#connect().then(
        () => {
          for (const s of this.#subscribers) s.onReconnect?.();
        },
        (err: unknown) => {
          [...this.#subscribers][0]?.log.warn({ err }, 'cannot LISTEN yet');
          this.#schedule();
        },
      );
    }, RECONNECT_MS);
  }

  #sync(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      if (!this.#syncing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#syncing = true;
    while (this.#waiting.length > 0) {
      const batch = this.#waiting;
      this.#waiting = [];
      try {
        if (!this.#client) throw new Error('not listening');
        // Sent after every request of the batch arrived; answered after any notification committed before.
        await this.#client.query('select 1');
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.#syncing = false;
  }
}
