// A usable phone layout (#14 item 5): every view at 390 px has no sideways scroll of the page,
// charts drawn with their type at a readable size (not scaled down), a cue above each table
// that scrolls sideways, and a screenshot to look at (target/screenshots/phone-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openView } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const views = [['?domain=emploi&region=76', 'map'], ['?view=region&region=76', 'region'], ['?view=compare&regions=11,53,94,84', 'compare'],
  ['?view=ranking&domain=sante', 'ranking'], ['?view=acteurs', 'acteurs'], ['?view=method', 'method'], ['?view=atelier', 'atelier'],
  ['?view=accessibilite', 'accessibilite'], ['?view=region&region=75&lang=en', 'region-en'], ['?view=scatter&region=32', 'scatter'],
  ['?view=dep&dep=33', 'dep'], ['?view=region&region=76&level=dep', 'region-deps'], ['?level=dep&dep=2A', 'dep-map']];

for (const [q, name] of views) test(`phone 390 px: ${name}`, async () => {
  const { page, errors, context } = await openView(h, q, phone);
  if (q.includes('dep')) await page.locator('[data-testid="dep-map"] path.region[data-code]').first().waitFor();
  await page.waitForTimeout(200);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= 390, `the page scrolls sideways: ${pageWidth} px`);
  // Text drawn in the charts (lines, dots) is at least 9 px tall on screen; the map's names are
  // hidden on a phone and its values set large.
  const small = await page.$$eval('body > main svg:not(.map):not(.spark) text', (ts) => ts
    .map((t) => ({ t: t.textContent, hgt: t.getBoundingClientRect().height }))
    .filter((x) => x.t.trim() && x.hgt > 0 && x.hgt < 9).map((x) => `${x.t} (${x.hgt.toFixed(1)} px)`));
  assert.deepEqual(small.slice(0, 5), [], 'chart text too small to read');
  // No chart text runs off its drawing's box.
  const cut = await page.$$eval('body > main svg.lines, body > main .dotplot svg, main svg.scatter-plot, body > main .dep-map svg.map', (svgs) => svgs.flatMap((svg) => {
    const b = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && (r.left < b.left - 1 || r.right > b.right + 1);
    }).map((t) => t.textContent);
  }));
  assert.deepEqual(cut, [], 'chart text cut at the edge');
  // A table wider than the screen says it scrolls.
  const silent = await page.$$eval('body > main .table-wrap', (ws) => ws
    .filter((w) => w.getClientRects().length && w.scrollWidth > w.clientWidth + 2)
    .filter((w) => { const c = w.previousElementSibling; return !(c && c.classList.contains('scroll-cue') && c.getClientRects().length); })
    .map((w) => w.querySelector('caption')?.textContent.slice(0, 60)));
  assert.deepEqual(silent, [], 'a table scrolls sideways without a cue');
  await h.screenshot(page, `phone-${name}`);
  assert.deepEqual(errors, []);
  await context.close();
});
