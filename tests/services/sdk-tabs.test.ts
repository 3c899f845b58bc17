// Two tabs of one origin share a session in localStorage. Their access token
// has expired and both call at once: the SDK must make ONE refresh (the
// server revokes the whole session when a rotated refresh token is presented
// again), and neither tab may end up logged out. Runs the SDK's browser
// bundle in headless Chromium (TEST_CHROMIUM), with the refresh request held
// back 300 ms so the two tabs' calls really overlap. Three rounds: the first,
// on a cold browser, is the one where Chromium's asynchronous hand-over of
// localStorage writes between tabs showed (the second tab read the old pair
// right after getting the lock).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import { registerUser } from '../helpers/factories.js';
import { services } from '../helpers/services.js';
import { expiredAccessToken } from '../helpers/live-server.js';
import { launchChromium } from './helpers/chromium.js';

const configured = services('chromium');

// esbuild comes with tsx (a root dev dependency), as in scripts/sdk-size.ts.
const esbuild = createRequire(fileURLToPath(import.meta.resolve('tsx')))('esbuild') as {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: { text: string }[] }>;
};

/** The SDK as a browser script exposing `window.Storefront`. */
async function browserBundle(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../../sdk/src/index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'Storefront',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  return result.outputFiles?.[0]?.text ?? '';
}

const page = `<!doctype html><meta charset="utf-8"><script src="/sdk-tabs/sdk.js"></script>
<script>
  window.sdk = Storefront.createStorefront({
    baseUrl: location.origin + '/api/v1',
    tokenStore: Storefront.localStorageTokenStore(),
  });
  // Four calls at once; each settles to the user id or the error's name and code.
  window.burst = () => Promise.all([sdk.auth.me(), sdk.auth.me(), sdk.auth.me(), sdk.auth.me()].map((p) =>
    p.then((me) => me.id, (e) => e.name + ' ' + e.code)));
</script>`;

/** The app listening on loopback (`origin`), for the tabs to call. */
const test = appTest();

describe.skipIf(!configured)('two tabs over localStorage', () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    [browser, bundle] = await Promise.all([launchChromium(configured!.chromium), browserBundle()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function twoTabs(origin: string) {
    const context: BrowserContext = await browser.newContext();
    await context.route(`${origin}/sdk-tabs/**`, (route) =>
      route.fulfill(
        route.request().url().endsWith('.js')
          ? { contentType: 'text/javascript', body: bundle }
          : { contentType: 'text/html', body: page },
      ),
    );
    const refreshes: string[] = [];
    await context.route(`${origin}/api/v1/auth/refresh`, async (route) => {
      refreshes.push(route.request().url());
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    const tabs: Page[] = [];
    for (let i = 0; i < 2; i += 1) {
      const tab = await context.newPage();
      await tab.goto(`${origin}/sdk-tabs/index.html`);
      tabs.push(tab);
    }
    return { context, tabs: tabs as [Page, Page], refreshes };
  }

  for (const round of [1, 2, 3]) {
    test(`both tabs' calls succeed after ONE refresh and the session stays alive (round ${round})`, async ({
      api,
      origin,
    }) => {
      const user = await registerUser(api);
      const { context, tabs, refreshes } = await twoTabs(origin);
      const [a, b] = tabs;
      await a.evaluate(
        ({ email, password }) =>
          (window as unknown as { sdk: { auth: { login(b: object): Promise<unknown> } } }).sdk.auth.login({
            email,
            password,
          }),
        { email: user.email, password: user.password },
      );
      // Both tabs now hold an expired access token and the real refresh token.
      await a.evaluate((expired) => {
        const tokens = JSON.parse(localStorage.getItem('storefront.tokens') ?? '{}');
        localStorage.setItem('storefront.tokens', JSON.stringify({ ...tokens, access_token: expired }));
      }, expiredAccessToken(user.id));

      const burst = (tab: Page) => tab.evaluate(() => (window as unknown as { burst(): Promise<unknown[]> }).burst());
      const [fromA, fromB] = await Promise.all([burst(a), burst(b)]);
      expect([...fromA, ...fromB]).toEqual(Array(8).fill(user.id));
      expect(refreshes).toHaveLength(1);

      // Nobody was logged out: a later call from either tab still works.
      expect(await b.evaluate(() => (window as unknown as { burst(): Promise<unknown[]> }).burst())).toEqual(
        Array(4).fill(user.id),
      );
      await context.close();
    }, 60_000);
  }
});
