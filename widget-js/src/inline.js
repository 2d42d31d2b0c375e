// The inline mode (data-mode="inline"): question 1 in the page itself as three buttons. One
// tap stores the rating at once (most citizens stop there); the optional questions then
// appear in place and, when sent, complete the same rating (same id, within the hour).
import { h } from './dom.js';
import { face } from './faces.js';
import { SATISFACTION, optional, privacy, sending } from './questions.js';
import * as T from './i18n.js';

/**
 * The inline block. `onTap(satisfaction)` stores the first answer and resolves to
 * [outcome slot, shown optional questions]; `onMore(formData)` completes it and resolves
 * to the outcome slot.
 */
export function buildInline(t, collector, onTap, onMore) {
  const status = h('p', { role: 'status', tabindex: -1 });
  const buttons = SATISFACTION.map((value, i) => h('button', 0, face(i), t[T.GOOD + i]));

  const press = (button, on) => {
    // one answer per rating: the others wait until this one is stored, or failed
    for (const b of buttons) b.disabled = on;
    button.ariaPressed = on;
  };
  buttons.forEach((button, i) => button.onclick = async () => {
    press(button, true);
    const [outcome, shown] = await onTap(SATISFACTION[i]);
    status.textContent = t[outcome];
    if (outcome == T.FAILED) return press(button, false);
    if (!shown[0]) return;
    const form = h('form', 0, h('p', { class: 'l' }, t[T.MORE]),
      h('input', { type: 'hidden', name: 'satisfaction', value: SATISFACTION[i] }));
    optional(t, shown, form);
    sending(t, form, status, status, onMore);
    status.after(form);
    form.querySelector('fieldset input,textarea').focus(); // the first question's first control
  });
  return [h('fieldset', 0, h('legend', 0, t[T.Q1].replace(/ \(.*/, '')), h('div', { class: 't' }, ...buttons)), status, privacy(t, collector)];
}
