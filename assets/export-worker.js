// The export worker (first-view issue: the exports' code is not in the app's first download).
// Loads the exports' wasm (Trunk's worker target `exports`: exports.js and exports_bg.wasm,
// unhashed, so revalidated: deploy/nginx.conf), fetches the data files it names (each checked
// there against the SHA-256 compiled into it), then answers the page's requests one at a time:
// { id, op, query, lang, title, link } → { id, text, name } or { id, error }.
'use strict';
importScripts('./exports.js');
/* global wasm_bindgen */
const bytes = async (url) => {
  const r = await fetch(url, { credentials: 'same-origin' });
  if (!r.ok) throw new Error(`${url.split('?')[0]} : HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
};
// Started at once: the wasm and the data come before the first export (and before a cut
// network: the exports work offline once this has run; the page is told when it has).
const ready = wasm_bindgen('./exports_bg.wasm').then(async () => {
  const [dataset, geometry] = await Promise.all(wasm_bindgen.files().map(bytes));
  wasm_bindgen.load(dataset, geometry);
});
ready.then(() => self.postMessage({ ready: true }), () => self.postMessage({ ready: false }));
let queue = ready.catch(() => {});
async function answer({ id, op, query, lang, title, link }) {
  try {
    await ready;
    const deps = wasm_bindgen.dep_files(query);
    if (deps.length) {
      const [geometry, data] = await Promise.all(deps.map(bytes));
      wasm_bindgen.load_deps(geometry, data);
    }
    const d = new Date();
    const [text, name] = wasm_bindgen.answer(op, query, lang, title, link, d.getFullYear(), d.getMonth() + 1, d.getDate());
    self.postMessage({ id, text, name });
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
}
self.onmessage = (event) => {
  queue = queue.then(() => answer(event.data));
};
