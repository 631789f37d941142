// The workshop deck as a consultant uses it (#14 items 8–10, #18 items 3–4): presenting shows the
// framed slides (the export's drawing with the user's title, not the live page); the whole deck
// prints as one PDF, a slide a page; a shared link or a file never replaces the open deck without
// asking (new deck / replace / cancel), with an undo and several named decks; a link pasted into
// an open tab works without a reload; another tab's change shows without a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, openView, axe } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const KEY = 'fragilites.atelier.v1';
const mine = { slides: [
  { name: 'Ma carte santé', query: '?domain=sante' },
  { name: 'Occitanie vue par le conseil', query: '?view=region&region=76' },
  { name: 'Classement emploi', query: '?view=ranking&domain=emploi' },
] };
const shared = { slides: [{ name: 'Bretagne partagée', query: '?view=region&region=53' }] };
const hashOf = (d) => `#atelier=${encodeURIComponent(JSON.stringify(d))}`;

/** A page on the workshop view with `deck` stored. */
async function withDeck(deck, query = '?view=atelier', options) {
  const o = await openView(h, query, options);
  await o.page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(deck)]);
  await o.page.reload();
  await o.page.locator('body > main section.view').waitFor();
  return o;
}
const names = (page) => page.$$eval('[data-testid="deck"] .slide-name', (is) => is.map((i) => i.value));

for (const lang of ['fr', 'en']) test(`presenting shows the framed slides with the user's titles (${lang})`, async () => {
  const q = lang === 'en' ? '?view=atelier&lang=en' : '?view=atelier';
  const { page, errors, context } = await withDeck(mine, q, { viewport: { width: 1366, height: 768 } });
  await page.click('.deck-actions button.primary');
  const stage = page.locator('[data-testid="present-stage"]');
  await stage.locator('svg').waitFor();
  // The export's drawing, titled as the user renamed it, and nothing of the live page.
  assert.equal(await stage.locator('svg > text').first().textContent(), 'Ma carte santé');
  assert.ok(await stage.locator('svg path.region, svg path').count() > 13, 'the map is drawn');
  assert.ok(await page.locator('main').isHidden(), 'the live page (menus, buttons) is hidden');
  assert.ok(await page.locator('.tabs').isHidden());
  const box = await stage.locator('svg').boundingBox();
  assert.ok(box.width >= 1366 * 0.99 || box.height >= 768 * 0.99, `the slide fills the screen: ${box.width}×${box.height}`);
  const texts = await stage.locator('svg text').allTextContents();
  assert.ok(texts.some((t) => t.startsWith('Sources')), 'the slide has its source line');
  if (lang === 'en') assert.ok(texts.some((t) => /Exported on/.test(t)), 'the slide is in the dashboard\'s language');
  await h.screenshot(page, `present-1-${lang}`);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid="present-stage"] svg > text')?.textContent === 'Occitanie vue par le conseil');
  assert.match(await stage.getAttribute('aria-label'), /2 \/ 3/);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid="present-stage"] svg > text')?.textContent === 'Classement emploi');
  await h.screenshot(page, `present-3-${lang}`);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('[data-testid="present-stage"] svg > text')?.textContent === 'Occitanie vue par le conseil');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.body.classList.contains('presenting'));
  assert.ok(await page.locator('[data-testid="deck"]').isVisible(), 'back on the workshop');
  assert.match(page.url(), /view=atelier/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the whole deck prints as one PDF, one framed slide a page', async () => {
  const { page, errors, context } = await withDeck(mine);
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.click('[data-testid="deck-print"]');
  await page.waitForFunction(() => window.__printed === 1);
  assert.equal(await page.locator('.deck-print .print-slide svg').count(), 3);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('[data-testid="deck"]').isHidden(), 'the deck editor is not printed');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  fs.writeFileSync('target/screenshots/deck-print.pdf', pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 3, `${pages} pages for 3 slides`);
  const titles = await page.$$eval('.deck-print svg > text:first-of-type', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(titles, mine.slides.map((s) => s.name));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link never replaces the open deck without asking; undo; several named decks; pasted without reload', async () => {
  const { page, errors, context } = await withDeck(mine);
  // Opened with a link: the user is asked, and "Annuler" leaves the deck as it was.
  await page.goto(`${h.url}?view=atelier${hashOf(shared)}`);
  const offer = page.locator('[data-testid="deck-offer"]');
  await offer.waitFor();
  assert.match(await offer.textContent(), /1 vue arrive.*en a 3/);
  assert.deepEqual(await names(page), mine.slides.map((s) => s.name), 'nothing replaced while asking');
  await page.click('[data-testid="offer-cancel"]');
  await page.locator('.deck-message', { hasText: 'Atelier inchangé' }).waitFor();
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).slides.length, 3);
  // Pasted into this tab: no reload (the marker survives), the same question.
  await page.evaluate(() => { window.__same = true; });
  await page.evaluate((hash) => { location.hash = hash; }, hashOf(shared));
  await offer.waitFor();
  assert.ok(await page.evaluate(() => window.__same), 'no reload');
  assert.ok(!page.url().includes('#atelier='), 'the link is dropped from the address once read');
  await page.click('[data-testid="offer-new"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] .slide').length === 1);
  assert.deepEqual(await names(page), ['Bretagne partagée']);
  const choices = await page.$$eval('[data-testid="deck-choice"] option', (os) => os.map((o) => o.textContent));
  assert.equal(choices.length, 2);
  assert.match(choices[1], /^Atelier 1 \(3\)$/, 'the previous deck is kept, named');
  // Back to the first deck, named; then the shared one replaces it, and Undo brings it back.
  await page.selectOption('[data-testid="deck-choice"]', '1');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] .slide').length === 3);
  await page.fill('[data-testid="deck-name"]', 'Séminaire Occitanie');
  await page.press('[data-testid="deck-name"]', 'Tab');
  await page.evaluate((hash) => { location.hash = hash; }, hashOf(shared));
  await offer.waitFor();
  await page.click('[data-testid="offer-replace"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] .slide').length === 1);
  await page.click('[data-testid="deck-undo"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] .slide').length === 3);
  assert.equal(await page.inputValue('[data-testid="deck-name"]'), 'Séminaire Occitanie');
  // Deleting a deck opens the other one; Undo again; everything survives a reload.
  await page.click('[data-testid="deck-delete"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] .slide').length === 1);
  await page.click('[data-testid="deck-undo"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] .slide').length === 3);
  await page.reload();
  await page.locator('[data-testid="deck"] .slide').nth(2).waitFor();
  const after = await page.$$eval('[data-testid="deck-choice"] option', (os) => os.map((o) => o.textContent));
  assert.match(after[0], /^Séminaire Occitanie \(3\)$/);
  assert.equal(after.length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file import asks too, and a change made in another tab shows without a reload', async () => {
  const { page, errors, context } = await withDeck(mine);
  fs.mkdirSync('target/tmp', { recursive: true });
  fs.writeFileSync('target/tmp/shared-deck.json', JSON.stringify(shared));
  await page.setInputFiles('.deck-actions input[type=file]', 'target/tmp/shared-deck.json');
  await page.locator('[data-testid="deck-offer"]').waitFor();
  assert.equal((await names(page)).length, 3, 'nothing replaced while asking');
  await page.click('[data-testid="offer-cancel"]');
  // Another tab of the same browser adds a view: this tab's list follows.
  const other = await context.newPage();
  await other.goto(`${h.url}?view=ranking&domain=sante`);
  await other.locator('body > main section.view').waitFor();
  await other.click('[data-export="deck-add"]');
  await other.locator('.export-status', { hasText: '4 vues' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] .slide').length === 4);
  // …and a rename here keeps the view the other tab added.
  await page.fill('[data-testid="deck"] .slide >> nth=0 >> .slide-name', 'Renommée');
  await page.press('[data-testid="deck"] .slide >> nth=0 >> .slide-name', 'Tab');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).slides[0].name === 'Renommée', KEY);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.slides.length, 4);
  assert.deepEqual(errors, []);
  await context.close();
});

// #18 item 3: twenty tabs of one browser add a view at the same moment. Each tab's copy of
// localStorage learns the others' writes late, so one shared key lost views (8 of 20 kept when
// measured); each view is now saved under a key of its own and the workshop takes them all in.
test('twenty tabs adding a view at the same moment: the workshop keeps all twenty', async () => {
  const context = await h.browser.newContext();
  const views = ['?domain=emploi', '?domain=sante', '?view=ranking', '?view=compare', '?view=region&region=75',
    '?view=region&region=76', '?view=acteurs', '?view=ranking&domain=sante', '?domain=logement', '?domain=mobilite'];
  const pages = [];
  for (let i = 0; i < 20; i++) {
    const p = await context.newPage();
    await p.goto(h.url + views[i % 10] + (i >= 10 ? '&lang=en' : ''));
    await p.locator('body > main section.view').waitFor();
    pages.push(p);
  }
  await Promise.all(pages.map((p) => p.click('[data-export="deck-add"]')));
  await Promise.all(pages.map((p) => p.locator('.export-status', { hasText: /ajoutée|added/ }).waitFor()));
  const page = pages[0];
  await page.goto(`${h.url}?view=atelier`);
  await page.locator('[data-testid="deck"] .slide').first().waitFor();
  assert.equal(await page.locator('[data-testid="deck"] .slide').count(), 20);
  // A change in the workshop saves them in the open deck and removes the added views' keys.
  await page.fill('[data-testid="deck"] .slide >> nth=0 >> .slide-name', 'Première');
  await page.press('[data-testid="deck"] .slide >> nth=0 >> .slide-name', 'Tab');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).slides[0].name === 'Première', KEY);
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fragilites.atelier.ajout.')));
  assert.deepEqual(left, []);
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).slides.length, 20);
  await page.reload();
  await page.locator('[data-testid="deck"] .slide').first().waitFor();
  assert.equal(await page.locator('[data-testid="deck"] .slide').count(), 20);
  await context.close();
});

test('axe-core finds no violation on the workshop holding a deck (its names, arrows, actions)', async () => {
  const { page, errors, context } = await withDeck(mine);
  await page.locator('[data-testid="deck"] .slide').first().waitFor();
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
