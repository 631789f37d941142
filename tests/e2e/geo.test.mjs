// The simplified regions are indistinguishable from the source at 1 000 px wide (issue #3): both
// SVGs written by data/tests/geo_topology.rs are rendered by Chromium at 1 000 px, kept as PNGs
// under target/screenshots/ (geo-source.png, geo-simplified.png, geo-diff.png) and compared pixel
// by pixel. Skipped, with the reason, when ../shared (the source outlines) is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { SCREENSHOTS } from './harness.mjs';

const SOURCE = 'target/geo/regions-source.svg';
const SIMPLIFIED = 'target/geo/regions-simplified.svg';

test('simplified regions match the source outlines at 1 000 px', async (t) => {
  if (!fs.existsSync(SOURCE)) {
    t.skip(`${SOURCE} is absent: cargo test writes it when ../shared is present`);
    return;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
    const uri = (f) => `data:image/svg+xml;base64,${fs.readFileSync(f).toString('base64')}`;
    const r = await page.evaluate(async ([a, b]) => {
      const load = (src) => new Promise((ok, ko) => { const i = new Image(); i.onload = () => ok(i); i.onerror = ko; i.src = src; });
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      const w = 1000; const h = Math.round((ia.naturalHeight / ia.naturalWidth) * w);
      const draw = (img) => { const c = document.createElement('canvas'); c.width = w; c.height = h; const x = c.getContext('2d'); x.drawImage(img, 0, 0, w, h); return [c, x.getImageData(0, 0, w, h).data]; };
      const [ca, da] = draw(ia); const [cb, db] = draw(ib);
      const diff = document.createElement('canvas'); diff.width = w; diff.height = h;
      const dx = diff.getContext('2d'); dx.drawImage(ca, 0, 0); dx.fillStyle = 'rgba(255,255,255,0.7)'; dx.fillRect(0, 0, w, h);
      let ink = 0; let strong = 0; let any = 0; let maxDelta = 0;
      for (let i = 0; i < da.length; i += 4) {
        const d = Math.max(Math.abs(da[i] - db[i]), Math.abs(da[i + 1] - db[i + 1]), Math.abs(da[i + 2] - db[i + 2]));
        if (da[i] < 250 || db[i] < 250) ink++;
        if (d > 0) any++;
        if (d > 96) { strong++; const p = i / 4; dx.fillStyle = 'red'; dx.fillRect(p % w, Math.floor(p / w), 1, 1); }
        maxDelta = Math.max(maxDelta, d);
      }
      return { w, h, ink, any, strong, maxDelta, a: ca.toDataURL(), b: cb.toDataURL(), diff: diff.toDataURL() };
    }, [uri(SOURCE), uri(SIMPLIFIED)]);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, data] of [['geo-source', r.a], ['geo-simplified', r.b], ['geo-diff', r.diff]]) {
      fs.writeFileSync(`${SCREENSHOTS}/${name}.png`, Buffer.from(data.split(',')[1], 'base64'));
    }
    const share = r.strong / r.ink;
    console.log(`# ${r.w}×${r.h} px: ${r.ink} inked pixels, ${r.any} differ at all, ${r.strong} differ by more than 96/255 (${(100 * share).toFixed(3)} % of the ink)`);
    assert.ok(r.ink > 100000, `the drawing is not blank (${r.ink} inked pixels)`);
    // Sub-pixel moves of a 1 px outline shift its anti-aliasing; a visible change (a lost
    // peninsula, a missing island, a gap) turns whole pixels from fill to stroke or to white.
    assert.ok(share < 0.002, `${r.strong} strongly different pixels (${(100 * share).toFixed(3)} %)`);
  } finally {
    await browser.close();
  }
});
