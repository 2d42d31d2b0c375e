// Embedding on another origin, as an agency site does: CORS, the service's hidden
// questions, data-questions, and a widget that still works when the lookup fails or is slow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCollector, launchBrowser, watchRatings, waitFor, startSite, humanPause, exportedRatings } from './collector.js';

let collector, browser, site, siteUrl, pages;

before(async () => {
  collector = await startCollector();
  browser = await launchBrowser();
  // the agency's own web server: another origin than the collector's
  site = await startSite();
  siteUrl = site.url;
  pages = site.pages;
  const service = await collector.admin('POST', '/api/v1/admin/services', {
    id: 'carte-grise', name: 'Certificat d\'immatriculation', organisation: 'ANTS (démonstration)',
    allowedOrigins: [siteUrl], public: true, hiddenQuestions: ['clarity', 'help'], enabled: true,
  });
  assert.equal(service.status, 201, await service.text());
});
after(async () => {
  await browser?.close();
  await collector?.stop();
  await site?.close();
});

function page(path, attributes) {
  pages.set(path, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Agence</title><link rel="icon" href="data:,"></head>
<body><main><h1>Démarche terminée</h1><div id="avis"></div></main>
<script src="${collector.url}/widget/v1/jdma.js" defer ${attributes}></script></body></html>`);
  return siteUrl + path;
}

const shadow = (p, selector) => p.locator('jdma-avis').locator(selector);
const legends = (p) => shadow(p, 'legend, label.l').allTextContents();

test('on another origin, a service that hides clarity and help gets a form without them, and its rating is stored', async () => {
  const url = page('/carte-grise.html', 'data-service="carte-grise" data-location="caf-94" data-target="#avis"');
  const p = await browser.newPage();
  const posts = watchRatings(p);
  await p.goto(url + '?ref=mail');
  assert.equal(await p.locator('#avis > jdma-avis').count(), 1, 'placed inline in data-target');
  await shadow(p, 'button.o').click();
  await shadow(p, 'dialog[open]').waitFor();
  assert.deepEqual(await legends(p), ["De façon générale, comment ça s'est passé ? (obligatoire)", 'Souhaitez-vous nous en dire plus ?']);
  await p.getByRole('radio', { name: 'Pas bien' }).check();
  await p.getByRole('textbox').fill('Trop de pièces demandées.');
  await humanPause(p);
  await p.getByRole('button', { name: 'Envoyer' }).click();
  await waitFor(async () => /Merci/.test(await shadow(p, '[role=status]').textContent()));
  assert.equal(await shadow(p, '[role=status]').textContent(), 'Merci ! Votre avis a bien été envoyé.', 'the CORS answer was readable');
  await waitFor(() => posts.length === 1);
  assert.equal(posts[0].status, 201);
  assert.deepEqual(Object.keys(posts[0].body).sort(), ['comment', 'elapsed', 'hp', 'id', 'lang', 'location', 'page', 'satisfaction', 'service', 'source']);
  assert.equal(posts[0].body.page, url);
  await p.close();
});

test('data-questions narrows the optional questions', async () => {
  const url = page('/narrow.html', 'data-service="aide-logement" data-questions="comment"');
  const p = await browser.newPage();
  await p.goto(url);
  await shadow(p, 'button.o').click();
  await shadow(p, 'dialog[open]').waitFor();
  assert.deepEqual(await legends(p), ["De façon générale, comment ça s'est passé ? (obligatoire)", 'Souhaitez-vous nous en dire plus ?']);
  await p.close();
});

test('an unknown service still opens the full form (the lookup 404s), and its rating is refused, not queued', async () => {
  const url = page('/unknown.html', 'data-service="nope"');
  const p = await browser.newPage();
  await p.goto(url);
  await shadow(p, 'button.o').click();
  await shadow(p, 'dialog[open]').waitFor();
  assert.equal((await legends(p)).length, 6, 'all questions, follow-ups included');
  await p.getByRole('radio', { name: 'Très bien' }).check();
  await p.getByRole('button', { name: 'Envoyer' }).click();
  await waitFor(async () => (await shadow(p, '[role=status]').textContent()) !== '');
  assert.equal(await shadow(p, '[role=status]').textContent(), "L'envoi a échoué.");
  assert.equal(await p.evaluate(() => localStorage.getItem('jdma:queue:v1')), null, 'nothing queued');
  await p.close();
});

test('a slow service lookup delays the dialog by 1.5 s at most, then shows every question', async () => {
  const url = page('/slow.html', 'data-service="carte-grise"');
  const p = await browser.newPage();
  await p.route('**/api/v1/public/services/**', async (route) => {
    await new Promise((r) => setTimeout(r, 5000));
    await route.continue().catch(() => {});
  });
  await p.goto(url);
  const started = Date.now();
  await shadow(p, 'button.o').click();
  await shadow(p, 'dialog[open]').waitFor();
  const waited = Date.now() - started;
  assert.ok(waited >= 1400 && waited < 3500, `opened after ${waited} ms`);
  assert.equal((await legends(p)).length, 6);
  await p.close();
});

test('without constructable stylesheets, the styles go in a <style> carrying the script nonce, allowed by the CSP', async () => {
  const p = await browser.newPage();
  const violations = [];
  p.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  // an older browser: constructable stylesheets missing
  await p.addInitScript(() => { CSSStyleSheet.prototype.replaceSync = () => { throw new TypeError('not supported'); }; });
  await p.route('**/examples/nonce.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'nonce-r4nd0m'; style-src 'nonce-r4nd0m'; connect-src 'self'" },
    body: '<!doctype html><html lang="fr"><head><title>Nonce</title></head><body><main><h1>Démarche terminée</h1></main>'
      + '<script nonce="r4nd0m" src="/widget/v1/jdma.js" defer data-service="aide-logement"></script></body></html>',
  }));
  await p.goto(collector.url + '/examples/nonce.html');
  const button = shadow(p, 'button.o');
  await button.waitFor();
  assert.equal(await shadow(p, 'style').count(), 1);
  assert.equal(await button.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 0, 145)', 'Bleu France: the stylesheet applied');
  assert.deepEqual(violations, []);
  await p.close();
});

test('a site that pinned an older widget with its integrity hash (the README\'s snippet of 1.0.0) keeps collecting after upgrades', async () => {
  // the hash the README published for 1.0.0: the browser refuses the script unless the collector serves exactly those bytes
  const pinned = 'integrity="sha384-biG5+jgJF+wPSvZhgJv6IMbXl3+i+3K1iXrXI2yq38iOGxVgiJL/QAGl5xrXaxqX" crossorigin="anonymous"';
  pages.set('/pinned.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Agence</title><link rel="icon" href="data:,"></head>
<body><main><h1>Démarche terminée</h1></main>
<script src="${collector.url}/widget/v1.0.0/jdma.js" defer ${pinned} data-service="carte-grise" data-location="75056"></script></body></html>`);
  const p = await browser.newPage();
  const posts = watchRatings(p);
  await p.goto(siteUrl + '/pinned.html');
  await shadow(p, 'button.o').click();
  await shadow(p, 'dialog[open]').waitFor();
  await p.getByRole('radio', { name: 'Moyen' }).check();
  await p.getByRole('button', { name: 'Envoyer' }).click();
  await waitFor(() => posts.length === 1);
  assert.equal(posts[0].status, 201);
  assert.equal(await shadow(p, '[role=status]').textContent(), 'Merci ! Votre avis a bien été envoyé.');
  const stored = (await exportedRatings(collector, 'carte-grise')).filter((r) => r.id === posts[0].body.id);
  assert.equal(stored.length, 1, 'stored once');
  assert.equal(stored[0].satisfaction, 'average');
  await p.close();
});
