// Widget v2 against the real collector: the inline mode under a strict CSP with Trusted
// Types (one tap stores the rating, the optional answers complete the same row), targets of
// 44 px, axe-core (WCAG 2.2 AA) in every state, dark mode and forced colours, the dialog as a
// full-height sheet on a phone, and an answer kept through a 403 until the origin is allowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import {
  startCollector, launchBrowser, watchRatings, watchViolations, waitFor, assertStoredOnce, axeViolations,
  screenshotPath, humanPause, freePort,
} from './collector.js';

const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const INLINE = '/examples/inline-strict-csp.html';

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
const status = (page) => shadow(page, '[role=status]');

/** Every element matching the selector in the widget is at least 44 × 44 CSS px. */
async function assertTargets(page, selector, count) {
  const boxes = await shadow(page, selector).evaluateAll((els) => els.filter((e) => e.offsetParent).map((e) => {
    const r = e.getBoundingClientRect();
    return [e.textContent.trim(), Math.round(r.width), Math.round(r.height)];
  }));
  assert.ok(boxes.length >= count, `${selector}: ${boxes.length} visible targets, ${count} expected at least`);
  for (const [text, width, height] of boxes) assert.ok(width >= 44 && height >= 44, `"${text}" is ${width} × ${height} px`);
}

for (const [device, options] of [['a phone (375 × 740, touch)', PHONE], ['a desktop (1280 px)', DESKTOP]]) {
  test(`inline mode on ${device}, strict CSP: one tap stores the rating, the optional answers complete the same row`, async () => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const posts = watchRatings(page);
    await page.goto(collector.url + INLINE);
    const good = page.getByRole('button', { name: 'Très bien' });
    await good.waitFor();
    assert.equal(await page.locator('#avis > jdma-avis').count(), 1, 'placed in data-target');
    assert.ok(await page.getByRole('group', { name: "De façon générale, comment ça s'est passé ?" }).isVisible());
    assert.equal(await shadow(page, 'svg').count(), 3, 'three drawn faces');
    assert.equal(await shadow(page, 'a[href$="/confidentialite"]').count(), 1, 'the privacy page is linked');
    await assertTargets(page, '.t button', 3);
    assert.deepEqual(await axeViolations(page), [], 'question 1 in the page');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false, 'no horizontal scrolling');

    await humanPause(page);
    await (options.hasTouch ? good.tap() : good.click());
    await waitFor(async () => /Merci/.test(await status(page).textContent()));
    assert.equal(await status(page).textContent(), 'Merci ! Votre avis a bien été envoyé.');
    assert.equal(await good.getAttribute('aria-pressed'), 'true');
    await waitFor(() => posts.length === 1);
    assert.equal(posts[0].status, 201);
    const first = posts[0].body;
    assert.deepEqual(Object.keys(first).sort(), ['elapsed', 'hp', 'id', 'lang', 'location', 'page', 'satisfaction', 'service', 'source']);
    assert.equal(first.hp, '');
    assert.ok(first.elapsed >= 1500, `elapsed ${first.elapsed} ms`);
    let row = await assertStoredOnce(assert, collector, first);
    assert.equal(row.satisfaction, 'good');
    assert.equal(row.clarity, '');

    // the optional questions appear in place, the focus on the first of them
    const clarity = page.getByRole('group', { name: "Qu'avez-vous pensé des informations et des instructions fournies ?" });
    await clarity.waitFor();
    assert.equal(await shadow(page, 'form').count(), 1);
    await assertTargets(page, '.s label', 5);
    await assertTargets(page, '.checkbox label', 8);
    assert.deepEqual(await axeViolations(page), [], 'optional questions shown');
    if (options.hasTouch) await page.screenshot({ path: screenshotPath('inline-phone.png'), fullPage: true });
    const four = page.getByRole('radio', { name: '4', exact: true });
    await (options.hasTouch ? four.tap() : four.check());
    await page.getByRole('checkbox', { name: 'Téléphone' }).check();
    await page.getByRole('radio', { name: 'Oui' }).check();
    await page.getByRole('textbox').fill('Rendez-vous trouvé vite.');
    await assertTargets(page, 'form button', 1);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await waitFor(() => posts.length === 2);
    assert.equal(posts[1].status, 200, 'a completion of the stored rating');
    assert.equal(posts[1].body.id, first.id);
    assert.equal(posts[1].body.satisfaction, 'good');
    await waitFor(async () => (await shadow(page, 'form').count()) === 0 || !(await shadow(page, 'form').isVisible()));
    assert.equal(await status(page).textContent(), 'Merci ! Votre avis a bien été envoyé.');
    assert.deepEqual(await axeViolations(page), [], 'completed');
    if (!options.hasTouch) await page.screenshot({ path: screenshotPath('inline-thanks.png') });

    row = await assertStoredOnce(assert, collector, first); // one row, completed
    assert.equal(row.satisfaction, 'good');
    assert.equal(row.clarity, '4');
    assert.equal(row.help, 'phone');
    assert.equal(row.help_reached, 'true');
    assert.equal(row.comment, 'Rendez-vous trouvé vite.');
    assert.equal(row.source, 'inline');
    assert.deepEqual(await violations(), [], 'no CSP or Trusted Types violation');
    assert.equal(await page.evaluate(() => localStorage.getItem('jdma:queue:v1')), null, 'nothing pending, no key left');
    await context.close();
  });
}

test('the dialog on a phone is a full-height sheet with tiles, a segmented scale and 44 px targets', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(collector.url + '/examples/index.html');
  await shadow(page, 'button.o').tap();
  const dialog = shadow(page, 'dialog[open]');
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 375, 740], 'the whole screen');
  await assertTargets(page, '.t label', 3);
  await assertTargets(page, '.s label', 5);
  await assertTargets(page, '.checkbox label', 8);
  await assertTargets(page, 'button', 2);
  assert.ok(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth), 'the 1-5 scale fits');
  assert.deepEqual(await axeViolations(page), [], 'open sheet');
  await context.close();
});

test('on a desktop the dialog shows faces, sections and the privacy link; the thank-you state is clean', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1200 } });
  const page = await context.newPage();
  const posts = watchRatings(page);
  await page.goto(collector.url + '/examples/index.html');
  await shadow(page, 'button.o').click();
  await shadow(page, 'dialog[open]').waitFor();
  assert.equal(await shadow(page, 'dialog svg').count(), 3);
  assert.equal(await shadow(page, 'dialog a').getAttribute('href'), collector.url + '/confidentialite');
  await page.getByRole('radio', { name: 'Moyen' }).check();
  await page.getByRole('radio', { name: '3', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Guichet' }).check();
  await assertTargets(page, '.t label', 3);
  await assertTargets(page, '.radio label', 2);
  assert.deepEqual(await axeViolations(page), [], 'open, answered');
  await page.waitForTimeout(300); // the backdrop is drawn a few frames after showModal()
  await page.screenshot({ path: screenshotPath('dialog-desktop.png') });
  await humanPause(page);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await waitFor(async () => /Merci/.test(await status(page).textContent()));
  assert.deepEqual(await axeViolations(page), [], 'thank-you state');
  await page.screenshot({ path: screenshotPath('thanks.png') });
  await waitFor(() => posts.length === 1);
  const row = await assertStoredOnce(assert, collector, posts[0].body);
  assert.equal(row.clarity, '3');
  await context.close();
});

test('the error under question 1 disappears once it is answered', async () => {
  const page = await browser.newPage();
  await page.goto(collector.url + '/examples/index.html');
  await shadow(page, 'button.o').click();
  await shadow(page, 'dialog[open]').waitFor();
  await page.getByRole('button', { name: 'Envoyer' }).click();
  assert.equal(await shadow(page, '#e').textContent(), 'Merci de répondre.');
  assert.deepEqual(await axeViolations(page), [], 'with the error');
  await page.keyboard.press('ArrowDown'); // the focused group: arrows pick an answer
  assert.equal(await shadow(page, '#e').textContent(), '');
  assert.equal(await shadow(page, 'fieldset').first().getAttribute('aria-describedby'), null);
  await page.close();
});

test('the honeypot is hidden and never reached with the keyboard', async () => {
  const page = await browser.newPage();
  await page.goto(collector.url + '/examples/index.html');
  await shadow(page, 'button.o').click();
  await shadow(page, 'dialog[open]').waitFor();
  const hp = shadow(page, 'input[name=hp]');
  assert.equal(await hp.isVisible(), false);
  assert.equal(await hp.inputValue(), '');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.querySelector('jdma-avis').shadowRoot.activeElement?.name), 'hp');
  }
  await page.close();
});

for (const [name, media] of [['dark mode', { colorScheme: 'dark' }], ['forced colours', { forcedColors: 'active' }]]) {
  test(`${name}: the inline block and the dialog render, the chosen answer stays visible`, async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.emulateMedia(media);
    await page.goto(collector.url + INLINE);
    const average = page.getByRole('button', { name: 'Moyen' });
    await average.waitFor();
    if (media.colorScheme) {
      const colours = await shadow(page, '.r').evaluate((r) => [getComputedStyle(r).color, getComputedStyle(r).backgroundColor]);
      assert.deepEqual(colours, ['rgb(206, 206, 206)', 'rgb(22, 22, 22)'], 'light text on a dark block');
    }
    await humanPause(page);
    await average.tap();
    await waitFor(async () => /Merci/.test(await status(page).textContent()));
    if (media.forcedColors) assert.equal(await average.evaluate((b) => getComputedStyle(b).borderTopWidth), '4px', 'a thick system-colour border');
    else assert.equal(await average.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(42, 42, 85)', 'the dark highlight');
    assert.deepEqual(await axeViolations(page), [], `${name}, optional questions shown`);
    const slug = media.colorScheme ? 'dark' : 'forced-colors';
    await page.screenshot({ path: screenshotPath(`inline-${slug}.png`), fullPage: true });

    await page.goto(collector.url + '/examples/index.html');
    await shadow(page, 'button.o').tap();
    await shadow(page, 'dialog[open]').waitFor();
    await page.getByRole('radio', { name: 'Pas bien' }).check();
    if (media.forcedColors) assert.equal(await shadow(page, '.t label').nth(2).evaluate((l) => getComputedStyle(l).borderTopWidth), '4px');
    assert.deepEqual(await axeViolations(page), [], `${name}, dialog`);
    await page.screenshot({ path: screenshotPath(`dialog-${slug}.png`) });
    await context.close();
  });
}

test('a 403 (origin not allowed yet) keeps the answer, the citizen reads it will be sent, and it goes once the origin is allowed', async () => {
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  const site = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Agence</title><link rel="icon" href="data:,"></head>
<body><main><h1>Démarche terminée</h1><div id="avis"></div></main>
<script src="${collector.url}/widget/v1/jdma.js" defer data-service="permis" data-mode="inline" data-target="#avis"></script></body></html>`);
  });
  await new Promise((r) => site.listen(port, '127.0.0.1', r));
  try {
    const created = await collector.admin('POST', '/api/v1/admin/services', {
      id: 'permis', name: 'Permis de conduire', organisation: 'ANTS (démonstration)',
      allowedOrigins: ['https://autre.example.fr'], public: false, hiddenQuestions: [], enabled: true,
    });
    assert.equal(created.status, 201, await created.text());
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const posts = watchRatings(page);
    await page.goto(siteUrl + '/fin.html');
    await humanPause(page);
    await page.getByRole('button', { name: 'Pas bien' }).tap();
    await waitFor(() => posts.length === 1);
    assert.equal(posts[0].status, 403);
    await waitFor(async () => /Merci/.test(await status(page).textContent()));
    assert.equal(await status(page).textContent(), 'Merci ! Votre avis sera envoyé dès que possible.');
    const queued = JSON.parse(await page.evaluate(() => localStorage.getItem('jdma:queue:v1')));
    assert.deepEqual(queued.map((i) => i.p.id), [posts[0].body.id], 'kept in the local queue');

    // the webmaster allows the site's origin; the next flush (here: back online) delivers it
    const fixed = await collector.admin('PUT', '/api/v1/admin/services/permis', { allowedOrigins: ['https://autre.example.fr', siteUrl] });
    assert.equal(fixed.status, 200, await fixed.text());
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await waitFor(() => posts.some((p) => p.status === 201));
    await waitFor(async () => (await page.evaluate(() => localStorage.getItem('jdma:queue:v1'))) === null);
    const row = await assertStoredOnce(assert, collector, posts[0].body);
    assert.equal(row.satisfaction, 'bad');
    await context.close();
  } finally {
    await new Promise((r) => site.close(r));
  }
});
