// #15 analysis: robust ranks with their ranges, the domains' weights (w=) and another reference
// (ref=), as a user reaches them by keyboard, and as a link reopens them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, openView, exportFile, axe } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

// The published ranges, read from the committed dataset (the pipeline's output, not the app's).
const ds = JSON.parse(fs.readFileSync('assets/data/dataset.json', 'utf8'));
const ord = (n) => (n === 1 ? '1re' : `${n}e`);

test('a domain ranking shows each region\'s median rank with its 5th–95th percentile range', async () => {
  const { page, errors, context } = await openView(h, '?view=ranking&domain=mobilite', {});
  const table = page.getByTestId('ranking-table');
  await table.waitFor();
  const headers = await table.locator('th').allTextContents();
  const col = headers.findIndex((t) => /choix de méthode/.test(t));
  assert.ok(col > 0, headers.join(' | '));
  const dom = ds.domains.find((d) => d.id === 'mobilite');
  for (const [k, r] of ds.regions.entries()) {
    const [m, lo, hi] = dom.robust[k];
    const row = table.locator('tbody tr', { hasText: r.name }).first();
    const cell = (await row.locator('td, th').nth(col).textContent()).trim();
    const expect = lo === hi ? ord(m) : `${ord(m)} (${ord(lo)}–${ord(hi)})`;
    assert.ok(cell.startsWith(expect), `${r.name}: "${cell}" ≠ "${expect}"`);
    // "position incertaine" exactly when the range crosses the middle of the 13
    assert.equal(cell.includes('position incertaine'), lo < 7 && hi > 7, `${r.name}: ${cell}`);
  }
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the issue\'s link reopens the weights and the reference, and the export names both', async () => {
  const { page, errors, context } = await openView(h, '?view=ranking&domain=ensemble&w=emploi:2,sante:0&ref=hors-idf', {});
  await page.getByTestId('ranking-table').waitFor();
  assert.equal(await page.getByTestId('reference').inputValue(), 'hors-idf');
  assert.equal(await page.getByTestId('weight-emploi').inputValue(), '2');
  assert.equal(await page.getByTestId('weight-sante').inputValue(), '0');
  assert.equal(await page.getByTestId('weight-pauvrete').inputValue(), '1');
  const rows = await page.getByTestId('ranking-table').locator('tbody tr').allTextContents();
  assert.ok(rows.some((r) => r.startsWith('France hors Île-de-France')), rows.join('\n'));
  assert.match(await page.locator('#view-title').textContent(), /pondération personnalisée/);
  const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
  assert.match(texts, /France hors Île-de-France/);
  assert.match(texts, /pondération personnalisée/);
  assert.match(texts, /Emploi ×2/);
  assert.match(texts, /Santé[^×]*×0/);
  await page.screenshot({ path: 'target/screenshots/analysis-weights.png', fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('weights by keyboard: a domain weighted 3 moves the overall reading, reset returns to equal weights', async () => {
  const { page, errors, context } = await openView(h, '?view=ranking', {});
  await page.getByTestId('ranking-table').waitFor();
  await page.locator('[data-testid=weights] summary').focus();
  await page.keyboard.press('Enter');
  const field = page.getByTestId('weight-securite');
  await field.waitFor({ state: 'visible' });
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => location.search.includes('w=securite:3'));
  assert.match(await page.evaluate(() => location.search), /domain=ensemble/);
  await page.locator('#view-title', { hasText: 'pondération personnalisée' }).waitFor();
  // the overall ranks now lean on security: the first row is the region whose domain indices,
  // security counted three times, have the highest mean (computed here from the committed file)
  const score = ds.regions.map((_, k) => {
    let [sum, w] = [0, 0];
    for (const d of ds.domains) {
      const i = d.index[k];
      if (i === null || i === undefined) continue;
      const wd = d.id === 'securite' ? 3 : 1;
      sum += wd * i; w += wd;
    }
    return sum / w;
  });
  const top = ds.regions[score.indexOf(Math.max(...score))].name;
  const first = (await page.getByTestId('ranking-table').locator('tbody tr').first().textContent());
  assert.ok(first.startsWith(top), `${first} (expected ${top})`);
  const ranksNow = await page.getByTestId('ranking-table').locator('tbody tr').allTextContents();
  await page.getByTestId('weights-reset').click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('w'));
  const ranksEqual = await page.getByTestId('ranking-table').locator('tbody tr').allTextContents();
  assert.notDeepEqual(ranksNow, ranksEqual, 'the weights changed the table');
  assert.equal(await page.getByTestId('weight-securite').inputValue(), '1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('another reference changes every index the map and the region page show, and says so', async () => {
  const { page, errors, context } = await openView(h, '?view=region&region=76&ref=mediane', {});
  await page.getByTestId('region-summary').waitFor();
  assert.match(await page.getByTestId('region-summary').textContent(), /la référence \(médiane des 13 régions\)/);
  await page.getByTestId('reference').selectOption('france');
  await page.waitForFunction(() => !location.search.includes('ref='));
  assert.match(await page.getByTestId('region-summary').textContent(), /moyenne nationale/);
  assert.deepEqual(errors, []);
  await context.close();
  const bad = await openView(h, '?view=ranking&ref=paris&w=emploi:9', {});
  const notice = await bad.page.getByRole('status').allTextContents();
  assert.ok(notice.join(' ').includes('ref'), notice.join(' | '));
  assert.equal(await bad.page.getByTestId('reference').inputValue(), 'france');
  await bad.context.close();
});

test('the region page of Occitanie names its three profile peers and three structure peers, each a comparison', async () => {
  // profile peers computed here from the committed indices: root mean square gap over shared domains
  const k = ds.regions.findIndex((r) => r.code === '76');
  const dist = ds.regions.map((_, j) => {
    const gaps = ds.domains.filter((d) => d.index[k] != null && d.index[j] != null).map((d) => (d.index[k] - d.index[j]) ** 2);
    return Math.sqrt(gaps.reduce((a, b) => a + b, 0) / gaps.length);
  });
  const expected = ds.regions.map((r, j) => [r.name, dist[j]]).filter((_, j) => j !== k).sort((a, b) => a[1] - b[1]).slice(0, 3).map((x) => x[0]);
  const { page, errors, context } = await openView(h, '?view=region&region=76', {});
  const peers = page.getByTestId('profile-peers').locator('a');
  await peers.first().waitFor();
  const names = (await peers.allTextContents()).map((t) => t.replace('Comparer avec ', ''));
  assert.deepEqual(names, expected);
  assert.equal(await page.getByTestId('structure-peers').locator('a').count(), 3);
  assert.deepEqual(await axe(page), []);
  await page.getByTestId('structure-peers').locator('a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'compare');
  const regions = new URLSearchParams(await page.evaluate(() => location.search)).get('regions') ?? '';
  assert.match(regions, /^76,\d\d$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Occitanie compares with its neighbours in one click; Corse says it has none', async () => {
  // Occitanie borders Nouvelle-Aquitaine, Auvergne-Rhône-Alpes and Provence-Alpes-Côte d'Azur
  // (the administrative map, typed here, not read from the dataset).
  const { page, errors, context } = await openView(h, '?view=region&region=76', {});
  const p = page.getByTestId('neighbours');
  await p.waitFor();
  const text = await p.textContent();
  for (const name of ['Nouvelle-Aquitaine', 'Auvergne-Rhône-Alpes', "Provence-Alpes-Côte d'Azur"]) assert.ok(text.includes(name), text);
  assert.ok(!text.includes('Bretagne'), text);
  await p.getByRole('link', { name: 'Comparer avec mes voisines' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'compare');
  const regions = new URLSearchParams(await page.evaluate(() => location.search)).get('regions');
  assert.deepEqual(regions.split(',').sort(), ['75', '76', '84', '93']);
  assert.equal(regions.split(',')[0], '76', 'the region comes first');
  await page.goto(h.url + "?view=region&region=94&lang=en");
  await page.getByTestId('neighbours').waitFor();
  assert.match(await page.getByTestId('neighbours').textContent(), /No region shares a land border with Corse/);
  assert.equal(await page.getByTestId('neighbours').locator('a').count(), 0);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an indicator\'s card says how firm its domain\'s rank is, for the region read; the map\'s table and legend name the reference', async () => {
  const { page, errors, context } = await openView(h, '?view=region&region=76', {});
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await page.locator('button.ind-name[data-indicator="chomage_localise"]').first().click();
  const said = await page.getByTestId('rank-sensitivity').first().textContent();
  const dom = ds.domains.find((d) => d.id === 'emploi');
  const k = ds.regions.findIndex((r) => r.code === '76');
  const [m, lo, hi] = dom.robust[k];
  const mine = lo === hi ? `Occitanie : ${ord(m)} dans toutes les variantes.` : `Occitanie : ${ord(m)} (${ord(lo)}–${ord(hi)})`;
  assert.ok(said.startsWith(mine), `"${said}" should start with "${mine}"`);
  const stable = dom.robust.filter((r) => r && r[1] === r[2]).length;
  assert.ok(said.includes(`${stable} régions sur 13 gardent leur rang`), said);
  assert.match(said, /« Emploi »/);
  await context.close();

  const map = await openView(h, '?indicator=chomage_localise&ref=hors-idf', {});
  // The map's table is made when it is opened.
  await map.page.locator('summary', { hasText: 'Tableau des valeurs' }).click();
  const table = map.page.getByTestId('map-table');
  await table.locator('tbody tr').first().waitFor();
  const head = await table.locator('thead th').allTextContents();
  assert.ok(head.some((t) => t.includes('France hors Île-de-France = 100')), head.join(' | '));
  const rows = await table.locator('tbody tr').allTextContents();
  assert.ok(rows.some((t) => t.startsWith('France hors Île-de-France')), rows.join('\n'));
  assert.ok(!rows.some((t) => t.startsWith('France métropolitaine')), 'the reference row is the chosen one');
  assert.match(await map.page.locator('#legend-title').textContent(), /France hors Île-de-France = 100/);
  assert.deepEqual(errors, []);
  assert.deepEqual(map.errors, []);
  await map.context.close();
});
