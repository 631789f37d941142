// Takes screenshots of the main views for a person to look at: node scripts/screens.mjs [query…]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { startServer } from './static-server.mjs';

const queries = process.argv.slice(2).length ? process.argv.slice(2) : ['', '?region=75', '?view=region&region=75', '?view=compare', '?view=ranking&indicator=chomage_localise', '?view=acteurs', '?view=method', '?layout=grid&domain=sante'];
const { server, url } = await startServer({ root: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
fs.mkdirSync('target/screenshots', { recursive: true });
for (const [i, q] of queries.entries()) {
  for (const [name, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
    const page = await browser.newPage({ viewport });
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url + q);
    await page.waitForSelector('main section.view', { timeout: 10000 }).catch(() => errors.push('no view'));
    await page.waitForTimeout(300);
    const file = `target/screenshots/view-${i}-${name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file, q, errors.length ? `ERRORS: ${errors.join(' | ')}` : 'ok');
    await page.close();
  }
}
await browser.close();
server.close();
