// #15 item 5, two measures at once: the scatter view as a user reaches it by mouse, keyboard and
// finger, as a link reopens it, and as its export and table carry it. The expectations are read
// from the committed dataset (the pipeline's output), never from the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, openView, exportFile, axe } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const ds = JSON.parse(fs.readFileSync('assets/data/dataset.json', 'utf8'));
const ind = (id) => ds.indicators.find((i) => i.id === id);
const X = ind('chomage_localise');
const Y = ind('taux_pauvrete');
const Q = `?view=scatter&indicator=${X.id}&y=${Y.id}`;

/** Pearson's r of two arrays, computed here (not by the app). */
function pearson(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0; let sxx = 0; let syy = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; syy += (ys[i] - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}

/** Each dot's centre on screen, by region code. */
async function dots(page) {
  return page.$$eval('[data-testid="scatter-plot"] g.dot', (gs) => Object.fromEntries(gs.map((g) => {
    const r = g.querySelector('circle.mark').getBoundingClientRect();
    return [g.dataset.key, { x: r.left + r.width / 2, y: r.top + r.height / 2, pressed: g.getAttribute('aria-pressed') }];
  })));
}

test('a dot per region, placed by its two values, France\'s values dividing the quarters, the correlation said', async () => {
  const { page, errors, context } = await openView(h, Q, { viewport: { width: 1366, height: 900 } });
  await page.getByTestId('scatter-plot').waitFor();
  const at = await dots(page);
  const both = ds.regions.map((r, k) => [r.code, X.values[k], Y.values[k]]).filter(([, x, y]) => x != null && y != null);
  assert.equal(Object.keys(at).length, both.length);
  // Order along each axis follows the values: more unemployment to the right, more poverty up.
  for (const [a, ax, ay] of both) for (const [b, bx, by] of both) {
    if (ax > bx + 0.05) assert.ok(at[a].x > at[b].x, `${a} right of ${b}`);
    if (ay > by + 0.05) assert.ok(at[a].y < at[b].y, `${a} above ${b}`);
  }
  // The table's quarter column agrees with each region's values against France's.
  const rows = (await page.getByTestId('scatter-table').locator('tbody tr').allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
  for (const [code, x, y] of both) {
    const name = ds.regions.find((r) => r.code === code).name;
    const row = rows.find((t) => t.startsWith(name));
    assert.ok(row, name);
    const want = x > X.france && y > Y.france ? 'plus fragile sur les deux'
      : x <= X.france && y <= Y.france ? 'moins fragile sur les deux'
        : x > X.france ? `plus fragile sur « ${X.label_fr.toLowerCase()} » seulement`
          : `plus fragile sur « ${Y.label_fr.toLowerCase()} » seulement`;
    assert.ok(row.includes(want), `${name}: "${row}" lacks "${want}"`);
  }
  assert.ok(rows.some((t) => t.startsWith('France métropolitaine')), 'the reference has its row');
  const r = pearson(both.map((b) => b[1]), both.map((b) => b[2]));
  const said = await page.getByTestId('scatter-correlation').textContent();
  assert.ok(said.includes(`r = ${r.toFixed(2).replace('.', ',').replace('-', '−')}`) || said.includes(`r = ${r.toFixed(2).replace('.', ',')}`), `${said} (r = ${r.toFixed(3)})`);
  assert.ok(said.includes(`sur ${both.length} régions`), said);
  assert.match(said, /ne dit pas qu'une mesure cause l'autre/);
  await page.screenshot({ path: 'target/screenshots/scatter.png', fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click selects a region (its values read out, a link to its page), a second click clears it', async () => {
  const { page, errors, context } = await openView(h, Q, {});
  await page.locator('[data-testid="scatter-plot"] g.dot[data-key="76"]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('region') === '76');
  const reading = await page.getByTestId('scatter-reading').textContent();
  assert.match(reading, /^Occitanie : Taux de chômage localisé .* Taux de pauvreté /);
  assert.ok(reading.includes(`${String(X.values[ds.regions.findIndex((r) => r.code === '76')]).replace('.', ',')}`), reading);
  assert.equal((await dots(page))['76'].pressed, 'true');
  const link = page.getByTestId('scatter-reading').getByRole('link', { name: 'Voir la fiche de la région' });
  assert.equal(new URL(await link.getAttribute('href'), h.url).searchParams.get('view'), 'region');
  await page.locator('[data-testid="scatter-plot"] g.dot[data-key="76"]').click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('region'));
  assert.match(await page.getByTestId('scatter-reading').textContent(), /Choisissez un point/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('by keyboard: Tab reaches the dots, Enter selects, focus stays on the dot', async () => {
  const { page, errors, context } = await openView(h, Q, {});
  const first = page.locator('[data-testid="scatter-plot"] g.dot').first();
  const code = await first.getAttribute('data-key');
  const name = ds.regions.find((r) => r.code === code).name;
  await first.focus();
  // The accessible name says the region and its values.
  assert.ok((await first.getAttribute('aria-label')).startsWith(name));
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => new URLSearchParams(location.search).get('region') === c, code);
  await page.waitForFunction((c) => document.activeElement?.getAttribute('data-key') === c, code);
  assert.ok((await page.getByTestId('scatter-reading').textContent()).startsWith(name));
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
  assert.ok(next && next !== code, `Tab moves to the next dot (${next})`);
  await page.keyboard.press(' ');
  await page.waitForFunction((c) => new URLSearchParams(location.search).get('region') === c, next);
  assert.deepEqual(errors, []);
  await context.close();
});

test('by finger on a phone: a tap on a dot selects it; the drawing is the phone\'s width', async () => {
  const { page, errors, context } = await openView(h, Q, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const box = await page.getByTestId('scatter-plot').boundingBox();
  assert.ok(box.width <= 390 && box.width > 300, `${box.width}`);
  const vb = await page.getByTestId('scatter-plot').getAttribute('viewBox');
  assert.ok(Number(vb.split(' ')[2]) < 500, `drawn at the phone's width: ${vb}`);
  const dot = page.locator('[data-testid="scatter-plot"] g.dot[data-key="32"] circle.mark');
  await dot.scrollIntoViewIfNeeded();
  const d = await dot.boundingBox();
  await page.touchscreen.tap(d.x + d.width / 2, d.y + d.height / 2);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('region') === '32');
  assert.match(await page.getByTestId('scatter-reading').textContent(), /^Hauts-de-France/);
  await page.screenshot({ path: 'target/screenshots/scatter-phone.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the link holds both measures and the year; the pickers write it; a bad y= opens a sensible view with a notice', async () => {
  const { page, errors, context } = await openView(h, `${Q}&region=53`, {});
  assert.equal(await page.getByTestId('measure').inputValue(), `i:${X.id}`);
  assert.equal(await page.getByTestId('measure-y').inputValue(), `i:${Y.id}`);
  await page.getByTestId('measure-y').selectOption('d:sante');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('y') === 'sante');
  assert.match(await page.locator('#view-title').textContent(), /Taux de chômage localisé × Santé/);
  await page.reload();
  await page.getByTestId('scatter-plot').waitFor();
  assert.equal(await page.getByTestId('measure-y').inputValue(), 'd:sante');
  assert.equal((await dots(page))['53'].pressed, 'true');
  await context.close();
  const bad = await openView(h, '?view=scatter&y=nope', {});
  await bad.page.getByTestId('scatter-plot').waitFor();
  assert.match(await bad.page.locator('.notice, [role="status"]').allTextContents().then((t) => t.join(' ')), /y/);
  assert.notEqual(await bad.page.getByTestId('measure-y').inputValue(), await bad.page.getByTestId('measure').inputValue(), 'two different measures by default');
  assert.deepEqual(errors, []);
  assert.deepEqual(bad.errors, []);
  await bad.context.close();
});

test('the export names both measures with their years, keeps every dot, and the CSV has both measures per region', async () => {
  const { page, errors, context } = await openView(h, `${Q}&region=76`, {});
  const svg = (await exportFile(page, 'svg'));
  assert.match(svg.name, /croiser-chomage-localise-taux-pauvrete/);
  const text = svg.bytes.toString('utf8');
  assert.ok(text.includes(`${X.label_fr} (${X.year}) × ${Y.label_fr} (${Y.year})`), text.slice(0, 600));
  assert.equal((text.match(/<circle/g) || []).length, ds.regions.filter((_, k) => X.values[k] != null && Y.values[k] != null).length);
  assert.match(text, /corrélation de Pearson/);
  const csv = (await exportFile(page, 'csv-intl')).bytes.toString('utf8');
  const lines = csv.split(/\r?\n/).filter(Boolean);
  for (const r of ds.regions) {
    for (const m of [X, Y]) assert.ok(lines.some((l) => l.includes(r.name) && l.includes(m.id)), `${r.name} × ${m.id} in the CSV`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the year control applies where both measures have series: the dots move to that year\'s values', async () => {
  const A = ind('chomage_localise'); const B = ind('cambriolages');
  const year = 2016;
  const { page, errors, context } = await openView(h, `?view=scatter&indicator=${A.id}&y=${B.id}&year=${year}`, {});
  assert.equal(await page.$eval('[data-testid="year-picker"]', (s) => s.value), String(year));
  const at = await dots(page);
  const of = (m) => { const t = m.trajectory; const j = t.years.indexOf(year); return ds.regions.map((_, k) => t.values[k][j]); };
  const [xs, ys] = [of(A), of(B)];
  const codes = ds.regions.map((r) => r.code);
  for (let a = 0; a < 13; a++) for (let b = 0; b < 13; b++) {
    if (xs[a] > xs[b] + 0.05) assert.ok(at[codes[a]].x > at[codes[b]].x, `${codes[a]} right of ${codes[b]} in ${year}`);
    if (ys[a] > ys[b] + 0.05) assert.ok(at[codes[a]].y < at[codes[b]].y, `${codes[a]} above ${codes[b]} in ${year}`);
  }
  const r = pearson(xs, ys);
  const said = (await page.getByTestId('scatter-correlation').textContent()).replace('−', '-');
  assert.ok(said.includes(`r = ${r.toFixed(2).replace('.', ',')}`), `${said} (r in ${year} = ${r.toFixed(3)})`);
  assert.deepEqual(errors, []);
  await context.close();
});
