import { setup, openView } from './e2e/harness.mjs';
const h = await setup();
for (const [q, name] of [['?view=region&region=76&year=2016', 'region-2016'], ['?year=2016&domain=securite', 'map-2016'], ['?view=ranking&year=2000&domain=vieillissement', 'ranking-2000']]) {
  const { page, errors } = await openView(h, q);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `target/screenshots/t-${name}.png` });
  console.log(name, errors, await page.locator('h2.view-title').first().textContent());
}
await h.close();
