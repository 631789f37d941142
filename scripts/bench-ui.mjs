// UI benchmark (prints figures; not a test): the bytes of the first view as a CDN would send them
// (brotli), and the time from an interaction to the next frame, p50/p95 over many interactions.
// Usage: node scripts/bench-ui.mjs [iterations per kind, default 40]  (after scripts/build.sh)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { startServer } from './static-server.mjs';

const N = Number(process.argv[2] ?? 40);
const { server, url } = await startServer({ root: 'dist' });
// --disable-frame-rate-limit: frames are produced as soon as work is done, so the figures show
// the app's own work (event handling, reactive updates, style, layout) rather than vsync waits.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-frame-rate-limit', '--disable-gpu-vsync'],
});
// bypassCSP: the harness times actions given as strings (new Function), which the app's CSP forbids.
const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, bypassCSP: true });

// First view: every response's body, compressed as brotli (what a CDN with brotli sends).
const bodies = [];
page.on('response', async (r) => {
  try { bodies.push({ url: r.url().replace(url, ''), body: await r.body() }); } catch { /* redirects */ }
});
const t0 = Date.now();
await page.goto(url);
await page.waitForSelector('svg.map path.region[data-code]');
const loadMs = Date.now() - t0;
await page.waitForTimeout(200);
const first = bodies.map(({ url: u, body }) => ({ file: u || 'index.html', raw: body.length, brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length }));
const firstTotal = first.reduce((t, f) => ({ raw: t.raw + f.raw, brotli: t.brotli + f.brotli }), { raw: 0, brotli: 0 });
const paint = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, Math.round(p.startTime)])));

// Interactions, each timed two ways from just before the event:
//  - work: until the app's reactive updates are done (a task after the event) and the browser has
//    recomputed style and layout (forced) — the main-thread cost of the interaction;
//  - frame: until the next animation frame has run (+ a task) — what the user waits for, which
//    includes waiting for the frame clock (its idle baseline is measured and printed too).
const measure = async (kind, act) => page.evaluate(async ([kind, act]) => {
  const next = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }));
  const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  await next();
  const t = performance.now();
  // eslint-disable-next-line no-new-func
  new Function(act)();
  await task();
  void document.documentElement.getBoundingClientRect().height;
  const work = performance.now() - t;
  await next();
  return [work, performance.now() - t];
}, [kind, act]);
const idle = await page.evaluate(async () => {
  const next = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }));
  const xs = [];
  for (let i = 0; i < 30; i++) { await next(); const t = performance.now(); await next(); xs.push(performance.now() - t); }
  return xs.sort((a, b) => a - b)[15];
});

const codes = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];
const samples = { 'select a region': [], 'change the measure': [], 'change the view': [] };
const measures = await page.$$eval('[data-testid="measure"] option', (os) => os.map((o) => o.value));
for (let i = 0; i < N; i++) {
  samples['select a region'].push(await measure('region', `document.querySelector('path[data-code="${codes[i % 13]}"]').dispatchEvent(new MouseEvent('click', { bubbles: true }))`));
}
for (let i = 0; i < N; i++) {
  const v = measures[(i * 7) % measures.length];
  samples['change the measure'].push(await measure('measure', `const s = document.querySelector('[data-testid="measure"]'); s.value = ${JSON.stringify(v)}; s.dispatchEvent(new Event('change', { bubbles: true }))`));
}
const tabs = ['Classement', 'Carte', 'Comparer', 'Carte', 'Acteurs', 'Carte'];
for (let i = 0; i < N; i++) {
  const label = tabs[i % tabs.length];
  samples['change the view'].push(await measure('view', `[...document.querySelectorAll('nav.tabs a')].find((a) => a.textContent === ${JSON.stringify(label)}).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))`));
  if (label === 'Carte') await page.waitForSelector('svg.map path.region[data-code]');
}
// Nearest-rank percentile: the smallest value with at least p % of the samples at or below it
// (p95 of 20 runs is the 19th; the former formula took the maximum).
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]; };
const fmt = (x) => x.toFixed(1).padStart(6);
const col = (pairs, i) => pairs.map((p) => p[i]);
console.log(`first view: ${first.length} files, ${firstTotal.raw} bytes raw, ${firstTotal.brotli} bytes brotli (target ≤ 153600)`);
first.forEach((f) => console.log(`  ${f.file.padEnd(40)} ${String(f.raw).padStart(8)} raw ${String(f.brotli).padStart(8)} br`));
console.log(`load to first map: ${loadMs} ms; first-contentful-paint ${paint['first-contentful-paint'] ?? '?'} ms (localhost, no throttling)`);
console.log(`idle frame interval (baseline of "frame"): ${idle.toFixed(1)} ms`);
console.log('interaction (ms)                  n   work p50  work p95  frame p50  frame p95');
const all = [];
for (const [k, xs] of Object.entries(samples)) {
  all.push(...xs);
  console.log(`  ${k.padEnd(28)} ${String(xs.length).padStart(4)}   ${fmt(pct(col(xs, 0), 50))}    ${fmt(pct(col(xs, 0), 95))}    ${fmt(pct(col(xs, 1), 50))}    ${fmt(pct(col(xs, 1), 95))}`);
}
console.log(`  ${'all'.padEnd(28)} ${String(all.length).padStart(4)}   ${fmt(pct(col(all, 0), 50))}    ${fmt(pct(col(all, 0), 95))}    ${fmt(pct(col(all, 1), 50))}    ${fmt(pct(col(all, 1), 95))}   (target p95 ≤ 16)`);
// PNG export at 4× of the map view (issue #6): from the click to the file, 20 runs; the app
// writes the time it took into the status line's data-ms.
await page.goto(`${url}?domain=emploi`);
await page.waitForSelector('svg.map path.region[data-code]');
const exportMs = [];
for (let i = 0; i < 20; i++) {
  if (!(await page.$eval('details.export-menu', (d) => d.open))) await page.click('details.export-menu > summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="png4"]')]);
  await download.path();
  exportMs.push(Number(await page.getAttribute('.export-status', 'data-ms')));
}
console.log(`  each run (ms): ${exportMs.map((x) => x.toFixed(0)).join(' ')}`);
// A weight changed on the ranking (issue #15): the dataset rebuilt with the weights, the 10 000
// draws of the robust ranks run in the wasm, and the view redrawn. 20 runs.
await page.goto(`${url}?view=ranking&domain=ensemble`);
await page.waitForSelector('[data-testid="ranking-table"]');
const weightMs = [];
for (let i = 0; i < 20; i++) {
  const w = [0, 2, 3, 1][i % 4];
  weightMs.push((await measure('weight', `const f = document.querySelector('[data-testid="weight-securite"]'); f.value = '${w}'; f.dispatchEvent(new Event('change', { bubbles: true }))`))[0]);
}
console.log(`change a domain's weight (robust ranks recomputed: 10 000 draws, 13 regions × 15 domains, in the wasm), 20 runs: p50 ${fmt(pct(weightMs, 50))} ms, p95 ${fmt(pct(weightMs, 95))} ms`);
// The départements' map (issue #16): its download (the two files, brotli), then N selections
// of a département and N changes of the measure on the 96 shapes, timed like the regions'.
const depBodies = [];
const onDep = async (r) => {
  if (!r.url().includes('departements')) return;
  try { depBodies.push(zlib.brotliCompressSync(await r.body(), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length); } catch { /* redirects */ }
};
page.on('response', onDep);
const tDep = Date.now();
await page.goto(`${url}?level=dep`);
await page.waitForSelector('[data-testid="dep-map"] path.region[data-code]');
const depLoadMs = Date.now() - tDep;
page.off('response', onDep);
const depCodes = await page.$$eval('[data-testid="dep-map"] path.region[data-code]', (ps) => ps.map((p) => p.dataset.code));
const depSamples = { 'select a département': [], 'change the measure (96)': [] };
for (let i = 0; i < N; i++) {
  depSamples['select a département'].push(await measure('dep', `document.querySelector('[data-testid="dep-map"] path[data-code="${depCodes[(i * 11) % depCodes.length]}"]').dispatchEvent(new MouseEvent('click', { bubbles: true }))`));
}
for (let i = 0; i < N; i++) {
  const v = measures[(i * 7) % measures.length];
  depSamples['change the measure (96)'].push(await measure('dep-measure', `const s = document.querySelector('[data-testid="measure"]'); s.value = ${JSON.stringify(v)}; s.dispatchEvent(new Event('change', { bubbles: true }))`));
}
console.log(`départements' map: ${depBodies.length} files ${depBodies.reduce((a, b) => a + b, 0)} bytes brotli, drawn ${depLoadMs} ms after navigation`);
const depAll = [];
for (const [k, xs] of Object.entries(depSamples)) {
  depAll.push(...xs);
  console.log(`  ${k.padEnd(28)} ${String(xs.length).padStart(4)}   ${fmt(pct(col(xs, 0), 50))}    ${fmt(pct(col(xs, 0), 95))}    ${fmt(pct(col(xs, 1), 50))}    ${fmt(pct(col(xs, 1), 95))}`);
}
console.log(`  ${'all (départements)'.padEnd(28)} ${String(depAll.length).padStart(4)}   ${fmt(pct(col(depAll, 0), 50))}    ${fmt(pct(col(depAll, 0), 95))}    ${fmt(pct(col(depAll, 1), 50))}    ${fmt(pct(col(depAll, 1), 95))}   (target p95 ≤ 16)`);
console.log(`PNG 4× export of the map (6 400 × 3 600 px), 20 runs: p50 ${fmt(pct(exportMs, 50))} ms, p95 ${fmt(pct(exportMs, 95))} ms (target ≤ 300)`);
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/bench-ui.json', JSON.stringify({ first, firstTotal, loadMs, paint, idle, samples, exportMs, weightMs, depBodies, depLoadMs, depSamples }, null, 1));
await browser.close();
server.close();
