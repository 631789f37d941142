// Service worker of the fragility dashboard: offline after the first visit, one version at a time.
// Template: scripts/offline.mjs writes dist/sw.js from it with the build's VERSION and FILES (each
// file's path relative to this script and its SHA-256). Served under any path: every URL here is
// relative to the worker's own location.
'use strict';
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `fragilites-${VERSION}`;
const PREFIX = 'fragilites-';

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Precache every file of this version, each checked against its SHA-256: a file that changed on
// the server during the download (a deployment in progress) fails the install, which the browser
// retries on a later visit, so the cache never holds a mix of two versions.
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(FILES.map(async ([path, sha256]) => {
    const url = new URL(path, self.registration.scope).href;
    const response = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const body = await response.clone().arrayBuffer();
    const got = hex(await crypto.subtle.digest('SHA-256', body));
    if (got !== sha256) throw new Error(`${path}: SHA-256 ${got} instead of ${sha256}`);
    await cache.put(url, response);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().catch(async (e) => {
    await caches.delete(CACHE);
    throw e;
  }));
});

// A new version waits until the page asks for it (its "new version" notice) or until every tab
// of the old one is closed: a page never runs with files from two deployments.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every view is index.html with a query string or a hash: deep links open offline too.
    const key = request.mode === 'navigate' ? new URL('index.html', self.registration.scope).href : request;
    const hit = await cache.match(key, { ignoreSearch: true });
    return hit ?? fetch(request);
  })());
});
