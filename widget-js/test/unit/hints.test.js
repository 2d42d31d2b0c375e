import test from 'node:test';
import assert from 'node:assert/strict';
import { hints } from '../../src/hints.js';
import { CAPS, NOTICE, RUDE } from '../../src/i18n.js';

test('a comment written mostly in capitals gets the capitals hint', () => {
  assert.deepEqual(hints('JE SUIS TRÈS MÉCONTENT DE CE SERVICE'), [CAPS]);
  assert.deepEqual(hints('TROP LONG ET TROP COMPLIQUÉ, vraiment'), [CAPS]);
  assert.deepEqual(hints('La CAF et la MSA'), [], 'a few acronyms are fine');
  assert.deepEqual(hints('OK'), [], 'too short to judge');
});

test('an insult gets the courtesy hint, with or without accents and case', () => {
  for (const text of ['quel connard', 'bande de crétins', 'Les agents sont des incapables et des Idiots', 'site de merde', 'espèce d\'imbécile', 'enfoiré']) {
    assert.deepEqual(hints(text), [RUDE], text);
  }
});

test('an e-mail, a phone number, a file number or an agent\'s name gets the anonymity reminder', () => {
  for (const text of [
    'écrivez-moi à jean.dupont@example.fr',
    'mon numéro : 06 12 34 56 78',
    'appelez le 0612345678',
    'ou le +33 6 12 34 56 78',
    'fixe 01.23.45.67.89',
    'dossier 12345678 toujours en attente',
    'allocataire n° 1234567',
    'Madame Durand a été très aimable',
    'merci à Monsieur Martin',
  ]) {
    assert.deepEqual(hints(text), [NOTICE], text);
  }
});

test('ordinary comments get no hint', () => {
  for (const text of [
    '',
    'Très bien, rapide et clair.',
    "Le formulaire était long mais je l'ai rempli en 10 minutes.",
    'Déposé le 12/03/2024, réponse reçue en 3 semaines, merci !',
    'Il manque une option pour les contrats de location de 2 ans.',
    'Le conseiller au guichet de Paris 15 était compétent.',
    'Madame, Monsieur, le site plante sur mobile.',
    'Prix : 1 250 euros par an, code postal 75015.',
  ]) {
    assert.deepEqual(hints(text), [], text);
  }
});

test('several hints can show at once', () => {
  assert.deepEqual(hints('BANDE DE CONNARDS, APPELEZ LE 0612345678'), [CAPS, RUDE, NOTICE]);
});
