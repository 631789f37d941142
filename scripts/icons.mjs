// Renders assets/icon.svg to the PNG icons of the web app manifest (192 and 512 px) and to the
// page's 32 px favicon (a PNG: Chromium fetches the favicon again after each change of the URL,
// and an SVG one is then parsed on the main thread, about 5 ms after every click), with the
// system's Chromium. Run by hand when the icon changes: `node scripts/icons.mjs`; the PNGs are committed.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const svg = fs.readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [32, 192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: `assets/icon-${size}.png`, omitBackground: true });
  console.log(`assets/icon-${size}.png`);
}
await browser.close();
