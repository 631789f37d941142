// The slides are complete (#14 item 7): on every export view, in both frames, no two text boxes
// overlap (boxes measured by the browser on the exported SVG itself), the source line is whole,
// and every graphic of fragility has its direction key ("plus fragile").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openView, exportFile, openExportMenu } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

const views = [
  ['?domain=emploi', true],
  ['?domain=emploi&layout=grid', true],
  ['?indicator=aah&region=76', true],
  ['?view=region&region=75', true],
  ['?view=region&region=75&chart=lines', true],
  ['?view=region&region=76&chart=lines&series=chomage_localise', false],
  ['?view=compare', true],
  ['?view=compare&regions=11,53,94,84', true],
  ['?view=compare&chart=lines&series=aah', false],
  ['?view=ranking&domain=sante', true],
  ['?view=ranking&indicator=chomage_localise', true],
  ['?view=region&region=93&year=2016', true],
  ['?view=acteurs', false],
  ['?view=compare&lang=en', true],
  ['?view=acteurs&lang=en', false],
  ['?view=region&region=44&lang=en', true],
  ['?view=scatter', true],
  ['?view=scatter&indicator=taux_emploi&y=taux_pauvrete&region=76', true],
  ['?view=scatter&indicator=chomage_localise&y=sante&lang=en', true],
];

/** The boxes of every text of `svg`, laid out by the browser. */
async function textBoxes(page, svg) {
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  return page.$$eval('svg text', (ts) => ts.map((t) => {
    const r = t.getBoundingClientRect();
    return { text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height };
  }));
}

/** The pairs of boxes that overlap by more than a pixel each way. */
function overlaps(boxes) {
  const out = [];
  const shown = boxes.filter((b) => b.w > 0 && b.h > 0 && b.text.trim());
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i]; const b = shown[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      // Glyph boxes include the font's leading: a line sits on the next one's ascent by ~20 %.
      if (dx > 1 && dy > Math.min(a.h, b.h) * 0.25) out.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return out;
}

for (const [query, directed] of views) test(`the slide of ${query}: no text over another, whole sources${directed ? ', the direction key' : ''}`, async () => {
  const { page, errors, context } = await openView(h, query, { viewport: { width: 1366, height: 900 } });
  for (const frame of ['16x9', 'a4']) {
    await openExportMenu(page);
    await page.selectOption('.export-panel label.frame select >> nth=0', frame);
    const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
    const p2 = await context.newPage();
    const boxes = await textBoxes(p2, svg);
    await p2.close();
    const width = Number(svg.match(/viewBox="0 0 ([\d.]+)/)[1]);
    const bad = overlaps(boxes);
    assert.deepEqual(bad, [], `${frame}: texts overlap`);
    const outside = boxes.filter((b) => b.text.trim() && (b.x < -1 || b.x + b.w > width + 1)).map((b) => b.text);
    assert.deepEqual(outside, [], `${frame}: texts run off the slide`);
    const texts = boxes.map((b) => b.text);
    assert.ok(texts.some((t) => /^Sources/.test(t)), `${frame}: a source line`);
    if (directed) assert.ok(texts.some((t) => /plus\sfragile|more\sfragile/.test(t)), `${frame}: a direction key in ${texts.join(' | ').slice(0, 400)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
