// Every visible text of the widget, in French (the default) and English. The questions and their
// answers come from contract/questions.json (through contract.js), the one source the collector's
// hosted form reads too; the widget's own texts are one string per language split on "|" (small
// tables). The constants name each slot (esbuild inlines them, so `t[Q1]` costs a few bytes).
import { QUESTIONS } from './contract.js';

export const OPEN = 0, CLOSE = 1, REQUIRED = 2, SEND = 3, ERROR = 4, SENT = 5, QUEUED = 6, FAILED = 7, CAPS = 8, RUDE = 9,
  MORE = 10, PRIVACY = 11, Q1 = 12 /* with "(obligatoire)" */, GOOD = 13, AVERAGE = 14, BAD = 15, Q2 = 16, CLEAR1 = 17,
  CLEAR5 = 18, Q3 = 19, HELP_TEXTS = 20, /* 20 to 27: counter … other, none */ REACHED = 28, YES = 29, NO = 30,
  QUALITY = 31, QUALITY1 = 32, QUALITY5 = 33, Q4 = 34, NOTICE = 35;

const TEXTS = {
  fr: "Je donne mon avis|Fermer|(obligatoire)|Envoyer|Merci de répondre.|Merci ! Votre avis a bien été envoyé.|Merci ! Votre avis sera envoyé dès que possible.|L'envoi a échoué.|Évitez les majuscules.|Restez courtois.|Pour aller plus loin (facultatif)|Données personnelles",
  en: 'Give your feedback|Close|(required)|Send|Please answer.|Thank you! Your feedback was sent.|Thank you! It will be sent as soon as possible.|Sending failed.|Please avoid capitals.|Please be polite.|Tell us more (optional)|Personal data',
};

/** The texts of one language, indexed by the constants above; lang is "fr" or "en". */
export function texts(lang) {
  const t = (TEXTS[lang] + '|' + QUESTIONS[lang]).split('|');
  t[Q1] += ' ' + t[REQUIRED];
  return t;
}

export { HIDEABLE } from './contract.js';
