// One drawing per graphic (issue #12): what the screen draws and what the SVG export writes come
// from the same function, so their marks agree: same keys, same colours, same labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openView, exportFile } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

/** key → fill of the export's keyed marks. */
function exportFills(svg) {
  return Object.fromEntries([...svg.matchAll(/<(?:rect|path)\b[^>]*?fill="([^"]+)"[^>]*?data-key="([^"]+)"/g)].map((m) => [m[2], m[1]]));
}

/** key → fill the canvas chart reports it painted. */
async function screenFills(page) {
  const s = await page.getByTestId('index-chart').getAttribute('data-fills');
  return Object.fromEntries(s.split(';').filter(Boolean).map((kv) => kv.split('=')));
}

for (const [name, query, table] of [
  ['region', '?view=region&region=75', 'region-table'],
  ['comparison', '?view=compare', 'compare-table'],
  ['ranking', '?view=ranking&indicator=chomage_localise', 'ranking-table'],
]) {
  test(`${name}: the screen's bars and the exported SVG's are the same bars`, async () => {
    const { page, errors, context } = await openView(h, query);
    await page.waitForFunction(() => document.querySelector('[data-testid="index-chart"]')?.dataset.fills);
    const screen = await screenFills(page);
    const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
    const exported = exportFills(svg);
    assert.ok(Object.keys(screen).length >= 13, JSON.stringify(screen));
    assert.deepEqual(exported, screen);
    // The labels of the table's rows are the chart's, in the export too.
    const rows = await page.getByTestId(table).locator('tbody th').allTextContents();
    for (const label of rows.filter((r) => r.length < 24 && !r.startsWith('France'))) {
      assert.ok(svg.includes(`>${label.replace(/&/g, '&amp;').replace(/'/g, "'")}</text>`), `label ${label} in the export`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('map: every region has the same fill on screen and in the exported SVG, geographic and grid', async () => {
  for (const query of ['?domain=emploi', '?indicator=taux_pauvrete&layout=grid']) {
    const { page, errors, context } = await openView(h, query, );
    const grid = query.includes('grid');
    if (grid) await page.locator('g.tile').first().waitFor();
    const screen = Object.fromEntries(await page.$$eval(grid ? 'g.tile' : 'svg.map path.region[data-code]', (els) =>
      els.map((e) => [e.getAttribute('data-code'), (e.tagName === 'g' ? e.querySelector('rect') : e).getAttribute('fill')])));
    const exported = exportFills((await exportFile(page, 'svg')).bytes.toString('utf8'));
    assert.equal(Object.keys(screen).length, 13);
    for (const [code, fill] of Object.entries(screen)) assert.equal(exported[code], fill, `${query} region ${code}`);
    if (!grid) {
      const inset = await page.locator('path.inset-shape').getAttribute('fill');
      assert.equal(exported['11/inset'], inset, 'the inset');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('acteurs: the screen shows the drawing the export writes, dot for dot', async () => {
  const { page, errors, context } = await openView(h, '?view=acteurs');
  const screen = await page.locator('.dotplot svg').innerHTML();
  const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
  const keys = (s) => [...s.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(keys(screen).length, 12);
  assert.deepEqual(keys(svg), keys(screen));
  // innerHTML writes the no-break space as an entity; the export writes the character.
  const titles = (s) => [...s.matchAll(/<title>([^<]+)<\/title>/g)].map((m) => m[1].replace(/&nbsp;/g, '\u00a0'));
  assert.deepEqual(titles(svg).slice(0, 12), titles(screen));
  assert.deepEqual(errors, []);
  await context.close();
});
