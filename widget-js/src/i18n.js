// Every visible text of the widget, in French (the default) and English: one string per
// language split on "|" keeps the tables small; the constants below name each slot
// (esbuild inlines them, so `t[Q1]` costs a few bytes).
export const OPEN = 0, CLOSE = 1, Q1 = 2 /* with "(obligatoire)" */, GOOD = 3, AVERAGE = 4, BAD = 5, Q2 = 6, CLEAR1 = 7, CLEAR5 = 8,
  Q3 = 9, HELP_TEXTS = 10, /* 10 to 17: counter … other, none */ REACHED = 18, YES = 19, NO = 20, QUALITY = 21,
  QUALITY1 = 22, QUALITY5 = 23, Q4 = 24, NOTICE = 25, SEND = 26, ERROR = 27, SENT = 28, QUEUED = 29,
  FAILED = 30, CAPS = 31, RUDE = 32, MORE = 33, PRIVACY = 34;

const TEXTS = {
  fr: "Je donne mon avis|Fermer|De façon générale, comment ça s'est passé ? (obligatoire)|Très bien|Moyen|Pas bien|Qu'avez-vous pensé des informations et des instructions fournies ?|Pas clair du tout|Très clair|Durant votre parcours, avez-vous tenté d'obtenir de l'aide par l'un des moyens suivants ?|Guichet|Téléphone|E-mail ou chat avec l'administration|Une personne proche|Une association|Des sites internet|Autre|Je n'ai pas eu besoin d'aide|Avez-vous réussi à joindre l'administration ?|Oui|Non|Comment évaluez-vous la qualité de l'aide ?|Très mauvaise|Excellente|Souhaitez-vous nous en dire plus ?|Votre réponse est anonyme. Merci de ne pas écrire de données personnelles (nom, prénom, numéro de dossier).|Envoyer|Merci de répondre.|Merci ! Votre avis a bien été envoyé.|Merci ! Votre avis sera envoyé dès que possible.|L'envoi a échoué.|Évitez les majuscules.|Restez courtois.|Pour aller plus loin (facultatif)|Données personnelles",
  en: 'Give your feedback|Close|Overall, how did it go? (required)|Very good|Average|Bad|How clear were the information and instructions?|Not clear at all|Very clear|Did you try to get help in any of these ways?|At a counter|Phone|E-mail or chat with the administration|A relative or friend|An association|Websites|Other|I did not need help|Did you manage to reach the administration?|Yes|No|How good was the help?|Very poor|Excellent|Would you like to tell us more?|Your answer is anonymous. Please write no personal data (name, case number).|Send|Please answer.|Thank you! Your feedback was sent.|Thank you! It will be sent as soon as possible.|Sending failed.|Please avoid capitals.|Please be polite.|Tell us more (optional)|Personal data',
};

/** The texts of one language, indexed by the constants above; lang is "fr" or "en". */
export function texts(lang) {
  return TEXTS[lang].split('|');
}
