// PNG decoding for the tests (`pngjs`), so that exported images are checked pixel by pixel.
import { PNG } from 'pngjs';

/** `{ width, height, pixels }`, pixels as RGBA bytes. */
export function decodePng(buf) {
  const png = PNG.sync.read(buf);
  return { width: png.width, height: png.height, pixels: png.data };
}

/** How many pixels are within `tol` of a `#rrggbb` colour. */
export function countColour(img, hex, tol = 3) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < img.pixels.length; i += 4) {
    if (Math.abs(img.pixels[i] - r) <= tol && Math.abs(img.pixels[i + 1] - g) <= tol && Math.abs(img.pixels[i + 2] - b) <= tol) n++;
  }
  return n;
}
