// The static first view (first-view issue): the default map written into index.html at build
// time by the app's own drawing code, readable without JavaScript, replaced by the app without
// a layout shift, in the same place and the same colours, and without downloading the outlines
// a second time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, axe } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const ds = JSON.parse(fs.readFileSync('dist/data/dataset.json', 'utf8'));
const geo = JSON.parse(fs.readFileSync('dist/data/regions.json', 'utf8'));

// Each region's shape (box, fill) in the static view (`data-key`) or in the app (`data-code`).
const shapes = (page, attr) => page.$$eval(`svg.map path[${attr}]`, (ps, attr) => Object.fromEntries(ps
  .filter((p) => !p.getAttribute(attr).includes('/'))
  .map((p) => { const b = p.getBoundingClientRect(); return [p.getAttribute(attr), { x: b.x, y: b.y, w: b.width, h: b.height, fill: p.getAttribute('fill') }]; })), attr);

// Holds back the responses matching `pattern` (the wasm by default) until `release()`;
// `asked` resolves when the first of them is requested.
const holdBack = async (page, pattern = /_bg\.wasm$/) => {
  let release;
  let asked;
  const held = new Promise((r) => { release = r; });
  const requested = new Promise((r) => { asked = r; });
  await page.route(pattern, async (route) => { asked(); await held; await route.continue(); });
  return { release, requested };
};

test('without JavaScript: the map, its legend and the 13 regions named with their values', async () => {
  const context = await h.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(h.url);
  const map = page.locator('#first-view svg.map');
  assert.ok(await map.isVisible(), 'the map is drawn');
  const regions = await shapes(page, 'data-key');
  assert.deepEqual(Object.keys(regions).sort(), geo.regions.map((r) => r.code).sort(), 'the 13 regions');
  for (const r of geo.regions) assert.ok(regions[r.code].w > 5 && regions[r.code].h > 5, `${r.name} has an area on screen`);
  // Names and values written on the map (names split over lines like the app's labels).
  const words = (await map.locator('text').allTextContents()).join(' ').replace(/-\s/g, '-');
  for (const r of geo.regions) {
    const first = r.name.split(/[- ]/)[0];
    assert.ok(words.includes(first), `${r.name} is named on the map`);
  }
  // The default measure (the first domain, employment): its index to France on each region.
  const emploi = ds.domains.find((d) => d.id === 'emploi');
  const k = ds.regions.findIndex((r) => r.code === '76');
  assert.match(words, new RegExp(`\\b${Math.round(emploi.index[k])}\\b`), "Occitanie's employment index");
  // The legend: its seven classes around France = 100 and the grey of a missing value.
  const legend = page.locator('#first-view .legend li');
  assert.equal(await legend.count(), 8);
  assert.match(await page.locator('#first-view .legend-box').textContent(), /France = 100/);
  assert.match(await page.locator('#first-view .info-line').textContent(), /la carte interactive demande JavaScript/);
  // The key figures are under it.
  assert.ok(await page.locator('#key-figures table').isVisible());
  await h.screenshot(page, 'first-view-no-javascript');
  await context.close();
});

test('before the wasm arrives the map is there; the app then takes it over in place, same colours, no layout shift', async () => {
  for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
    const context = await h.browser.newContext({ viewport, serviceWorkers: 'block' });
    const page = await context.newPage();
    // The wasm held back: the static first view is what shows.
    const { release } = await holdBack(page);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(h.url);
    await page.locator('#first-view svg.map path[data-key]').first().waitFor();
    const before = await shapes(page, 'data-key');
    assert.equal(Object.keys(before).length, 13);
    assert.equal(await page.locator('#first-view [inert] select').count() > 0, true, 'its controls are inert');
    release();
    await page.locator('body > main svg.map path.region[data-code]').first().waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#first-view').count(), 0, 'the static view is gone');
    const after = await shapes(page, 'data-code');
    for (const [code, b] of Object.entries(before)) {
      const a = after[code];
      assert.equal(a.fill, b.fill, `${code}: the same colour (${viewport.width} px)`);
      for (const k of ['x', 'y', 'w', 'h']) assert.ok(Math.abs(a[k] - b[k]) <= 1.5, `${code}: ${k} ${b[k]} → ${a[k]} (${viewport.width} px)`);
    }
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], `no layout shift (${viewport.width} px)`);
    await context.close();
  }
});

test('the outlines are not downloaded a second time; a deep link shows the static map until the app has its view', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const { release } = await holdBack(page);
  await page.goto(`${h.url}?view=region&region=76`);
  assert.ok(await page.locator('#first-view svg.map').isVisible(), 'the static map while the app loads');
  release();
  await page.locator('[data-testid="region-view"], .region-view').first().waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#first-view').count(), 0);
  assert.match(await page.locator('h2').first().textContent(), /Occitanie/);
  assert.ok(!asked.some((p) => p.endsWith('/regions.json')), `regions.json not fetched: ${asked.join(' ')}`);
  assert.ok(asked.some((p) => p.endsWith('/dataset.json')), 'the dataset is');
  await context.close();
});

test('before the app starts, the static map answers: a region picked by click or keyboard shows its panel, and the app opens on it', async () => {
  // bypassCSP: axe-core is injected as an inline script.
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block', bypassCSP: true });
  const page = await context.newPage();
  const { release } = await holdBack(page);
  await page.goto(h.url);
  const fv = page.locator('#first-view');
  const panel = fv.locator('.panel');
  const bretagne = fv.locator('svg.map path.region[data-key="53"]');
  await bretagne.click();
  assert.equal(await panel.locator('[data-testid="region-code"]').textContent(), '53');
  assert.equal(await panel.locator('h2').textContent(), 'Bretagne');
  assert.equal(await bretagne.getAttribute('aria-pressed'), 'true');
  assert.match(await bretagne.getAttribute('class'), /\bselected\b/);
  assert.equal(new URL(page.url()).search, '?region=53', 'the URL records the choice');
  // Bretagne's employment index, read from the dataset, in the panel's figures.
  const k = ds.regions.findIndex((r) => r.code === '53');
  const emploi = ds.domains.find((d) => d.id === 'emploi');
  assert.match(await panel.locator('.figures').textContent(), new RegExp(`^Bretagne : indice ${Math.round(emploi.index[k])}\\b`));
  // The keyboard: Tab reaches the regions, Enter picks one; the focused one's values are read
  // in the line under the map.
  const occitanie = fv.locator('svg.map path.region[data-key="76"]');
  await occitanie.focus();
  assert.match(await fv.locator('.info-line').textContent(), /^Occitanie : indice/);
  await page.keyboard.press('Enter');
  assert.equal(await panel.locator('h2').textContent(), 'Occitanie');
  assert.equal(await bretagne.getAttribute('aria-pressed'), 'false');
  // Back to the national view, then Bretagne again; Back in the browser returns to Occitanie.
  await panel.locator('button.back').click();
  assert.equal(await panel.locator('h2').textContent(), 'France métropolitaine');
  assert.equal(new URL(page.url()).search, '');
  await page.locator('#first-view svg.map path.inset-shape').first().click();
  assert.equal(await panel.locator('h2').textContent(), 'Île-de-France', 'the inset picks its region');
  await bretagne.click();
  await page.goBack();
  assert.equal(await panel.locator('h2').textContent(), 'Île-de-France');
  await page.goForward();
  const staticText = await panel.textContent();
  const staticLabel = await fv.locator('svg.map').getAttribute('aria-label');
  assert.deepEqual(await axe(page), [], 'axe-core on the static view with a region picked');
  // The app starts and opens on the region picked, with the same panel.
  release();
  const appPanel = page.locator('body > main .map-view .panel');
  await appPanel.locator('[data-testid="region-code"]').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#first-view').count(), 0);
  assert.equal(await appPanel.textContent(), staticText, 'the same panel, written by the same function');
  assert.equal(await page.locator('body > main svg.map').getAttribute('aria-label'), staticLabel, "the map's name, the same words");
  assert.match(await page.locator('body > main path.region[data-code="53"]').getAttribute('class'), /\bselected\b/);
  await context.close();
});

test('a region picked while the app waits for its data is the one the app opens on', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const { release, requested } = await holdBack(page, /dataset\.json/);
  await page.goto(h.url);
  await requested; // the app has started and asked for its data
  await page.locator('#first-view svg.map path.region[data-key="84"]').click();
  release();
  const appPanel = page.locator('body > main .map-view .panel [data-testid="region-code"]');
  await appPanel.waitFor({ timeout: 15000 });
  assert.equal(await appPanel.textContent(), '84');
  assert.equal(await page.locator('#first-view').count(), 0);
  await context.close();
});

test("the static panel's link opens the region's page once the app has started", async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const { release } = await holdBack(page);
  await page.goto(h.url);
  await page.locator('#first-view svg.map path.region[data-key="76"]').click();
  await page.locator('#first-view .panel a.button').click();
  assert.equal(new URL(page.url()).search, '?view=region&region=76', 'no reload: the URL says where to go');
  release();
  await page.locator('body > main .region-view').first().waitFor({ timeout: 15000 });
  assert.match(await page.locator('body > main h2').first().textContent(), /Occitanie/);
  await context.close();
});

test('the static first view passes axe-core', async () => {
  const context = await h.browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/_bg\.wasm$/, () => {});
  await page.goto(h.url);
  await page.locator('#first-view svg.map').waitFor();
  assert.deepEqual(await axe(page), []);
  await context.close();
});
