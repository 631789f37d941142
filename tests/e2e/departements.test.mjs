// The département level (issue 16): a region's départements on its page, the 96 on the map, a
// département's page, the download only when asked for, keyboard and screen reader, FR and EN.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, axe, exportFile } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h.close(); });

const DEP = 'assets/data/departements-data.json';
const data = JSON.parse(fs.readFileSync(DEP, 'utf8'));
const naCodes = data.departements.filter((d) => d.region === '75').map((d) => d.code);

test('?view=region&region=75&level=dep shows the 12 départements of Nouvelle-Aquitaine, named, coloured, by keyboard', async () => {
  const { page, errors } = await h.open('?view=region&region=75&level=dep&domain=securite', { waitFor: '[data-testid="dep-map"] path.region[data-code]' });
  const codes = await page.locator('[data-testid="dep-map"] path.region').evaluateAll((ps) => ps.map((p) => p.dataset.code));
  assert.deepEqual([...codes].sort(), [...naCodes].sort());
  // Each a button named after its département; at least two colours on the map.
  const names = await page.locator('[data-testid="dep-map"] path.region').evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label')));
  assert.ok(names.includes('Gironde') && names.includes('Pyrénées-Atlantiques'), names.join(', '));
  const fills = new Set(await page.locator('[data-testid="dep-map"] path.region').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill'))));
  assert.ok(fills.size >= 2, [...fills].join(' '));
  // The map's labels say the names and the values.
  const labels = await page.locator('[data-testid="dep-map"] text').allTextContents();
  assert.ok(labels.includes('Gironde'), labels.join('|'));
  // Keyboard: focus a département, its value is read out; Enter opens its answer and link.
  await page.locator('[data-testid="dep-map"] path.region[data-code="33"]').focus();
  const line = await page.locator('[data-testid="dep-map"] .info-line').textContent();
  const k = data.departements.findIndex((d) => d.code === '33');
  const sec = data.domains.find((d) => d.id === 'securite');
  assert.ok(line.startsWith(`Gironde : indice ${Math.round(sec.index[k])} (`), line);
  assert.ok(line.includes(`sur\u00a012`) || line.includes('des\u00a012'), `ranked within the region: ${line}`);
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="dep-answer"] a').waitFor();
  assert.match(page.url(), /dep=33/);
  // The table lists them, most fragile first, then the region and France.
  await page.click('[data-testid="dep-table-toggle"] summary');
  // Its rows are made when it opens (the toggle event): wait for them.
  await page.locator('[data-testid="dep-table"] tbody tr').nth(13).waitFor();
  const rows = await page.locator('[data-testid="dep-table"] tbody tr').allTextContents();
  assert.equal(rows.length, 14);
  assert.deepEqual(await axe(page), []);
  await h.screenshot(page, 'dep-region-75');
  assert.deepEqual(errors, []);
});

test('the départements are downloaded only when asked for; the region page offers them', async () => {
  const { page, errors } = await h.open('?view=region&region=76', { waitFor: 'body > main section.view' });
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('departements')) asked.push(r.url()); });
  await page.waitForTimeout(300);
  assert.deepEqual(asked, [], 'nothing before the user asks');
  await page.click('[data-testid="show-deps"]');
  await page.locator('[data-testid="dep-map"] path.region[data-code]').first().waitFor();
  assert.equal(asked.length, 2, asked.join(' '));
  assert.ok(asked.every((u) => /\?v=[0-9a-f]{16}&?$/.test(u)), `fetched under their hash: ${asked.join(' ')}`);
  assert.equal(await page.locator('[data-testid="dep-map"] path.region[data-code]').count(), 13, "Occitanie's 13 départements");
  assert.match(page.url(), /level=dep/);
  assert.deepEqual(errors, []);
});

test('the map of the 96 départements, with the regions\' borders; a domain without enough indicators says why', async () => {
  // From the regions' map, one button of the map's switch (Carte | Grille | Départements).
  const { page, errors } = await h.open('?domain=pauvrete');
  await page.click('[data-testid="level-dep"]');
  await page.locator('[data-testid="dep-map"] path.region[data-code]').first().waitFor();
  assert.match(page.url(), /level=dep/);
  assert.equal(await page.locator('[data-testid="level-dep"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('[data-testid="dep-map"] path.region[data-code]').count(), 96);
  // Île-de-France's 8 enlarged in the inset (a click selects, the keyboard reaches the map's own),
  // the 13 regions' borders and the inset's.
  assert.equal(await page.locator('[data-testid="dep-map"] path.inset-shape').count(), 8);
  assert.equal(await page.locator('[data-testid="dep-map"] path.border').count(), 14);
  await page.click('[data-testid="dep-map"] path.inset-shape >> nth=0');
  await page.locator('[data-testid="dep-answer"]').waitFor();
  await page.locator('[data-testid="dep-map"] path.region[data-code="2A"]').focus();
  assert.match(await page.locator('[data-testid="dep-map"] .info-line').textContent(), /^Corse-du-Sud : indice \d/);
  // Développement économique has none of its 3 indicators at this level: grey, and said.
  await page.selectOption('select[data-testid="measure"]', 'd:developpement_economique');
  await page.waitForURL(/domain=developpement_economique/);
  await page.locator('[data-testid="dep-map"] path.region[data-code="33"]').focus();
  assert.match(await page.locator('[data-testid="dep-map"] .info-line').textContent(), /domaine non mesuré à l'échelle des départements : 0 de ses 3/);
  assert.deepEqual(await axe(page), []);
  await h.screenshot(page, 'dep-map-96');
  assert.deepEqual(errors, []);
});

for (const lang of ['fr', 'en']) test(`?view=dep&dep=33 opens Gironde against Nouvelle-Aquitaine and France (${lang})`, async () => {
  const { page, errors } = await h.open(`?view=dep&dep=33${lang === 'en' ? '&lang=en' : ''}`, { waitFor: '[data-testid="dep-indicators"] tbody tr' });
  assert.equal(await page.locator('h2#view-title').textContent(), 'Gironde');
  assert.match(await page.locator('.dep-of').textContent(), /33 · Nouvelle-Aquitaine/);
  const summary = await page.locator('[data-testid="dep-summary"]').textContent();
  assert.match(summary, lang === 'fr' ? /domaines sur \d+ mesurés à l'échelle des départements/ : /of \d+ domains measured for the départements/);
  // Its burglaries: the file's value first (the indicator's name heads the row), Nouvelle-Aquitaine's and France's beside it.
  const row = page.locator('[data-testid="dep-indicators"] tbody tr', { hasText: lang === 'fr' ? 'Cambriolages' : 'Burglar' });
  const cells = await row.locator('td').allTextContents();
  const k = data.departements.findIndex((d) => d.code === '33');
  const v = data.indicators.find((i) => i.id === 'cambriolages').values[k];
  assert.ok(cells[0].replace(/\s/g, '').startsWith(v.toFixed(1).replace('.', lang === 'fr' ? ',' : '.')), cells.join(' | '));
  const headers = await page.locator('[data-testid="dep-indicators"] thead th').allTextContents();
  assert.ok(headers.some((x) => x.includes('Nouvelle-Aquitaine')), headers.join('|'));
  // Its region's map with it chosen.
  await page.locator('[data-testid="dep-map"] path.region.selected[data-code="33"]').waitFor();
  assert.deepEqual(await axe(page), []);
  await h.screenshot(page, `dep-33-${lang}`);
  assert.deepEqual(errors, []);
});

test('a broken département link opens the map of the départements with a notice', async () => {
  const { page, errors } = await h.open('?view=dep&dep=99', { waitFor: 'body > main section.view' });
  assert.match(await page.locator('.notice').first().textContent(), /dep = « 99 »|département/);
  await page.locator('[data-testid="dep-map"] path.region').first().waitFor();
  assert.deepEqual(errors, []);
});

test('the départements export like the regions: the map\'s SVG draws the screen\'s départements, its CSV their table, the page its bars; + Atelier keeps it', async () => {
  const { page, errors } = await h.open('?level=dep&domain=securite&dep=33', { waitFor: '[data-testid="dep-map"] path.region[data-code]' });
  const screen = await page.locator('[data-testid="dep-map"] path.region[data-code]').evaluateAll((ps) => Object.fromEntries(ps.map((p) => [p.dataset.code, p.getAttribute('fill')])));
  const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
  const keyed = Object.fromEntries([...svg.matchAll(/<path d="[^"]*" fill="([^"]*)"[^>]*data-key="([^"/]+)"/g)].map((m) => [m[2], m[1]]));
  assert.deepEqual(keyed, screen, 'the same départements in the same colours');
  assert.ok(svg.includes('data-key="33/selected"'), 'Gironde outlined');
  assert.match(svg, /<text[^>]*>Sécurité/);
  assert.match(svg, /les 96 départements comparés à France métropolitaine/);
  const csv = (await exportFile(page, 'csv-fr')).bytes.toString('utf8').replace(/^\uFEFF/, '');
  const lines = csv.split(/\r?\n/).filter(Boolean);
  assert.equal(lines.length, 1 + 97, 'a header, 96 départements and France');
  assert.ok(lines.some((l) => l.startsWith('Gironde;')), lines.slice(0, 3).join(' / '));
  await page.goto(`${h.url}?view=dep&dep=33`);
  await page.locator('[data-testid="dep-indicators"] tbody tr').first().waitFor();
  const pageSvg = (await exportFile(page, 'svg')).bytes.toString('utf8');
  assert.match(pageSvg, /<text[^>]*>Gironde<\/text>/);
  assert.match(pageSvg, /comparés à Nouvelle-Aquitaine/);
  await page.click('[data-export="deck-add"]');
  await page.locator('.export-status', { hasText: 'ajoutée' }).waitFor();
  await page.goto(`${h.url}?view=atelier`);
  await page.locator('[data-testid="deck"] .slide').first().waitFor();
  assert.equal(await page.locator('[data-testid="deck"] .slide-name').first().inputValue(), 'Gironde');
  assert.deepEqual(errors, []);
});

test('the year control at the départements\' level: ?view=dep&dep=33&year=2016 and the map of 1990 read the series', async () => {
  const k = data.departements.findIndex((d) => d.code === '33');
  const seriesAt = (id, year) => {
    const s = data.indicators.find((i) => i.id === id).series;
    return s.values[s.years.indexOf(year)][k];
  };
  const { page, errors } = await h.open('?view=dep&dep=33&year=2016', { waitFor: '[data-testid="dep-indicators"] tbody tr' });
  assert.equal(await page.locator('[data-testid="year-picker"]').inputValue(), '2016');
  const burglaries = await page.locator('[data-testid="dep-indicators"] tbody tr', { hasText: 'Cambriolages' }).locator('td').first().textContent();
  assert.ok(burglaries.replace(/\s/g, '').startsWith(seriesAt('cambriolages', 2016).toFixed(1).replace('.', ',')), burglaries);
  const poverty = await page.locator('[data-testid="dep-indicators"] tbody tr', { hasText: 'Taux de pauvreté' }).locator('td').first().textContent();
  assert.match(poverty, /pas de valeur pour 2016/);
  // The map of the 96 in 1990 on the share of 65+: Gironde's value that year.
  await page.goto(`${h.url}?level=dep&indicator=part_65_plus&year=1990`);
  await page.locator('[data-testid="dep-map"] path.region[data-code="33"]').focus();
  const line = await page.locator('[data-testid="dep-map"] .info-line').textContent();
  assert.ok(line.includes(seriesAt('part_65_plus', 1990).toFixed(1).replace('.', ',')), `${line} vs ${seriesAt('part_65_plus', 1990)}`);
  assert.deepEqual(errors, []);
});
