// RGAA / WCAG 2.1 AA with axe-core, English, reflow at 320 px, and a host page left as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCollector, launchBrowser, watchRatings, waitFor, screenshotPath, axeViolations } from './collector.js';

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

test('axe-core finds no WCAG 2.1 A/AA violation: closed button, open dialog, thank-you state', async () => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1100 } }); // the whole dialog in the picture
  await page.goto(collector.url + '/examples/index.html');
  await shadow(page, 'button.o').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'closed');
  await page.screenshot({ path: screenshotPath('button.png') });

  await shadow(page, 'button.o').click();
  await shadow(page, 'dialog[open]').waitFor();
  await page.getByRole('radio', { name: 'Très bien' }).check();
  await page.getByRole('checkbox', { name: 'Guichet' }).check(); // shows the follow-up questions
  await page.getByRole('radio', { name: 'Oui' }).check();
  await page.getByRole('textbox').fill("Merci à Madame Dupont, qui m'a bien aidé au guichet.");
  assert.deepEqual(await axeViolations(page), [], 'open, with the follow-up questions and a hint');
  await page.waitForTimeout(500); // the backdrop is drawn a few frames after showModal()
  await page.screenshot({ path: screenshotPath('dialog.png') });

  await page.getByRole('button', { name: 'Envoyer' }).click();
  await waitFor(async () => /Merci/.test(await shadow(page, '[role=status]').textContent()));
  assert.deepEqual(await axeViolations(page), [], 'thank-you state');
  await page.close();
});

test('the dialog is a labelled modal with the widget language, and the hints are announced politely', async () => {
  const page = await browser.newPage();
  await page.goto(collector.url + '/examples/index.html');
  await shadow(page, 'button.o').click();
  const dialog = page.getByRole('dialog', { name: 'Je donne mon avis' });
  await dialog.waitFor();
  assert.equal(await shadow(page, '.r').getAttribute('lang'), 'fr');
  const hint = shadow(page, '[aria-live=polite]');
  await page.getByRole('textbox').fill('Mon dossier 123456789 est bloqué');
  assert.match(await hint.textContent(), /^Votre réponse est anonyme/);
  await page.getByRole('textbox').fill('Dossier traité rapidement.');
  assert.equal(await hint.textContent(), '');
  assert.equal(await shadow(page, '#c').textContent(), '26/2000');
  await page.close();
});

test('with data-lang="en" the widget speaks English and sends lang "en"', async () => {
  const page = await browser.newPage();
  const posts = watchRatings(page);
  await page.route('**/examples/english.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><title>English page</title></head><body><main><h1>Application received</h1></main>'
      + '<script src="/widget/v1/jdma.js" defer data-service="aide-logement" data-location="75056" data-lang="en"></script></body></html>',
  }));
  await page.goto(collector.url + '/examples/english.html');
  await page.getByRole('button', { name: 'Give your feedback' }).click();
  await page.getByRole('dialog', { name: 'Give your feedback' }).waitFor();
  assert.equal(await shadow(page, '.r').getAttribute('lang'), 'en');
  assert.ok(await page.getByRole('group', { name: 'Overall, how did it go? (required)' }).isVisible());
  await page.getByRole('radio', { name: 'Very good' }).check();
  await page.getByRole('radio', { name: '5 Very clear' }).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await waitFor(async () => /Thank you/.test(await shadow(page, '[role=status]').textContent()));
  await waitFor(() => posts.length === 1);
  assert.equal(posts[0].status, 201);
  assert.equal(posts[0].body.lang, 'en');
  assert.equal(posts[0].body.clarity, 5);
  await page.close();
});

test('the host page keeps its own styles and DOM: the widget only adds its own element', async () => {
  const probe = () => {
    const pick = (el) => {
      const s = getComputedStyle(el);
      return [s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.margin, s.padding, s.lineHeight, s.display].join('|');
    };
    return {
      styles: ['body', 'h1', 'main', '.card', 'a.button', 'dd', 'nav a', 'footer p'].map((sel) => sel + ' ' + pick(document.querySelector(sel))),
      children: [...document.body.children].map((el) => el.tagName.toLowerCase()),
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
    };
  };
  const page = await browser.newPage();
  await page.route('**/widget/v1/jdma.js', (route) => route.abort());
  await page.goto(collector.url + '/examples/index.html');
  const without = await page.evaluate(probe);
  await page.unroute('**/widget/v1/jdma.js');
  await page.goto(collector.url + '/examples/index.html');
  await shadow(page, 'button.o').waitFor();
  const withWidget = await page.evaluate(probe);
  assert.deepEqual(withWidget.styles, without.styles);
  assert.equal(withWidget.sheets, without.sheets);
  assert.equal(withWidget.adopted, 0, 'no stylesheet adopted by the page itself');
  assert.deepEqual(withWidget.children, [...without.children, 'jdma-avis']);

  await shadow(page, 'button.o').click();
  await shadow(page, 'dialog[open]').waitFor();
  assert.deepEqual((await page.evaluate(probe)).styles, without.styles, 'nor when the dialog is open');
  await page.close();
});

test('at 320 px wide the page and the dialog reflow without horizontal scrolling', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  const scrolls = () => page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  await page.goto(collector.url + '/examples/index.html');
  await shadow(page, 'button.o').waitFor();
  assert.equal(await scrolls(), false);
  const button = await shadow(page, 'button.o').boundingBox();
  assert.ok(button.x >= 0 && button.x + button.width <= 320, 'the floating button fits');
  await shadow(page, 'button.o').click();
  await page.getByRole('checkbox', { name: 'Téléphone' }).check();
  const dialog = shadow(page, 'dialog');
  const box = await dialog.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 320, `the dialog fits (${box.x}, ${box.width})`);
  assert.ok(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth), 'nothing overflows inside the dialog');
  assert.equal(await scrolls(), false);
  await page.close();
});
