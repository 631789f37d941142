// Prints every file of dist/ with its raw, gzip (level 9) and brotli (quality 11) size, and the
// totals (the precompressed .gz/.br copies are not counted twice); writes the same figures to
// target/size-report.json for the benchmarks and the README.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { distFiles } from './dist-files.mjs';

const dir = process.argv[2] ?? 'dist';
const files = distFiles(dir).map((f) => path.join(dir, f));
const rows = files.map((f) => {
  const b = fs.readFileSync(f);
  return {
    file: path.relative(dir, f),
    raw: b.length,
    gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const w = Math.max(5, ...rows.map((r) => r.file.length));
const line = (f, r) => `${f.padEnd(w)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${String(r.brotli).padStart(9)}`;
console.log(`size report of ${dir}/ (bytes)`);
console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
rows.forEach((r) => console.log(line(r.file, r)));
console.log(line('total', total));
fs.mkdirSync('target', { recursive: true });
fs.writeFileSync('target/size-report.json', JSON.stringify({ rows, total }, null, 2));
