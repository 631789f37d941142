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

for (const [query, testid] of [['?indicator=chomage_localise', 'map-table'], ['?view=compare', 'compare-table'], ['?view=ranking&indicator=aah', 'ranking-table']]) {
  test(`CSV of ${query} parsed back equals the table on screen (French and international)`, async () => {
    const { page, errors, context } = await openView(h, query);
    const screen = await page.$$eval(`[data-testid="${testid}"] tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const fr = (await exportFile(page, 'csv-fr')).bytes.toString('utf8');
    assert.ok(fr.startsWith('\ufeff'), 'BOM for spreadsheet software');
    const rows = parseCsv(fr.slice(1), ';');
    const intl = parseCsv((await exportFile(page, 'csv-intl')).bytes.toString('utf8'), ',');
    assert.equal(rows.length, screen.length);
    assert.deepEqual(rows[0].slice(-3), ['Unité', 'Année', 'Source']);
    screen.forEach((cells, r) => {
      cells.forEach((text, c) => {
        if (r === 0) assert.equal(rows[0][c], text.trim());
        else {
          assert.equal(rows[r][c].replace(',', '.'), shown(text), `row ${r} col ${c}`);
          assert.equal(intl[r][c], shown(text), `intl row ${r} col ${c}`);
        }
      });
      if (r > 0) assert.ok(rows[r].at(-1).length > 3 && /\d{4}/.test(rows[r].at(-2)), `row ${r}: source and year`);
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

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
  // Presentation: the first slide full screen, → goes to the next, Escape comes back.
  await page.click('.deck-actions button.primary');
  await page.waitForFunction(() => document.body.classList.contains('presenting'));
  assert.match(page.url(), /view=region&region=76/);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.search.includes('domain=sante'));
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
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  fs.writeFileSync(`target/screenshots/print-${query.replace(/\W+/g, '-')}.pdf`, pdf);
  assert.equal(pages, 1, `${pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});
