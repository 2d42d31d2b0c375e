// The widget's only stylesheet, inside its shadow root: the host page is never restyled,
// and :host resets what the page could pass down. DSFR look: Bleu France #000091,
// focus ring #0a76f6, Marianne then system fonts; reflows down to 320 px. No animation,
// so nothing to tone down for prefers-reduced-motion.
export const CSS = `:host{all:initial!important;display:block!important}
.r{font:16px/1.5 Marianne,system-ui,sans-serif;color:#161616}
.f{position:fixed;right:1em;bottom:1em;z-index:2147483000}
button{font:inherit;padding:8px 16px;border:1px solid;background:#fff;color:#000091}
.o{background:#000091;color:#fff}
:focus-visible{outline:2px solid #0a76f6;outline-offset:2px}
dialog{width:min(36em,100% - 2em);border:0;color:inherit}
.x{float:right}
fieldset{border:0;padding:0;margin:1em 0;min-width:0}
legend,.l{font-weight:700;padding:0;display:block}
.e{color:#ce0500}
p{margin:0}
label{display:block}
input{accent-color:#000091;margin:0 8px 0 0}
.radio label{display:inline-block;margin-right:1em}
dialog::backdrop{background:#0009}
textarea{box-sizing:border-box;width:100%;font:inherit}`;
