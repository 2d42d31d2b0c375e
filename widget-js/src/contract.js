// The questions, their answers and the payload values from contract/questions.json, the one
// source the collector's hosted form reads too. The texts are laid out in the order of the
// i18n slots (Q1 … NOTICE) as one "|"-joined string per language; build.mjs replaces this
// module by its values, so the widget carries the texts and not the JSON around them.
import Q from '../../contract/questions.json' with { type: 'json' };

const slots = (q) => [q.satisfaction, ...q.satisfactionChoices, q.clarity, ...q.clarityEnds, q.help, ...q.helpChoices,
  q.helpReached, ...q.helpReachedChoices, q.helpQuality, ...q.helpQualityEnds, q.comment, q.commentNotice].join('|');

export const QUESTIONS = { fr: slots(Q.fr), en: slots(Q.en) };
/** The payload's values: satisfaction, and help with "none" last. */
export const SATISFACTION = Q.values.satisfaction;
export const HELP_VALUES = Q.values.help;
/** The optional questions a service may hide (and a snippet may narrow with data-questions). */
export const HIDEABLE = Q.hideable;
