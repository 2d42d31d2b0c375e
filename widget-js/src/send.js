// Builds the rating the collector expects, posts it, and says what its answer means.

import { HELP_VALUES } from './contract.js';

// The answers to the help question but "none" (the last), from contract/questions.json (the first three are the administration's)
export const HELP = HELP_VALUES.slice(0, -1);

/**
 * A UUID v4 from 31 random bytes (crypto.randomUUID is missing outside secure contexts):
 * each 0 becomes a random hex digit, each 8 one of 8, 9, a, b (the variant).
 */
export function uuid(bytes = crypto.getRandomValues(new Uint8Array(31))) {
  let i = 0;
  return '00000000-0000-4000-8000-000000000000'.replace(/[08]/g, (c) => (c ^ (bytes[i++] & (c > 0 ? 3 : 15))).toString(16));
}

/**
 * A time-ordered UUID, version 7 (RFC 9562): the time in ms, then random bits from uuid(). The collector's id index
 * grows at its end instead of everywhere, which keeps storing fast in a database of millions of ratings.
 */
export function uuid7(now = Date.now(), random = uuid()) {
  const t = now.toString(16).padStart(12, 0);
  return t.slice(0, 8) + '-' + t.slice(8, 12) + '-7' + random.slice(15);
}

/** "none" ("Je n'ai pas eu besoin d'aide") excludes every other answer to the help question. */
export function helpAnswer(values) {
  return values.includes('none') ? ['none'] : HELP.filter((v) => values.includes(v));
}

/**
 * The JSON body of a rating, from the form's data (anything with get/getAll; fields named
 * like the payload, values as JSON: "3", "true"). Questions not in `shown`, unanswered
 * ones and empty values are left out. The abuse signals go along: the honeypot `hp` as the
 * form has it (empty for a person) and `elapsed`, ms since the questions were shown.
 * A completion (inline mode) is the same call with the first answer's id and satisfaction.
 */
export function buildPayload(config, shown, data, href, id, elapsed) {
  const value = (k) => JSON.parse(data.get(k));
  const help = shown.includes('help') ? helpAnswer(data.getAll('help')) : [];
  // guichet, téléphone or e-mail/chat (the first three): the follow-up questions apply
  const admin = help.some((v) => HELP.slice(0, 3).includes(v));
  const p = {
    id,
    service: config.service,
    location: config.location,
    source: config.source,
    satisfaction: data.get('satisfaction'),
    clarity: shown.includes('clarity') ? value('clarity') : null,
    help: help[0] && help,
    helpReached: admin ? value('helpReached') : null,
    helpQuality: admin ? value('helpQuality') : null,
    comment: shown.includes('comment') ? (data.get('comment') || '').trim().slice(0, 2000) : null,
    page: href.split(/[?#]/)[0], // the query and fragment may hold personal data
    lang: config.lang,
  };
  for (const k in p) if (p[k] == null || p[k] === '') delete p[k];
  if (data.has('hp')) p.hp = data.get('hp');
  if (elapsed >= 0) p.elapsed = elapsed;
  return p;
}

/**
 * What an answer of the collector means: `true` stored (201, or 200 for a replayed or
 * completed id), `false` refused for good (any other 4xx: never retried), or a number of
 * seconds to wait before retrying (network error = status 0, 403, 408, 429, 5xx;
 * Retry-After in seconds). A 403 is the site's origin not allowed yet: the webmaster may
 * fix it, so the answer waits rather than being lost.
 */
export function classify(status, retryAfter) {
  if (status > 199 && status < 300) return true;
  if (status && status < 500 && ![403, 408, 429].includes(status)) return false;
  return +retryAfter > 0 ? +retryAfter : 0;
}

/**
 * Posts one rating; never throws. A string body goes as "text/plain;charset=UTF-8", so the
 * request is a simple CORS one (no preflight) without spelling the header out; "cors" is
 * fetch's default mode.
 */
export function post(collector, payload) {
  return fetch(collector + '/api/v1/ratings', {
    method: 'POST',
    body: JSON.stringify(payload),
    keepalive: true,
    credentials: 'omit',
  }).then((r) => classify(r.status, r.headers.get('Retry-After')), () => classify(0));
}
