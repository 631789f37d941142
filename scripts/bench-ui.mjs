// UI benchmark (prints figures; not a test), at CPU 1× and 4× (CDP Emulation.setCPUThrottlingRate;
// 4× is a mid-range phone), dist/ served with its brotli copies as a CDN sends them:
//  - the first visit: bytes (brotli, on the wire) before the map is visible, until the first
//    click is answered (by the static first view, the wasm held back until then) and until the
//    app answers one; time to the map visible, to the first answered click, to the app's map
//    and to its first answer;
//  - interactions, p50/p95 of N of each kind (regions' map, départements' map);
//  - a weight change (the robust ranks recomputed) and the PNG 4× export;
//  - Lighthouse mobile (its own simulated phone and network) on the first view.
// Usage: node scripts/bench-ui.mjs [N interactions of each kind, default 100] [--no-lighthouse]
// (after scripts/build.sh). Writes target/bench-ui.json.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { startServer } from './static-server.mjs';

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100);
const RATES = [1, 4];
// The wasm can be held back by the server (`holding`), as on a slow network, until released.
let holding = null;
const { server, url } = await startServer({ root: 'dist', precompressed: true, hold: (p) => (p.endsWith('_bg.wasm') ? holding : null) });
// --disable-frame-rate-limit: frames are produced as soon as work is done, so the figures show
// the app's own work (event handling, reactive updates, style, layout) rather than vsync waits.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-frame-rate-limit', '--disable-gpu-vsync'],
});

// Nearest-rank percentile: the smallest value with at least p % of the samples at or below it.
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]; };
const fmt = (x) => (x === undefined ? '     ?' : x.toFixed(1).padStart(6));
const col = (pairs, i) => pairs.map((p) => p[i]);

// The first frame in which a map is drawn (the static first view's, or the app's), recorded
// from the page's start: a requestAnimationFrame callback runs just before its frame paints.
const watchMap = () => {
  const tick = () => {
    if (document.querySelector('svg.map path')) window.__mapFrame = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__lcp = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  window.__cls = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  // The moment the app takes the static first view's place: what is asked for after it (the
  // export worker, when the page is idle) is not what the app needed to answer.
  new MutationObserver((_, o) => {
    if (document.querySelector('body > main') && !document.getElementById('first-view')) { window.__takenOver = performance.now(); o.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
};

// Interactions, each timed two ways from just before the event:
//  - work: until the app's reactive updates are done (a task after the event) and the browser has
//    recomputed style and layout (forced) — the main-thread cost of the interaction;
//  - frame: until the next animation frame has run (+ a task) — what the user waits for.
const measure = async (page, act) => page.evaluate(async (act) => {
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
}, act);

const results = {};
const VISITS = 5;
const median = (xs) => pct(xs, 50);
for (const rate of RATES) {
  // First visits: no cache, no service worker (its precaching runs after the first view), each
  // in a fresh context; VISITS of them, the medians printed (one visit moves by a third here).
  const visits = [];
  let context;
  let page;
  for (let v = 0; v < VISITS; v++) {
    if (context) await context.close();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true, serviceWorkers: 'block' });
    page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(watchMap);
    // What the page's workers download (the wasm is fetched and compiled in one) is not in the
    // page's resource timing: the browser's own record of each finished request gives it.
    const finished = [];
    page.on('requestfinished', (req) => finished.push(req));
    // The wasm is held until the static first view has answered the first click, so that the
    // bytes counted are those the answer needed, not whichever file a localhost race let finish.
    let release;
    holding = new Promise((r) => { release = r; });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__mapFrame !== undefined, null, { timeout: 60000 });
    // The first click, as soon as the static map answers (first-view.js, deferred): answered
    // when the region's panel shows.
    await page.waitForSelector('#first-view svg.map path.region[data-key="53"][role="button"]', { timeout: 60000 });
    await page.evaluate(() => document.querySelector('#first-view path.region[data-key="53"]').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await page.waitForSelector('#first-view [data-testid="region-code"]');
    const firstClick = await page.evaluate(() => performance.now());
    release();
    holding = null;
    await page.waitForSelector('body > main svg.map path.region[data-code]', { timeout: 60000 });
    // The layout shifts up to the app's map (the clicks after it are dispatched, not real input,
    // and a real click's shifts do not count).
    const [appMap, cls] = await page.evaluate(() => [performance.now(), window.__cls]);
    // The app's first answer: another region clicked on its map.
    await page.evaluate(() => document.querySelector('body > main path.region[data-code="76"]').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await page.waitForFunction(() => document.querySelector('body > main [data-testid="region-code"]')?.textContent === '76');
    const appClick = await page.evaluate(() => performance.now());
    const first = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((r) => ({ file: r.name.replace(location.origin, ''), bytes: r.encodedBodySize, start: r.startTime, end: r.responseEnd }));
      return {
        takenOver: window.__takenOver,
        files: [{ file: 'index.html', bytes: nav.encodedBodySize, start: 0, end: nav.responseEnd }, ...res],
        mapFrame: window.__mapFrame,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        lcp: window.__lcp,
        cls: window.__cls,
      };
    });
    const origin = await page.evaluate(() => [location.origin, performance.timeOrigin]);
    for (const req of finished) {
      const file = req.url().replace(origin[0], '');
      if (req.isNavigationRequest() || first.files.some((f) => f.file === file)) continue;
      const t = req.timing();
      const { responseBodySize } = await req.sizes();
      first.files.push({ file: `${file} (worker)`, bytes: responseBodySize, start: t.startTime - origin[1], end: t.startTime + t.responseEnd - origin[1] });
    }
    // The map is visible at the first paint after it is in the page: the first contentful paint
    // when the page brought it (the static first view), else the app's first frame with it.
    const mapVisible = Math.max(first.mapFrame, first.fcp ?? 0);
    // Bytes of the files done by `t` and asked for before the app took over (those asked for
    // after it, the export worker's, are counted apart: the app had all it needed without them).
    const needed = (f) => !(first.takenOver && f.start > first.takenOver);
    const before = (t) => first.files.filter((f) => f.end <= t && needed(f)).reduce((s, f) => s + f.bytes, 0);
    const after = first.files.filter((f) => f.end <= appClick && !needed(f)).reduce((s, f) => s + f.bytes, 0);
    visits.push({ files: first.files, bytesBeforeMap: before(mapVisible), bytesFirstClick: before(firstClick), bytesApp: before(appClick), bytesAfterTakeover: after, takenOver: first.takenOver, mapVisible, appMap, firstClick, appClick, fcp: first.fcp, lcp: first.lcp, cls });
  }
  const m = (k) => median(visits.map((x) => x[k]));
  const range = (k) => `${Math.min(...visits.map((x) => x[k])).toFixed(0)}–${Math.max(...visits.map((x) => x[k])).toFixed(0)}`;
  const r = {
    rate,
    visits,
    bytesBeforeMap: m('bytesBeforeMap'),
    bytesFirstClick: m('bytesFirstClick'),
    mapVisible: m('mapVisible'),
    appMap: m('appMap'),
    firstClick: m('firstClick'),
    bytesApp: m('bytesApp'),
    bytesAfterTakeover: m('bytesAfterTakeover'),
    appClick: m('appClick'),
    cls: Math.max(...visits.map((x) => x.cls)),
    samples: {},
  };
  const last = visits.at(-1);
  console.log(`\n== CPU ${rate}× ==`);
  console.log(`first visit (median of ${VISITS}): ${r.bytesBeforeMap} bytes before the map is visible (target ≤ 40 960), ${r.bytesFirstClick} bytes until the first click is answered by the static first view (target ≤ 133 120), ${r.bytesApp} until the app answers one (and ${r.bytesAfterTakeover} more, asked for after the app took over, done by then); the last visit's files:`);
  for (const f of last.files.filter((x) => x.end <= last.appClick)) console.log(`  ${f.file.slice(0, 60).padEnd(60)} ${String(f.bytes).padStart(8)} B  at ${f.end.toFixed(0).padStart(5)} ms${f.end <= last.mapVisible ? '  (before the map)' : f.end <= last.firstClick ? '  (before the first answer)' : last.takenOver && f.start > last.takenOver ? '  (asked for after the app took over)' : ''}`);
  console.log(`map visible ${r.mapVisible.toFixed(0)} ms after navigation (${range('mapVisible')}; target ≤ ${rate === 1 ? 300 : 600}); largest contentful paint ${m('lcp').toFixed(0)} ms; the app's map ${r.appMap.toFixed(0)} ms (${range('appMap')}); first click answered ${r.firstClick.toFixed(0)} ms (${range('firstClick')}; target ≤ 800 at 1×); the app answers a click ${r.appClick.toFixed(0)} ms (${range('appClick')}); layout shift, largest of ${VISITS}: ${r.cls.toFixed(3)} (target 0)`);

  // Interactions on the regions' map.
  const codes = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];
  const measures = await page.$$eval('[data-testid="measure"] option', (os) => os.map((o) => o.value));
  const samples = { 'select a region': [], 'change the measure': [], 'change the view': [] };
  for (let i = 0; i < N; i++) {
    samples['select a region'].push(await measure(page, `document.querySelector('path[data-code="${codes[i % 13]}"]').dispatchEvent(new MouseEvent('click', { bubbles: true }))`));
  }
  for (let i = 0; i < N; i++) {
    const v = measures[(i * 7) % measures.length];
    samples['change the measure'].push(await measure(page, `const s = document.querySelector('[data-testid="measure"]'); s.value = ${JSON.stringify(v)}; s.dispatchEvent(new Event('change', { bubbles: true }))`));
  }
  const tabs = ['Classement', 'Carte', 'Comparer', 'Carte', 'Acteurs', 'Carte'];
  for (let i = 0; i < N; i++) {
    const label = tabs[i % tabs.length];
    samples['change the view'].push(await measure(page, `[...document.querySelectorAll('nav.tabs a')].find((a) => a.textContent === ${JSON.stringify(label)}).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))`));
    if (label === 'Carte') await page.waitForSelector('body > main svg.map path.region[data-code]');
  }
  // The départements' map: its download, then selections and measure changes on the 96.
  await page.goto(`${url}?level=dep`);
  await page.waitForSelector('[data-testid="dep-map"] path.region[data-code]', { timeout: 60000 });
  const depCodes = await page.$$eval('[data-testid="dep-map"] path.region[data-code]', (ps) => ps.map((p) => p.dataset.code));
  samples['select a département'] = [];
  samples['change the measure (96)'] = [];
  for (let i = 0; i < N; i++) {
    samples['select a département'].push(await measure(page, `document.querySelector('[data-testid="dep-map"] path[data-code="${depCodes[(i * 11) % depCodes.length]}"]').dispatchEvent(new MouseEvent('click', { bubbles: true }))`));
  }
  for (let i = 0; i < N; i++) {
    const v = measures[(i * 7) % measures.length];
    samples['change the measure (96)'].push(await measure(page, `const s = document.querySelector('[data-testid="measure"]'); s.value = ${JSON.stringify(v)}; s.dispatchEvent(new Event('change', { bubbles: true }))`));
  }
  r.samples = samples;
  const target = rate === 1 ? 10 : 25;
  console.log(`interaction (ms)                  n   work p50  work p95  frame p50  frame p95   (target p95 ≤ ${target}; on the 96 départements ≤ 16 at 1×)`);
  const regionsAll = [];
  for (const [k, xs] of Object.entries(samples)) {
    if (!k.includes('départ') && !k.includes('96')) regionsAll.push(...xs);
    console.log(`  ${k.padEnd(28)} ${String(xs.length).padStart(4)}   ${fmt(pct(col(xs, 0), 50))}    ${fmt(pct(col(xs, 0), 95))}    ${fmt(pct(col(xs, 1), 50))}    ${fmt(pct(col(xs, 1), 95))}`);
  }
  console.log(`  ${'all (regions)'.padEnd(28)} ${String(regionsAll.length).padStart(4)}   ${fmt(pct(col(regionsAll, 0), 50))}    ${fmt(pct(col(regionsAll, 0), 95))}    ${fmt(pct(col(regionsAll, 1), 50))}    ${fmt(pct(col(regionsAll, 1), 95))}`);

  // A weight changed on the ranking: the dataset rebuilt, 10 000 draws of the robust ranks.
  await page.goto(`${url}?view=ranking&domain=ensemble`);
  await page.waitForSelector('[data-testid="ranking-table"]', { timeout: 60000 });
  r.weightMs = [];
  for (let i = 0; i < 20; i++) {
    const w = [0, 2, 3, 1][i % 4];
    r.weightMs.push((await measure(page, `const f = document.querySelector('[data-testid="weight-securite"]'); f.value = '${w}'; f.dispatchEvent(new Event('change', { bubbles: true }))`))[0]);
  }
  console.log(`change a domain's weight (10 000 draws of the robust ranks in the wasm), 20 runs: p50 ${fmt(pct(r.weightMs, 50))} ms, p95 ${fmt(pct(r.weightMs, 95))} ms`);
  // PNG export at 4× of the map view: from the click to the file; the app writes the time it
  // took into the status line's data-ms.
  await page.goto(`${url}?domain=emploi`);
  await page.waitForSelector('body > main svg.map path.region[data-code]', { timeout: 60000 });
  r.exportMs = [];
  for (let i = 0; i < 20; i++) {
    if (!(await page.$eval('details.export-menu', (d) => d.open))) await page.click('details.export-menu > summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="png4"]')]);
    await download.path();
    r.exportMs.push(Number(await page.getAttribute('.export-status', 'data-ms')));
  }
  console.log(`PNG 4× export of the map (6 400 × 3 600 px), 20 runs: p50 ${fmt(pct(r.exportMs, 50))} ms, p95 ${fmt(pct(r.exportMs, 95))} ms, slowest ${fmt(Math.max(...r.exportMs))} ms (target ≤ 300 in every run)`);
  results[rate] = r;
  await context.close();
}
await browser.close();

// Lighthouse mobile: its own emulated phone (4× CPU, slow 4G, simulated), on the first view;
// three runs (its score moves by several points between runs here), each printed, the median kept.
const lighthouse = async (k) => {
  const out = `target/lighthouse-${k}.json`;
  // Not spawnSync: this process serves the pages Lighthouse loads.
  const run = await new Promise((resolve) => {
    const p = spawn('node_modules/.bin/lighthouse', [url, '--output=json', `--output-path=${out}`, '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    let stderr = '';
    p.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => p.kill(), 180000);
    p.on('close', (status) => { clearTimeout(timer); resolve({ status, stderr }); });
    p.on('error', (error) => { clearTimeout(timer); resolve({ status: -1, stderr: String(error) }); });
  });
  if (run.status !== 0 || !fs.existsSync(out)) {
    console.log(`Lighthouse did not run: ${run.stderr.slice(0, 300)}`);
    return null;
  }
  const lh = JSON.parse(fs.readFileSync(out, 'utf8'));
  const score = (c) => Math.round((lh.categories[c]?.score ?? 0) * 100);
  const a = (id) => lh.audits[id]?.numericValue;
  const l = {
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
    tbt: a('total-blocking-time'), lcp: a('largest-contentful-paint'), fcp: a('first-contentful-paint'), cls: a('cumulative-layout-shift'), si: a('speed-index'),
  };
  console.log(`Lighthouse mobile, run ${k}: performance ${l.performance} (target ≥ 98), accessibility ${l.accessibility}, best practices ${l.bestPractices}, SEO ${l.seo}; TBT ${l.tbt.toFixed(0)} ms (target ≤ 150), LCP ${l.lcp.toFixed(0)} ms, FCP ${l.fcp.toFixed(0)} ms, CLS ${l.cls.toFixed(3)} (target 0), speed index ${l.si.toFixed(0)} ms`);
  return l;
};
if (!process.argv.includes('--no-lighthouse')) {
  console.log('');
  const runs = [];
  for (let k = 1; k <= 3; k++) { const l = await lighthouse(k); if (l) runs.push(l); }
  if (runs.length) {
    results.lighthouse = runs;
    const med = (key) => median(runs.map((l) => l[key]));
    console.log(`Lighthouse mobile, median of ${runs.length}: performance ${med('performance')}, TBT ${med('tbt').toFixed(0)} ms, LCP ${med('lcp').toFixed(0)} ms, CLS ${med('cls').toFixed(3)}`);
  }
}
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/bench-ui.json', JSON.stringify(results, null, 1));
server.close();
