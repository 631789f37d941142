// Locked down and private by construction: the strict CSP holds on every view (no violation),
// the page asks nothing of any other origin, and stores no cookie.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

test('dist/index.html carries a CSP without unsafe-inline or unsafe-eval', () => {
  const html = fs.readFileSync('dist/index.html', 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, 'CSP meta tag');
  assert.doesNotMatch(meta[1], /'unsafe-inline'|'unsafe-eval'/);
  assert.match(meta[1], /script-src 'self' 'wasm-unsafe-eval';/);
  // The one script element without src is the geometry as JSON data (never run).
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/, 'no inline script');
  assert.equal([...html.matchAll(/<script type="application\/json"/g)].length, 1, 'one JSON data block');
  assert.doesNotMatch(html, /\sstyle="|<style[\s>]/, 'no inline style');
  assert.equal(fs.readFileSync('dist/csp.txt', 'utf8').trim(), `${meta[1]}; frame-ancestors 'self'`, 'the header policy is the meta policy');
  assert.match(html, /integrity="sha384-/, 'Subresource Integrity on the script and wasm');
});

test('every view runs under the CSP with zero violations, no third-party request, no cookie', async () => {
  const context = await h.browser.newContext();
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  // On the context, so that the service worker's own downloads are recorded too.
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  for (const q of ['', '?view=region&region=75', '?view=compare', '?view=ranking', '?view=acteurs', '?view=method', '?layout=grid&lang=en']) {
    await page.goto(h.url + q);
    await page.locator('body > main section.view').waitFor();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    assert.deepEqual(await page.evaluate(() => window.__csp), [], q);
  }
  const origin = new URL(h.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(await context.cookies(), []);
  // Nothing stored but the user's own saved views (and the worker's copy of the app's own files).
  const stored = await page.evaluate(async () => ({
    local: Object.keys(localStorage).filter((k) => k !== 'fragilites.atelier.v1'),
    session: Object.keys(sessionStorage),
    caches: (await caches.keys()).filter((k) => !k.startsWith('fragilites-')),
  }));
  assert.deepEqual(stored, { local: [], session: [], caches: [] });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same dist/ works under a sub-path (relative URLs, state in the query string)', async () => {
  const sub = await setup({ base: '/observatoire/fragilites/' });
  try {
    const { page, errors, context } = await sub.open('?view=region&region=94', { waitFor: 'body > main section.view' });
    assert.match(sub.url, /\/observatoire\/fragilites\/$/);
    await page.locator('#view-title', { hasText: 'Corse' }).waitFor();
    await page.locator('nav.tabs a', { hasText: 'Carte' }).click();
    await page.locator('svg.map path.region[data-code]').first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/observatoire/fragilites/');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await sub.close();
  }
});
