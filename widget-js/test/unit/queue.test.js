import test from 'node:test';
import assert from 'node:assert/strict';
import { KEY, MAX_AGE, MAX_ITEMS, backoff, flush, load, settle } from '../../src/queue.js';
import { classify } from '../../src/send.js';

/** An in-memory localStorage. */
function memoryStorage() {
  const map = new Map();
  return {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
    map,
  };
}

const rating = (id) => ({ id, service: 'aide-logement', satisfaction: 'good' });
const HOUR = 36e5;

test('a rating the collector could not take is queued under the namespaced key, and forgotten once stored', () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), 0, 1000);
  assert.deepEqual(load(storage, 1000).map((i) => i.p.id), ['a']);
  assert.ok(storage.map.has(KEY));
  assert.equal(KEY, 'jdma:queue:v1');
  settle(storage, rating('a'), true, 2000);
  assert.deepEqual(load(storage, 2000), []);
});

test('a rating refused for good (4xx) is dropped, never retried', () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), 0, 1000);
  settle(storage, rating('a'), false, 2000);
  assert.deepEqual(load(storage, 2000), []);
});

test('a stored or refused rating that was never queued leaves the queue as it was', () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), 0, 1000);
  settle(storage, rating('b'), true, 1000);
  assert.deepEqual(load(storage, 1000).map((i) => i.p.id), ['a']);
});

test('the queue keeps at most 10 ratings, the newest', () => {
  const storage = memoryStorage();
  for (let i = 0; i < 15; i++) settle(storage, rating('r' + i), 0, 1000 + i);
  const ids = load(storage, 2000).map((i) => i.p.id);
  assert.equal(MAX_ITEMS, 10);
  assert.equal(ids.length, 10);
  assert.deepEqual(ids, ['r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14']);
});

test('ratings older than 7 days are dropped', () => {
  const storage = memoryStorage();
  settle(storage, rating('old'), 0, 0);
  settle(storage, rating('new'), 0, 2 * 864e5);
  assert.deepEqual(load(storage, MAX_AGE - 1).map((i) => i.p.id), ['old', 'new']);
  assert.deepEqual(load(storage, MAX_AGE).map((i) => i.p.id), ['new']);
});

test('a retried rating keeps its id and its place: one item per id (the server dedupes on it)', () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), 0, 1000);
  settle(storage, rating('a'), 0, 5000);
  settle(storage, rating('a'), 0, 9000);
  const items = load(storage, 9000);
  assert.equal(items.length, 1);
  assert.equal(items[0].p.id, 'a');
  assert.equal(items[0].n, 3);
  assert.equal(items[0].t, 1000, 'the age counts from the first failure');
});

test('backoff doubles from 10 s up to an hour, with ±50 % jitter', () => {
  assert.equal(backoff(0, () => 0.5), 1e4);
  assert.equal(backoff(1, () => 0.5), 2e4);
  assert.equal(backoff(3, () => 0.5), 8e4);
  assert.equal(backoff(20, () => 0.5), HOUR);
  assert.equal(backoff(0, () => 0), 5e3);
  assert.equal(backoff(0, () => 0.999), 1e4 * 1.499);
});

test('flush sends only what is due, and force skips the backoff', async () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), 0, 0, () => 0.5); // due at 10 s
  const sent = [];
  const post = async (p) => (sent.push(p.id), true);
  await flush(storage, post, false, () => 5000);
  assert.deepEqual(sent, [], 'not due before its backoff');
  await flush(storage, post, true, () => 5000);
  assert.deepEqual(sent, ['a'], 'forced (back online, page closing)');
  assert.deepEqual(load(storage, 5000), []);
});

test('flush honours Retry-After even when forced', async () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), 120, 0, () => 0.5); // 429 with Retry-After: 120
  const sent = [];
  const post = async (p) => (sent.push(p.id), true);
  await flush(storage, post, true, () => 60_000);
  assert.deepEqual(sent, []);
  await flush(storage, post, true, () => 120_000);
  assert.deepEqual(sent, ['a']);
});

test('flush sends each due rating once with its own id, and keeps the ones that fail again', async () => {
  const storage = memoryStorage();
  for (const id of ['a', 'b', 'c']) settle(storage, rating(id), 0, 0, () => 0.5);
  const sent = [];
  const post = async (p) => (sent.push(p.id), p.id == 'b' ? 0 : true);
  await flush(storage, post, false, () => 60_000);
  assert.deepEqual(sent.sort(), ['a', 'b', 'c']);
  const left = load(storage, 60_000);
  assert.deepEqual(left.map((i) => i.p.id), ['b']);
  assert.equal(left[0].n, 2);
});

test('the queue never throws when localStorage is missing, full or corrupt', async () => {
  const throwing = { getItem() { throw new Error('SecurityError'); }, setItem() { throw new Error('QuotaExceededError'); }, removeItem() {} };
  for (const storage of [throwing, {}, { getItem: () => '{not json', setItem() {} }]) {
    assert.deepEqual(load(storage, 0), []);
    settle(storage, rating('a'), 0, 0);
    await flush(storage, async () => true, true);
  }
});

test('once nothing is pending, the queue key is removed from localStorage', async () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), 0, 0, () => 0.5);
  settle(storage, rating('b'), 0, 0, () => 0.5);
  assert.ok(storage.map.has(KEY));
  await flush(storage, async (p) => (p.id == 'a' ? true : 0), true, () => 1000);
  assert.ok(storage.map.has(KEY), 'b is still pending');
  await flush(storage, async () => true, true, () => 2000);
  assert.equal(storage.map.has(KEY), false, 'no empty queue left behind');
  settle(storage, rating('c'), true, 3000);
  assert.equal(storage.map.has(KEY), false, 'a rating stored at once writes nothing');
});

test('a 403 (origin not allowed yet) keeps the rating queued, and it goes once the origin is allowed', async () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), classify(403), 0, () => 0.5);
  assert.deepEqual(load(storage, 0).map((i) => i.p.id), ['a']);
  const statuses = [403, 201];
  await flush(storage, async () => classify(statuses.shift()), true, () => 1000);
  assert.deepEqual(load(storage, 1000).map((i) => [i.p.id, i.n]), [['a', 2]], 'still refused: still kept');
  await flush(storage, async () => classify(statuses.shift()), true, () => 2000);
  assert.deepEqual(load(storage, 2000), []);
  assert.equal(storage.map.has(KEY), false);
});

test('a completion queued under the id of a waiting first answer replaces it: the full rating is sent', async () => {
  const storage = memoryStorage();
  settle(storage, rating('a'), 0, 0, () => 0.5);
  settle(storage, { ...rating('a'), clarity: 4 }, 0, 1000, () => 0.5);
  const items = load(storage, 1000);
  assert.equal(items.length, 1);
  assert.deepEqual(items[0].p, { ...rating('a'), clarity: 4 });
  assert.equal(items[0].t, 0, 'the age still counts from the first failure');
  const sent = [];
  await flush(storage, async (p) => (sent.push(p), true), true, () => 2000);
  assert.deepEqual(sent, [{ ...rating('a'), clarity: 4 }]);
});
