// Post-build: writes dist/sw.js (the service worker, from assets/sw/sw.js) with the list of the
// build's files and their SHA-256, and a VERSION derived from them, so that any change of any
// file makes a new version. Run after csp.mjs (which rewrites index.html).
// Usage: node scripts/offline.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { distFiles } from './dist-files.mjs';

const dist = process.argv[2] ?? 'dist';
const SKIP = new Set(['sw.js', 'csp.txt']);
const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

const files = distFiles(dist)
  .filter((p) => !SKIP.has(p))
  .map((p) => [p, sha256(fs.readFileSync(path.join(dist, p)))]);
if (!files.some(([p]) => p === 'index.html')) throw new Error(`${dist}/index.html is missing`);
const version = sha256(files.map(([p, h]) => `${p} ${h}\n`).join('')).slice(0, 16);
const template = fs.readFileSync('assets/sw/sw.js', 'utf8');
const out = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', JSON.stringify(files, null, 0));
if (out.includes('__')) throw new Error('assets/sw/sw.js: a placeholder was not replaced');
fs.writeFileSync(path.join(dist, 'sw.js'), out);
const bytes = files.reduce((n, [p]) => n + fs.statSync(path.join(dist, p)).size, 0);
console.log(`service worker: version ${version}, ${files.length} files precached (${bytes} bytes)`);
