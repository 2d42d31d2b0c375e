// Every visible text of the widget, in French (the default) and English. The questions and their
// answers come from contract/questions.json (through contract.js), the one source the collector's
// hosted form reads too; the widget's own texts are one string per language split on "|" (small
// tables). The constants name each slot (esbuild inlines them, so `t[Q1]` costs a few bytes).
import { QUESTIONS } from './contract.js';

export const OPEN = 0, CLOSE = 1, Q1 = 2 /* with "(obligatoire)" */, GOOD = 3, AVERAGE = 4, BAD = 5, Q2 = 6, CLEAR1 = 7, CLEAR5 = 8,
  Q3 = 9, HELP_TEXTS = 10, /* 10 to 17: counter … other, none */ REACHED = 18, YES = 19, NO = 20, QUALITY = 21,
  QUALITY1 = 22, QUALITY5 = 23, Q4 = 24, NOTICE = 25, SEND = 26, ERROR = 27, SENT = 28, QUEUED = 29,
  FAILED = 30, CAPS = 31, RUDE = 32, MORE = 33, PRIVACY = 34;

const TEXTS = {
  fr: "Je donne mon avis|Fermer|(obligatoire)|Envoyer|Merci de répondre.|Merci ! Votre avis a bien été envoyé.|Merci ! Votre avis sera envoyé dès que possible.|L'envoi a échoué.|Évitez les majuscules.|Restez courtois.|Pour aller plus loin (facultatif)|Données personnelles",
  en: 'Give your feedback|Close|(required)|Send|Please answer.|Thank you! Your feedback was sent.|Thank you! It will be sent as soon as possible.|Sending failed.|Please avoid capitals.|Please be polite.|Tell us more (optional)|Personal data',
};

/** The texts of one language, indexed by the constants above; lang is "fr" or "en". */
export function texts(lang) {
  const [open, close, required, ...rest] = TEXTS[lang].split('|');
  const questions = QUESTIONS[lang].split('|');
  questions[0] += ' ' + required;
  return [open, close, ...questions, ...rest];
}

export { HIDEABLE } from './contract.js';
