// The privacy page (/confidentialite) in a real browser: reachable from the hosted form,
// accessible (axe), readable on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCollector, launchBrowser, axeViolations } from './collector.js';

let collector, browser;
before(async () => {
  collector = await startCollector();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await collector?.stop();
});

test('the privacy page is linked from the hosted form, in French, and passes axe', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.goto(collector.url + '/avis/aide-logement');
  await page.click('a[href="/confidentialite"]');
  await page.waitForURL(/\/confidentialite$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.textContent('h1'), 'Données personnelles et confidentialité');
  const text = await page.textContent('main');
  assert.match(text, /jdma_session/);
  assert.match(text, /adresse IP/);
  assert.match(text, /effacement/);
  assert.equal((await context.cookies()).length, 0, 'no cookie for citizens');
  await context.close();

  const checked = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 900 } });
  const again = await checked.newPage();
  await again.goto(collector.url + '/confidentialite');
  assert.deepEqual(await axeViolations(again), []);
  await again.setViewportSize({ width: 320, height: 800 });
  assert.ok(await again.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll at 320 px');
  await checked.close();
});
