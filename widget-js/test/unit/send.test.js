import test from 'node:test';
import assert from 'node:assert/strict';
import { buildPayload, classify, helpAnswer, post, uuid, uuid7 } from '../../src/send.js';

const config = { service: 'aide-logement', location: '75056', source: 'button', lang: 'fr' };
const ALL = ['clarity', 'help', 'comment'];
const ID = '3f2b8c1e-5d4a-4e8b-9c1a-2b3c4d5e6f70';

function form(fields) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [].concat(v)) data.append(k, one);
  return data;
}

test('a full answer becomes the payload of the public contract, with typed values', () => {
  const p = buildPayload(config, ALL, form({
    satisfaction: 'good', clarity: '4', help: ['phone', 'relative'], helpReached: 'false', helpQuality: '2', comment: '  Trop long.  ',
  }), 'https://www.caf.fr/demarches/apl?dossier=123#fin', ID);
  assert.deepEqual(p, {
    id: ID, service: 'aide-logement', location: '75056', source: 'button', satisfaction: 'good', clarity: 4,
    help: ['phone', 'relative'], helpReached: false, helpQuality: 2, comment: 'Trop long.',
    page: 'https://www.caf.fr/demarches/apl', lang: 'fr',
  });
});

test('unanswered questions are left out, and so is an empty location', () => {
  const p = buildPayload({ ...config, location: '' }, ALL, form({ satisfaction: 'bad', comment: '   ' }), 'https://a.fr/x', ID);
  assert.deepEqual(p, { id: ID, service: 'aide-logement', source: 'button', satisfaction: 'bad', page: 'https://a.fr/x', lang: 'fr' });
});

test('questions hidden for the service are left out even when the form had them', () => {
  const data = form({ satisfaction: 'average', clarity: '3', help: ['counter'], helpReached: 'true', helpQuality: '5', comment: 'x' });
  const p = buildPayload(config, ['comment'], data, 'https://a.fr/', ID);
  assert.equal(p.comment, 'x');
  for (const k of ['clarity', 'help', 'helpReached', 'helpQuality']) assert.ok(!(k in p), `${k} should be left out`);
});

test('the page drops the query string and the fragment', () => {
  for (const href of ['https://a.fr/p?q=1', 'https://a.fr/p#x', 'https://a.fr/p?q=1#x', 'https://a.fr/p']) {
    assert.equal(buildPayload(config, ALL, form({ satisfaction: 'good' }), href, ID).page, 'https://a.fr/p');
  }
});

test('"Je n\'ai pas eu besoin d\'aide" is exclusive: help becomes ["none"]', () => {
  assert.deepEqual(helpAnswer(['phone', 'none', 'email']), ['none']);
  assert.deepEqual(helpAnswer(['websites', 'counter']), ['counter', 'websites']);
  assert.deepEqual(helpAnswer(['bogus']), []);
  const p = buildPayload(config, ALL, form({ satisfaction: 'good', help: ['none', 'phone'], helpReached: 'true', helpQuality: '4' }), 'https://a.fr/', ID);
  assert.deepEqual(p.help, ['none']);
  assert.ok(!('helpReached' in p) && !('helpQuality' in p), 'the follow-up questions only go with an administration channel');
});

test('the follow-up questions are kept only after guichet, téléphone or e-mail/chat', () => {
  const data = (help) => form({ satisfaction: 'good', help, helpReached: 'true', helpQuality: '4' });
  for (const channel of ['counter', 'phone', 'email']) {
    const p = buildPayload(config, ALL, data([channel]), 'https://a.fr/', ID);
    assert.equal(p.helpReached, true);
    assert.equal(p.helpQuality, 4);
  }
  const p = buildPayload(config, ALL, data(['relative', 'websites', 'other']), 'https://a.fr/', ID);
  assert.ok(!('helpReached' in p) && !('helpQuality' in p));
});

test('the honeypot and the time since the questions were shown go along (abuse signals)', () => {
  const p = buildPayload(config, ALL, form({ satisfaction: 'good', hp: '' }), 'https://a.fr/', ID, 8200);
  assert.equal(p.hp, '', 'a person leaves the honeypot empty, and it is still sent');
  assert.equal(p.elapsed, 8200);
  assert.equal(buildPayload(config, ALL, form({ satisfaction: 'good', hp: 'http://spam' }), 'https://a.fr/', ID, 0).hp, 'http://spam');
});

test('a completion (inline mode) repeats the first answer\'s id and satisfaction and adds the optional answers', () => {
  const first = buildPayload(config, [], form({ satisfaction: 'average', hp: '' }), 'https://a.fr/fin', ID, 2100);
  const completion = buildPayload(config, ALL, form({ satisfaction: 'average', hp: '', clarity: '2', help: ['none'], comment: 'Trop long' }), 'https://a.fr/fin', ID, 9400);
  assert.deepEqual(first, {
    id: ID, service: 'aide-logement', location: '75056', source: 'button', satisfaction: 'average',
    page: 'https://a.fr/fin', lang: 'fr', hp: '', elapsed: 2100,
  });
  assert.deepEqual(completion, { ...first, clarity: 2, help: ['none'], comment: 'Trop long', elapsed: 9400 });
});

test('a comment is cut at 2000 characters', () => {
  const p = buildPayload(config, ALL, form({ satisfaction: 'good', comment: 'a'.repeat(2500) }), 'https://a.fr/', ID);
  assert.equal(p.comment.length, 2000);
});

test('uuid makes version 4 UUIDs from random bytes', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.equal(uuid(new Uint8Array(31)), '00000000-0000-4000-8000-000000000000');
  assert.equal(uuid(new Uint8Array(31).fill(255)), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  const seen = new Set();
  for (let i = 0; i < 1000; i++) {
    const id = uuid();
    assert.match(id, V4);
    seen.add(id);
  }
  assert.equal(seen.size, 1000);
});

test('uuid7 makes time-ordered version 7 UUIDs: the time in ms, then the random bits', () => {
  const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  // RFC 9562, appendix A.6
  assert.equal(uuid7(0x017f22e279b0, '00000000-0000-4cc3-98c4-dc0c0c07398f'), '017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  assert.equal(uuid7(0, uuid(new Uint8Array(31))), '00000000-0000-7000-8000-000000000000');
  const ids = [];
  for (let i = 0; i < 1000; i++) ids.push(uuid7(1764900000000 + i));
  for (const id of ids) assert.match(id, V7);
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, 1000);
  const now = uuid7();
  assert.ok(Math.abs(parseInt(now.slice(0, 8) + now.slice(9, 13), 16) - Date.now()) < 60000);
});

test('classify: 200 and 201 are stored, other 4xx are never retried', () => {
  assert.equal(classify(201), true);
  assert.equal(classify(200), true);
  for (const status of [400, 404, 409, 413, 415]) assert.equal(classify(status), false, String(status));
});

test('classify: network errors, 403 (origin not allowed yet), 408, 429 and 5xx are retried, after Retry-After seconds when given', () => {
  for (const status of [0, 403, 408, 429, 500, 502, 503]) assert.equal(classify(status), 0, String(status));
  assert.equal(classify(429, '30'), 30);
  assert.equal(classify(503, '120'), 120);
  assert.equal(classify(503, 'soon'), 0);
});

test('post sends text/plain JSON with keepalive and no credentials, and classifies the answer', async (t) => {
  const calls = [];
  t.mock.method(globalThis, 'fetch', async (url, init) => {
    calls.push([url, init]);
    return new Response('{}', { status: 429, headers: { 'Retry-After': '7' } });
  });
  assert.equal(await post('https://avis.example.fr', { id: ID }), 7);
  const [url, init] = calls[0];
  assert.equal(url, 'https://avis.example.fr/api/v1/ratings');
  assert.equal(init.method, 'POST');
  assert.equal(init.body, JSON.stringify({ id: ID }));
  assert.equal(init.keepalive, true);
  assert.equal(init.credentials, 'omit');
  assert.equal(new Request(url, init).headers.get('content-type'), 'text/plain;charset=UTF-8');
});

test('post turns a network error into a retry', async (t) => {
  t.mock.method(globalThis, 'fetch', async () => {
    throw new TypeError('Failed to fetch');
  });
  assert.equal(await post('https://avis.example.fr', { id: ID }), 0);
});
