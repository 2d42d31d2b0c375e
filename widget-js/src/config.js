// What the snippet says, read once from the <script> element at evaluation time.
import { HIDEABLE } from './i18n.js';

/**
 * The widget's configuration from its script element (or any object with `src`,
 * `dataset` and `nonce`). The collector is where the script came from.
 */
export function readConfig(script) {
  const d = script.dataset;
  return {
    ...d, // service, location, target
    // "https://avis.example.fr/widget/v1/jdma.js" -> "https://avis.example.fr" (a path prefix stays)
    collector: script.src.replace(/\/widget\/[^/]+\/jdma\.js.*/, ''),
    source: d.source || 'button',
    lang: d.lang == 'en' ? 'en' : 'fr',
    // data-questions="clarity,comment" narrows the optional questions
    questions: HIDEABLE.filter((q) => (d.questions || q).includes(q)),
    nonce: script.nonce,
  };
}
