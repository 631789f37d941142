import { setup } from './e2e/harness.mjs';
const h = await setup();
const shots = [
  ['?view=region&region=75', 'tmp-region-na', '[data-testid="index-chart"]'],
  ['?view=compare', 'tmp-compare', '[data-testid="index-chart"]'],
  ['?view=ranking&indicator=chomage_localise', 'tmp-ranking', '[data-testid="index-chart"]'],
  ['?view=acteurs', 'tmp-acteurs', '[data-testid="coverage"]'],
];
for (const [q, name, sel] of shots) {
  const { page, errors } = await h.open(q, { waitFor: sel });
  await page.waitForTimeout(300);
  await page.locator('main, body').first().screenshot({ path: `target/screenshots/${name}.png` });
  console.log(name, errors, await page.locator('[data-testid="index-chart"]').first().getAttribute('data-fills').catch(() => ''));
}
const { page } = await h.open('?view=region&region=75', { viewport: { width: 390, height: 844 }, waitFor: '[data-testid="index-chart"]' });
await page.waitForTimeout(300);
await page.screenshot({ path: 'target/screenshots/tmp-region-phone.png', fullPage: false });
await h.close();
