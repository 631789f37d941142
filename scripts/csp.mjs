// Post-build: puts a strict Content-Security-Policy in dist/index.html as a meta tag. Trunk's one
// inline module script (it loads the wasm) is allowed by its SHA-256 hash, so the policy needs
// neither 'unsafe-inline' nor 'unsafe-eval' ('wasm-unsafe-eval' only, to compile the wasm).
// The same policy is written to dist/csp.txt for servers that send it as a header.
import fs from 'node:fs';
import crypto from 'node:crypto';

const file = `${process.argv[2] ?? 'dist'}/index.html`;
let html = fs.readFileSync(file, 'utf8');
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
if (/\sstyle="/.test(html) || /<style[\s>]/.test(html)) throw new Error(`${file}: inline styles would need 'unsafe-inline'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
fs.writeFileSync(file, html);
fs.writeFileSync(`${process.argv[2] ?? 'dist'}/csp.txt`, `${policy}; frame-ancestors 'self'\n`);
console.log(`CSP: ${hashes.length} inline script(s) allowed by hash; no 'unsafe-inline', no 'unsafe-eval'`);
