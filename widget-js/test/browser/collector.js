// Test support for the browser tests: the real collector jar on a free port over a fresh
// H2 database, headless Chromium, and readers for what the collector stored.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * The stored ratings of a service from the analyst CSV export, or null when this collector
 * has no export yet (then the tests fall back on replaying the id: 200 = already stored).
 */
export async function exportedRatings(collector, service) {
  const tokenResponse = await collector.admin('POST', '/api/v1/admin/tokens', { name: 'browser-tests', services: ['*'] });
  if (tokenResponse.status === 404) return null;
  if (!tokenResponse.ok) throw new Error(`POST /api/v1/admin/tokens answered ${tokenResponse.status}`);
  const { token } = await tokenResponse.json();
  const r = await fetch(`${collector.url}/api/v1/exports/ratings.csv?service=${service}`, { headers: { Authorization: `Bearer ${token}` } });
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`the export answered ${r.status}`);
  return parseCsv((await r.text()).replace(/^\uFEFF/, ''));
}

/** Posts a rating again with the same id, as the collector's own page: 200 means it was stored already. */
export function replay(collector, payload) {
  return fetch(collector.url + '/api/v1/ratings', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', Origin: collector.url },
    body: JSON.stringify(payload),
  });
}

export function screenshotPath(name) {
  const dir = join(REPO_DIR, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
