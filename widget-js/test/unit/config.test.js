import test from 'node:test';
import assert from 'node:assert/strict';
import { readConfig } from '../../src/config.js';
import { texts, OPEN, Q1, Q2, Q3, Q4, NOTICE, HELP_TEXTS, QUEUED, REACHED, QUALITY, QUALITY1, QUALITY5, CLEAR1, CLEAR5 } from '../../src/i18n.js';

const script = (dataset, src = 'https://avis.example.fr/widget/v1/jdma.js') => ({ src, dataset, nonce: 'n0nce' });

test('the collector is where the script came from, a path prefix included', () => {
  assert.equal(readConfig(script({ service: 's' })).collector, 'https://avis.example.fr');
  assert.equal(readConfig(script({}, 'https://x.gouv.fr/jdma/widget/v1.0.0/jdma.js?x=1')).collector, 'https://x.gouv.fr/jdma');
});

test('the snippet\'s data attributes, with their defaults', () => {
  const c = readConfig(script({ service: 'aide-logement', location: '75056' }));
  assert.equal(c.service, 'aide-logement');
  assert.equal(c.location, '75056');
  assert.equal(c.source, 'button');
  assert.equal(c.lang, 'fr');
  assert.equal(c.target, undefined);
  assert.equal(c.nonce, 'n0nce');
  assert.deepEqual(c.questions, ['clarity', 'help', 'comment']);
});

test('data-lang is fr or en, anything else falls back to French', () => {
  assert.equal(readConfig(script({ lang: 'en' })).lang, 'en');
  assert.equal(readConfig(script({ lang: 'de' })).lang, 'fr');
});

test('data-questions narrows the optional questions', () => {
  assert.deepEqual(readConfig(script({ questions: 'comment, clarity' })).questions, ['clarity', 'comment']);
  assert.deepEqual(readConfig(script({ questions: 'help' })).questions, ['help']);
});

test('the French texts are the official questions, word for word', () => {
  const t = texts('fr');
  assert.equal(t[OPEN], 'Je donne mon avis');
  assert.equal(t[Q1], "De façon générale, comment ça s'est passé ? (obligatoire)");
  assert.equal(t[Q2], "Qu'avez-vous pensé des informations et des instructions fournies ?");
  assert.equal(t[Q3], "Durant votre parcours, avez-vous tenté d'obtenir de l'aide par l'un des moyens suivants ?");
  assert.equal(t[Q4], 'Souhaitez-vous nous en dire plus ?');
  assert.equal(t[NOTICE], 'Votre réponse est anonyme. Merci de ne pas écrire de données personnelles (nom, prénom, numéro de dossier).');
  assert.equal(t[REACHED], "Avez-vous réussi à joindre l'administration ?");
  assert.equal(t[QUALITY], "Comment évaluez-vous la qualité de l'aide ?");
  assert.deepEqual([t[CLEAR1], t[CLEAR5], t[QUALITY1], t[QUALITY5]], ['Pas clair du tout', 'Très clair', 'Très mauvaise', 'Excellente']);
  assert.deepEqual(t.slice(HELP_TEXTS, HELP_TEXTS + 8), ['Guichet', 'Téléphone', "E-mail ou chat avec l'administration", 'Une personne proche', 'Une association', 'Des sites internet', 'Autre', "Je n'ai pas eu besoin d'aide"]);
  assert.equal(t[QUEUED], 'Merci ! Votre avis sera envoyé dès que possible.');
});

test('English has a text for every French one', () => {
  const fr = texts('fr'), en = texts('en');
  assert.equal(en.length, fr.length);
  assert.ok(en.every((s) => s.length > 0));
  assert.equal(en[OPEN], 'Give your feedback');
});
