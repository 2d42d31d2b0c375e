// The three faces of question 1, drawn in SVG with the text colour (so forced colours and
// dark mode apply): the same faces on every system, unlike emoji.
import { svg } from './dom.js';

const MOUTHS = ['M10 19q6 6 12 0', 'M10 21h12', 'M10 23q6-6 12 0']; // good, average, bad

/** The face for answer i (0 good, 1 average, 2 bad); decorative: the text beside it names the answer. */
export function face(i) {
  return svg('svg', { viewBox: '0 0 32 32', 'aria-hidden': 'true' },
    svg('circle', { cx: 16, cy: 16, r: 14 }),
    svg('path', { d: 'M11 12v2M21 12v2' + MOUTHS[i] }));
}
