// The default mode: the form in a native modal <dialog> (a full-height sheet on a phone),
// question 1 as three tiles, then the shown optional questions; only question 1 is required.
import { h } from './dom.js';
import { SATISFACTION, group, optional, privacy, sending } from './questions.js';
import * as T from './i18n.js';

/**
 * The dialog for the shown optional questions. `onSend(formData)` resolves to the text
 * slot of the outcome: SENT, QUEUED or FAILED.
 */
export function buildDialog(t, shown, collector, onSend) {
  const close = h('button', { class: 'x' }, t[T.CLOSE]); // outside the form
  const error = h('p', { id: 'e', class: 'e' });
  const q1 = group(t, t[T.Q1], 'satisfaction', SATISFACTION, T.GOOD);
  q1.firstChild.after(error);
  const form = h('form', 0, q1);
  optional(t, shown, form);
  form.append(privacy(t, collector));
  // the error goes as soon as question 1 is answered
  form.addEventListener('change', ({ target }) => {
    if (target.name == 'satisfaction') error.textContent = '', q1.removeAttribute('aria-describedby');
  });

  const status = h('p', { role: 'status' });
  const dialog = h('dialog', { 'aria-labelledby': 'h' }, close, h('h2', { id: 'h' }, t[T.OPEN]), form, status);

  close.onclick = () => dialog.close();
  sending(t, form, status, close, onSend, (data) => {
    if (data.get('satisfaction')) return;
    // linked to the group, which gets the focus: announced with its legend
    error.textContent = t[T.ERROR];
    q1.setAttribute('aria-describedby', 'e');
    return q1.querySelector('input').focus() || 1;
  });
  return dialog;
}
