/**
 * The portal's own look: plain, large and high-contrast (WCAG 2.1 AA: text ≥ 4.5:1, a visible
 * focus ring, targets ≥ 44 px, reflow to 320 px without horizontal scrolling, no meaning carried
 * by colour alone). Served as /portal/portal.css so the CSP can forbid inline styles.
 */
export const PORTAL_CSS = `
:root {
  --ink: #1a1a1a; --muted: #4a4f55; --paper: #ffffff; --wash: #f3f5f7; --line: #b8c0c8;
  --brand: #0a4b78; --brand-dark: #06324f; --accent: #d4351c; --ok: #00703c; --warn-bg: #fff7d6;
  --warn-line: #8a6d00; --focus: #ffdd00;
  font-family: "Segoe UI", system-ui, -apple-system, Roboto, "Noto Sans", sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.5;
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-size: 1.0625rem; }
a { color: var(--brand); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
a:hover { color: var(--brand-dark); text-decoration-thickness: 3px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--ink); }
a:focus-visible { background: var(--focus); color: var(--ink); box-shadow: 0 4px 0 var(--ink); outline: none; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: .75rem 1rem; background: var(--focus); color: var(--ink); z-index: 10; }
.skip-link:focus { left: 0; }
.site-header { background: var(--brand); color: #fff; border-bottom: 6px solid var(--brand-dark); }
.site-header .bar { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between; max-width: 60rem; margin: 0 auto; padding: .75rem 1rem; }
.brand { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.25rem; display: inline-flex; flex-direction: column; }
.brand small { font-weight: 400; font-size: .95rem; }
.site-header a { color: #fff; }
.site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 0; padding: 0; }
.site-nav a { display: inline-block; padding: .6rem 0; font-weight: 600; }
.site-nav a[aria-current="page"] { text-decoration-thickness: 4px; }
.account { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.account form { margin: 0; }
.link-button { background: none; border: 0; color: #fff; font: inherit; text-decoration: underline; cursor: pointer; padding: .6rem 0; min-height: 44px; }
main { display: block; max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: .5rem 0 1rem; }
h2 { font-size: 1.5rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
p, li { max-width: 42rem; }
.lead { font-size: 1.25rem; }
.muted { color: var(--muted); }
.button { display: inline-block; min-height: 44px; padding: .65rem 1.25rem; border: 0; border-bottom: 3px solid #002d18; background: var(--ok); color: #fff; font: inherit; font-weight: 700; text-decoration: none; cursor: pointer; }
.button:hover { background: #005a30; color: #fff; }
.button.secondary { background: var(--wash); color: var(--ink); border-bottom-color: #858b91; }
.button.secondary:hover { background: #dde2e6; color: var(--ink); }
.cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
.card { border: 1px solid var(--line); border-top: 5px solid var(--brand); padding: 1rem; background: var(--paper); }
.card h3 { margin-top: 0; }
.panel { padding: 1rem 1.25rem; margin: 1rem 0; border-left: 6px solid var(--brand); background: var(--wash); }
.panel.success { border-color: var(--ok); }
.panel.warning { border-color: var(--warn-line); background: var(--warn-bg); }
.panel.error { border-color: var(--accent); background: #fdecea; }
.panel > :first-child { margin-top: 0; }
.panel > :last-child { margin-bottom: 0; }
.status { display: inline-block; padding: .15rem .6rem; border: 2px solid currentColor; font-weight: 700; color: var(--brand-dark); background: #e8f1f8; }
.status.done { color: var(--ok); background: #e6f4ec; }
.status.attention { color: #6b3d00; background: var(--warn-bg); }
.code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 1.25rem; letter-spacing: .08em; font-weight: 700; }
dl.summary { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .5rem 1rem; margin: 1rem 0; }
dl.summary dt { font-weight: 700; }
dl.summary dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 700; font-size: 1.15rem; padding-bottom: .5rem; }
th, td { text-align: left; padding: .6rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
ol.timeline { padding-left: 1.25rem; }
ol.timeline li { margin: .25rem 0; }
fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; }
legend { font-size: 1.4rem; font-weight: 700; margin-bottom: .5rem; padding: 0; }
.field { margin: 0 0 1.25rem; }
.field label { display: block; font-weight: 700; margin-bottom: .25rem; }
.hint { display: block; color: var(--muted); margin-bottom: .35rem; }
.field-error { display: block; color: var(--accent); font-weight: 700; margin-bottom: .35rem; }
.field.invalid { border-left: 5px solid var(--accent); padding-left: .75rem; }
input[type=text], input[type=email], input[type=tel], input[type=date], input[type=number], select, textarea {
  display: block; width: 100%; max-width: 36rem; min-height: 44px; padding: .5rem; font: inherit; border: 2px solid var(--ink); background: #fff; color: var(--ink); border-radius: 0;
}
input.short { max-width: 11rem; }
textarea { min-height: 9rem; }
input[type=file] { font: inherit; max-width: 100%; padding: .5rem 0; }
.field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--accent); border-width: 3px; }
.readonly { padding: .5rem .75rem; background: var(--wash); border-left: 4px solid var(--line); max-width: 36rem; }
.error-summary { border: 4px solid var(--accent); padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
.error-summary h2 { margin-top: 0; font-size: 1.3rem; }
.error-summary a { color: var(--accent); font-weight: 700; }
.site-footer { border-top: 1px solid var(--line); background: var(--wash); }
.site-footer div { max-width: 60rem; margin: 0 auto; padding: 1.25rem 1rem; color: var(--muted); }
@media (max-width: 40rem) {
  h1 { font-size: 1.6rem; }
  dl.summary { grid-template-columns: 1fr; }
  dl.summary dd { margin-bottom: .5rem; }
  table.stack thead { position: absolute; left: -9999px; }
  table.stack tr { display: block; border-bottom: 2px solid var(--line); padding: .5rem 0; }
  table.stack td { display: block; border: 0; padding: .2rem 0; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
@media print { .site-header, .site-footer, .skip-link, form { display: none; } }
`;
