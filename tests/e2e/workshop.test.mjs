// Workshop tools (issue #6): PNG/SVG/CSV exports checked by decoding them, copy image and link,
// the deck (add, reload, rename, reorder, share by link, present with the arrow keys), print on
// one A4 landscape page, and exports with the network cut.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, openView, exportFile, openExportMenu } from './harness.mjs';
import { decodePng, countColour } from './png.mjs';
import { parse as parseCsvText } from 'csv-parse/sync';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

/** The numbers of a displayed text, as the CSV writes them ("1 234,5 %" → "1234.5"). */
function shown(text) {
  const m = text.trim().replace(/[\u202f\u00a0 ]/g, '').match(/^-?\d+(,\d+)?/);
  return m ? m[0].replace(',', '.') : text.trim();
}

/** The rows of a CSV (`csv-parse`), every row as many fields as the header. */
function parseCsv(text, sep) {
  return parseCsvText(text, { delimiter: sep, relax_quotes: false });
}

test('PNG 2× and 4× of the map: right size, not blank, the map\'s colours', async () => {
  const { page, errors, context } = await openView(h, '?domain=emploi');
  const fills = await page.$$eval('svg.map path.region[data-code]', (ps) => [...new Set(ps.map((p) => p.getAttribute('fill')))]);
  const two = await exportFile(page, 'png2');
  assert.match(two.name, /^fragilites-carte-emploi-16x9@2x\.png$/);
  const img = decodePng(two.bytes);
  assert.deepEqual([img.width, img.height], [3200, 1800]);
  const white = countColour(img, '#ffffff', 2);
  assert.ok(white < img.width * img.height * 0.9, `mostly blank: ${white} white pixels`);
  for (const f of fills) {
    assert.ok(countColour(img, f, 3) > 2000, `the map colour ${f} is missing from the PNG`);
  }
  await page.selectOption('.export select', 'a4');
  const four = await exportFile(page, 'png4');
  const a4 = decodePng(four.bytes);
  assert.deepEqual([a4.width, a4.height], [4492, 3176]);
  assert.match(await page.locator('.export-status').textContent(), /PNG/);
  fs.writeFileSync('target/screenshots/export-map-a4@4x.png', four.bytes);
  fs.writeFileSync('target/screenshots/export-map-16x9@2x.png', two.bytes);
  assert.deepEqual(errors, []);
  await context.close();
});

test('SVG export has the title, the source line and the link as real text', async () => {
  const { page, errors, context } = await openView(h, '?view=region&region=75');
  const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), 'an SVG document');
  assert.ok(/<text[^>]*>Indicateurs de Nouvelle-Aquitaine \/ moyenne nationale<\/text>/.test(svg), 'the title as text');
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
  assert.ok(/Sources : .*INSEE.*DREES/.test(texts), 'source line with the producers');
  assert.ok(svg.includes('?view=region&amp;region=75'), 'permalink printed');
  assert.ok(svg.includes('h1v1h-1z'), 'QR code drawn');
  fs.writeFileSync('target/screenshots/export-region-75.svg', svg);
  assert.deepEqual(errors, []);
  await context.close();
});

// #14 item 11: the CSV is the data behind the view, one row per region × measure, every row
// naming its region, with the raw value, France's value, the index to one decimal and the rank;
// its numbers are those on screen (the index there is rounded to a whole number).
for (const [query, testid, id] of [['?indicator=chomage_localise', 'map-table', 'chomage_localise'], ['?view=compare', 'compare-table', null], ['?view=ranking&indicator=aah', 'ranking-table', 'aah']]) {
  test(`CSV of ${query}: a row per region and measure, the numbers on screen (French and international)`, async () => {
    const { page, errors, context } = await openView(h, query);
    // The map's table is made when it is opened.
    if (testid === 'map-table') {
      await page.locator('summary', { hasText: 'Tableau des valeurs' }).click();
      await page.locator('[data-testid="map-table"] tbody tr').first().waitFor();
    }
    const screen = await page.$$eval(`[data-testid="${testid}"] tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    const fr = (await exportFile(page, 'csv-fr')).bytes.toString('utf8');
    assert.ok(fr.startsWith('\ufeff'), 'BOM for spreadsheet software');
    const rows = parseCsv(fr.slice(1), ';');
    const intl = parseCsv((await exportFile(page, 'csv-intl')).bytes.toString('utf8'), ',');
    assert.equal(intl.length, rows.length);
    const head = rows[0];
    for (const c of ['Région', 'Mesure', 'Valeur', 'France métropolitaine', 'Indice (France = 100)', 'Rang (1 = plus fragile)', 'Unité', 'Année', 'Source']) assert.ok(head.includes(c), `column ${c} in ${head.join('|')}`);
    const col = (name) => head.indexOf(name);
    const num = (t) => Number(t.replace(',', '.'));
    const find = (region, test) => rows.slice(1).find((r) => r[col('Région')] === region && test(r));
    assert.ok(rows.slice(1).every((r) => r[col('Région')] && /\d{4}/.test(r[col('Année')]) && r[col('Source')].length > 3), 'every row names its region, year and source');
    assert.ok(rows.slice(1).every((r) => !r[col('Indice (France = 100)')] || /^\d+,\d$/.test(r[col('Indice (France = 100)')])), 'indices to one decimal');
    if (id) {
      const sh = screen[0];
      const [iv, ii, ir] = [sh.findIndex((h) => h.startsWith('Valeur')), sh.findIndex((h) => h.startsWith('Indice')), sh.findIndex((h) => h.startsWith('Rang'))];
      const regions = screen.slice(1).filter((r) => r[0] !== 'France métropolitaine');
      assert.equal(rows.length - 1, regions.length, 'one row per region');
      for (const cells of regions) {
        const r = find(cells[0], (x) => x[col('Identifiant')] === id);
        assert.ok(r, `${cells[0]} in the CSV`);
        assert.equal(r[col('Valeur')].replace(',', '.'), shown(cells[iv]), `${cells[0]}: value`);
        assert.ok(Math.abs(num(r[col('Indice (France = 100)')]) - Number(shown(cells[ii]))) <= 0.5, `${cells[0]}: index`);
        assert.equal(r[col('Rang (1 = plus fragile)')], cells[ir], `${cells[0]}: rank`);
        const i = intl.find((x) => x[1] === cells[0]);
        assert.equal(i[col('Valeur')], shown(cells[iv]), `${cells[0]}: intl value`);
      }
      const france = screen.find((r) => r[0] === 'France métropolitaine');
      assert.ok(rows.slice(1).every((r) => r[col('France métropolitaine')].replace(',', '.') === shown(france[iv])), 'France on every row');
    } else {
      // The comparison: each region's domain index and rank as the cell shows them, "98 (7e / 13)".
      const regions = screen[0].slice(1);
      for (const cells of screen.slice(1)) {
        regions.forEach((region, k) => {
          const r = find(region, (x) => x[col('Mesure')] === cells[0] && x[col('Type')] === 'indice du domaine');
          assert.ok(r, `${region} × ${cells[0]}`);
          assert.ok(Math.abs(num(r[col('Indice (France = 100)')]) - Number(shown(cells[k + 1]))) <= 0.5, `${region} × ${cells[0]}: index`);
          const rank = cells[k + 1].match(/\((\d+)/)?.[1];
          if (rank) assert.equal(r[col('Rang (1 = plus fragile)')], rank, `${region} × ${cells[0]}: rank`);
        });
      }
      assert.ok(rows.some((r) => r[col('Type')] === 'indicateur'), 'and the indicators behind the domains');
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the whole dataset and its metadata download as CSV, every indicator × region × year', async () => {
  const { page, errors, context } = await openView(h, '?view=method');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.method-view [data-export="dataset-csv"]')]);
  const rows = parseCsv(fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, ''), ';');
  const head = rows[0];
  const [code, id, year] = ['Code INSEE', 'Identifiant', 'Année'].map((c) => head.indexOf(c));
  // Read from the committed dataset itself, not from the app: every indicator for each region.
  const ds = JSON.parse(fs.readFileSync('assets/data/dataset.json', 'utf8'));
  for (const i of ds.indicators) {
    const mine = rows.filter((r) => r[id] === i.id && r[year] === i.year);
    assert.equal(mine.length, 13, `${i.id} ${i.year}: 13 regions`);
    if (i.trajectory) {
      const y0 = i.trajectory.years[0];
      const k = i.trajectory.values.findIndex((v) => v[0] !== null);
      if (k >= 0) {
        const r = rows.find((x) => x[id] === i.id && x[year] === String(y0) && x[code] === ds.regions[k].code);
        assert.ok(r, `${i.id} ${y0} ${ds.regions[k].code}: the series' first year`);
      }
    }
  }
  const keys = rows.slice(1).map((r) => `${r[code]}|${r[id]}|${r[year]}`);
  assert.equal(new Set(keys).size, keys.length, 'no row twice');
  const [mdl] = await Promise.all([page.waitForEvent('download'), page.click('.method-view [data-export="metadata-csv"]')]);
  const meta = parseCsv(fs.readFileSync(await mdl.path(), 'utf8').replace(/^\ufeff/, ''), ';');
  assert.equal(meta.length - 1, ds.indicators.length);
  assert.ok(meta[0].includes('Licence') && meta[0].includes('Producteur et publication'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy link and copy image confirm, and the clipboard holds them', async () => {
  const { page, errors, context } = await openView(h, '?view=region&region=76', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.click('[data-export="copy-link"]');
  await page.locator('.export-status', { hasText: 'Lien copié' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await openExportMenu(page);
  await page.click('[data-export="copy-image"]');
  await page.locator('.export-status', { hasText: 'Image copiée' }).waitFor();
  const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((i) => i.types));
  assert.ok(types.includes('image/png'), types.join());
  assert.deepEqual(errors, []);
  await context.close();
});

test('PNG export without its worker (file unreachable): the same image, encoded on the page', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/png-worker.js', (r) => r.fulfill({ status: 404, body: '' }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}?domain=emploi`);
  await page.locator('svg.map path.region[data-code]').first().waitFor();
  const png = decodePng((await exportFile(page, 'png2')).bytes);
  assert.deepEqual([png.width, png.height], [3200, 1800]);
  const fill = await page.getAttribute('svg.map path.region[data-code="32"]', 'fill');
  assert.ok(countColour(png, fill) > 1000, `the map's colour ${fill} is in the image`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('exports work with the network cut after the page has loaded', async () => {
  const { page, errors, context } = await openView(h, '?view=compare');
  // Loaded: the export worker too, which comes a few seconds after the app (no service worker here).
  await page.waitForSelector('html[data-exports="ready"]', { state: 'attached', timeout: 20000 });
  await context.setOffline(true);
  const png = decodePng((await exportFile(page, 'png2')).bytes);
  assert.equal(png.width, 3200);
  const csv = (await exportFile(page, 'csv-intl')).bytes.toString('utf8');
  assert.ok(csv.split('\r\n').length > 10);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the deck: add views, survive a reload, rename, reorder, share by link, present', async () => {
  const { page, errors, context } = await openView(h, '?domain=sante');
  await page.click('[data-export="deck-add"]');
  await page.locator('.export-status', { hasText: '1 vue' }).waitFor();
  await page.goto(`${h.url}?view=region&region=76`);
  await page.click('[data-export="deck-add"]');
  await page.locator('.export-status', { hasText: '2 vues' }).waitFor();
  await page.goto(`${h.url}?view=atelier`);
  await page.reload();
  const names = () => page.$$eval('[data-testid="deck"] .slide-name', (is) => is.map((i) => i.value));
  await page.locator('[data-testid="deck"] .slide').nth(1).waitFor();
  assert.equal((await names()).length, 2);
  await page.fill('[data-testid="deck"] .slide >> nth=0 >> .slide-name', 'Santé en carte');
  await page.press('[data-testid="deck"] .slide >> nth=0 >> .slide-name', 'Tab');
  // By keyboard: the moved slide keeps the focus, on its arrow in its new place (it is now
  // last, so on ↑), instead of losing it when the list is redrawn.
  await page.focus('[data-testid="deck"] .slide >> nth=0 >> button[aria-label="Descendre"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('.slides li:nth-child(2) button.up'));
  const order = await names();
  assert.equal(order[1], 'Santé en carte');
  await page.reload();
  // The deck is drawn once the app has started: wait for it rather than read an empty list.
  await page.locator('[data-testid="deck"] .slide').nth(1).waitFor();
  assert.deepEqual(await names(), order, 'the deck survives a reload');
  // The link reopens the same sequence in a browser that has never seen it.
  const link = await page.inputValue('[data-testid="deck-link"]');
  const other = await h.browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await p2.locator('.notice', { hasText: 'Atelier importé' }).waitFor();
  await p2.locator('[data-testid="deck"] .slide').nth(1).waitFor();
  assert.deepEqual(await p2.$$eval('[data-testid="deck"] .slide-name', (is) => is.map((i) => i.value)), order);
  await other.close();
  // Presentation: the first slide's framed drawing full screen, → goes to the next, Escape
  // comes back (decks.test.mjs checks the slides themselves).
  await page.click('.deck-actions button.primary');
  await page.waitForFunction(() => document.body.classList.contains('presenting'));
  // The slide is drawn by the export worker: it shows when it arrives.
  await page.locator('[data-testid="present-stage"] svg > text').first().waitFor();
  const title = () => page.$eval('[data-testid="present-stage"] svg > text', (t) => t.textContent);
  assert.equal(await title(), order[0]);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((t) => document.querySelector('[data-testid="present-stage"] svg > text')?.textContent === t, order[1]);
  assert.ok(await page.locator('.tabs').isHidden(), 'controls hidden while presenting');
  await h.screenshot(page, 'presentation');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.body.classList.contains('presenting') && location.search.includes('view=atelier'));
  assert.deepEqual(errors, []);
  await context.close();
});

for (const query of ['?domain=emploi', '?view=region&region=75', '?view=compare', '?view=compare&regions=11,94,53,84', '?view=ranking&domain=sante', '?view=acteurs']) test(`print ${query}: one A4 landscape page with the source line`, async () => {
  const { page, errors, context } = await openView(h, query);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.tabs').isHidden());
  assert.ok(await page.locator('.print-source').isVisible());
  const line = await page.locator('.print-source').textContent();
  assert.ok(line.includes('Source') && line.includes(h.url), `source line with the link: ${line}`);
  if (!query.includes('acteurs')) assert.match(line, /Sources : [^—]+ (19|20)\d\d/, 'the producers and years of what is shown');
  // #14 item 14: paper has no buttons, and the view fills the page (A4 landscape less its
  // margins is 190 mm, 718 px tall).
  const controls = await page.$$eval('main button, main select, main input', (els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(controls, [], 'no on-screen control printed');
  const height = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().height);
  assert.ok(height > 718 * 0.55, `the page is filled: the view is ${Math.round(height)} px of 718`);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  fs.writeFileSync(`target/screenshots/print-${query.replace(/\W+/g, '-')}.pdf`, pdf);
  assert.equal(pages, 1, `${pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the exports are not in the first download: their worker comes once the app has started', async () => {
  // First-view issue: the exports' code (SVG, CSV, QR code) left the app's wasm for a worker
  // of its own, asked for when the page is idle after the app has taken the static view's place.
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    new MutationObserver((_, o) => {
      if (document.body && !document.getElementById('first-view') && document.querySelector('body > main')) {
        window.__takenOver = performance.now();
        o.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wasm = [];
  page.on('requestfinished', (r) => { if (r.url().includes('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(h.url);
  await page.locator('body > main section.view svg.map path.region[data-code]').first().waitFor();
  const started = await page.waitForFunction(() => performance.getEntriesByType('resource').find((e) => e.name.includes('export-worker.js'))?.startTime, null, { timeout: 20000 });
  const taken = await page.evaluate(() => window.__takenOver);
  assert.ok(taken > 0 && (await started.jsonValue()) >= taken, `the export worker asked for at ${await started.jsonValue()} ms, the app took over at ${taken} ms`);
  // Its wasm is a file of its own, and answers the export.
  const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
  assert.match(svg, /^<svg[^>]*viewBox="0 0 1600 900"/);
  assert.ok(wasm.some((p) => /\/app-[0-9a-f]+_bg\.wasm$/.test(p)) && wasm.includes('/exports_bg.wasm'), wasm.join());
  assert.deepEqual(errors, []);
  await context.close();
});

test('the export worker unreachable: the export says it failed, the page goes on', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/export-worker.js', (r) => r.fulfill({ status: 404, body: '' }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}?view=region&region=53`);
  await page.locator('body > main section.view').waitFor();
  await openExportMenu(page);
  await page.click('[data-export="svg"]');
  await page.locator('.export-status', { hasText: "Échec de l'export (SVG)" }).waitFor();
  // "+ Atelier" still saves the view, under the view's own name.
  await page.click('[data-export="deck-add"]');
  await page.locator('.export-status', { hasText: '1 vue' }).waitFor();
  await page.click('nav.tabs a:text-is("Classement")');
  await page.locator('[data-testid="ranking-table"]').waitFor();
  // The deck is not printed with its views missing: the page says why.
  await page.goto(`${h.url}?view=atelier`);
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.click('[data-testid="deck-print"]');
  await page.locator('.deck-message', { hasText: 'Impression impossible' }).waitFor();
  assert.equal(await page.evaluate(() => window.__printed), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the workshop has no export bar of its own: nothing there to draw (it has its file, link and print)', async () => {
  const { page, errors, context } = await openView(h, '?view=atelier');
  await page.locator('[data-testid="deck-print"]').waitFor();
  assert.equal(await page.locator('section.export').isVisible(), false);
  await page.click('nav.tabs a:text-is("Carte")');
  await page.locator('section.export [data-export="deck-add"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
