// `attachForm`: instant validation for an ordinary HTML form.
//
// Fields are found by `name` (host, port, security — or a `secure`/`tls`
// checkbox —, username, password, from, auth, accessToken; or the names `fields` maps).
// On every `input` and `change` event the form is read and given to core's
// form state (the wasm `FormState`, the same policy `createForm` follows),
// and the findings it says to show now appear next to their fields, with
// `aria-invalid` and `aria-describedby` kept in step. A fix is a button;
// clicking it writes the change into the form and fires `input` so
// frameworks notice too. A page may place `<div data-smtp-doctor-for="host">`
// where a field's messages should go (and `data-smtp-doctor-for="general"`);
// otherwise they go right after the field. After each run the form
// dispatches a `smtp-doctor:diagnostics` event whose `detail` is the
// diagnostics.
//
// This is DOM work, so it lives in JS: in the wasm it cost a fifth of the
// package's download. Every decision (what is wrong, what to show now, a
// fix's changes under the app's names) is still core's.

const FOR = "data-smtp-doctor-for";
const FIX = "data-smtp-doctor-fix";
const CREATED = "data-smtp-doctor-created";
/** On a field a fix just changed, until the customer types in it (pages highlight it). */
const CHANGED = "data-smtp-doctor-changed";
/** The class of the show-password buttons (`passwordToggle`). */
const REVEAL = "smtp-doctor-reveal";
/** The pause in typing after which a change is announced. */
const ANNOUNCE_AFTER_MS = 900;
const GENERAL = "general";
const FIELDS = ["host", "port", "security", "username", "password", "from", "auth", "accessToken"];

let nextId = 1;

/**
 * @param {typeof import("../pkg/smtp_doctor_wasm.js")} glue the loaded wasm
 * @param {HTMLFormElement} form
 * @param {import("../index.d.ts").AttachOptions} options
 * @param {{ withTexts: (d: any[]) => any[], t: (id: string) => string }} texts
 */
export function attach(glue, form, options = {}, { withTexts, t }) {
  if (!(form instanceof HTMLFormElement)) throw new TypeError("attachForm: expected a <form> element");
  const { fields, values, rules, show, onDiagnostics, onFix, passwordToggle } = options ?? {};
  const state = new glue.FormState({ fields, values, rules, show });
  const doc = form.ownerDocument;
  const id = nextId++;
  /** The findings on screen (fix buttons point into it); null before the first render. */
  let shown = null;
  let shownKey = null;
  /** Screen readers hear a settled change once, not every keystroke. */
  let announcer = null;
  let announced = [];
  let timer = null;

  const appName = (field) => state.nameOf(field) ?? null;
  const nameOf = (field) => appName(field) ?? field;
  const containerId = (name) => `smtp-doctor-${id}-${name}`;
  const byName = (name) => [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
  const forAttr = (name) => form.querySelector(`[${FOR}="${CSS.escape(name)}"]`);

  /** The elements of a field (none for a field the app lacks); security may be a `secure`/`tls` checkbox. */
  function elementsOf(field) {
    const name = appName(field);
    if (name === null) return [];
    const found = byName(name);
    if (found.length || field !== "security") return found;
    const secure = byName("secure");
    return secure.length ? secure : byName("tls");
  }

  /** The form's values, by the app's names. */
  function read() {
    const out = {};
    for (const el of form.querySelectorAll("input[name], select[name], textarea[name]")) {
      if (el instanceof HTMLInputElement) {
        if (el.type === "checkbox") out[el.name] = el.checked;
        else if (el.type === "radio") {
          if (el.checked) out[el.name] = el.value;
        } else if (!["submit", "button", "reset"].includes(el.type)) out[el.name] = el.value;
      } else out[el.name] = el.value;
    }
    return out;
  }

  function run() {
    state.update(read());
    // Texts only for what is on screen (rendering costs more than the rules).
    const now = withTexts(state.shown());
    // Unchanged findings keep their elements: a `change` event fired by the
    // blur of a mousedown on a fix button must not replace that button
    // before its click lands.
    const key = JSON.stringify(now.map(identity));
    if (key !== shownKey) {
      render(now);
      shown = now;
      shownKey = key;
      scheduleAnnouncement();
    }
    const all = withTexts(state.diagnostics());
    onDiagnostics?.(all);
    form.dispatchEvent(new CustomEvent("smtp-doctor:diagnostics", { detail: all }));
  }

  function render(diagnostics) {
    const general = [];
    for (const field of FIELDS) {
      const name = nameOf(field);
      const elements = elementsOf(field);
      const items = [];
      diagnostics.forEach((d, i) => d.field === field && items.push([i, d]));
      const anchor = elements.at(-1);
      if (!anchor) {
        general.push(...items);
        continue;
      }
      const hasError = items.some(([, d]) => d.severity === "error");
      for (const el of elements) {
        if (hasError) el.setAttribute("aria-invalid", "true");
        else el.removeAttribute("aria-invalid");
      }
      if (!items.length) {
        forAttr(name)?.replaceChildren();
        for (const el of elements) describedBy(el, containerId(name), false);
        continue;
      }
      const box = container(name, anchor);
      fill(box, items);
      for (const el of elements) describedBy(el, box.id, true);
    }
    diagnostics.forEach((d, i) => d.field == null && general.push([i, d]));
    general.sort((a, b) => a[0] - b[0]);
    if (!general.length) forAttr(GENERAL)?.replaceChildren();
    else fill(container(GENERAL, null), general);
  }

  /** The element showing `name`'s messages: the page's own, or one made after the field (or atop the form). */
  function container(name, anchor) {
    const own = forAttr(name);
    if (own) {
      if (!own.id) own.id = containerId(name);
      return own;
    }
    const box = el("div", { id: containerId(name), class: "smtp-doctor-messages", [FOR]: name, [CREATED]: "" });
    if (anchor) {
      // After the field, and after its show-password button if any.
      let after = anchor.nextSibling;
      if (after instanceof Element && after.className === REVEAL) after = after.nextSibling;
      anchor.parentNode.insertBefore(box, after);
    } else form.prepend(box);
    return box;
  }

  function fill(box, items) {
    box.replaceChildren(
      ...items.map(([index, d]) => {
        // Long words (a provider's help URL, a server's name) wrap: no text
        // of ours may widen the page, whatever its own styles.
        const item = el("div", { class: `smtp-doctor-diagnostic smtp-doctor-${d.severity}`, "data-code": d.code, style: "overflow-wrap:anywhere" });
        item.append(el("strong", { class: "smtp-doctor-message" }, d.message));
        const help = el("span", { class: "smtp-doctor-help" });
        help.append(...linkified(d.help));
        item.append(help);
        if (d.fix) item.append(el("button", { class: "smtp-doctor-fix", type: "button", [FIX]: String(index) }, d.fix.title));
        return item;
      }),
    );
  }

  function scheduleAnnouncement() {
    clearTimeout(timer);
    timer = setTimeout(announce, ANNOUNCE_AFTER_MS);
  }

  /** Says what is new since the last announcement, in one polite message. */
  function announce() {
    timer = null;
    const now = shown ?? [];
    const before = new Set(announced.map((d) => JSON.stringify(identity(d))));
    const fresh = now
      .filter((d) => d.severity !== "info" && !before.has(JSON.stringify(identity(d))))
      .map((d) => (d.field ? `${t(`field-${d.field}`)}: ${d.message}` : d.message));
    announced = now;
    if (!fresh.length) return;
    announcer ??= form.appendChild(
      el("div", {
        "aria-live": "polite",
        class: "smtp-doctor-announcer",
        style: "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap",
        [CREATED]: "",
        [FOR]: "announcer",
      }),
    );
    announcer.textContent = fresh.join(". ");
  }

  /** A "Show" button after each password field: typing a long app password blind is where mistakes hide. */
  function addPasswordToggles() {
    form.querySelectorAll("input[type=password]").forEach((input, i) => {
      if (!input.id) input.id = `smtp-doctor-${id}-password-${i}`;
      const button = el(
        "button",
        { class: REVEAL, type: "button", "aria-pressed": "false", "aria-controls": input.id, "aria-label": t("ui-show-password"), [CREATED]: "", [FOR]: "reveal" },
        t("ui-show"),
      );
      input.after(button);
    });
  }

  function togglePassword(button) {
    const input = doc.getElementById(button.getAttribute("aria-controls") ?? "");
    if (!(input instanceof HTMLInputElement)) return;
    const reveal = input.type === "password";
    input.type = reveal ? "text" : "password";
    button.setAttribute("aria-pressed", String(reveal));
    button.textContent = t(reveal ? "ui-hide" : "ui-show");
    button.setAttribute("aria-label", t(reveal ? "ui-hide-password" : "ui-show-password"));
  }

  /** Hands a fix to the app (`onFix`), or writes it into the form, focuses the first changed field and validates again. */
  function applyFix(fix) {
    if (onFix) {
      onFix(state.changes(fix), fix);
      return;
    }
    if (!fix || typeof fix.changes !== "object" || fix.changes === null) throw new TypeError("not a fix: expected {changes: {field: value}}");
    let first = null;
    for (const [field, value] of Object.entries(fix.changes)) {
      for (const changed of write(field, value == null ? "" : String(value))) first ??= changed;
    }
    // Keep keyboard users in place: focus the first changed field.
    first?.focus();
    run();
  }

  /** Writes a value into a field's element(s); returns those changed. */
  function write(field, text) {
    if (!FIELDS.includes(field) || appName(field) === null) return [];
    let elements = byName(appName(field));
    const checkboxAlias = !elements.length && field === "security";
    if (checkboxAlias) elements = elementsOf(field);
    const changed = [];
    for (const node of elements) {
      let done = true;
      if (node instanceof HTMLInputElement && node.type === "radio") {
        node.checked = node.value === text;
        done = node.checked;
      } else if (node instanceof HTMLInputElement && node.type === "checkbox" && checkboxAlias) node.checked = text === "tls";
      else if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) node.value = text;
      else done = false;
      if (!done) continue;
      node.setAttribute(CHANGED, "");
      // Bubbles to our form listener (which revalidates) and tells frameworks that bind to the field.
      node.dispatchEvent(new Event("input", { bubbles: true }));
      changed.push(node);
    }
    return changed;
  }

  const nameFrom = (event) => (event.target instanceof Element && event.target.getAttribute("name")) || null;
  const listeners = {
    /** A field changed: it counts as touched (even typed back to what it was), then everything is validated again. */
    input(event) {
      const name = nameFrom(event);
      if (name) state.touch(name);
      if (event.isTrusted && event.target instanceof Element) event.target.removeAttribute(CHANGED);
      run();
    },
    /** A field was left, or the form submitted: maybe more to show. */
    focusout(event) {
      const name = nameFrom(event);
      if (name) state.blur(name);
      run();
    },
    submit() {
      state.submit();
      run();
    },
    click(event) {
      if (!(event.target instanceof Element)) return;
      const toggle = event.target.closest(`.${REVEAL}`);
      if (toggle) return togglePassword(toggle);
      const button = event.target.closest(`[${FIX}]`);
      const fix = button && shown?.[Number(button.getAttribute(FIX))]?.fix;
      if (!fix) return;
      event.preventDefault();
      applyFix(fix);
    },
  };
  listeners.change = listeners.input;
  for (const [kind, listener] of Object.entries(listeners)) form.addEventListener(kind, listener);
  if (passwordToggle) addPasswordToggles();
  run();

  return {
    /** Validates now and returns every finding (shown or not yet). */
    validate() {
      run();
      return withTexts(state.diagnostics());
    },
    /** Shows every finding from now on (as a submit does); true when no error blocks saving. */
    submit() {
      const ok = state.submit();
      run();
      return ok;
    },
    /** The form's settings as SPEC §2 config: what "Test connection" sends. */
    config() {
      state.update(read());
      return state.config();
    },
    /** Applies a fix (from these findings or a live report): into the form, or — with `onFix` — handed to the app. */
    applyFix,
    /** Removes the listeners, the messages and the aria attributes. */
    detach() {
      clearTimeout(timer);
      announcer = null;
      for (const button of form.querySelectorAll(`.${REVEAL}`)) {
        if (button.getAttribute("aria-pressed") === "true") togglePassword(button);
      }
      for (const [kind, listener] of Object.entries(listeners)) form.removeEventListener(kind, listener);
      for (const field of FIELDS) {
        for (const node of elementsOf(field)) {
          node.removeAttribute("aria-invalid");
          describedBy(node, containerId(nameOf(field)), false);
        }
      }
      for (const node of form.querySelectorAll(`[${FOR}]`)) {
        if (node.hasAttribute(CREATED)) node.remove();
        else node.replaceChildren();
      }
      shown = shownKey = null;
    },
  };
}

/** What makes two findings the same on screen. */
const identity = (d) => [d.code, d.severity, d.field, d.message, d.params ?? null, d.fix?.changes ?? null];

function el(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  if (text) node.textContent = text;
  return node;
}

/** Adds or removes one id in `aria-describedby`. */
function describedBy(node, id, on) {
  const now = (node.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  if (on === now.includes(id)) return;
  const ids = on ? [...now, id] : now.filter((x) => x !== id);
  if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
  else node.removeAttribute("aria-describedby");
}

/**
 * `text` as nodes, each `https://` address a link (a provider's
 * app-password page is a click, not something to copy). An address ends at
 * whitespace; a closing `.`, `,`, `)` or `;` stays text.
 * @param {string} text
 */
export function linkified(text) {
  const out = [];
  let rest = text ?? "";
  for (let start = rest.indexOf("https://"); start !== -1; start = rest.indexOf("https://")) {
    const tail = rest.slice(start);
    let end = tail.search(/\s/);
    if (end === -1) end = tail.length;
    while (end > 8 && /[.,);]$/.test(tail.slice(0, end))) end -= 1;
    if (start) out.push(rest.slice(0, start));
    const url = tail.slice(0, end);
    const a = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url);
    out.push(a);
    rest = tail.slice(end);
  }
  if (rest) out.push(rest);
  return out;
}
