// The widget end to end against the real collector: keyboard only under a strict CSP, and
// a rating that survives a network failure and is stored exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCollector, launchBrowser, focused, tabTo, watchViolations, watchRatings, waitFor, assertStoredOnce, humanPause } from './collector.js';

let collector, browser;
before(async () => {
  collector = await startCollector();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await collector?.stop();
});

const shadow = (page, selector) => page.locator('jdma-avis').locator(selector);

test('on the strict-CSP page, a keyboard-only visitor rates the procedure and the rating is stored', async (t) => {
  const page = await browser.newPage();
  const violations = await watchViolations(page);
  const posts = watchRatings(page);
  await page.goto(collector.url + '/examples/strict-csp.html?dossier=DEMO-42#recap');

  const opener = await tabTo(page, { tag: 'button', text: 'Je donne mon avis' });
  assert.equal(opener.text, 'Je donne mon avis');
  await page.keyboard.press('Enter');
  await shadow(page, 'dialog[open]').waitFor();
  assert.equal((await focused(page)).text, 'Fermer', 'the focus moved into the dialog');

  await tabTo(page, { name: 'satisfaction', value: 'good' });
  await page.keyboard.press('ArrowRight'); // native radios: arrows move and check
  assert.deepEqual(await focused(page), { tag: 'input', type: 'radio', name: 'satisfaction', value: 'average', text: '', checked: true });
  await tabTo(page, { name: 'clarity' });
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).value, '4');
  await tabTo(page, { name: 'help', value: 'phone' });
  await page.keyboard.press('Space');
  await tabTo(page, { name: 'helpReached' });
  await page.keyboard.press('Space'); // "Oui"
  await tabTo(page, { name: 'comment' });
  await page.keyboard.type('Rendez-vous pris en deux minutes.');
  await tabTo(page, { tag: 'button', text: 'Envoyer' });
  await humanPause(page); // the collector takes answers sent within 1.5 s of the questions for a bot's
  await page.keyboard.press('Enter');

  const status = shadow(page, '[role=status]');
  await waitFor(async () => /Merci/.test(await status.textContent()));
  assert.equal(await status.textContent(), 'Merci ! Votre avis a bien été envoyé.');
  assert.equal((await focused(page)).text, 'Fermer', 'the focus went to the close button');
  await page.keyboard.press('Escape');
  await waitFor(async () => !(await shadow(page, 'dialog').evaluate((d) => d.open)));
  assert.equal((await focused(page)).text, 'Je donne mon avis', 'Escape closed the dialog and the focus came back to the button');

  await waitFor(() => posts.length === 1); // the listener records the answer asynchronously
  const { body, status: code } = posts[0];
  assert.equal(code, 201);
  assert.deepEqual(body, {
    id: body.id, service: 'aide-logement', location: '75115', source: 'rdv', satisfaction: 'average', clarity: 4,
    help: ['phone'], helpReached: true, comment: 'Rendez-vous pris en deux minutes.',
    page: collector.url + '/examples/strict-csp.html', lang: 'fr', hp: '', elapsed: body.elapsed,
  });
  assert.ok(body.elapsed >= 1500, `elapsed counts from the questions shown (${body.elapsed} ms)`);
  assert.match(body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a time-ordered id (UUID v7)');
  const idTime = parseInt(body.id.slice(0, 8) + body.id.slice(9, 13), 16);
  assert.ok(Math.abs(idTime - Date.now()) < 600000, `the id starts with the time in ms (${idTime})`);
  const row = await assertStoredOnce(assert, collector, body);
  assert.equal(row.service, 'aide-logement');
  assert.equal(row.location, '75115');
  assert.equal(row.source, 'rdv');
  assert.equal(row.satisfaction, 'average');
  assert.equal(row.page, collector.url + '/examples/strict-csp.html');
  assert.deepEqual(await violations(), [], 'no CSP or Trusted Types violation');
  await page.close();
});

test('sending without answering question 1 shows a linked error and moves the focus to the group', async () => {
  const page = await browser.newPage();
  await page.goto(collector.url + '/examples/strict-csp.html');
  await shadow(page, 'button.o').click();
  await shadow(page, 'dialog[open]').waitFor();
  await shadow(page, 'form button').click();
  const error = shadow(page, '#e');
  assert.equal(await error.textContent(), 'Merci de répondre.');
  assert.equal(await shadow(page, 'fieldset').first().getAttribute('aria-describedby'), 'e');
  assert.deepEqual(await focused(page), { tag: 'input', type: 'radio', name: 'satisfaction', value: 'good', text: '', checked: false });
  await page.close();
});

test('offline, the rating is queued with a thank-you, then sent once when the network is back', async (t) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const posts = watchRatings(page);
  await page.goto(collector.url + '/examples/index.html');
  await page.route('**/api/v1/ratings', (route) => route.abort('internetdisconnected'));
  await shadow(page, 'button.o').click();
  await page.getByRole('radio', { name: 'Très bien' }).check();
  await page.getByRole('checkbox', { name: "Je n'ai pas eu besoin d'aide" }).check();
  await humanPause(page);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  const status = shadow(page, '[role=status]');
  await waitFor(async () => /Merci/.test(await status.textContent()));
  assert.equal(await status.textContent(), 'Merci ! Votre avis sera envoyé dès que possible.');

  const queued = JSON.parse(await page.evaluate(() => localStorage.getItem('jdma:queue:v1')));
  assert.equal(queued.length, 1);
  const id = queued[0].p.id;
  assert.deepEqual(queued[0].p.help, ['none']);
  assert.deepEqual(posts.map((p) => p.status), [0], 'one attempt, failed');

  await page.unroute('**/api/v1/ratings');
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await waitFor(async () => (await page.evaluate(() => localStorage.getItem('jdma:queue:v1'))) === null); // nothing left, not even the key
  await waitFor(() => posts.length === 2);
  assert.deepEqual(posts.map((p) => [p.body.id, p.status]), [[id, 0], [id, 201]], 'the same id, stored on the retry');

  // a later visit finds nothing left to send
  await page.reload();
  await page.waitForTimeout(500);
  assert.equal(posts.length, 2);
  await assertStoredOnce(assert, collector, posts[1].body);
  await context.close();
});

test('a 503 with Retry-After keeps the rating queued until that delay has passed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(collector.url + '/examples/index.html');
  let calls = 0;
  await page.route('**/api/v1/ratings', (route) => (calls++, route.fulfill({ status: 503, headers: { 'Retry-After': '120', 'Access-Control-Allow-Origin': '*' }, body: '' })));
  await shadow(page, 'button.o').click();
  await page.getByRole('radio', { name: 'Pas bien' }).check();
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await waitFor(async () => /Merci/.test(await shadow(page, '[role=status]').textContent()));
  const [item] = await page.evaluate(() => JSON.parse(localStorage.getItem('jdma:queue:v1')));
  assert.ok(item.w - Date.now() > 100_000, 'not before Retry-After');
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await page.waitForTimeout(300);
  assert.equal(calls, 1, 'even back online, nothing is sent before Retry-After');
  await context.close();
});

test('a 400 is never retried: the visitor sees a short error and nothing is queued', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(collector.url + '/examples/index.html');
  await page.route('**/api/v1/ratings', (route) => route.fulfill({ status: 400, contentType: 'application/problem+json', headers: { 'Access-Control-Allow-Origin': '*' }, body: '{"errors":[]}' }));
  await shadow(page, 'button.o').click();
  await page.getByRole('radio', { name: 'Moyen' }).check();
  await page.getByRole('button', { name: 'Envoyer' }).click();
  const status = shadow(page, '[role=status]');
  await waitFor(async () => (await status.textContent()) !== '');
  assert.equal(await status.textContent(), "L'envoi a échoué.");
  assert.ok(await shadow(page, 'form').isVisible(), 'the form stays');
  assert.equal(await page.evaluate(() => localStorage.getItem('jdma:queue:v1')), null, 'nothing queued');
  await context.close();
});
