// The first real view: the 13 regions, selection by mouse and keyboard, and the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const query = (page) => page.evaluate(() => window.location.search);

test('the map shows the 13 regions as focusable shapes named in French', async () => {
  const { page, errors, context } = await h.open();
  const regions = page.locator('svg.map path.region[data-code]');
  assert.equal(await regions.count(), 13);
  const names = await regions.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  for (const n of ['Île-de-France', 'Nouvelle-Aquitaine', 'Occitanie', 'Corse', "Provence-Alpes-Côte d'Azur", 'Hauts-de-France', 'Grand Est']) {
    assert.ok(names.includes(n), `missing ${n} in ${names}`);
  }
  for (const tab of await regions.evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')))) assert.equal(tab, '0');
  // Each shape is really drawn: a non-trivial box on screen.
  const boxes = await regions.evaluateAll((els) => els.map((e) => { const b = e.getBoundingClientRect(); return b.width * b.height; }));
  assert.ok(boxes.every((a) => a > 100), `tiny shapes: ${boxes}`);
  assert.equal(await page.locator('#panel-title').textContent(), 'France métropolitaine');
  await h.screenshot(page, 'map-national');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click selects a region: panel, URL, and a live announcement', async () => {
  const { page, errors, context } = await h.open();
  await page.getByRole('button', { name: 'Nouvelle-Aquitaine' }).click();
  assert.equal(await page.locator('#panel-title').textContent(), 'Nouvelle-Aquitaine');
  assert.equal(await page.getByTestId('region-code').textContent(), '75');
  assert.equal(await query(page), '?region=75');
  assert.equal(await page.locator('path[data-code="75"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.panel').getAttribute('aria-live'), 'polite');
  await h.screenshot(page, 'map-region-75');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard alone selects a region (Tab, Enter) and Escape goes back', async () => {
  const { page, errors, context } = await h.open();
  // Tab until a region has focus, then move on to Corse.
  let label = null;
  for (let i = 0; i < 60 && label !== 'Corse'; i++) {
    await page.keyboard.press('Tab');
    label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  }
  assert.equal(label, 'Corse');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#panel-title').textContent(), 'Corse');
  assert.equal(await query(page), '?region=94');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#panel-title').textContent(), 'France métropolitaine');
  assert.equal(await query(page), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared URL reopens the selection, and back/forward move between selections', async () => {
  const { page, errors, context } = await h.open('?region=53');
  assert.equal(await page.locator('#panel-title').textContent(), 'Bretagne');
  await page.getByRole('button', { name: 'Occitanie' }).click();
  await page.getByRole('button', { name: 'Grand Est' }).click();
  assert.equal(await query(page), '?region=44');
  await page.goBack();
  await page.locator('#panel-title', { hasText: 'Occitanie' }).waitFor();
  assert.equal(await query(page), '?region=76');
  await page.goBack();
  await page.locator('#panel-title', { hasText: 'Bretagne' }).waitFor();
  await page.goForward();
  await page.locator('#panel-title', { hasText: 'Occitanie' }).waitFor();
  await page.reload();
  await page.locator('#panel-title', { hasText: 'Occitanie' }).waitFor();
  // The static first view shows the panel at once; the app then takes over, on the same region.
  assert.equal(await page.locator('body > main path.region.selected').getAttribute('data-code'), '76');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown or malformed region code opens the national view with a notice', async () => {
  for (const bad of ['?region=99', '?region=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '?region=%E0%A4%A', '?region=75&region=zz']) {
    const { page, errors, context } = await h.open(bad);
    assert.equal(await page.locator('#panel-title').textContent(), 'France métropolitaine', bad);
    const notice = page.locator('.notice');
    assert.equal(await notice.count(), 1, bad);
    assert.match(await notice.textContent(), /n'existe pas : voici la vue nationale/);
    assert.equal(await page.locator('img').count(), 0, 'no injected markup');
    if (bad === '?region=99') await h.screenshot(page, 'map-unknown-region');
    assert.deepEqual(errors, [], bad);
    await context.close();
  }
});

test('on a 360 px phone the map fits the screen and a tap selects', async () => {
  const { page, errors, context } = await h.open('', { viewport: { width: 360, height: 740 } });
  const svg = await page.locator('svg.map').boundingBox();
  assert.ok(svg.width <= 360 && svg.width > 300, `map width ${svg.width}`);
  const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollW <= 360, `horizontal scroll: ${scrollW}`);
  await page.locator('path[data-code="84"]').click();
  assert.equal(await page.locator('#panel-title').textContent(), 'Auvergne-Rhône-Alpes');
  await h.screenshot(page, 'map-phone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failed data download shows a French message with a retry, never a blank page', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let fail = true;
  await page.route('**/data/dataset.json?*', (route) => (fail ? route.fulfill({ status: 500, body: 'boom' }) : route.continue()));
  await page.goto(h.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const said = await alert.textContent();
  // plain words first, the file and status behind 'Détails'
  assert.match(said, /Les données n'ont pas pu être chargées\. Le serveur a rencontré une erreur/);
  assert.match(said, /data\/dataset\.json : HTTP 500/);
  await h.screenshot(page, 'map-load-error');
  fail = false;
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await page.locator('svg.map path.region[data-code]').first().waitFor();
  assert.equal(await page.locator('svg.map path.region[data-code]').count(), 13);
  await context.close();
});
