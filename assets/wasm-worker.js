// Compiles the app's wasm off the main thread (first-view issue: the compilation took 20–25 ms
// of the page's main thread at CPU 1×, 100 at 4×). The start script (scripts/csp.mjs) sends the
// file's address and its integrity, and gets back the compiled WebAssembly.Module, which it
// instantiates; on any failure it gets an error and fetches the file itself, as before.
'use strict';
self.onmessage = async (event) => {
  const { url, integrity } = event.data;
  try {
    const module = await WebAssembly.compileStreaming(fetch(url, { integrity }));
    self.postMessage({ module });
  } catch (e) {
    self.postMessage({ error: String((e && e.message) || e) });
  }
};
