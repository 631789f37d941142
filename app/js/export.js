// The export glue of components/export.rs (bound by wasm-bindgen, copied into dist/snippets/).
// PNG: the SVG is rasterised on the main thread (an OffscreenCanvas, no DOM), then encoded in a
// worker (png-worker.js), which keeps the page responsive and avoids toBlob's wait for idle time.
// Where workers or OffscreenCanvas are missing or fail (old browser, file not reachable), the
// same frame is encoded with a canvas's toBlob.
let worker = null, broken = false, nextId = 0;
const pending = new Map();
function startWorker() {
  if (worker || broken || typeof OffscreenCanvas === 'undefined' || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker('png-worker.js');
    worker.onmessage = (e) => {
      const p = pending.get(e.data.id); pending.delete(e.data.id);
      if (p) (e.data.blob ? p.ok(e.data.blob) : p.ko(new Error(e.data.error)));
    };
    worker.onerror = () => { broken = true; worker = null; for (const p of pending.values()) p.ko(new Error('worker')); pending.clear(); };
  } catch (e) { broken = true; worker = null; }
  return worker;
}
// Started once the page has loaded, when the main thread is idle (one 0.3 KB file, not part of
// the first view): once loaded it keeps working with the network cut, even where no service
// worker can run (plain http on a local network).
const idle = (f) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 5000 }) : setTimeout(f, 2000));
if (document.readyState === 'complete') idle(startWorker);
else addEventListener('load', () => idle(startWorker), { once: true });
function viaWorker(img, cw, ch) {
  const w = startWorker();
  if (!w) return Promise.reject(new Error('no worker'));
  const oc = new OffscreenCanvas(cw, ch);
  oc.getContext('2d').drawImage(img, 0, 0, cw, ch);
  const bitmap = oc.transferToImageBitmap();
  return new Promise((ok, ko) => { const id = ++nextId; pending.set(id, { ok, ko }); w.postMessage({ id, bitmap }, [bitmap]); });
}
function viaCanvas(img, cw, ch) {
  return new Promise((ok, ko) => {
    const c = document.createElement('canvas');
    c.width = cw; c.height = ch;
    c.getContext('2d').drawImage(img, 0, 0, cw, ch);
    c.toBlob((b) => (b ? ok(b) : ko(new Error('PNG'))), 'image/png');
  });
}
export function svg_to_png(svg, w, h, scale) {
  return new Promise((ok, ko) => {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      const cw = Math.round(w * scale), ch = Math.round(h * scale);
      viaWorker(img, cw, ch).catch(() => viaCanvas(img, cw, ch)).then(ok, ko);
    };
    img.onerror = () => { URL.revokeObjectURL(url); ko(new Error('SVG')); };
    img.src = url;
  });
}
// The export worker (export-worker.js, its wasm apart from the app's: the first-view issue):
// each export is asked with the view's query and answered with the text (SVG, CSV or a title)
// and the file's name. Started at the first sign of an export (the pointer or the focus on the
// export bar, the workshop) or a few seconds after the app has started, when the page is idle:
// never while the app starts and answers its first clicks. Then kept: it parses the data once,
// and answers offline afterwards. <html data-exports="ready"> once it can answer.
let exporter = null, askId = 0;
const asked = new Map();
function startExporter() {
  if (exporter) return exporter;
  exporter = new Worker('export-worker.js');
  exporter.onmessage = (e) => {
    if (e.data.ready !== undefined) { document.documentElement.dataset.exports = e.data.ready ? 'ready' : 'failed'; return; }
    const p = asked.get(e.data.id); asked.delete(e.data.id);
    if (p) (e.data.error === undefined ? p.ok([e.data.text, e.data.name]) : p.ko(new Error(e.data.error)));
  };
  exporter.onerror = (e) => {
    const err = new Error(`export-worker.js: ${(e && e.message) || 'not loaded'}`);
    exporter = null;
    for (const p of asked.values()) p.ko(err);
    asked.clear();
  };
  return exporter;
}
function start() { try { startExporter(); } catch (e) { /* asked again at the first export */ } }
export function want_exports() { start(); }
export function warm_exports(ms) { setTimeout(() => idle(start), ms); }
// An answer that does not come within `ms` (a download that stalls) is an error, never a wait
// without end.
export function export_ask(op, query, lang, title, link, ms) {
  return new Promise((ok, ko) => {
    let w;
    try { w = startExporter(); } catch (e) { ko(e); return; }
    const id = ++askId;
    const timer = setTimeout(() => { asked.delete(id); ko(new Error(`export-worker.js: no answer in ${ms / 1000} s`)); }, ms);
    asked.set(id, { ok: (v) => { clearTimeout(timer); ok(v); }, ko: (e) => { clearTimeout(timer); ko(e); } });
    w.postMessage({ id, op, query, lang, title, link });
  });
}
export function text_blob(text, type) { return new Blob([text], { type }); }
export function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob); a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30000);
}
export async function copy_png(blob) { await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]); }
export async function copy_text(text) { await navigator.clipboard.writeText(text); }
export function now_ms() { return performance.now(); }
