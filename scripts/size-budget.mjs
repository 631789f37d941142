// The size budget (as owid-grapher's bundle budget): the build fails when the first view's
// brotli bytes grow more than the tolerance over the committed budget (size-budget.json).
// The first view is what a first visit downloads before the map is drawn: the page, its loader,
// the wasm and its glue, the stylesheet, the dataset and the geometry.
// `node scripts/size-budget.mjs --update` writes today's figure as the new budget (a decision,
// to be committed with its reason).
import fs from 'node:fs';

const FIRST_VIEW = [
  /^index\.html$/, /^start-[0-9a-f]+\.js$/, /^boot-[0-9a-f]+\.js$/, /^app-[0-9a-f]+\.js$/,
  /^app-[0-9a-f]+_bg\.wasm$/, /^style-[0-9a-f]+\.css$/, /^snippets\//, /^data\/dataset\.json$/,
  /^data\/regions\.json$/,
];
const report = JSON.parse(fs.readFileSync('target/size-report.json', 'utf8'));
const files = report.rows.filter((r) => FIRST_VIEW.some((p) => p.test(r.file)));
const bytes = files.reduce((t, r) => t + r.brotli, 0);
const budgetFile = 'size-budget.json';
if (process.argv.includes('--update')) {
  const old = fs.existsSync(budgetFile) ? JSON.parse(fs.readFileSync(budgetFile, 'utf8')) : {};
  fs.writeFileSync(budgetFile, JSON.stringify({ ...old, first_view_brotli: bytes, tolerance: old.tolerance ?? 0.02 }, null, 2) + '\n');
  console.log(`size budget: written ${bytes} bytes brotli`);
  process.exit(0);
}
const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
const limit = Math.round(budget.first_view_brotli * (1 + budget.tolerance));
const change = ((bytes / budget.first_view_brotli - 1) * 100).toFixed(1);
console.log(`size budget: first view ${bytes} bytes brotli (${files.length} files), budget ${budget.first_view_brotli} (${change >= 0 ? '+' : ''}${change} %), limit ${limit}`);
for (const r of files) console.log(`  ${r.file.padEnd(40)} ${String(r.brotli).padStart(8)}`);
if (files.length < 6) {
  console.error('size budget: the first view\'s files were not found in the size report');
  process.exit(1);
}
if (bytes > limit) {
  console.error(`size budget exceeded: ${bytes} > ${limit} bytes brotli. Make it smaller, or raise size-budget.json in a commit that says why.`);
  process.exit(1);
}
