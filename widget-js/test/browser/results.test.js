// The public results page (/resultats/{service}) in a real browser: accessible, readable on a
// phone (375 and 320 px), no score under 100 answers, a commune found without JavaScript; and the
// screenshot the README shows (demo mode's synthetic year, at 1280 px).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startCollector, launchBrowser, screenshotPath, axeViolations, waitFor } from './collector.js';

let collector, browser;
before(async () => {
  collector = await startCollector();
  browser = await launchBrowser();
  // 130 answers in Paris (75056), 160 in Marseille (13055), 40 in Lyon (69123: under the threshold).
  const plan = [['75056', 130, ['good', 'good', 'good', 'average', 'bad']], ['13055', 160, ['good', 'average', 'bad', 'bad']],
    ['69123', 40, ['good']]];
  for (const [location, count, cycle] of plan) {
    for (let i = 0; i < count; i++) {
      const r = await fetch(collector.url + '/api/v1/ratings', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Origin: collector.url },
        body: JSON.stringify({ id: randomUUID(), service: 'aide-logement', location, satisfaction: cycle[i % cycle.length], clarity: 1 + (i % 5) }),
      });
      assert.equal(r.status, 201);
    }
  }
});
after(async () => {
  await browser?.close();
  await collector?.stop();
});

test('the public results page shows each location with its level, and none under 100 answers', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.goto(collector.url + '/resultats/aide-logement');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  const text = await page.textContent('main');
  assert.match(text, /75056/);
  assert.match(text, /Nombre d'avis insuffisant/);
  assert.match(text, /Très bien|Insuffisant|Critique/);

  assert.deepEqual(await axeViolations(page), []);

  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll at 320 px');
  await context.close();
});

// Demo mode seeds a year of synthetic answers in its own public service, in the background once
// the collector answers: every level has data once the nation counts them all.
const DEMO = '/resultats/exemple-synthetique';
const SEEDED = 5025;
let seeded;
function demoSeeded() {
  seeded ??= waitFor(async () => {
    const r = await fetch(collector.url + '/api/v1/public/stats?service=exemple-synthetique&level=national');
    return r.ok && (await r.json()).groups[0]?.answers === SEEDED;
  }, 120_000);
  return seeded;
}
const VIEWS = ['', '?level=commune', '?level=departement', '?level=region', '?level=commune&code=75056', '?level=departement&code=94',
  '?level=commune&code=2A004', '?q=saint-denis'];

/** What a phone reader would trip on: page wider than the screen, chart text under 12 px, a word broken or overflowing in a table. */
function readability(page) {
  return page.evaluate(() => {
    const problems = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const text of document.querySelectorAll('svg.chart text')) {
      const size = parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 1);
      if (size < 12) problems.push(`chart text "${text.textContent}" at ${size}px`);
    }
    for (const cell of document.querySelectorAll('table th, table td')) {
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`cell "${cell.textContent}" overflows`);
      const style = getComputedStyle(cell);
      if (style.overflowWrap === 'anywhere' || style.wordBreak === 'break-all' || style.hyphens === 'auto') problems.push(`cell "${cell.textContent}" may break words`);
    }
    return problems;
  });
}

test('at 375 and 320 px every view of the results reads without horizontal scroll, small chart text or broken words, and axe finds nothing', async () => {
  await demoSeeded();
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  for (const view of VIEWS) {
    await page.setViewportSize({ width: 375, height: 800 });
    const response = await page.goto(collector.url + DEMO + view);
    assert.equal(response.status(), 200, view);
    assert.deepEqual(await readability(page), [], `375 px ${view}`);
    assert.deepEqual(await axeViolations(page), [], `axe ${view}`);
    await page.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await readability(page), [], `320 px ${view}`);
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(collector.url + DEMO + '?level=commune&code=75056');
  await page.setViewportSize({ width: 375, height: 812 });
  await page.evaluate(() => document.getElementById('lieu').scrollIntoView());
  await page.screenshot({ path: screenshotPath('results-375.png') });
  await context.close();
});

test('without JavaScript a citizen finds a commune by postal code, reads it, then its département', async () => {
  await demoSeeded();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(collector.url + DEMO);
  await page.fill('#q', '13001');
  await Promise.all([page.waitForURL(/level=commune&code=13055/), page.click('form.search button')]);
  assert.equal(await page.textContent('#lieu'), 'Marseille');
  assert.match(await page.textContent('main'), /Bouches-du-Rhône \(13\)/);
  await Promise.all([page.waitForURL(/level=departement&code=13/), page.click('table a:text-is("Bouches-du-Rhône")')]);
  assert.equal(await page.textContent('#lieu'), 'Bouches-du-Rhône');

  await page.goto(collector.url + DEMO);
  await page.fill('#q', 'Saint-Denis');
  await page.click('form.search button');
  assert.match(await page.textContent('main'), /Communes correspondant à « Saint-Denis »/);
  await Promise.all([page.waitForURL(/code=97411/), page.click('a[href$="code=97411"]')]);
  assert.match(await page.textContent('.context'), /La Réunion/);
  await context.close();
});

test('the README screenshot: a commune of the demo at 1280 px, its indicators, trend and the places holding it', async () => {
  await demoSeeded();
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(collector.url + DEMO + '?level=commune&code=75056');
  assert.equal(await page.textContent('#lieu'), 'Paris');
  assert.equal(await page.locator('.cards .card').count(), 5);
  assert.ok(await page.locator('svg.chart rect').count() > 0, 'the trend has bars');
  assert.deepEqual(await readability(page), []);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: screenshotPath('results.png'), fullPage: true });
  await context.close();
});
