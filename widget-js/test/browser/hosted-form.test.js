// The hosted form at /avis/{service}: filled and sent in a browser with JavaScript turned off,
// as from an e-mail link; accessible (axe-core) and readable at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCollector, launchBrowser, exportedRatings, axeViolations } from './collector.js';

let collector, browser;
before(async () => {
  collector = await startCollector();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await collector?.stop();
});

test('the hosted form is sent without JavaScript and the answer is stored with its location and source', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(collector.url + '/avis/aide-logement?location=75056&source=email');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  const id = await page.getAttribute('input[name=id]', 'value');

  await page.getByRole('radio', { name: 'Moyen' }).check();
  await page.getByRole('radio', { name: '4', exact: true }).first().check();
  await page.getByRole('checkbox', { name: 'Téléphone' }).check();
  await page.getByRole('group', { name: "Avez-vous réussi à joindre l'administration ?" }).getByRole('radio', { name: 'Non' }).check();
  await page.getByRole('textbox', { name: 'Souhaitez-vous nous en dire plus ?' }).fill('Trop d\'attente au téléphone 😕 <b>');
  // A person takes more than 1.5 s to answer; an answer sent sooner is a robot's and is not stored.
  await page.waitForTimeout(1600);
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();

  await page.getByRole('heading', { name: 'Merci !' }).waitFor();
  const rows = await exportedRatings(collector, 'aide-logement');
  const row = rows.find((r) => r.id === id);
  assert.ok(row, 'the rating is in the export');
  assert.equal(row.location, '75056');
  assert.equal(row.source, 'email');
  assert.equal(row.satisfaction, 'average');
  assert.equal(row.clarity, '4');
  assert.equal(row.help, 'phone');
  assert.equal(row.help_reached, 'false');
  assert.equal(row.comment, 'Trop d\'attente au téléphone 😕 <b>');
  assert.equal(rows.filter((r) => r.id === id).length, 1);
  await context.close();
});

test('without the required answer, the form comes back with an error summary and the answers kept', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(collector.url + '/avis/aide-logement');
  const comment = page.getByRole('textbox', { name: 'Souhaitez-vous nous en dire plus ?' });
  await comment.fill('Mon avis');
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();

  await page.getByRole('alert').waitFor();
  assert.match(await page.title(), /^Erreur/);
  assert.equal(await comment.inputValue(), 'Mon avis');
  await page.getByRole('alert').getByRole('link').first().click();
  assert.match(page.url(), /#satisfaction$/);
  await context.close();
});

test('axe-core finds no WCAG 2.1 A/AA violation on the hosted form, its error state and its thank-you page', async () => {
  // The form's own CSP forbids injected scripts: axe is injected by the test with CSP bypassed.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(collector.url + '/avis/aide-logement');
  assert.deepEqual(await axeViolations(page), [], 'form');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll at 320 px');
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await page.getByRole('alert').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'error state');
  await page.getByRole('radio', { name: 'Très bien' }).check();
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await page.getByRole('heading', { name: 'Merci !' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'thank-you page');
  await context.close();
});
