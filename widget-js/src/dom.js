// The only way the widget makes DOM: createElement, setAttribute and append of text
// (never innerHTML, so nothing to do for Trusted Types).

/** h('p', {id: 'x'}, 'text', childElement…); falsy attributes and children are skipped. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const k in attrs) attrs[k] && el.setAttribute(k, attrs[k]);
  el.append(...children.filter((c) => c));
  return el;
}
