// Time: the year control (mouse, keyboard, touch), links and history that carry the year, the
// region page's trajectories in French and English, the exports with the year, and axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, axe, openView, exportFile, openExportMenu, SCREENSHOTS } from './harness.mjs';
import { parse as parseCsv } from 'csv-parse/sync';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const yearOf = (page) => page.$eval('[data-testid="year-picker"]', (s) => s.value);

test('?view=region&region=76&year=2016 opens Occitanie as of 2016, and its link reopens it', async () => {
  const { page, errors, context } = await openView(h, '?view=region&region=76&year=2016');
  assert.equal((await page.locator('h2.view-title').textContent()).trim(), 'Occitanie');
  assert.equal(await yearOf(page), '2016');
  await page.locator('[data-testid="year-note"]', { hasText: 'Vue de 2016' }).waitFor();
  // An indicator without a 2016 value says so; one with a series shows its 2016 year.
  await page.click('details.domain[data-domain="sante"] summary');
  await page.locator('details.domain[data-domain="sante"] .ind-fig', { hasText: 'pas de valeur pour 2016' }).first().waitFor();
  await page.click('details.domain[data-domain="securite"] summary');
  assert.match(await page.locator('details.domain[data-domain="securite"] button[data-indicator="cambriolages"]').textContent(), /\(2016\)/);
  // The domain's note says on how many indicators its 2016 index rests.
  await page.click('details.domain[data-domain="emploi"] summary');
  assert.match(await page.locator('details.domain[data-domain="emploi"] [data-testid="domain-note"]').textContent(), /En 2016, 1 indicateur sur 3/);
  // The copied link is the same view.
  const link = await page.evaluate(() => location.href);
  const again = await openView(h, new URL(link).search);
  assert.equal(await yearOf(again.page), '2016');
  await again.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the year control by mouse, keyboard and touch; back and forward restore the year', async () => {
  const { page, errors, context } = await openView(h, '?domain=securite');
  assert.equal(await yearOf(page), '', 'latest data by default');
  const title = () => page.locator('h2.view-title').first().textContent();
  assert.match(await title(), /Sécurité \(2024\)/);
  // Mouse (select the option).
  await page.selectOption('[data-testid="year-picker"]', '2018');
  await page.waitForFunction(() => location.search.includes('year=2018'));
  assert.match(await title(), /\(2018\)/);
  // Keyboard: the arrow moves to the next (older) year and the view follows.
  await page.focus('[data-testid="year-picker"]');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => location.search.includes('year=2017'));
  assert.match(await title(), /\(2017\)/);
  // History.
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('year=2018'));
  assert.equal(await yearOf(page), '2018');
  await page.goForward();
  await page.waitForFunction(() => location.search.includes('year=2017'));
  // A year no indicator holds: the latest data with a notice.
  await page.goto(`${h.url}?year=1900`);
  await page.locator('.notice', { hasText: '1900' }).waitFor();
  assert.equal(await yearOf(page), '');
  assert.deepEqual(errors.filter((e) => !e.includes('favicon')), []);
  await context.close();
  // Touch, on a phone.
  const phone = await openView(h, '?view=ranking&domain=vieillissement', { viewport: { width: 390, height: 844 } });
  await phone.page.locator('[data-testid="year-picker"]').tap().catch(() => {});
  await phone.page.selectOption('[data-testid="year-picker"]', '2000');
  await phone.page.waitForFunction(() => location.search.includes('year=2000'));
  assert.match(await phone.page.locator('h2.view-title').first().textContent(), /\(2000\)/);
  await phone.context.close();
});

for (const [lang, words] of [['fr', ['Ce qui a changé', 'se sont dégradés', 'se sont améliorés']], ['en', ['What changed', 'worsened', 'improved']]]) {
  test(`trajectories on the region page (${lang}): what changed, the lines, the tables`, async () => {
    const { page, errors, context } = await openView(h, `?view=region&region=75${lang === 'en' ? '&lang=en' : ''}`);
    const section = page.locator('section.trends');
    await section.waitFor();
    const text = await section.textContent();
    for (const w of words) assert.ok(text.includes(w), `${w} in ${text}`);
    // Nouvelle-Aquitaine's ageing domain, on 65+ and 75+ since 1975, is in the sentence.
    assert.match(await page.locator('[data-testid="trends-sentence"]').textContent(), /(vieillissement|ageing) \(1975-2023/i);
    const keys = (await page.getAttribute('[data-testid="trends-lines"]', 'data-series')).split(',');
    assert.ok(keys.includes('vieillissement') && keys.includes('securite'), keys.join());
    assert.ok(await page.locator('[data-testid="trends-lines"] polyline').count() >= keys.length);
    // The table behind the chart: one row per followed domain.
    const rows = await page.locator('[data-testid="trends-table"] tbody tr').count();
    assert.equal(rows, keys.length);
    // A sparkline beside each indicator with a series; its line opens with the indicator.
    await page.click('details.domain[data-domain="emploi"] summary');
    assert.equal(await page.locator('details.domain[data-domain="emploi"] [data-testid="sparkline"]').count(), 1);
    await page.click('button[data-indicator="chomage_localise"]');
    const lines = page.locator('[data-testid="indicator-lines"]');
    await lines.waitFor();
    assert.equal(await lines.getAttribute('data-series'), '75,FRM');
    assert.match(await page.locator('[data-testid="change"]').textContent(), lang === 'fr' ? /entre 1982 et 2023/ : /from 1982 to 2023/);
    // 1982-2023: 42 years in the table.
    assert.equal(await page.locator('[data-testid="trajectory-table"] tbody tr').count(), 42);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('axe-core finds no violation on the region page with its trajectories and a year', async () => {
  const { page, errors, context } = await openView(h, '?view=region&region=76&year=2016');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.click('button[data-indicator="aah"]');
  await page.locator('[data-testid="indicator-lines"]').waitFor();
  const violations = await axe(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  await h.screenshot(page, 'region-2016');
  assert.deepEqual(errors, []);
  await context.close();
});

test('exports carry the year: the SVG title and the CSV year column', async () => {
  const { page, errors, context } = await openView(h, '?indicator=cambriolages&year=2016');
  const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
  assert.match(svg, /<text[^>]*>Cambriolages de logement \(2016\)<\/text>/);
  assert.ok(svg.includes('year=2016'), 'the permalink has the year');
  const rows = parseCsv((await exportFile(page, 'csv-intl')).bytes.toString('utf8'), { relax_column_count: true });
  const yearCol = rows[0].indexOf('Année') >= 0 ? rows[0].indexOf('Année') : rows[0].indexOf('Year');
  assert.ok(yearCol > 0, rows[0].join());
  assert.ok(rows.slice(1).every((r) => r[yearCol] === '2016'), 'every row of 2016');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the ranking shows each region\'s rank change since a chosen year, in symbols and numbers', async () => {
  const { page, errors, context } = await openView(h, '?view=ranking&domain=securite');
  const header = () => page.locator('[data-testid="ranking-table"] thead th').last().textContent();
  assert.match(await header(), /depuis 2016/, 'the earliest year all four indicators share');
  const cells = async () => page.$$eval('[data-testid="ranking-table"] tbody tr', (trs) => trs.map((tr) => tr.lastElementChild.textContent.trim()));
  const changes = (await cells()).filter((c) => c !== '');
  assert.equal(changes.length, 13);
  assert.ok(changes.every((c) => /^(▲ \d+|▼ \d+|± 0)$/.test(c)), changes.join(' '));
  // The ▲ and ▼ balance: places gained equal places lost.
  const sum = changes.reduce((s, c) => s + (c === '± 0' ? 0 : (c.startsWith('▲') ? 1 : -1) * Number(c.slice(2))), 0);
  assert.equal(sum, 0);
  await page.selectOption('[data-testid="since-picker"]', '2020');
  await page.waitForFunction(() => location.search.includes('since=2020'));
  assert.match(await header(), /depuis 2020/);
  // A domain whose indicators have no common series offers no rank change.
  await page.goto(`${h.url}?view=ranking&domain=sante`);
  await page.locator('[data-testid="ranking-table"]').waitFor();
  assert.equal(await page.locator('[data-testid="since-picker"]').count(), 0);
  assert.doesNotMatch(await header(), /depuis/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the comparison draws the compared regions\' lines and France\'s, on the indicator chosen', async () => {
  const { page, errors, context } = await openView(h, '?view=compare&regions=75,76,11');
  const lines = page.locator('[data-testid="compare-lines"]');
  await lines.waitFor();
  assert.equal(await lines.getAttribute('data-series'), '75,76,11,FRM');
  await page.selectOption('[data-testid="compare-series-picker"]', 'aah');
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-lines"]')?.textContent.includes('rupture de série'));
  // 1995-2019: 25 years in the table, 3 regions and France.
  assert.equal(await page.locator('[data-testid="compare-trajectory-table"] tbody tr').count(), 25);
  assert.equal(await page.locator('[data-testid="compare-trajectory-table"] thead th').count(), 5);
  await h.screenshot(page, 'compare-lines');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the lines over the years export with a row per year, and the link and the deck keep them', async () => {
  // The comparison: the indicator followed is in the link, and reopens.
  const { page, errors, context } = await openView(h, '?view=compare');
  await page.selectOption('[data-testid="compare-series-picker"]', 'aah');
  await page.waitForFunction(() => location.search.includes('series=aah'));
  await page.reload();
  await page.locator('[data-testid="compare-lines"]').waitFor();
  assert.equal(await page.$eval('[data-testid="compare-series-picker"]', (s) => s.value), 'aah');
  // The export draws the lines when asked.
  await openExportMenu(page);
  await page.selectOption('[data-testid="export-chart"]', 'lines');
  await page.waitForFunction(() => location.search.includes('chart=lines'));
  const svg = await exportFile(page, 'svg');
  assert.equal(svg.name, 'fragilites-evolution-aah-comparaison-75-76-16x9.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /<text[^>]*>Allocataires de l'AAH \(1995–2019\)<\/text>/);
  assert.ok(text.includes('<polyline'), 'lines drawn');
  assert.ok(text.includes('rupture de série'), 'the 2016 break is shown');
  const rows = parseCsv((await exportFile(page, 'csv-intl')).bytes.toString('utf8'));
  assert.deepEqual(rows[0], ['Année', 'Nouvelle-Aquitaine', 'Occitanie', 'France', 'Unité', 'Source']);
  assert.equal(rows.length, 1 + 25, 'a row per year, 1995-2019');
  assert.deepEqual(rows.slice(1).map((r) => r[0]), Array.from({ length: 25 }, (_, j) => String(2019 - j)));
  // The deck keeps the view with its lines.
  await page.click('[data-export="deck-add"]');
  await page.locator('.export-status', { hasText: 'ajoutée' }).waitFor();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('fragilites.atelier.v1')).slides.at(-1).query);
  assert.match(saved, /series=aah/);
  assert.match(saved, /chart=lines/);
  // Back to the bars.
  await page.selectOption('[data-testid="export-chart"]', '');
  await page.waitForFunction(() => !location.search.includes('chart=lines'));
  assert.equal(await page.$eval('[data-testid="compare-series-picker"]', (s) => s.value), 'aah', 'the followed indicator stays');
  assert.deepEqual(errors, []);
  await context.close();

  // The region page: one indicator's line, as a PNG too.
  const region = await openView(h, '?view=region&region=76');
  await openExportMenu(region.page);
  await region.page.selectOption('[data-testid="export-chart"]', 'lines:chomage_localise');
  await region.page.waitForFunction(() => location.search.includes('series=chomage_localise'));
  const csv = parseCsv((await exportFile(region.page, 'csv-fr')).bytes.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' });
  assert.equal(csv.length, 1 + 42, '1982-2023');
  const png = await exportFile(region.page, 'png2');
  assert.equal(png.name, 'fragilites-evolution-chomage-localise-region-76-16x9@2x.png');
  fs.writeFileSync(`${SCREENSHOTS}/export-lines-region-76.png`, png.bytes);
  assert.ok(png.bytes.length > 20000, 'a real image');
  assert.deepEqual(region.errors, []);
  await region.context.close();
});
