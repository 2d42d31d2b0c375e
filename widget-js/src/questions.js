// The questions as native form controls, shared by the dialog and the inline mode:
// fieldset/legend groups of native radios and checkboxes (arrow keys and screen readers
// work as usual). Ids need no prefix: the widget's shadow root scopes them.
import { h } from './dom.js';
import { face } from './faces.js';
import { hints } from './hints.js';
import * as T from './i18n.js';
import { HELP_VALUES, SATISFACTION } from './contract.js';

const MAX = 2000;
export { SATISFACTION };

/**
 * A fieldset of native radios or checkboxes named like the payload field. Labels are the
 * texts from slot `first` on; question 1's are three large tiles with drawn faces; a 1-to-5
 * scale is a segmented row of the numbers with both ends labelled ("1 Pas clair du tout",
 * "2"… "5 Très clair").
 */
export function group(t, legend, name, values, first, type = 'radio') {
  const scale = !values;
  const tile = name == 'satisfaction';
  return h('fieldset', 0, h('legend', 0, legend), h('div', { class: scale ? 's' : tile ? 't' : type },
    ...(values || [1, 2, 3, 4, 5]).map((value, i) => h('label', 0,
      h('input', { type, name, value }),
      tile && face(i),
      scale ? value + ' ' : t[first + i],
      scale && value % 4 == 1 && h('span', 0, t[first + (value > 1)])))));
}

/** The honeypot: a field no person sees nor reaches, so it stays empty (sent as `hp`). */
export const honeypot = () => h('input', { name: 'hp', hidden: 1 });

/** Appends the shown optional questions to the form, with the help follow-up and the comment hints. */
export function optional(t, shown, form) {
  if (shown.includes('clarity')) form.append(group(t, t[T.Q2], 'clarity', 0, T.CLEAR1));

  if (shown.includes('help')) {
    const followUp = h('div', { hidden: 1 },
      group(t, t[T.REACHED], 'helpReached', ['true', 'false'], T.YES),
      group(t, t[T.QUALITY], 'helpQuality', 0, T.QUALITY1));
    form.append(group(t, t[T.Q3], 'help', HELP_VALUES, T.HELP_TEXTS, 'checkbox'), followUp);
    form.addEventListener('change', ({ target }) => {
      if (target.name != 'help') return;
      const boxes = [...form.querySelectorAll('[name=help]')];
      // "Je n'ai pas eu besoin d'aide" excludes every other answer, and the other way round
      for (const box of boxes) if (target.checked && (target.value == 'none') != (box.value == 'none')) box.checked = false;
      // the follow-up questions are for guichet, téléphone, e-mail/chat (the first three)
      followUp.hidden = !boxes.slice(0, 3).some((box) => box.checked);
    });
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
    form.append(h('div', { class: 'q' }, h('label', { for: 'a', class: 'l' }, t[T.Q4]), h('p', { id: 'n' }, t[T.NOTICE]), area, count, hint));
  }
  form.append(honeypot(), h('button', { class: 'o' }, t[T.SEND]));
}

/** The link to the collector's privacy page. */
export const privacy = (t, collector) => h('a', { href: collector + '/confidentialite' }, t[T.PRIVACY]);

/**
 * Sends the form with `onSend(formData)` (resolving to the outcome's text slot) unless
 * `refuse(formData)` objects, with no second click meanwhile; shows the outcome in
 * `status`, and once the answer is sent or queued hides the form and focuses `next`.
 */
export function sending(t, form, status, next, onSend, refuse) {
  form.onsubmit = async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    if (refuse && refuse(data)) return;
    form.inert = true;
    const outcome = await onSend(data);
    form.inert = false;
    status.textContent = t[outcome];
    if (outcome != T.FAILED) form.hidden = true, next.focus();
  };
}
