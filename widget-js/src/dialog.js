// The form in a native modal <dialog>: fieldset/legend groups of native radios and
// checkboxes (arrow keys and screen readers work as usual); only question 1 is required.
// Ids need no prefix: the widget's shadow root scopes them.
import { h } from './dom.js';
import Q from '../../contract/questions.json' with { type: 'json' };
import { hints } from './hints.js';
import * as T from './i18n.js';

const MAX = 2000;
const SMILEYS = ['😀', '😐', '😞'];

/**
 * A fieldset of native radios or checkboxes named like the payload field. Labels are the
 * texts from slot `first` on, or for a 1-to-5 scale the numbers with both ends labelled
 * ("1 Pas clair du tout", "2"… "5 Très clair").
 */
function group(t, legend, name, values, first, type = 'radio') {
  const scale = !values;
  return h('fieldset', 0, h('legend', 0, t[legend]), h('div', { class: type },
    ...(values || [1, 2, 3, 4, 5]).map((value, i) => h('label', 0,
      h('input', { type, name, value, required: name == 'satisfaction' }),
      name == 'satisfaction' && h('span', { 'aria-hidden': 'true' }, SMILEYS[i]),
      scale ? value + ' ' + (value == 1 ? t[first] : value == 5 ? t[first + 1] : '') : t[first + i]))));
}

/**
 * The dialog for the shown optional questions. `onSend(formData)` resolves to the text
 * slot of the outcome: SENT, QUEUED or FAILED.
 */
export function buildDialog(t, shown, onSend) {
  const close = h('button', { class: 'x' }, t[T.CLOSE]); // outside the form
  const error = h('p', { id: 'e', class: 'e' });
  const q1 = group(t, T.Q1, 'satisfaction', Q.values.satisfaction, T.GOOD);
  q1.firstChild.after(error);
  const form = h('form', { novalidate: 1 }, q1);

  if (shown.includes('clarity')) form.append(group(t, T.Q2, 'clarity', 0, T.CLEAR1));

  if (shown.includes('help')) {
    const followUp = h('div', { hidden: 1 },
      group(t, T.REACHED, 'helpReached', ['true', 'false'], T.YES),
      group(t, T.QUALITY, 'helpQuality', 0, T.QUALITY1));
    form.append(group(t, T.Q3, 'help', Q.values.help, T.HELP_TEXTS, 'checkbox'), followUp);
    form.onchange = ({ target }) => {
      if (target.name != 'help') return;
      const boxes = [...form.querySelectorAll('[name=help]')];
      // "Je n'ai pas eu besoin d'aide" excludes every other answer, and the other way round
      for (const box of boxes) if (target.checked && (target.value == 'none') != (box.value == 'none')) box.checked = false;
      // the follow-up questions are for guichet, téléphone, e-mail/chat (the first three)
      followUp.hidden = !boxes.slice(0, 3).some((box) => box.checked);
    };
  }

  if (shown.includes('comment')) {
    const count = h('p', { id: 'c' }, '0/' + MAX);
    const hint = h('p', { class: 'e', 'aria-live': 'polite' });
    const area = h('textarea', { id: 'a', name: 'comment', maxlength: MAX, rows: 4, 'aria-describedby': 'n c' });
    area.oninput = () => {
      count.textContent = area.value.length + '/' + MAX;
      const text = hints(area.value).map((k) => t[k]).join(' ');
      if (hint.textContent != text) hint.textContent = text;
    };
    form.append(h('label', { for: 'a', class: 'l' }, t[T.Q4]), h('p', { id: 'n' }, t[T.NOTICE]), area, count, hint);
  }

  const status = h('p', { role: 'status' });
  form.append(h('button', { class: 'o' }, t[T.SEND]));
  const dialog = h('dialog', { 'aria-labelledby': 'h' }, close, h('h2', { id: 'h' }, t[T.OPEN]), form, status);

  close.onclick = () => dialog.close();
  form.onsubmit = async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    if (!data.get('satisfaction')) {
      // linked to the group, which gets the focus: announced with its legend (it stays
      // until the form is sent, which replaces the form)
      error.textContent = t[T.ERROR];
      q1.setAttribute('aria-describedby', 'e');
      return q1.querySelector('input').focus();
    }
    form.inert = true; // no second click while sending
    const outcome = await onSend(data);
    form.inert = false;
    status.textContent = t[outcome];
    if (outcome != T.FAILED) {
      form.hidden = true;
      close.focus();
    }
  };
  return dialog;
}
