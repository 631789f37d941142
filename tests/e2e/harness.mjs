// Shared harness of the end-to-end tests: serves dist/ itself on 127.0.0.1, launches Debian's
// Chromium through playwright-core, and records console errors and page errors for every page.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';

export const SCREENSHOTS = 'target/screenshots';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and the browser; returns helpers and a `close()`. */
export async function setup({ base = '/' } = {}) {
  if (!fs.existsSync('dist/index.html')) throw new Error('dist/ is missing: run scripts/build.sh first');
  const { server, url } = await startServer({ root: 'dist', base });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  /** Opens `query` (e.g. "?region=75") in a fresh page; `errors` collects console and page errors. */
  // serviceWorkers: blocked unless asked for, so that request interception and timings do not
  // depend on whether the worker has finished installing; offline.test.mjs and nginx.test.mjs allow it.
  async function open(query = '', { viewport = { width: 1280, height: 900 }, waitFor = 'svg.map path.region[data-code]', permissions = [], serviceWorkers = 'block', hasTouch = false, isMobile = false } = {}) {
    // bypassCSP: the audits inject axe-core as an inline script; privacy.test.mjs checks the CSP itself.
    const context = await browser.newContext({ viewport, locale: 'fr-FR', bypassCSP: true, serviceWorkers, hasTouch, isMobile });
    if (permissions.length) await context.grantPermissions(permissions);
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
    await page.goto(url + query);
    await page.locator(waitFor).first().waitFor({ timeout: 15000 });
    return { page, errors, context };
  }

  async function screenshot(page, name) {
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async function close() {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return { url, open, screenshot, close, browser };
}

/** Runs axe-core on the page; returns the violations as "id: help (n nodes)" strings. */
export async function axe(page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return result;
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
/** Opens the view's "Exporter" menu (a `<details>`) if it is closed. */
export async function openExportMenu(page) {
  const menu = page.locator('details.export-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
}

export async function exportFile(page, which) {
  if (!['copy-link', 'deck-add'].includes(which)) await openExportMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${which}"]`)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** Opens a query and waits for its view section. */
export async function openView(h, query, options) {
  const { page, errors, context } = await h.open(query, { ...options, waitFor: 'body > main section.view' }); // the app's, not the static first view's
  return { page, errors, context };
}
