// The only way the widget makes DOM: createElement(NS), setAttribute and append of text
// (never innerHTML, so nothing to do for Trusted Types).

function make(el, attrs, children) {
  for (const k in attrs) attrs[k] && el.setAttribute(k, attrs[k]);
  el.append(...children.filter((c) => c));
  return el;
}

/** h('p', {id: 'x'}, 'text', childElement…); falsy attributes and children are skipped. */
export const h = (tag, attrs, ...children) => make(document.createElement(tag), attrs, children);

/** The same for SVG elements (the faces), so that they are drawn rather than parsed. */
export const svg = (tag, attrs, ...children) => make(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
