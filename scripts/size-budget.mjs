// The size budget (as owid-grapher's bundle budget): the build fails when one of two figures
// grows more than the tolerance over the committed budget (size-budget.json), in brotli bytes:
//  - before_map_brotli: what the browser needs before it can paint the map — the page (which
//    holds the static first view) and what its <head> blocks rendering on (stylesheets, classic
//    scripts), read from dist/index.html;
//  - first_click_brotli: what answers a first click on the map (a region picked, its panel
//    shown) before the app has started — the above and the page's deferred classic scripts
//    (first-view.js);
//  - first_view_brotli: the app's whole first view, until the app itself answers a click — the
//    page, its loader, the wasm and its glue, the stylesheet and the dataset (the geometry comes
//    inside the page).
// `node scripts/size-budget.mjs --update` writes today's figures as the new budget (a decision,
// to be committed with its reason).
import fs from 'node:fs';

const FIRST_VIEW = [
  /^index\.html$/, /^start-[0-9a-f]+\.js$/, /^boot-[0-9a-f]+\.js$/, /^app-[0-9a-f]+\.js$/,
  /^app-[0-9a-f]+_bg\.wasm$/, /^style-[0-9a-f]+\.css$/, /^snippets\//, /^data\/dataset\.json$/, /^wasm-worker\.js$/,
];
const report = JSON.parse(fs.readFileSync('target/size-report.json', 'utf8'));
const html = fs.readFileSync('dist/index.html', 'utf8');
// Render-blocking: <link rel="stylesheet"> and <script src> that is neither a module, deferred
// nor async.
const blocking = [
  ...[...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => m[0]),
  ...[...html.matchAll(/<script\b[^>]*\bsrc="[^"]*"[^>]*>/g)].map((m) => m[0]).filter((t) => !/type="module"|\bdefer\b|\basync\b/.test(t)),
].map((t) => t.match(/(?:href|src)="\.?\/?([^"]+)"/)[1]);
const deferred = [...html.matchAll(/<script\b[^>]*\bsrc="[^"]*"[^>]*>/g)].map((m) => m[0])
  .filter((t) => /\bdefer\b/.test(t) && !/type="module"/.test(t))
  .map((t) => t.match(/src="\.?\/?([^"]+)"/)[1]);
const beforeMap = report.rows.filter((r) => r.file === 'index.html' || blocking.includes(r.file));
const firstClick = report.rows.filter((r) => r.file === 'index.html' || blocking.includes(r.file) || deferred.includes(r.file));
const firstView = report.rows.filter((r) => FIRST_VIEW.some((p) => p.test(r.file)));
const sum = (rows) => rows.reduce((t, r) => t + r.brotli, 0);
const figures = { before_map_brotli: sum(beforeMap), first_click_brotli: sum(firstClick), first_view_brotli: sum(firstView) };
const budgetFile = 'size-budget.json';
if (process.argv.includes('--update')) {
  const old = fs.existsSync(budgetFile) ? JSON.parse(fs.readFileSync(budgetFile, 'utf8')) : {};
  fs.writeFileSync(budgetFile, JSON.stringify({ ...old, ...figures, tolerance: old.tolerance ?? 0.02 }, null, 2) + '\n');
  console.log(`size budget: written ${JSON.stringify(figures)}`);
  process.exit(0);
}
const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
let failed = false;
for (const [key, rows, what] of [
  ['before_map_brotli', beforeMap, 'before the map can be painted'],
  ['first_click_brotli', firstClick, 'the first click answered by the static first view'],
  ['first_view_brotli', firstView, "the app's whole first view"],
]) {
  const bytes = figures[key];
  if (!Number.isFinite(budget[key])) {
    console.error(`size budget: ${budgetFile} has no ${key}`);
    failed = true;
    continue;
  }
  const limit = Math.round(budget[key] * (1 + budget.tolerance));
  const change = ((bytes / budget[key] - 1) * 100).toFixed(1);
  console.log(`size budget: ${what}: ${bytes} bytes brotli (${rows.length} files), budget ${budget[key]} (${change >= 0 ? '+' : ''}${change} %), limit ${limit}`);
  for (const r of rows) console.log(`  ${r.file.padEnd(40)} ${String(r.brotli).padStart(8)}`);
  if (bytes > limit) {
    console.error(`size budget exceeded (${what}): ${bytes} > ${limit} bytes brotli. Make it smaller, or raise size-budget.json in a commit that says why.`);
    failed = true;
  }
}
if (beforeMap.length < 3 || firstClick.length <= beforeMap.length || firstView.length < 6) {
  console.error("size budget: the first view's files were not found in the size report");
  failed = true;
}
process.exit(failed ? 1 : 0);
