// Live hints under the comment: they nudge, they never block. A pure function of the text.
import { CAPS, NOTICE, RUDE } from './i18n.js';

// A short list of French (and a few English) insults, matched without case; "." stands
// for an accented letter or not.
const INSULT = /\b(con(nard|nasse)?|abruti|cr.tin|d.bile|idiot|imb.cile|salaud|salope|enfoir|merde|putain|b.tard|fdp|stupid|fuck)(e?s?|ing)\b/i;
// An e-mail; a French phone number (0X XX XX XX XX, +33 X…, with spaces, dots or dashes);
// a case or file number (7 digits or more); an agent's name ("Madame Dupont", "Mme Durand").
const PERSONAL = /@\w+\.|(\+33|\b0) ?[1-9]([ .-]?\d\d){4}|\d{7}|(Mme|Monsieur|Madame) [A-Z]/;

/**
 * The hints a comment calls for, as text slots: CAPS when most letters of a long enough
 * text are capitals, RUDE for an insult, NOTICE (the anonymity reminder) for personal data.
 */
export function hints(text) {
  const letters = text.replace(/[^A-Za-z\xC0-\xFF]/g, ''); // escapes: the file must stay ASCII
  return [
    letters.length > 9 && letters.replace(/[^A-Z\xC0-\xDE]/g, '').length > letters.length * 0.7 && CAPS,
    INSULT.test(text) && RUDE,
    PERSONAL.test(text) && NOTICE,
  ].filter((k) => k);
}
