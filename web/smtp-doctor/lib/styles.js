// The elements' own styles (shadow DOM), built on first use so importing
// the package on a server touches nothing. Theming: every colour and the
// radius are CSS custom properties (`--smtp-doctor-*`, light defaults;
// `theme="dark"`, or `theme="auto"` to follow the system), and each
// region is a `::part()`.

const CSS = `
:host { display: block; font: inherit; color: var(--_text); line-height: 1.45;
  --_text: var(--smtp-doctor-text, #1d2330); --_muted: var(--smtp-doctor-muted, #5b6474);
  --_bg: var(--smtp-doctor-background, #fff); --_border: var(--smtp-doctor-border, #d6dae1);
  --_accent: var(--smtp-doctor-accent, #2457d6); --_on-accent: var(--smtp-doctor-on-accent, #fff);
  --_ok: var(--smtp-doctor-ok, #067647); --_error: var(--smtp-doctor-error, #b42318);
  --_error-bg: var(--smtp-doctor-error-background, #fef3f2); --_warn: var(--smtp-doctor-warning, #f79009);
  --_warn-bg: var(--smtp-doctor-warning-background, #fffaeb); --_info: var(--smtp-doctor-info, #175cd3);
  --_info-bg: var(--smtp-doctor-info-background, #eff8ff); --_code-bg: var(--smtp-doctor-code-background, #101828);
  --_control: var(--smtp-doctor-control-border, #7b8494);
  --_radius: var(--smtp-doctor-radius, 8px); }
:host([theme=dark]) { color-scheme: dark;
  --_text: var(--smtp-doctor-text, #e6e9ef); --_muted: var(--smtp-doctor-muted, #a3acbb);
  --_bg: var(--smtp-doctor-background, #161b26); --_border: var(--smtp-doctor-border, #333c4d);
  --_accent: var(--smtp-doctor-accent, #8ab0ff); --_on-accent: var(--smtp-doctor-on-accent, #0c111d);
  --_ok: var(--smtp-doctor-ok, #75e0a7); --_error: var(--smtp-doctor-error, #fda29b);
  --_error-bg: var(--smtp-doctor-error-background, #55160c); --_warn-bg: var(--smtp-doctor-warning-background, #4e1d09);
  --_info-bg: var(--smtp-doctor-info-background, #102a56); --_code-bg: var(--smtp-doctor-code-background, #0c111d);
  --_control: var(--smtp-doctor-control-border, #85888e); }
@media (prefers-color-scheme: dark) { :host([theme=auto]) { color-scheme: dark;
  --_text: var(--smtp-doctor-text, #e6e9ef); --_muted: var(--smtp-doctor-muted, #a3acbb);
  --_bg: var(--smtp-doctor-background, #161b26); --_border: var(--smtp-doctor-border, #333c4d);
  --_accent: var(--smtp-doctor-accent, #8ab0ff); --_on-accent: var(--smtp-doctor-on-accent, #0c111d);
  --_ok: var(--smtp-doctor-ok, #75e0a7); --_error: var(--smtp-doctor-error, #fda29b);
  --_error-bg: var(--smtp-doctor-error-background, #55160c); --_warn-bg: var(--smtp-doctor-warning-background, #4e1d09);
  --_info-bg: var(--smtp-doctor-info-background, #102a56); --_code-bg: var(--smtp-doctor-code-background, #0c111d);
  --_control: var(--smtp-doctor-control-border, #85888e); } }
[hidden] { display: none !important; }
* { box-sizing: border-box; }
button { font: inherit; padding: .55rem 1rem; border-radius: var(--_radius); border: 1px solid var(--_accent);
  background: var(--_accent); color: var(--_on-accent); cursor: pointer; }
button.secondary { background: var(--_bg); color: var(--_accent); }
a.button { display: inline-block; padding: .55rem 1rem; border-radius: var(--_radius); border: 1px solid var(--_accent);
  background: var(--_bg); color: var(--_accent); text-decoration: none; }
a.button:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.share { margin: .75rem 0; }
.share input { font: inherit; padding: .45rem .6rem; border: 1px solid var(--_control); border-radius: var(--_radius);
  background: var(--_bg); color: inherit; width: 100%; margin-bottom: .5rem; }
button:disabled { opacity: .55; cursor: not-allowed; }
button:focus-visible, input:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
input[type=email] { font: inherit; padding: .55rem .65rem; border: 1px solid var(--_control); border-radius: var(--_radius);
  background: var(--_bg); color: inherit; flex: 1 1 14rem; min-width: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.row label { flex-basis: 100%; font-weight: 600; }
input::placeholder, textarea::placeholder { color: var(--_muted); font-style: italic; }
.explain label { display: block; font-weight: 600; margin-bottom: .35rem; }
textarea { font: .9rem/1.4 ui-monospace, monospace; padding: .55rem .65rem; border: 1px solid var(--_control); border-radius: var(--_radius);
  background: var(--_bg); color: inherit; width: 100%; box-sizing: border-box; resize: vertical; margin-bottom: .5rem; }
a { color: var(--_accent); overflow-wrap: anywhere; }
.status, .finding, .suggestion, .allowlist { overflow-wrap: anywhere; }
.options { border: 0; padding: 0; margin: 0 0 .75rem; display: grid; gap: .35rem; }
.options label { display: flex; gap: .5rem; align-items: center; }
.status { margin: .75rem 0 0; font-weight: 600; }
.status:empty { display: none; }
.status.failed { color: var(--_error); }
.detect-status { font-weight: 400; }
.steps { list-style: none; padding: 0; margin: .75rem 0 0; }
.steps:empty { display: none; }
.step { display: grid; grid-template-columns: 1.5rem 1fr auto; gap: 0 .5rem; align-items: baseline; padding: .3rem 0; border-bottom: 1px solid var(--_border); }
.step-icon::before { content: "•"; font-weight: 700; }
.step-pass .step-icon::before { content: "✓"; color: var(--_ok); }
.step-warn .step-icon::before { content: "!"; color: var(--_warn); }
.step-fail .step-icon::before { content: "✗"; color: var(--_error); }
.step-skipped .step-icon::before { content: "–"; color: var(--_muted); }
.step-running .step-icon::before { content: "◌"; display: inline-block; animation: spin 1s linear infinite; color: var(--_accent); }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .step-running .step-icon::before { animation: none; } }
.step-time { color: var(--_muted); font-variant-numeric: tabular-nums; font-size: .88rem; }
.step-note { grid-column: 2 / 4; color: var(--_muted); font-size: .88rem; }
.result { margin-top: 1rem; }
.result:focus { outline: none; }
.result h3 { margin: 0 0 .25rem; font-size: 1.15rem; scroll-margin-top: 1rem; }
.result h3:focus { outline: none; }
.more { margin: 0 0 .5rem; color: var(--_muted); }
.more:empty { display: none; }
.finding.lead { border-left-width: 6px; }
details#details { margin-top: .75rem; }
.result h4 { margin: .75rem 0 .4rem; font-size: .95rem; }
.result[data-ok=true] h3 { color: var(--_ok); }
.result[data-ok=false] h3 { color: var(--_error); }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { margin-top: .5rem; padding: .6rem .75rem; border-radius: var(--_radius); border-left: 4px solid; display: grid; gap: .25rem; justify-items: start; }
.smtp-doctor-error { background: var(--_error-bg); border-color: var(--_error); }
.smtp-doctor-warning { background: var(--_warn-bg); border-color: var(--_warn); }
.smtp-doctor-info { background: var(--_info-bg); border-color: var(--_info); }
.finding-message { font-weight: 600; }
.finding-actor { font-size: .78rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: var(--_muted); }
.finding-help, .hint { color: var(--_muted); }
.finding.lead .finding-help { color: var(--_text); }
.finding-reply { font-size: .85rem; background: color-mix(in srgb, var(--_text) 7%, transparent); padding: .1rem .3rem; border-radius: 4px; overflow-wrap: anywhere; }
.finding button, .candidate button { padding: .3rem .7rem; font-size: .88rem; }
.suggestion, .allowlist { margin: .5rem 0; padding: .75rem; border-radius: var(--_radius); background: var(--_info-bg); border: 1px solid var(--_border); }
.suggestion p { margin: 0 0 .5rem; }
.arrival { margin: 1rem 0 .5rem; }
.arrival h4 { margin: 0; }
.arrival details.card { margin-top: .5rem; }
.received { font-size: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: .4rem 0 0; }
.record { margin: 0; font-size: .88rem; overflow-wrap: anywhere; }
.record code { user-select: all; background: color-mix(in srgb, var(--_text) 7%, transparent); padding: .1rem .3rem; border-radius: 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: .75rem; margin: .75rem 0; }
.cards > div:empty { display: none; }
.card { border: 1px solid var(--_border); border-radius: var(--_radius); padding: .75rem; font-size: .9rem; overflow-wrap: anywhere; }
.card h4 { margin: 0 0 .4rem; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: .15rem .6rem; margin: 0; }
.card dt { color: var(--_muted); }
.card dd { margin: 0; }
.certificate.untrusted { border-color: var(--_error); }
.capabilities { padding-left: 1rem; margin: .3rem 0 0; }
summary { cursor: pointer; font-weight: 600; }
pre { max-height: 18rem; overflow: auto; background: var(--_code-bg); color: #f2f4f7; padding: .75rem; border-radius: var(--_radius); font-size: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.detect-list:empty { display: none; }
.candidates { list-style: none; padding: 0; margin: .5rem 0; }
.candidate { display: grid; grid-template-columns: 1.5rem 1fr auto; gap: .1rem .5rem; align-items: center; padding: .4rem 0; border-bottom: 1px solid var(--_border); }
.candidate-mark { font-weight: 700; }
.candidate.verified .candidate-mark { color: var(--_ok); }
.candidate.unverified .candidate-mark { color: var(--_muted); }
.candidate-what { font-weight: 600; overflow-wrap: anywhere; }
.candidate-why { grid-column: 2 / 3; color: var(--_muted); font-size: .88rem; }
.candidate button { grid-row: 1 / 3; grid-column: 3; }
.sources { padding-left: 1.1rem; font-size: .88rem; color: var(--_muted); }
`;

let sheet = null;

/** Gives a shadow root the elements' styles (one shared sheet). */
export function adoptStyles(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];
}
