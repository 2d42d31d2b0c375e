// Entry point: reads the snippet, puts the widget in the page inside its own shadow root
// (a button and its dialog, or the inline block), sends ratings, and flushes the ones a
// flaky network or a not-yet-allowed origin kept back.
import { readConfig } from './config.js';
import { texts, FAILED, QUEUED, SENT } from './i18n.js';
import { h } from './dom.js';
import { buildDialog } from './dialog.js';
import { buildInline } from './inline.js';
import { buildPayload, post, uuid7 } from './send.js';
import * as queue from './queue.js';

const script = document.currentScript; // only set while this file is being evaluated
const config = readConfig(script);
const t = texts(config.lang);

// localStorage throws on access in some privacy settings: the queue then keeps nothing.
let storage = {};
try {
  storage = localStorage;
} catch (e) {}

const send = (payload) => post(config.collector, payload);
// on load, back online, and when the page goes away (keepalive requests outlive it)
const flush = (force) => queue.flush(storage, send, force);

let service;
// The optional questions the service hides (none on a 404 or any failure), asked once,
// as soon as the visitor heads for the button (or at once in inline mode).
const lookup = () => service || (service = fetch(config.collector + '/api/v1/public/services/' + config.service)
  .then((r) => r.json())
  .catch(() => ({})));
// the shown optional questions, once the hidden ones are known or after 1.5 s at most
const questions = () => Promise.race([lookup(), new Promise((r) => setTimeout(r, 1500, {}))])
  .then((info) => config.questions.filter((q) => !(info.hiddenQuestions || []).includes(q)));

/** Posts a rating and keeps it in the queue unless the collector took it (or refused it for good). */
async function deliver(payload) {
  const result = await send(payload);
  queue.settle(storage, payload, result, Date.now());
  if (result === +result) return QUEUED;
  return result ? SENT : FAILED;
}

function mount() {
  const target = config.target && document.querySelector(config.target);
  const host = h('jdma-avis');
  const root = host.attachShadow({ mode: 'open' });
  const style = h('style', 0, __CSS__); // src/style.css, minified by the build
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style.textContent);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    // no constructable stylesheets: a <style> with the script's nonce passes a strict CSP
    style.nonce = config.nonce;
    root.append(style);
  }
  const inline = target && config.mode == 'inline';
  const wrap = h('div', { class: inline ? 'r i' : target ? 'r' : 'r f', lang: config.lang });
  root.append(wrap);
  (target || document.body).append(host);
  const id = uuid7();
  let shown, since = Date.now(); // elapsed counts from when the questions are shown
  const submit = (data) => deliver(buildPayload(config, shown, data, location.href, id, Date.now() - since));

  if (inline) {
    lookup();
    const data = new FormData();
    data.set('hp', '');
    wrap.append(...buildInline(t, config.collector, async (satisfaction) => {
      data.set('satisfaction', satisfaction);
      shown = [];
      const outcome = await submit(data);
      return [outcome, shown = await questions()];
    }, submit));
    return;
  }

  const opener = h('button', { class: 'o' }, t[0]); // in no form: no type needed
  wrap.append(opener);
  let dialog;
  opener.onpointerenter = lookup; // a head start; keyboard users wait for it at most 1.5 s
  opener.onclick = async () => {
    dialog = dialog || questions().then((list) => {
      shown = list;
      since = Date.now();
      const d = buildDialog(t, shown, config.collector, submit);
      d.onclose = () => opener.focus();
      wrap.append(d);
      return d;
    });
    (await dialog).showModal();
  };
}

if (document.readyState == 'loading') addEventListener('DOMContentLoaded', mount);
else mount();
flush();
addEventListener('online', () => flush(1));
addEventListener('pagehide', () => flush(1));
