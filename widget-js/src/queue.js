// Ratings the collector has not accepted yet, kept in localStorage until it does. Each
// keeps its id, so a retry after a lost answer is deduplicated by the server (exactly
// once). Only unsent ratings are kept: nothing identifies a visitor across visits.
// Pure logic over a storage object (getItem/setItem/removeItem) and a clock.
// Item: {p: payload, t: first failure, n: failures, a: not before (backoff), w: not before (Retry-After)}.

export const KEY = 'jdma:queue:v1';
export const MAX_ITEMS = 10;
export const MAX_AGE = 6048e5; // 7 days

/** Items still worth sending (younger than 7 days); [] when storage is missing or broken. */
export function load(storage, now) {
  try {
    return JSON.parse(storage.getItem(KEY) || '[]').filter((i) => now - i.t < MAX_AGE);
  } catch (e) {
    return [];
  }
}

/** Writes the queue; an empty one removes the key (nothing left behind in the visitor's browser). */
function save(storage, items) {
  try {
    if (items[0]) storage.setItem(KEY, JSON.stringify(items.slice(-MAX_ITEMS)));
    else storage.removeItem(KEY);
  } catch (e) {
    // full or forbidden: the rating is lost only if the page closes before it is sent
  }
}

/** Delay in ms before the next try after n failures: 10 s, 20 s, 40 s… up to 1 h, ±50 % jitter. */
export function backoff(n, random = Math.random) {
  return Math.min(36e5, 1e4 * 2 ** n) * (0.5 + random());
}

/**
 * Records the collector's answer (see classify) for a rating: forgotten when stored or
 * refused for good; otherwise queued (once per id, the oldest going past MAX_ITEMS) and
 * scheduled with backoff, never before Retry-After. A payload queued again under its id
 * replaces the one waiting: a completion carries the first answer and more.
 */
export function settle(storage, payload, result, now, random) {
  const items = load(storage, now);
  const item = items.find((i) => i.p.id == payload.id) || { t: now, n: 0 };
  const rest = items.filter((i) => i != item);
  if (result === +result) {
    item.p = payload;
    item.a = now + backoff(item.n++, random);
    item.w = now + result * 1e3;
    rest.push(item);
  }
  save(storage, rest);
}

/**
 * Sends every due item with `post` (payload -> promise of result), all at once so that a
 * closing page gets them all out (keepalive), and settles each. `force` (back online,
 * page closing) skips the backoff, never Retry-After.
 */
export function flush(storage, post, force, now = Date.now) {
  const t = now();
  return Promise.all(load(storage, t).filter((i) => t >= i.w && (force || t >= i.a)).map((i) => post(i.p).then((r) => settle(storage, i.p, r, now()))));
}
