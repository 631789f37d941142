// The tasks users come for (#14): a map that answers at a glance (names and values on it, a
// tooltip at the cursor and at keyboard focus, the answer and the legend on a laptop's first
// screen), ranks that say which end is the most fragile, finding one's region by typing, the
// comparison that starts from the current region, the tab's title, and the phone layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openView, exportFile, axe } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const laptop = { viewport: { width: 1366, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Whether the element's box is wholly inside the window. */
const inWindow = (page, selector) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.height > 0;
});

for (const lang of ['fr', 'en']) {
  test(`the map answers at a glance on a laptop (${lang}): names, values, the answer and the legend in the first screen`, async () => {
    const { page, errors, context } = await openView(h, `?region=76${lang === 'en' ? '&lang=en' : ''}`, laptop);
    const texts = await page.$$eval('svg.map text', (ts) => ts.map((t) => t.textContent));
    for (const name of ['Occitanie', 'Bretagne', 'Grand Est', 'Corse']) assert.ok(texts.includes(name), `${name} on the map`);
    // Each region's value is written under its name: 13 values.
    assert.equal(await page.locator('svg.map text.label-value').count(), 13);
    assert.ok(await inWindow(page, 'svg.map'), 'the whole map is visible without scrolling');
    assert.ok(await inWindow(page, '.legend-box'), 'the legend is visible');
    assert.ok(await inWindow(page, '#panel-title'), 'the answer is visible');
    // The rank says which end is the most fragile.
    const figures = await page.locator('.panel .figures').textContent();
    assert.match(figures, lang === 'fr' ? /plus fragile (sur|des)\u00a013/ : /most fragile of 13/);
    // The INSEE code is a small footnote now.
    const size = await page.$eval('.panel .code', (el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size < 14, `code at ${size}px`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a tooltip follows the cursor and stands at a region focused by the keyboard', async () => {
  const { page, errors, context } = await openView(h, '', laptop);
  const box = await page.locator('path.region[data-code="53"]').boundingBox();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  const tip = page.getByTestId('map-tip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /^Bretagne : indice \d+/);
  const t = await tip.boundingBox();
  // Just above the cursor.
  assert.ok(Math.abs(t.y + t.height - (box.y + box.height * 0.5)) < 30, `tooltip at ${t.y + t.height}`);
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'detached' });
  // Keyboard: focus Occitanie; the tooltip stands on it.
  await page.locator('path.region[data-code="76"]').focus();
  await tip.waitFor();
  assert.match(await tip.textContent(), /^Occitanie/);
  const occ = await page.locator('path.region[data-code="76"]').boundingBox();
  const t2 = await tip.boundingBox();
  assert.ok(t2.x + t2.width > occ.x && t2.x < occ.x + occ.width, 'over Occitanie');
  await h.screenshot(page, 'map-tooltip');
  assert.deepEqual(errors, []);
  await context.close();
});

test('finding one\'s region by typing: four keys to Occitanie, on the map and in the comparison', async () => {
  const { page, errors, context } = await openView(h, '', laptop);
  const input = page.locator('#map-search-input');
  assert.equal(await input.getAttribute('role'), 'combobox');
  await input.focus();
  await page.keyboard.type('occ');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const options = page.locator('#map-search-list [role="option"]');
  assert.deepEqual(await options.allTextContents(), ['Occitanie']);
  assert.equal(await input.getAttribute('aria-activedescendant'), 'map-search-list-76');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search === '?region=76');
  assert.equal(await page.locator('#panel-title').textContent(), 'Occitanie');
  // Accents and hyphens do not matter; arrows move in the list.
  await input.focus();
  await page.keyboard.type('ile de');
  assert.deepEqual(await options.allTextContents(), ['Île-de-France']);
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  await input.fill('');
  await page.keyboard.type('alpes');
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), 'map-search-list-93');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search === '?region=93');
  // The comparison: a region found joins it.
  await page.goto(`${h.url}?view=compare`);
  await page.locator('#compare-search-input').fill('bret');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('regions=75,76,53'));
  const violations = await axe(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Comparer" starts from the current region, and the tab\'s title follows the view', async () => {
  const { page, errors, context } = await openView(h, '?region=53', laptop);
  assert.match(await page.title(), /^Bretagne — Carte · Fragilités régionales$/);
  await page.locator('nav.tabs a', { hasText: 'Comparer' }).click();
  await page.waitForFunction(() => location.search.includes('view=compare'));
  assert.match(await page.evaluate(() => location.search), /regions=53,75/);
  assert.equal(await page.title(), 'Bretagne, Nouvelle-Aquitaine — Comparer · Fragilités régionales');
  await page.locator('nav.tabs a', { hasText: 'Région' }).click();
  await page.waitForFunction(() => document.title.startsWith('Bretagne — Région'));
  await page.goto(`${h.url}?view=ranking&domain=sante&lang=en&year=2016`);
  await page.locator('body > main section.view').waitFor();
  assert.equal(await page.title(), 'Health / access to care (2016) — Ranking · Regional fragility');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone: one line of export controls, the answer brought into view after a tap', async () => {
  const { page, errors, context } = await openView(h, '', phone);
  const bar = await page.locator('section.export').boundingBox();
  assert.ok(bar.height < 60, `export bar ${bar.height}px high`);
  // Names would be unreadable at this size: the values alone, at a readable size.
  assert.equal(await page.locator('svg.map text.label-name').first().isVisible(), false);
  const px = await page.$eval('svg.map text.label-value', (t) => t.getBoundingClientRect().height);
  assert.ok(px >= 9, `values ${px}px high`);
  await page.locator('path.region[data-code="76"]').tap();
  await page.waitForFunction(() => location.search === '?region=76');
  await page.waitForFunction(() => {
    const r = document.querySelector('#panel-title').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  await h.screenshot(page, 'phone-map-selected');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the map slide names the regions, gives their values and outlines the chosen one', async () => {
  const { page, errors, context } = await openView(h, '?region=76', laptop);
  const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
  for (const name of ['Occitanie', 'Bretagne', 'Grand Est']) assert.ok(svg.includes(`>${name}</text>`), name);
  // The outline: Occitanie's shape drawn again, unfilled and thick.
  assert.match(svg, /<path d="[^"]+" fill="none" stroke="#1a1a1a" stroke-width="3"/);
  assert.deepEqual(errors, []);
  await context.close();
});

// #14 item 15: French public bodies must publish an accessibility statement (RGAA 4.1).
for (const lang of ['fr', 'en']) test(`the accessibility statement (${lang}): linked from every view, status, checks, known gaps, the host's contact`, async () => {
  const q = lang === 'en' ? '&lang=en' : '';
  for (const view of ['?view=region&region=76', '?view=atelier', '?view=method']) {
    const { page, context } = await openView(h, view + q);
    assert.equal(await page.locator('footer.foot a[href*="view=accessibilite"]').count(), 1, `${view}: the footer links the statement`);
    await context.close();
  }
  const { page, errors, context } = await openView(h, `?domain=emploi${q}`, laptop);
  await page.click('footer.foot a[href*="view=accessibilite"]');
  await page.locator('.a11y-view').waitFor();
  const status = await page.locator('[data-testid="a11y-status"]').textContent();
  assert.match(status, lang === 'fr' ? /Non conforme au RGAA 4\.1/ : /Not compliant with RGAA 4\.1/);
  assert.match(await page.locator('[data-testid="a11y-contact"]').textContent(), lang === 'fr' ? /à compléter par l'hébergeur/ : /to be filled in by the host/);
  const headings = await page.$$eval('.a11y-view h3', (hs) => hs.map((x) => x.textContent));
  assert.ok(headings.length >= 6, headings.join(' | '));
  assert.ok(await page.locator('.a11y-view li').count() >= 8, 'the checks and the known gaps are listed');
  assert.equal(await page.locator('.export').isVisible(), false, 'nothing to export on the statement');
  assert.deepEqual(await axe(page), []);
  assert.match(await page.title(), lang === 'fr' ? /^Accessibilité/ : /^Accessibility/);
  assert.deepEqual(errors, []);
  await context.close();
});

// #14 item 13: the card named the mirror repository as the "origin"; the producer's
// publication and its file come first, the copied repository second, as provenance.
test('an indicator card names the producer and its file first, the repository it was copied from as provenance', async () => {
  const { page, errors, context } = await openView(h, '?view=method');
  const card = page.locator('details.method-ind').first();
  await card.locator('summary').click();
  const terms = await card.locator('dt').allTextContents();
  const source = terms.findIndex((t) => t.startsWith('Source (producteur'));
  const provenance = terms.findIndex((t) => t.startsWith('Provenance'));
  assert.ok(source >= 0 && provenance > source, terms.join(' | '));
  const dds = await card.locator('dd').allTextContents();
  assert.match(dds[source], /^INSEE.*\.xlsx/, 'the producer, then its file');
  assert.doesNotMatch(dds[source], /github/i, 'no repository in the source');
  assert.match(dds[provenance], /dépôt GitHub [\w-]+\/[\w-]+ @ [0-9a-f]{7}$/);
  assert.deepEqual(errors, []);
  await context.close();
});
