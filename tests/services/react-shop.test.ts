// The example app (examples/react-shop, on @storefront/react) built with Vite
// and driven in headless Chromium (TEST_CHROMIUM) against the real server on
// PGlite: log in, browse with a filter, place an order and see it complete,
// cancel it, log out. The app is served from its own origin, as a SPA on a
// CDN would be, so CORS is part of what is tested.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createAdmin, registerUser, type TestUser, uniqueName } from '../helpers/factories.js';
import { QUEUE_ENV } from '../helpers/orders.js';
import { expiredAccessToken } from '../helpers/live-server.js';
import { services } from '../helpers/services.js';
import { launchChromium } from './helpers/chromium.js';

const configured = services('chromium');
const APP_ROOT = fileURLToPath(new URL('../../examples/react-shop/', import.meta.url));
const VITE = fileURLToPath(new URL('node_modules/vite/bin/vite.js', `file://${APP_ROOT}`));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built files; unknown paths get index.html, as a SPA host does. */
function serveStatic(dir: string): Server {
  return createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path === '/' ? 'index.html' : path);
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      file = join(dir, 'index.html');
      body = readFileSync(file);
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
}

describe.skipIf(!configured)('examples/react-shop in a browser', () => {
  let t: TestApp;
  let web: Server;
  let browser: Browser;
  let origin: string;
  let outDir: string;
  let user: TestUser;
  const suffix = uniqueName('shop');
  const lamp = `Walnut desk lamp ${suffix}`;
  const soldOutLamp = `Brass lamp ${suffix}`;
  const shelf = `Oak bookshelf ${suffix}`;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'react-shop-'));
    web = serveStatic(outDir);
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

    t = await buildTestApp({ CORS_ORIGINS: origin, ...QUEUE_ENV });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const api = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1`;

    await promisify(execFile)(
      process.execPath,
      [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: APP_ROOT,
        env: { ...process.env, VITE_STOREFRONT_API: api },
        timeout: 120_000,
      },
    );

    const admin = await createAdmin(t.api, t.database.handle.db);
    for (const [name, stock] of [
      [lamp, 5],
      [soldOutLamp, 0],
      [shelf, 3],
    ] as const) {
      const { response } = await t.api.as(admin.token).POST('/products', { body: { name, price: 25, stock } });
      expect(response.status).toBe(201);
    }
    user = await registerUser(t.api);

    browser = await launchChromium(configured!.chromium);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    web?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const productNames = (page: Page) => page.getByTestId('product-name').allTextContents();
  const readTokens = async (page: Page) =>
    JSON.parse((await page.evaluate(() => localStorage.getItem('storefront.tokens'))) ?? 'null') as {
      access_token: string;
      refresh_token: string;
    } | null;
  async function logIn(page: Page, account: TestUser = user) {
    const form = page.getByRole('form', { name: 'Log in' });
    await form.getByPlaceholder('Email').fill(account.email);
    await form.getByPlaceholder('Password').fill(account.password);
    await form.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByTestId('username').textContent()).toBe(account.username);
  }
  const stockOf = async (page: Page, name: string) =>
    page.getByTestId('product').filter({ hasText: name }).textContent();

  it('logs in, browses with a filter, orders and sees it complete, cancels it, logs out', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => {
      // The wrong-password attempt below logs its 401 as a failed resource load; nothing else may.
      if (msg.type() === 'error' && !msg.text().includes('401')) problems.push(msg.text());
    });
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(origin) && !url.startsWith('http://127.0.0.1:')) problems.push(`outside request: ${url}`);
    });

    await page.goto(origin);
    const form = page.getByRole('form', { name: 'Log in' });
    await form.waitFor();

    // A wrong password arrives as the SDK's AuthenticationError.
    await form.getByPlaceholder('Email').fill(user.email);
    await form.getByPlaceholder('Password').fill('not-the-password');
    await form.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');

    await logIn(page);

    // Browse with a filter: the search narrows the list; sold-out products hide until asked for.
    await page.getByLabel('Search products').fill(suffix);
    await expect.poll(() => productNames(page).then((n) => n.sort())).toEqual([shelf, lamp].sort());
    await page.getByLabel('Search products').fill(`lamp ${suffix}`);
    await expect.poll(() => productNames(page)).toEqual([lamp]);
    await page.getByLabel('In stock only').uncheck();
    await expect.poll(() => productNames(page).then((n) => n.sort())).toEqual([soldOutLamp, lamp].sort());
    await expect.poll(() => stockOf(page, lamp)).toContain('5 in stock');

    // Order: accepted as pending, processed in the background, seen completing by polling.
    await page.getByRole('button', { name: `Order ${lamp}` }).click();
    const status = page.getByTestId('order-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('completed');
    const orderId = Number((await page.getByRole('heading', { name: /^Order #/ }).textContent())?.replace(/\D/g, ''));
    expect(orderId).toBeGreaterThan(0);
    // Completion refreshed the order list and the stock.
    await expect.poll(() => page.getByTestId(`order-${orderId}-status`).textContent()).toBe('completed');
    await expect.poll(() => stockOf(page, lamp)).toContain('4 in stock');

    // Cancel: the mutation's invalidations refresh the order, the list and the stock without a reload.
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await expect.poll(() => status.textContent()).toBe('cancelled');
    await expect.poll(() => page.getByTestId(`order-${orderId}-status`).textContent()).toBe('cancelled');
    await expect.poll(() => stockOf(page, lamp)).toContain('5 in stock');
    const onServer = await t.api.as(user.token).GET('/orders/{order_id}', { params: { path: { order_id: orderId } } });
    expect(onServer.data?.status).toBe('cancelled');

    // The session survives a reload (tokens in localStorage).
    const tokens = await readTokens(page);
    expect(tokens?.access_token).toEqual(expect.any(String));
    await page.reload();
    await expect.poll(() => page.getByTestId('username').textContent()).toBe(user.username);

    // Log out: back to the form, tokens gone from the browser and refused by the server.
    await page.getByRole('button', { name: 'Log out' }).click();
    await form.waitFor();
    expect(await page.evaluate(() => localStorage.getItem('storefront.tokens'))).toBeNull();
    const me = await t.api.as(tokens!.access_token).GET('/auth/me');
    expect(me.response.status).toBe(401);

    expect(problems).toEqual([]);
  });

  it('refreshes an expired token once for every request, and signs out when the server ends the session', {
    timeout: 60_000,
  }, async () => {
    const page = await browser.newPage();
    await page.goto(origin);
    await logIn(page);
    const tokens = (await readTokens(page))!;

    // An expired access token: after a reload the session, product and order queries all meet
    // TOKEN_EXPIRED; the SDK refreshes once for all of them and the app stays signed in.
    const expired = JSON.stringify({ access_token: expiredAccessToken(user.id), refresh_token: tokens.refresh_token });
    await page.evaluate((value) => localStorage.setItem('storefront.tokens', value), expired);
    const refreshes: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/auth/refresh')) refreshes.push(req.url());
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('username').textContent()).toBe(user.username);
    await expect.poll(() => page.getByTestId('product').count()).toBeGreaterThan(0);
    expect(refreshes).toHaveLength(1);
    const renewed = (await readTokens(page))!;
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);

    // The session ends on the server (a logout elsewhere): the next call fails with
    // AuthenticationError, the provider re-checks the session and the app shows the login form.
    expect((await t.api.as(renewed.access_token).POST('/auth/logout')).response.status).toBe(200);
    await page.getByRole('button', { name: `Order ${shelf}` }).click();
    await page.getByRole('form', { name: 'Log in' }).waitFor();
  });

  it('two tabs: a sign-out in one signs the other out at once and drops its orders; a sign-in follows too', {
    timeout: 60_000,
  }, async () => {
    // One order of `user`'s, so the other tab has that account's orders on screen and in its cache.
    const found = await t.api.GET('/products', { params: { query: { search: lamp } } });
    const placed = await t.api.as(user.token).POST('/orders', {
      body: { items: [{ product_id: found.data!.items[0]!.id, quantity: 1 }], shipping_address: '1 Tab Street' },
    });
    expect(placed.response.status).toBe(201);
    const orderId = placed.data!.id;
    const other = await registerUser(t.api);

    // Two tabs of one browser profile: one localStorage, as two tabs of a real browser.
    const context = await browser.newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const tab of [a, b]) {
      await tab.goto(origin);
      await tab.getByRole('form', { name: 'Log in' }).waitFor();
    }
    // Tab b records, by its own clock, when it shows someone signed in, when it shows the login
    // form after that, and whether the first account's order is ever on screen after the sign-out.
    type Seen = { signedInAt?: number; signedOutAt?: number; orderAfterSignOut: boolean };
    await b.evaluate((orderText) => {
      const seen: Seen = { orderAfterSignOut: false };
      (window as unknown as { seen: Seen }).seen = seen;
      new MutationObserver(() => {
        if (!seen.signedInAt && document.querySelector('[data-testid="username"]')) seen.signedInAt = Date.now();
        if (seen.signedInAt && !seen.signedOutAt && document.querySelector('form[aria-label="Log in"]'))
          seen.signedOutAt = Date.now();
        if (seen.signedOutAt && document.body.textContent?.includes(orderText)) seen.orderAfterSignOut = true;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, `#${orderId} `);
    const seenInB = () => b.evaluate(() => (window as unknown as { seen: Seen }).seen);
    const text = (tab: Page, testId: string) =>
      tab
        .getByTestId(testId)
        .textContent({ timeout: 500 })
        .catch(() => null);

    // Nothing below focuses, reloads or clicks tab b: it can only learn from the shared store.
    const loginStartedAt = Date.now();
    await logIn(a);
    await expect.poll(() => text(b, 'username'), { timeout: 10_000 }).toBe(user.username);
    await expect.poll(() => text(b, 'orders')).toContain(`#${orderId} `);

    // Log out in tab a (a DOM click, so the time is the app's, not the driver's).
    const clickedAt = await a.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((el) => el.textContent === 'Log out');
      button?.click();
      return Date.now();
    });
    await b.getByRole('form', { name: 'Log in' }).waitFor({ timeout: 10_000 });

    // Another account signs in in tab a: tab b follows, and shows none of the first account's orders,
    // although the app keeps query data fresh for 10 s (staleTime) and would have shown a cached list.
    await logIn(a, other);
    await expect.poll(() => text(b, 'username'), { timeout: 10_000 }).toBe(other.username);
    await expect.poll(() => b.getByTestId('orders').count()).toBe(1);
    await expect.poll(() => text(b, 'orders')).toBe('');
    const seen = await seenInB();
    expect(seen.orderAfterSignOut).toBe(false);
    console.log(
      `tab b: signed in ${seen.signedInAt! - loginStartedAt} ms after the login began in tab a, ` +
        `signed out ${seen.signedOutAt! - clickedAt} ms after the click on Log out in tab a`,
    );
    await context.close();
  });
});
