// Test support for the browser tests: the real collector jar on a free port over a fresh
// H2 database, headless Chromium, and readers for what the collector stored.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const WIDGET_DIR = resolve(here, '../..');
export const REPO_DIR = resolve(WIDGET_DIR, '..');
export const ADMIN_TOKEN = 'secret';

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    }).on('error', fail);
  });
}

/** Starts the jar (JDMA_JAR or ../collector/target/jdma-collector.jar) in demo mode; resolves when /health answers 200. */
export async function startCollector() {
  const jar = resolve(WIDGET_DIR, process.env.JDMA_JAR || '../collector/target/jdma-collector.jar');
  if (!existsSync(jar)) throw new Error(`no collector jar at ${jar}: run "mvn -q -DskipTests package" from the repository root first`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jdma-browser-'));
  const log = [];
  const child = spawn('java', ['-jar', jar], {
    env: { ...process.env, JDMA_PORT: String(port), JDMA_DB_URL: `jdbc:h2:file:${dir}/jdma`, JDMA_ADMIN_TOKEN: ADMIN_TOKEN, JDMA_DEMO: 'true', JDMA_RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the collector exited (${child.exitCode}):\n${log.join('')}`);
    try {
      if ((await fetch(url + '/health')).status === 200) break;
    } catch (e) {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the collector did not answer /health within 60 s:\n${log.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
    admin(method, path, body) {
      return fetch(url + path, {
        method,
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: body && JSON.stringify(body),
      });
    },
  };
}

/**
 * An agency's own web server on another origin than the collector's: `pages` maps a path to the
 * HTML it serves (404 otherwise).
 */
export async function startSite() {
  const pages = new Map();
  const port = await freePort();
  const server = createHttpServer((req, res) => {
    const body = pages.get(req.url.split('?')[0]);
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body || 'not found');
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, pages, close: () => new Promise((r) => server.close(r)) };
}

/** Headless Debian Chromium with a fresh profile (never downloads a browser). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** RFC 4180 CSV to an array of objects keyed by the header line. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += c, i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), cell = '';
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), row = [], cell = '';
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The stored ratings of a service, read back through the analyst CSV export with a fresh token. */
export async function exportedRatings(collector, service) {
  const tokenResponse = await collector.admin('POST', '/api/v1/admin/tokens', { name: 'browser-tests', services: ['*'] });
  if (!tokenResponse.ok) throw new Error(`POST /api/v1/admin/tokens answered ${tokenResponse.status}`);
  const { token } = await tokenResponse.json();
  const r = await fetch(`${collector.url}/api/v1/exports/ratings.csv?service=${service}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`the export answered ${r.status}`);
  return parseCsv((await r.text()).replace(/^\uFEFF/, ''));
}

/**
 * Where the tests write their screenshots: under target/ so a test run leaves the clone clean;
 * `npm run screenshots` points JDMA_SCREENSHOTS at docs/screenshots to refresh the README's copies.
 */
export function screenshotPath(name) {
  const dir = process.env.JDMA_SCREENSHOTS ? resolve(process.env.JDMA_SCREENSHOTS) : join(WIDGET_DIR, 'target', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** What has the focus, looking inside shadow roots: {tag, type, name, value, text}. */
export function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a && { tag: a.tagName.toLowerCase(), type: a.type || '', name: a.name || '', value: a.value || '', text: (a.textContent || '').trim(), checked: !!a.checked };
  });
}

/** Presses Tab until the focused element matches (keyboard only), at most `max` times. */
export async function tabTo(page, match, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && Object.entries(match).every(([k, v]) => f[k] === v)) return f;
  }
  throw new Error(`Tab never reached ${JSON.stringify(match)}`);
}

/** Collects Content-Security-Policy and Trusted Types violations and page errors. */
export async function watchViolations(page) {
  const violations = [];
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted Type|Refused to/i.test(m.text())) violations.push('console: ' + m.text());
  });
  page.on('pageerror', (e) => violations.push('pageerror: ' + e.message));
  return async () => [...violations, ...(await page.evaluate(() => window.__violations || []))];
}

/** The ratings the page posted, as parsed JSON bodies, with the status each got. */
export function watchRatings(page) {
  const posts = [];
  page.on('requestfinished', async (request) => {
    if (!request.url().endsWith('/api/v1/ratings') || request.method() !== 'POST') return;
    const response = await request.response();
    posts.push({ body: JSON.parse(request.postData()), status: response && response.status() });
  });
  page.on('requestfailed', (request) => {
    if (request.url().endsWith('/api/v1/ratings')) posts.push({ body: JSON.parse(request.postData()), status: 0 });
  });
  return posts;
}

/**
 * Waits as a person would before sending: the collector treats answers sent less than
 * 1.5 s after the questions were shown (`elapsed`) as a bot's and stores nothing.
 */
export const humanPause = (page) => page.waitForTimeout(1600);

export async function waitFor(predicate, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + predicate);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Checks through the analyst export that the collector stored exactly one rating with this
 * payload's id, and returns that row.
 */
export async function assertStoredOnce(assert, collector, payload) {
  const mine = (await exportedRatings(collector, payload.service)).filter((r) => r.id === payload.id);
  assert.equal(mine.length, 1, `exactly one exported row with id ${payload.id}`);
  return mine[0];
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.0, 2.1 and 2.2 A and AA violations axe-core finds on the page as it is now (axe injected when missing). */
export async function axeViolations(page) {
  // evaluated through the DevTools protocol rather than a <script>: works under a strict CSP with Trusted Types too
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(readFileSync(AXE, 'utf8') + ';0');
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
