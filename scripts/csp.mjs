// Post-build: makes dist/ run under a strict, constant Content-Security-Policy.
// - Trunk's one inline module script (it starts the wasm) is moved to a file named by its content
//   (start-<hash>.js) with Subresource Integrity, so the page has no inline script at all and the
//   policy needs neither 'unsafe-inline', 'unsafe-eval' nor per-build hashes ('wasm-unsafe-eval'
//   only, to compile the wasm).
// - The policy goes into index.html as a meta tag, and into dist/csp.txt (plus frame-ancestors,
//   which only a header can carry) for servers that send it as a header: deploy/nginx.conf.
// Usage: node scripts/csp.mjs [dist]
import fs from 'node:fs';
import crypto from 'node:crypto';

const dist = process.argv[2] ?? 'dist';
const file = `${dist}/index.html`;
let html = fs.readFileSync(file, 'utf8');
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
// Trunk's preload of the wasm is dropped: the start script fetches it after the first paint.
html = html.replace(/\s*<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/, '');
let moved = 0;
// The wasm is fetched with its integrity: Chromium ignores `integrity` on the wasm preload and
// wasm-bindgen's loader fetches the file without one, so a wasm changed by one byte used to run
// (the data hashes that protect the dataset live inside it). With `fetch(url, { integrity })`
// a changed wasm is refused, and the page says the app could not start.
let wasmChecked = 0;
html = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, start) => {
  const body = start.replace(/module_or_path: '(\.\/[^']+_bg\.wasm)'/, (m, url) => {
    const bytes = fs.readFileSync(`${dist}/${url.slice(2)}`);
    wasmChecked += 1;
    return `module_or_path: await compiled('${url}', 'sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}')`;
  })
    // The wasm is compiled in a worker (assets/wasm-worker.js), off the main thread, and the
    // module instantiated here; if the worker cannot (no worker, an error, a refused file), the
    // file is fetched here as before (a file that fails its integrity fails again, and says so).
    .replace(/const wasm = await init\(/, (m) => `const compiled = (url, integrity) => new Promise((resolve) => {
  const here = () => resolve(fetch(url, { integrity }));
  let worker;
  try { worker = new Worker('./wasm-worker.js'); } catch (e) { here(); return; }
  worker.onmessage = (e) => { worker.terminate(); if (e.data.module) resolve(e.data.module); else here(); };
  worker.onerror = () => { worker.terminate(); here(); };
  worker.postMessage({ url: new URL(url, location.href).href, integrity });
});
${m}`)
    // The static first view paints first: the wasm is fetched and started after the first
    // frame (or after 200 ms in a tab that is not shown and gets no frame), so that neither
    // its download nor its start delays the map (first-view issue).
    .replace(/const wasm = await init\(/, (m) => `await new Promise((r) => { requestAnimationFrame(() => setTimeout(r, 0)); setTimeout(r, 200); });\n${m}`);
  if (!body.includes('requestAnimationFrame')) throw new Error(`${file}: the start script's init call was not found: the app would start before the first paint`);
  const name = `start-${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  fs.writeFileSync(`${dist}/${name}`, body);
  const sri = `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`;
  moved += 1;
  return `<script type="module" src="./${name}" integrity="${sri}"></script>`;
});
if (wasmChecked !== 1) throw new Error(`${file}: the wasm's fetch was not found in the start script (${wasmChecked}): its integrity would not be checked`);
if (!fs.existsSync(`${dist}/wasm-worker.js`)) throw new Error(`${dist}/wasm-worker.js is missing: the start script compiles the wasm in it`);
// A JSON data block (the geometry, written by the first-view step) is data, never run.
if (/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/.test(html)) throw new Error(`${file}: an inline script is left; the policy would block it`);
if (/\sstyle="/.test(html) || /<style[\s>]/.test(html)) throw new Error(`${file}: inline styles would need 'unsafe-inline'`);
const policy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
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
fs.writeFileSync(`${dist}/csp.txt`, `${policy}; frame-ancestors 'self'\n`);
console.log(`CSP: ${moved} inline script(s) moved to files; no inline script, no 'unsafe-inline', no 'unsafe-eval'; the wasm fetched with its integrity`);
