// The back office in Chromium, as its people use it: sign in with the keyboard, create a service
// for an agency site, paste its snippet in that site, answer through the widget, find the answer on
// the dashboard and among the comments, filter, download the CSV, sign out. Every page passes
// axe-core (WCAG 2.1 AA) at 1280 px and at 375 px; the README's screenshots come from here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { startCollector, launchBrowser, waitFor, startSite, screenshotPath, axeViolations, parseCsv, ADMIN_TOKEN, focused, tabTo, watchViolations, humanPause } from './collector.js';

let collector, browser, site, siteUrl, pages;

before(async () => {
  collector = await startCollector();
  browser = await launchBrowser();
  site = await startSite(); // the agency's web server, another origin than the collector's
  siteUrl = site.url;
  pages = site.pages;
});
after(async () => {
  await browser?.close();
  await collector?.stop();
  await site?.close();
});

const shadow = (p, selector) => p.locator('jdma-avis').locator(selector);

/** Types into the focused field, then presses Enter: how a person submits a short form. */
async function typeAndEnter(page, text) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** axe at 1280 px and at 375 px (no horizontal scroll either), and a screenshot at 1280 px. */
async function checkPage(page, name, { shot } = {}) {
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(await axeViolations(page), [], `${name} at 1280 px`);
  if (shot) await page.screenshot({ path: screenshotPath(shot), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  assert.deepEqual(await axeViolations(page), [], `${name} at 375 px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), `${name}: no horizontal scroll at 375 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('sign in, create a service, answer from its site, see it on the dashboard and in the comments, filter, download, sign out', async () => {
  const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true, viewport: { width: 1280, height: 900 } }) // axe is injected;
  const page = await context.newPage();

  // Sign in with the keyboard: the skip link, then the token field, Enter.
  await page.goto(collector.url + '/admin');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await checkPage(page, 'sign-in page');
  await page.getByLabel("Jeton d'accès").focus();
  await typeAndEnter(page, ADMIN_TOKEN);
  await page.waitForURL('**/admin/services');
  const cookies = await context.cookies(collector.url + '/admin');
  const session = cookies.find((c) => c.name === 'jdma_session');
  assert.ok(session && session.httpOnly && session.sameSite === 'Strict' && session.path === '/admin', JSON.stringify(cookies));

  // Create a service for the agency's site with the keyboard alone: Tab to each field, type, Space to tick, Enter to send.
  await tabTo(page, { tag: 'a', text: 'Créer un service' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/admin/services/nouveau');
  await tabTo(page, { name: 'id' });
  await page.keyboard.type('aide-energie');
  await page.keyboard.press('Tab'); // leaves the id field: its hint is not a field
  assert.equal((await focused(page)).name, 'name');
  await page.keyboard.type('Chèque énergie');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Agence de services et de paiement');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'origins');
  await page.keyboard.type(siteUrl);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'locationNames');
  await page.keyboard.type('asp-paris = ASP Paris');
  await page.keyboard.press('Enter'); // a new line in the text area, not the form sent
  await page.keyboard.type('asp-lyon = ASP Lyon');
  assert.equal(new URL(page.url()).pathname, '/admin/services/nouveau');
  await tabTo(page, { name: 'public' }); // past the hidden questions, left unticked
  await page.keyboard.press('Space');
  assert.equal((await focused(page)).checked, true);
  await tabTo(page, { tag: 'button', text: 'Créer le service' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/admin/services/aide-energie?cree=1');
  assert.match(await page.textContent('main'), /Le service est créé/);
  const created = await (await collector.admin('GET', '/api/v1/admin/services/aide-energie')).json();
  assert.deepEqual(created.locationNames, { 'asp-lyon': 'ASP Lyon', 'asp-paris': 'ASP Paris' });
  assert.equal(created.public, true);
  assert.deepEqual(created.hiddenQuestions, []);

  // Its snippet, pasted into the agency's page.
  await page.getByRole('link', { name: 'Code à intégrer' }).click();
  await checkPage(page, 'snippet page');
  const snippet = await page.textContent('#snippet');
  assert.match(snippet, /data-service="aide-energie"/);
  pages.set('/confirmation.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Demande envoyée</title><link rel="icon" href="data:,"></head>
<body><main><h1>Votre demande est envoyée</h1></main>${snippet}</body></html>`);

  // A citizen answers on the agency's site.
  const citizen = await browser.newPage();
  await citizen.goto(siteUrl + '/confirmation.html');
  await shadow(citizen, 'button.o').click();
  await shadow(citizen, 'dialog[open]').waitFor();
  await citizen.getByRole('radio', { name: 'Très bien' }).check();
  await citizen.getByRole('textbox').fill('Formulaire très clair, merci.');
  await humanPause(citizen); // faster than a person is a bot: answered 201, stored nothing
  await citizen.getByRole('button', { name: 'Envoyer' }).click();
  await waitFor(async () => /Merci/.test(await shadow(citizen, '[role=status]').textContent()));
  assert.equal((await citizen.context().cookies()).length, 0, 'the citizen gets no cookie');
  await citizen.close();

  // The dashboard counts it.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await waitFor(async () => {
    await page.reload();
    return /1 avis du/.test(await page.textContent('main'));
  });
  assert.match(await page.textContent('.cards'), /10,0/);

  // The comments show it; a keyword filter finds it, another does not.
  await page.getByRole('link', { name: 'Avis', exact: true }).click();
  assert.match(await page.textContent('main'), /Formulaire très clair, merci\./);
  await page.getByLabel('Mot dans le commentaire').focus();
  await typeAndEnter(page, 'clair');
  await page.waitForURL(/q=clair/);
  assert.match(await page.textContent('main'), /Formulaire très clair/);
  await page.getByLabel('Mot dans le commentaire').fill('introuvable');
  await page.getByLabel('Mot dans le commentaire').press('Enter');
  await page.waitForURL(/q=introuvable/);
  assert.match(await page.textContent('main'), /Aucun avis avec commentaire ne correspond/);

  // The CSV through the session.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Avis (CSV)', exact: true }).click()]);
  const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].service, 'aide-energie');
  assert.equal(rows[0].comment, 'Formulaire très clair, merci.');

  // Sign out with the keyboard; the pages are closed again.
  await page.getByRole('button', { name: 'Se déconnecter' }).press('Enter');
  await page.waitForURL('**/admin/connexion?deconnexion=1');
  assert.match(await page.textContent('main'), /Vous êtes déconnecté/);
  await page.goto(collector.url + '/admin/services');
  await page.waitForURL('**/admin/connexion');
  await context.close();
});

test('every back-office page passes axe-core at 1280 px and 375 px; screenshots for the README', async () => {
  // Enough answers for a dashboard worth looking at: two places, comments, a flagged one.
  const cycle = ['good', 'good', 'average', 'good', 'bad'];
  for (let i = 0; i < 140; i++) {
    const r = await fetch(collector.url + '/api/v1/ratings', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: collector.url },
      body: JSON.stringify({
        id: randomUUID(), service: 'aide-logement', location: i % 3 ? '75056' : '13055', source: i % 4 ? 'button' : 'email',
        satisfaction: cycle[i % cycle.length], clarity: 1 + (i % 5), help: i % 2 ? ['none'] : ['phone'], helpReached: i % 2 ? undefined : i % 3 !== 0,
        helpQuality: i % 2 ? undefined : 1 + (i % 5),
        comment: i % 10 === 0 ? `Démarche rapide, merci (${i}).` : i === 7 ? 'Appelez-moi au 06 12 34 56 78 svp' : undefined,
      }),
    });
    assert.equal(r.status, 201, await r.text());
  }
  const owner = await (await collector.admin('POST', '/api/v1/admin/tokens', { name: 'Webmestre CAF', role: 'owner', services: ['aide-logement'] })).json();
  const refused = await fetch(collector.url + '/api/v1/ratings', {
    method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: 'https://www.caf.fr' },
    body: JSON.stringify({ service: 'aide-logement', satisfaction: 'good' }),
  });
  assert.equal(refused.status, 403);

  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } }); // axe is injected
  const page = await context.newPage();
  await page.goto(collector.url + '/admin/connexion');
  await page.getByLabel("Jeton d'accès").fill('mauvais-jeton');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await checkPage(page, 'sign-in page with an error');
  await page.getByLabel("Jeton d'accès").fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/admin/services');
  await checkPage(page, 'services list');

  await page.goto(collector.url + '/admin/services/aide-logement');
  assert.match(await page.textContent('main'), /https:\/\/www\.caf\.fr/, 'the refused origin is listed');
  await checkPage(page, 'dashboard', { shot: 'admin-dashboard.png' });
  await page.goto(collector.url + '/admin/services/aide-logement/avis');
  await checkPage(page, 'comments', { shot: 'admin-comments.png' });
  await page.goto(collector.url + '/admin/services/aide-logement/reglages');
  await checkPage(page, 'settings', { shot: 'admin-service.png' });
  await page.goto(collector.url + '/admin/services/aide-logement/code');
  await checkPage(page, 'snippet');
  await page.goto(collector.url + '/admin/services/nouveau');
  await page.getByRole('button', { name: 'Créer le service' }).click();
  assert.match(await page.textContent('main'), /Le service n'a pas été créé/);
  await checkPage(page, 'new service form with errors');
  await page.goto(collector.url + '/admin/jetons');
  await page.getByLabel('Nom').fill('Équipe statistiques');
  await page.getByLabel('Tous les services').check();
  await page.getByRole('button', { name: 'Créer le jeton' }).click();
  assert.match(await page.textContent('#new-token'), /^jdma_/);
  await checkPage(page, 'tokens page with a new token');

  // The owner: settings and moderation of their service, no tokens page.
  const ownerContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const ownerPage = await ownerContext.newPage();
  await ownerPage.goto(collector.url + '/admin');
  await ownerPage.getByLabel("Jeton d'accès").fill(owner.token);
  await ownerPage.getByRole('button', { name: 'Se connecter' }).click();
  await ownerPage.waitForURL('**/admin/services');
  assert.equal(await ownerPage.getByRole('link', { name: "Jetons d'accès" }).count(), 0);
  await ownerPage.goto(collector.url + '/admin/services/aide-logement/avis?flag=signale');
  assert.match(await ownerPage.textContent('main'), /\[téléphone\]/);
  await ownerPage.getByRole('button', { name: 'Marquer comme relu' }).first().click();
  await ownerPage.waitForURL(/fait=relu/);
  await checkPage(ownerPage, 'comments as owner after an action');
  await ownerContext.close();
  await context.close();
});

test('under their real Content-Security-Policy the back-office pages run no inline code, and the preview is the real widget', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const violations = await watchViolations(page);
  await page.goto(collector.url + '/admin');
  await page.getByLabel("Jeton d'accès").fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/admin/services');
  for (const path of ['/admin/services/aide-logement', '/admin/services/aide-logement/avis', '/admin/services/aide-logement/reglages', '/admin/jetons']) {
    await page.goto(collector.url + path);
  }
  await page.goto(collector.url + '/admin/services/aide-logement/code');
  await page.locator('#apercu jdma-avis').waitFor();
  assert.deepEqual(await violations(), []);
  await context.close();
});
