// Loads /docs in a real headless Chromium (TEST_CHROMIUM; Debian's in .ci/run)
// and checks that every operation renders with its code samples, offline.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import { allOperations } from '../helpers/contract.js';
import { services } from '../helpers/services.js';
import { launchChromium } from './helpers/chromium.js';

const configured = services('chromium');

/** The app listening on loopback (`origin`), for the browser to load. */
const test = appTest();

describe.skipIf(!configured)('GET /docs in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(configured!.chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('renders every operation with curl and SDK samples, loading nothing from the internet and logging no errors', {
    timeout: 120_000,
  }, async ({ origin }) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const consoleErrors: string[] = [];
    const external: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    page.on('response', (r) => {
      if (r.status() >= 400) consoleErrors.push(`${r.status()} ${r.url()}`);
    });
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
    });

    const res = await page.goto(`${origin}/docs`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);

    // Redoc renders one tag at a time: visit each tag and look for every
    // operation's section (`data-section-id="/<tag>/<operationid>"`).
    const missing: string[] = [];
    const tags = [...new Set(allOperations.map((o) => (o.op.tags as string[])[0]!.toLowerCase()))];
    for (const tag of tags) {
      await page.evaluate((t) => (window.location.hash = `#/${t}`), tag);
      const ids = allOperations
        .filter((o) => (o.op.tags as string[])[0]!.toLowerCase() === tag)
        .map((o) => o.operationId);
      await page
        .waitForSelector(`[data-section-id="/${tag}/${ids[0]!.toLowerCase()}"]`, { timeout: 15_000 })
        .catch(() => undefined);
      missing.push(
        ...(await page.evaluate(
          ({ t, ops }) => ops.filter((id) => !document.querySelector(`[data-section-id="/${t}/${id.toLowerCase()}"]`)),
          { t: tag, ops: ids },
        )),
      );
    }
    expect(missing).toEqual([]);

    // Both generated code samples are offered for an operation.
    await page.evaluate(() => (window.location.hash = '#/orders/createorder'));
    const section = page.locator('[data-section-id="/orders/createorder"]');
    await section.waitFor();
    await expect
      .poll(() => section.textContent(), { timeout: 10_000 })
      .toContain("curl -X POST 'http://127.0.0.1:3000/api/v1/orders'");
    await section.getByText('curl', { exact: true }).first().click();
    await page.getByText('@storefront/sdk', { exact: true }).last().click();
    await expect.poll(() => section.textContent(), { timeout: 10_000 }).toContain('sdk.orders.create(');

    mkdirSync('.artifacts', { recursive: true });
    await page.screenshot({ path: '.artifacts/docs.png' });
    expect(consoleErrors).toEqual([]);
    expect(external).toEqual([]);
  });

  test('serves the contract as YAML and JSON, the same document', async ({ origin }) => {
    const yaml = await fetch(`${origin}/openapi.yaml`);
    const json = await fetch(`${origin}/openapi.json`);
    expect(yaml.headers.get('content-type')).toContain('yaml');
    const doc = await json.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(await yaml.text()).toContain(`version: ${doc.info.version}`);
  });
});
