// A tiny static file server for dist/ (no dependency): correct MIME types (application/wasm),
// optional sub-path (--base /observatoire/fragilites/), 127.0.0.1 only.
// Used by `scripts/serve.sh` and started/stopped by the end-to-end tests themselves.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/** Starts serving `root` under `base` on 127.0.0.1:`port` (0 = any free port). Resolves to {server, url}. */
// With `precompressed`, a file's .br copy (scripts/compress.mjs) is sent to a browser that
// accepts brotli, as a CDN sends it (the benchmark measures what a user downloads).
// With `hold`, a function of the path that may return a promise: the response waits for it (the
// benchmark holds the wasm back without intercepting every request in the browser).
export function startServer({ root, port = 0, base = '/', precompressed = false, hold = () => null }) {
  const rootAbs = path.resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (!pathname.startsWith(prefix)) {
      if (pathname === prefix.slice(0, -1)) { res.writeHead(301, { Location: prefix }).end(); return; }
      res.writeHead(404).end('not found');
      return;
    }
    let file = path.join(rootAbs, pathname.slice(prefix.length));
    if (!file.startsWith(rootAbs)) { res.writeHead(403).end('forbidden'); return; }
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    const br = precompressed && /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && fs.existsSync(`${file}.br`);
    Promise.resolve(hold(pathname)).then(() => fs.readFile(br ? `${file}.br` : file, (err, body) => {
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...(br ? { 'Content-Encoding': 'br', Vary: 'Accept-Encoding' } : {}),
      });
      res.end(body);
    }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}${prefix}`;
      resolve({ server, url });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const root = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--')) ?? 'dist';
  const { url } = await startServer({ root, port: Number(opt('--port', 8080)), base: opt('--base', '/') });
  console.log(`Serving ${root} at ${url}  (Ctrl+C to stop)`);
}
