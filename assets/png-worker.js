// Encodes the PNG exports off the main thread: receives an ImageBitmap of the rasterised frame,
// answers with the PNG Blob. (HTMLCanvasElement.toBlob waits for the page's idle time, which
// added up to a second to a 4× export; OffscreenCanvas.convertToBlob in a worker does not.)
'use strict';
self.onmessage = async (event) => {
  const { id, bitmap } = event.data;
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('bitmaprenderer').transferFromImageBitmap(bitmap);
    self.postMessage({ id, blob: await canvas.convertToBlob({ type: 'image/png' }) });
  } catch (e) {
    self.postMessage({ id, error: String(e) });
  }
};
