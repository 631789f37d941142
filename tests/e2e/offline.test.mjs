// Offline after one visit (issue #7): the service worker precaches this build; with the network
// cut, a reload and every view still work, exports included. A new deployment is downloaded in the
// background and offered by a "new version" notice; the page never runs a mix of old and new files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setup, exportFile } from './harness.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { decodePng } from './png.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

/** A fresh context that allows the service worker, and a page controlled by it. */
async function controlledPage(url) {
  const context = await h.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url);
  await page.locator('svg.map path.region[data-code]').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  return { context, page, errors };
}

const VIEWS = [
  ['', 'svg.map path.region[data-code="75"]'],
  ['?view=region&region=75', '#view-title:has-text("Nouvelle-Aquitaine")'],
  ['?view=compare&regions=76,75', 'body > main section.view table'],
  ['?view=ranking&domain=sante', 'body > main section.view table'],
  ['?view=acteurs', 'body > main section.view'],
  ['?view=method', 'body > main section.view'],
  ['?view=atelier', 'body > main section.view .deck-actions'],
  ['?layout=grid&lang=en', 'body > main section.view'],
  // The départements' files, precached with the rest after the first visit.
  ['?view=dep&dep=33', '[data-testid="dep-indicators"] tbody tr'],
  ['?level=dep', '[data-testid="dep-map"] path.region[data-code="2A"]'],
];

test('after one visit, the dashboard opens and works with the network cut: every view, exports', async () => {
  const { context, page, errors } = await controlledPage(h.url);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys[0]);
    return { keys, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  assert.equal(cached.keys.length, 1);
  for (const f of ['/index.html', '/data/dataset.json', '/data/regions.json', '/manifest.webmanifest']) {
    assert.ok(cached.files.includes(f), `${f} precached: ${cached.files.join(' ')}`);
  }
  assert.ok(cached.files.some((f) => f.endsWith('_bg.wasm')), 'wasm precached');

  await context.setOffline(true);
  await page.reload();
  await page.locator('svg.map path.region[data-code]').first().waitFor();
  for (const [query, selector] of VIEWS) {
    await page.goto(h.url + query);
    await page.locator(selector).first().waitFor({ timeout: 10000 });
    assert.equal(await page.getByRole('alert').count(), 0, `${query}: no error message offline`);
  }
  // Moving between views by the tabs, and an export, still offline.
  await page.goto(`${h.url}?view=region&region=53`);
  await page.locator('nav.tabs a', { hasText: 'Carte' }).click();
  await page.locator('svg.map path.region[data-code]').first().waitFor();
  const png = decodePng((await exportFile(page, 'png2')).bytes);
  assert.equal(png.width, 3200);
  await h.screenshot(page, 'offline-map');
  const real = errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|service worker/i.test(e));
  assert.deepEqual(real, []);
  await context.close();
});

test('installable: the manifest and its icons are served and valid', async () => {
  const manifest = JSON.parse(fs.readFileSync('dist/manifest.webmanifest', 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    const [w, hgt] = icon.sizes.split('x').map(Number);
    const png = decodePng(fs.readFileSync(path.join('dist', icon.src)));
    assert.deepEqual([png.width, png.height], [w, hgt], icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
  assert.match(fs.readFileSync('dist/index.html', 'utf8'), /<link rel="manifest" href="manifest.webmanifest"/);
});

test('a new deployment is offered by a notice, never mixed with the running version', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fragilites-deploy-'));
  fs.cpSync('dist', dir, { recursive: true });
  const { server, url } = await startServer({ root: dir });
  try {
    const { context, page, errors } = await controlledPage(url);
    const before = await page.evaluate(() => caches.keys());
    // Deploy a new version into the same folder: a changed index.html, a new service worker.
    const index = path.join(dir, 'index.html');
    // (The app sets the tab's title per view, so the version is told by a marker of its own.)
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>Fragilités régionales</title>', '<title>Fragilités régionales</title><meta name="deploy" content="v2">'));
    const deployed = () => page.evaluate(() => document.querySelector('meta[name="deploy"]')?.content ?? 'v1');
    execFileSync('node', ['scripts/offline.mjs', dir]);
    await page.reload();
    const notice = page.locator('#update-notice');
    await notice.waitFor({ timeout: 20000 });
    assert.match(await notice.textContent(), /nouvelle version/);
    assert.equal(await deployed(), 'v1', 'the old version keeps running until the user switches');
    await page.locator('svg.map path.region[data-code]').first().waitFor();
    await h.screenshot(page, 'offline-update-notice');
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Mettre à jour' }).click()]);
    await page.locator('svg.map path.region[data-code]').first().waitFor();
    assert.equal(await deployed(), 'v2');
    const after = await page.evaluate(() => caches.keys());
    assert.equal(after.length, 1, `one version cached: ${after}`);
    assert.notDeepEqual(after, before);
    assert.deepEqual(errors.filter((e) => !/service worker/i.test(e)), []);
    await context.close();
  } finally {
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that changes while the worker downloads it fails the install (no mixed cache)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fragilites-mixed-'));
  fs.cpSync('dist', dir, { recursive: true });
  // The worker announces one version, but the server already holds another dataset.
  const data = path.join(dir, 'data/dataset.json');
  fs.writeFileSync(data, fs.readFileSync(data, 'utf8').replace('"generated_by"', '"generated_by_other"'));
  const { server, url } = await startServer({ root: dir });
  try {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.register('sw.js');
      const w = reg.installing ?? reg.waiting ?? reg.active;
      if (w.state === 'installing') await new Promise((r) => w.addEventListener('statechange', r));
      return { state: w.state, caches: await caches.keys() };
    });
    assert.equal(state.state, 'redundant', 'install refused');
    assert.deepEqual(state.caches, [], 'no partial cache left');
    await context.close();
  } finally {
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
