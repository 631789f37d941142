// #14 item 12: with lang=en everything the user reads is English — views, cards (methods,
// caveats, units), sentences, notices and the exports' texts — except what is marked as French
// (lang="fr": proper names of producers and bodies, the decks' quoted sentences), which a screen
// reader then pronounces as French.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openView, exportFile } from './harness.mjs';

let h;
before(async () => { h = await setup(); });
after(async () => { await h?.close(); });

// Words that are French and not English (a French sentence has several of them).
const FRENCH = new Set(('le la les des du une est sont pour avec dans sur par aux au et ou pas moins que qui cette ces leur leurs '
  + 'été région régions données année années indicateur indicateurs domaine domaines valeur valeurs taux nombre habitants moyenne '
  + 'selon entre depuis sans chaque dont mais aussi très être fait faire peut ont sous vers lien atelier vue vues carte classement '
  + 'comparer méthode fragilité fragiles personnes ménages enquête emploi chômage pauvreté santé logement '
  + 'jeunesse éducation vieillissement isolement sécurité numérique développement économique mobilité handicap '
  + 'publiée publié publiés calculé calculée rapport part_des hors ans ensemble élèves jeunes population_de non_disponible disponible '
  + 'indice rang unité précautions mises garde').split(/\s+/).filter((w) => !w.includes('_')));

// Proper names read as they are in English: the regions (from the committed dataset).
import fs from 'node:fs';
// And the names of French bodies, which English keeps as they are.
const NAMES = [...JSON.parse(fs.readFileSync('assets/data/dataset.json', 'utf8')).regions.map((r) => r.name),
  'Observatoire des partenariats', 'Observatoire des territoires', 'Défenseur des droits', 'Libre réponse', 'Le RAMEAU'];

/** The French words of `text` (links and region names left out), with their context. */
function frenchIn(raw) {
  const out = [];
  let text = raw.replace(/https?:\/\/\S+|\?view=\S+/g, ' ');
  for (const n of NAMES) text = text.split(n).join(' ');
  const words = text.split(/[^\p{L}'’-]+/u);
  words.forEach((w, i) => {
    const lw = w.toLowerCase().replace(/^[ldj][’']/, '');
    if (FRENCH.has(lw)) out.push(words.slice(Math.max(0, i - 4), i + 5).join(' '));
  });
  return out;
}

/** The text of the page outside what is marked French, hidden or not (closed cards too). */
const pageText = (page, selector) => page.$eval(selector, (root) => {
  const parts = [];
  const walk = (n) => {
    if (n.nodeType === Node.TEXT_NODE) { parts.push(n.textContent); return; }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    if (n.getAttribute('lang') === 'fr') return;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(n.tagName)) return;
    if (n.tagName === 'OPTION') { parts.push(n.textContent); return; }
    if (n.tagName === 'INPUT') parts.push(n.value || '');
    // What is hidden is not read (the static first view once the app has started).
    if (n.tagName !== 'OPTION' && n.checkVisibility && !n.checkVisibility() && n.namespaceURI === 'http://www.w3.org/1999/xhtml') return;
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) if (n.getAttribute(attr)) parts.push(n.getAttribute(attr));
    n.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' \n ');
});

const views = ['?domain=emploi&region=76', '?indicator=aah&region=75', '?view=region&region=76', '?view=region&region=75&year=2016',
  '?view=compare', '?view=ranking&domain=sante', '?view=ranking&indicator=cambriolages', '?view=acteurs', '?view=method', '?view=accessibilite',
  '?view=scatter', '?view=scatter&indicator=taux_emploi&y=cambriolages&region=76',
  '?view=dep&dep=33', '?level=dep&domain=pauvrete&dep=93', '?view=dep&dep=75', '?view=dep&dep=2A',
  // Pages where values are missing: their reasons are said in English too.
  '?view=region&region=94', '?view=region&region=53', '?view=region&region=93', '?view=region&region=75&level=dep&domain=developpement_economique'];

for (const q of views) test(`no French on ${q} in English (page and export)`, async () => {
  const { page, errors, context } = await openView(h, `${q}&lang=en`);
  // The départements' views: their data downloaded and drawn.
  if (q.includes('dep')) await page.locator('[data-testid="dep-map"] path.region[data-code]').first().waitFor();
  // The region page's cards and domains: open them all so their text is there.
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const found = frenchIn(await pageText(page, 'body'));
  assert.deepEqual(found, [], 'French on the page');
  if (!q.includes('method') && !q.includes('accessibilite')) {
    const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' \n ');
    assert.deepEqual(frenchIn(texts.replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'")), [], 'French in the export');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('no French in the workshop in English, with a saved view and its presentation', async () => {
  const { page, errors, context } = await openView(h, '?view=region&region=53&lang=en');
  await page.click('[data-export="deck-add"]');
  // Saved once the export worker has named the slide (the status says so).
  await page.locator('.export-status', { hasText: 'View added' }).waitFor();
  await page.goto(`${h.url}?view=atelier&lang=en`);
  await page.locator('[data-testid="deck"] .slide').first().waitFor();
  assert.deepEqual(frenchIn(await pageText(page, 'body')), []);
  assert.deepEqual(errors, []);
  await context.close();
});
