// Entry point: reads the snippet, puts the button in the page inside its own shadow root,
// opens the dialog, sends ratings, and flushes the ones a flaky network kept back.
import { readConfig } from './config.js';
import { texts, FAILED, QUEUED, SENT } from './i18n.js';
import { h } from './dom.js';
import { CSS } from './style.js';
import { buildDialog } from './dialog.js';
import { buildPayload, post, uuid } from './send.js';
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
// as soon as the visitor heads for the button.
const lookup = () => service || (service = fetch(config.collector + '/api/v1/public/services/' + config.service)
  .then((r) => r.json())
  .catch(() => ({})));

let shown, dialog;
async function onSend(data) {
  const payload = buildPayload(config, shown, data, location.href, uuid());
  const result = await send(payload);
  queue.settle(storage, payload, result, Date.now());
  if (result === +result) return QUEUED;
  return result ? SENT : FAILED;
}

function mount() {
  const target = config.target && document.querySelector(config.target);
  const host = h('jdma-avis');
  const root = host.attachShadow({ mode: 'open' });
  const style = h('style', 0, CSS);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style.textContent);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    // no constructable stylesheets: a <style> with the script's nonce passes a strict CSP
    style.nonce = config.nonce;
    root.append(style);
  }
  const opener = h('button', { class: 'o' }, t[0]); // in no form: no type needed
  const wrap = h('div', { class: target ? 'r' : 'r f', lang: config.lang }, opener);
  root.append(wrap);
  (target || document.body).append(host);

  opener.onpointerenter = opener.onfocus = lookup;
  opener.onclick = async () => {
    // built once, when the hidden questions are known or after 1.5 s at most
    dialog = dialog || Promise.race([lookup(), new Promise((r) => setTimeout(r, 1500, {}))]).then((info) => {
      shown = config.questions.filter((q) => !(info.hiddenQuestions || []).includes(q));
      const d = buildDialog(t, shown, onSend);
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
