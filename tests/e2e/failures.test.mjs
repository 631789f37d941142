// Never a blank page: each injected failure shows a clear French message with a way to retry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

async function failing(route, fulfil) {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  await page.route(route, fulfil);
  await page.goto(h.url);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 15000 });
  return { page, context, text: await alert.textContent() };
}

test('the wasm is missing (HTTP 404): message and retry', async () => {
  const { page, context, text } = await failing('**/*_bg.wasm', (r) => r.fulfill({ status: 404, body: 'not found' }));
  assert.match(text, /n'a pas pu démarrer/);
  assert.equal(await page.getByRole('button', { name: 'Réessayer' }).count(), 1);
  await h.screenshot(page, 'failure-wasm-404');
  await context.close();
});

test('the wasm is truncated (corrupt download): message', async () => {
  const { context, text } = await failing('**/*_bg.wasm', async (r) => {
    const resp = await r.fetch();
    const body = await resp.body();
    await r.fulfill({ response: resp, body: body.subarray(0, 1000) });
  });
  assert.match(text, /n'a pas pu démarrer/);
  await context.close();
});

test('the dataset is truncated (invalid JSON): message and retry', async () => {
  const { page, context, text } = await failing('**/data/dataset.json', async (r) => {
    const resp = await r.fetch();
    await r.fulfill({ response: resp, body: (await resp.body()).subarray(0, 500) });
  });
  assert.match(text, /Les données n'ont pas pu être chargées/);
  assert.equal(await page.getByRole('button', { name: 'Réessayer' }).count(), 1);
  await context.close();
});

test('the geometry is missing (HTTP 404): message', async () => {
  const { context, text } = await failing('**/data/regions.json', (r) => r.fulfill({ status: 404, body: '' }));
  assert.match(text, /Les données n'ont pas pu être chargées \(HTTP 404\)/);
  await context.close();
});
