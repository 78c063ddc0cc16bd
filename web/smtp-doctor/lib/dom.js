// The one DOM helper the page's modules share: an element with
// properties, listeners and children. Text is always set as text.

/** `el("li", { class: "x", dataset: { a: "1" }, onclick: f }, "text", child)` */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

/**
 * Puts the catalog's texts into a template: `data-t` (text), `data-t-label`
 * (aria-label), `data-t-placeholder`. The English in the template is what
 * shows until the catalog is there.
 * @param {ParentNode} root
 * @param {(id: string) => string} t
 */
export function translate(root, t) {
  for (const node of root.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const node of root.querySelectorAll("[data-t-label]")) node.setAttribute("aria-label", t(node.dataset.tLabel));
  for (const node of root.querySelectorAll("[data-t-placeholder]")) node.setAttribute("placeholder", t(node.dataset.tPlaceholder));
}
