// Hosting (issue #7): the same dist/ behind a real nginx (Debian's package, started and stopped
// here) under a sub-path, with the sample configuration of deploy/nginx.conf as it is documented:
// precompressed files sent as they are, the right types and cache headers, the CSP as a header,
// and the main flows of the dashboard in Chromium, online then offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { setup, exportFile } from './harness.mjs';
import { decodePng } from './png.mjs';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const SUB = '/observatoire/fragilites/';

let h;
let nginx;
let base;
let tmp;

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

before(async () => {
  h = await setup();
  assert.ok(fs.existsSync(NGINX), `${NGINX} is missing: scripts/setup.sh installs Debian's nginx`);
  assert.ok(fs.existsSync(BROTLI), `${BROTLI} is missing: scripts/setup.sh installs libnginx-mod-http-brotli-static`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fragilites-nginx-'));
  fs.chmodSync(tmp, 0o755);
  fs.mkdirSync(path.join(tmp, 'www/observatoire'), { recursive: true });
  fs.symlinkSync(path.resolve('dist'), path.join(tmp, 'www', SUB.slice(1, -1)));
  const port = await freePort();
  const site = fs.readFileSync('deploy/nginx.conf', 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /var/www;', `root ${tmp}/www;`);
  assert.match(site, new RegExp(`listen 127.0.0.1:${port};[\\s\\S]*root ${tmp}/www;`), 'the sample config was adapted');
  fs.writeFileSync(path.join(tmp, 'site.conf'), site);
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  fs.writeFileSync(path.join(tmp, 'nginx.conf'), `${user}worker_processes 1;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
load_module ${BROTLI};
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  include ${tmp}/site.conf;
}
`);
  nginx = spawn(NGINX, ['-p', tmp, '-e', `${tmp}/error.log`, '-c', `${tmp}/nginx.conf`], { stdio: ['ignore', 'inherit', 'inherit'] });
  base = `http://127.0.0.1:${port}${SUB}`;
  for (let i = 0; ; i++) {
    try { await fetch(base); break; } catch (e) {
      if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${fs.existsSync(`${tmp}/error.log`) ? fs.readFileSync(`${tmp}/error.log`, 'utf8') : e}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});

after(async () => {
  if (nginx && nginx.exitCode === null) {
    const done = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGQUIT');
    await done;
  }
  await h?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const distFile = (re) => fs.readdirSync('dist').find((f) => re.test(f));

test('nginx sends the precompressed files with the right types, cache and security headers', async () => {
  const wasm = distFile(/_bg\.wasm$/);
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    const r = await fetch(base + wasm, { headers: { 'Accept-Encoding': enc } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/wasm');
    assert.equal(r.headers.get('content-encoding'), enc);
    assert.equal(Number(r.headers.get('content-length')), fs.statSync(`dist/${wasm}${ext}`).size, `${enc}: the precompressed file, as it is`);
    assert.match(r.headers.get('cache-control'), /immutable/);
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), fs.readFileSync(`dist/${wasm}`), 'decoded body = the wasm');
  }
  // Trunk's hashes drop their leading zeros: a name with 15 hex digits (boot.js's today) is
  // cached like the others (a wasm named so was sent as no-cache).
  for (const f of [distFile(/^boot-[0-9a-f]+\.js$/), distFile(/^style-[0-9a-f]+\.css$/)]) {
    assert.match((await fetch(base + f)).headers.get('cache-control'), /immutable/, f);
  }
  const index = await fetch(base, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(index.headers.get('content-encoding'), 'gzip');
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  assert.equal(index.headers.get('content-security-policy'), fs.readFileSync('dist/csp.txt', 'utf8').trim(), 'header = dist/csp.txt');
  for (const [file, type] of [['manifest.webmanifest', 'application/manifest+json'], ['sw.js', 'application/javascript'], ['data/dataset.json', 'application/json']]) {
    const r = await fetch(base + file);
    assert.equal(r.status, 200, file);
    assert.ok(r.headers.get('content-type').startsWith(type), `${file}: ${r.headers.get('content-type')}`);
    assert.equal(r.headers.get('cache-control'), 'no-cache', `${file} is revalidated`);
  }
  // No rewrite rule needed: the folder without its slash is redirected, unknown paths are 404.
  const bare = await fetch(base.slice(0, -1), { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.ok(bare.headers.get('location').endsWith(SUB));
  assert.equal((await fetch(`${base}nope/index.html`)).status, 404);
});

test('the main flows under the sub-path behind nginx, with the CSP header, then offline', async () => {
  const context = await h.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  context.on('request', (r) => requests.push(r.url()));
  // The map, a click on a region, its page, the comparison, the ranking.
  await page.goto(base);
  await page.locator('svg.map path.region[data-code]').first().waitFor();
  await page.locator('path[data-code="53"]').click();
  assert.equal(await page.locator('#panel-title').textContent(), 'Bretagne');
  await page.locator('nav.tabs a', { hasText: 'Comparer' }).click();
  await page.locator('body > main section.view table').first().waitFor();
  await page.locator('nav.tabs a', { hasText: 'Classement' }).click();
  await page.locator('body > main section.view table').first().waitFor();
  assert.equal(new URL(page.url()).pathname, SUB);
  // A deep link, and an export.
  await page.goto(`${base}?view=region&region=94`);
  await page.locator('#view-title', { hasText: 'Corse' }).waitFor();
  assert.equal(decodePng((await exportFile(page, 'png2')).bytes).width, 3200);
  await h.screenshot(page, 'nginx-region');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  const origin = new URL(base).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u)), [], 'third-party requests');
  // Offline after this visit: the worker controls the sub-path.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => new URL(navigator.serviceWorker.controller.scriptURL).pathname), `${SUB}sw.js`);
  await context.setOffline(true);
  await page.goto(`${base}?view=compare`);
  await page.locator('body > main section.view table').first().waitFor();
  await page.reload();
  await page.locator('body > main section.view table').first().waitFor();
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|service worker/i.test(e)), []);
  await context.close();
  const log = fs.readFileSync(`${tmp}/access.log`, 'utf8');
  assert.match(log, /GET \/observatoire\/fragilites\/app-[0-9a-f]{8,16}_bg\.wasm/);
});
