// `pnpm journeys [workflow files] [respect options]`: starts a fresh server, runs
// the contract's Arazzo journeys against it with `redocly respect`, stops the
// server, and exits with respect's status (non-zero when any step fails).
//
// `pnpm journeys -- --server http://host:port/api/v1 …` runs them against a
// server already running there instead (CI: the compose stack behind its load
// balancer). That server's first admin must be ADMIN_EMAIL / ADMIN_PASSWORD,
// and its rate limits must allow one client the journeys' many logins.
//
// The server runs on the embedded database in memory, or on Postgres when
// DATABASE_URL is set. Its first admin is ADMIN_EMAIL / ADMIN_PASSWORD (fixed
// defaults below, so reruns against one Postgres database log in as the same
// admin). Every other name the journeys create carries a fresh run id.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_WORKFLOWS = `${root}openapi/storefront.arazzo.yaml`;
const SOURCE_NAME = 'storefront'; // the OpenAPI source description's name in the workflow files

const admin = {
  email: process.env.ADMIN_EMAIL ?? 'journeys-admin@example.com',
  password: process.env.ADMIN_PASSWORD ?? 'J0urneys#Admin',
};

// The journeys check behaviour, not capacity: one client registers and logs in
// more often than the default per-IP limits allow, and a low bcrypt cost keeps
// those logins fast. Everything else is the server's default configuration.
const serverEnv = {
  HOST: '127.0.0.1',
  NODE_ENV: 'development',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  BCRYPT_COST: '4',
  RATE_LIMIT_ANON: '100000',
  RATE_LIMIT_USER: '100000',
  RATE_LIMIT_AUTH: '100000',
  LOG_LEVEL: 'warn',
  // The webhook journey's endpoint is an address that answers no one: attempts give up fast, so the server stops fast.
  WEBHOOK_TIMEOUT_MS: '500',
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: 'memory://' }),
};

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Server {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  // node with tsx's loader rather than the tsx CLI, so a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}server/src/server.ts`], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...serverEnv, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.on('exit', () => child.kill('SIGKILL'));
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server = { child, baseUrl: `http://127.0.0.1:${port}/api/v1`, output: () => out };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited before it was ready:\n${out}`);
    const healthy = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(2000) })
      .then((res) => res.status === 200)
      .catch(() => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become healthy within 60 s:\n${out}`);
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The journeys need the admin to log in; say why when it cannot, rather than fail inside a workflow. */
async function checkAdmin(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  if (res.status !== 200)
    throw new Error(
      `cannot log in as the admin ${admin.email} (${res.status}): the server creates ADMIN_EMAIL only when the database has no active admin yet, so on a database that has one, set ADMIN_EMAIL and ADMIN_PASSWORD to that admin's`,
    );
}

async function respect(files: string[], baseUrl: string, extraArgs: string[]): Promise<number> {
  const inputs = {
    runId: Date.now().toString(36) + randomBytes(2).toString('hex'),
    adminEmail: admin.email,
    adminPassword: admin.password,
  };
  const args = [
    'respect',
    ...files,
    '-S',
    `${SOURCE_NAME}=${baseUrl}`,
    '-i',
    JSON.stringify(inputs),
    '--execution-timeout',
    '300000',
    ...extraArgs,
  ];
  const child = spawn(`${root}node_modules/.bin/redocly`, args, {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    stdio: 'inherit',
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return code ?? 1;
}

const args = process.argv.slice(2);
if (args.includes('--')) args.splice(args.indexOf('--'), 1); // `pnpm journeys -- -w …` passes the separator on
const serverAt = args.indexOf('--server');
const runningServer = serverAt >= 0 ? args.splice(serverAt, 2)[1] : undefined;
if (serverAt >= 0 && !runningServer) {
  console.error('journeys: --server needs the API base URL, e.g. http://127.0.0.1:8080/api/v1');
  process.exit(2);
}
const files: string[] = [];
while (args[0]?.endsWith('.yaml')) files.push(args.shift() as string);
if (files.length === 0) files.push(DEFAULT_WORKFLOWS);

async function runJourneys(baseUrl: string): Promise<number> {
  try {
    await checkAdmin(baseUrl);
    return await respect(files, baseUrl, args);
  } catch (err) {
    console.error(`journeys: ${(err as Error).message}`);
    return 1;
  }
}

if (runningServer) {
  console.log(`journeys: against the running server at ${runningServer}`);
  process.exit(await runJourneys(runningServer));
}

const t0 = performance.now();
const server = await startServer();
console.log(
  `journeys: server on ${process.env.DATABASE_URL ? 'Postgres' : 'the embedded database'} at ${server.baseUrl}, ready in ${Math.round(performance.now() - t0)} ms`,
);
let code = 1;
try {
  code = await runJourneys(server.baseUrl);
} finally {
  await stopServer(server);
}
if (code !== 0) console.error(`journeys: failed; the server's last output:\n${server.output()}`);
process.exit(code);
