// Hostile or broken URLs in the browser (issue #7): 1 200 random and adversarial query strings
// (unknown codes, huge values, repeated keys, bad encodings, script and markup fragments), each
// opened as the app opens a link (the address bar changes, then the app reads it), must give a
// sensible view, inject no markup, run no injected script and log no error. A sample is also
// opened as fresh page loads. The generator is seeded: a failure names its query and replays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const PIECES = [
  'view', 'region', 'regions', 'domain', 'indicator', 'layout', 'lang', 'utm_source', '', '=', '&', '?', '#',
  '%', '%2', '%ZZ', '%E0%A4%A', '%00', '%C3%A9', '+', ',', ';', '..%2F..%2F', '\u202e',
  '<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', '<b id=pwn>x</b>',
  '%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E', 'javascript:window.__pwned=1', '{{7*7}}', '${7*7}',
  '75', '76', '11', '94', '99', '2A', '-1', '0', '1e308', 'NaN', 'Infinity', '9'.repeat(400),
  'map', 'region', 'compare', 'ranking', 'acteurs', 'method', 'atelier', 'en', 'fr', 'de', 'grid', 'geo',
  'emploi', 'sante', 'chomage_localise', 'taux_pauvrete', '__proto__', 'constructor', 'x'.repeat(3000),
];

function rng(seed) {
  let s = BigInt(seed);
  return () => {
    s ^= (s << 13n) & 0xffffffffffffffffn; s ^= s >> 7n; s ^= (s << 17n) & 0xffffffffffffffffn;
    return Number(s % 1000003n);
  };
}

function queries(n, seed) {
  const next = rng(seed);
  const pick = () => PIECES[next() % PIECES.length];
  const out = [];
  for (let i = 0; i < n; i++) {
    const parts = [];
    const k = 1 + (next() % 6);
    for (let j = 0; j < k; j++) {
      const r = next() % 4;
      if (r === 0) parts.push(`${pick()}=${pick()}`);
      else if (r === 1) parts.push(`${pick()}=${pick()},${pick()},${pick()}`);
      else if (r === 2) parts.push(`${pick()}${pick()}`);
      else parts.push(`${pick()}=${encodeURIComponent(pick())}`);
    }
    out.push(`?${parts.join(next() % 5 === 0 ? '&&' : '&')}`);
  }
  return out;
}

/** What must hold on any view: returns the list of problems (empty if sensible and clean). */
async function check(page) {
  return page.evaluate(() => {
    const bad = [];
    if (window.__pwned) bad.push('an injected script ran');
    if (document.getElementById('pwn')) bad.push('injected markup rendered');
    for (const el of document.querySelectorAll('body *')) {
      if (['IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) bad.push(`unexpected <${el.tagName.toLowerCase()}>`);
      for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`inline handler ${a.name}`);
      if (el.tagName === 'A' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) bad.push('javascript: link');
    }
    if (document.querySelector('[role="alert"]:not(.notice)')) bad.push('error message shown');
    const title = document.querySelector('#view-title');
    if (!document.querySelector('body > main section.view') || !title || !title.textContent.trim()) bad.push('no view');
    return bad;
  });
}

test('1 200 hostile query strings, each read by the running app: a sensible view, nothing injected, no error', async () => {
  const { page, errors, context } = await h.open('');
  const list = queries(1200, 20261123);
  assert.equal(new Set(list).size > 1100, true, 'varied inputs');
  let withNotice = 0;
  for (const q of list) {
    await page.evaluate((q) => {
      history.pushState(null, '', location.pathname + q);
      dispatchEvent(new PopStateEvent('popstate'));
    }, q);
    await page.locator('body > main section.view #view-title').first().waitFor({ timeout: 5000 }).catch(async (e) => {
      throw new Error(`${q}: ${e.message.split('\n')[0]}; main = ${(await page.locator('main').innerHTML()).slice(0, 300)}`);
    });
    const bad = await check(page);
    assert.deepEqual(bad, [], q);
    assert.deepEqual(errors, [], q);
    if (await page.locator('.notice').count()) withNotice += 1;
  }
  assert.ok(withNotice > 100, `broken links are told so (${withNotice} notices)`);
  await context.close();
});

test('40 of them opened as fresh page loads', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  for (const q of queries(40, 7)) {
    await page.goto(h.url + q);
    await page.locator('body > main section.view #view-title').first().waitFor({ timeout: 10000 });
    assert.deepEqual(await check(page), [], q);
    assert.deepEqual(errors, [], q);
  }
  await context.close();
});
