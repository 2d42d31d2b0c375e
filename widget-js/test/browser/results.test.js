// The public results page (/resultats/{service}) in a real browser: accessible, readable on a
// phone, no score under 100 answers; and the screenshot the README shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startCollector, launchBrowser, screenshotPath, axeViolations } from './collector.js';

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
  await page.screenshot({ path: screenshotPath('results.png'), fullPage: true });

  assert.deepEqual(await axeViolations(page), []);

  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll at 320 px');
  await context.close();
});
