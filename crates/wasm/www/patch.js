// The preview's document patched in place (playground.js).

// Makes `target`'s children those of `fresh` (a parsed copy), replacing only the ones that
// differ, so that the browser lays out again only what an edit changed (a keystroke in a title
// changes one heading of the 41 KB notice). A single changed element whose tag and attributes
// stay is patched the same way inside (the notice is one <main>).
const nodeHtml = new WeakMap();
const html = (node) => nodeHtml.get(node) ?? (node.outerHTML ?? `${node.nodeType}:${node.textContent}`);
export function patch(doc, target, fresh) {
  const old = [...target.childNodes];
  const now = [...fresh.childNodes];
  const nowHtml = now.map(html);
  let first = 0;
  while (first < old.length && first < now.length && html(old[first]) === nowHtml[first]) first++;
  let last = 0;
  while (last < old.length - first && last < now.length - first
    && html(old[old.length - 1 - last]) === nowHtml[now.length - 1 - last]) last++;
  const gone = old.slice(first, old.length - last);
  const come = now.slice(first, now.length - last);
  const shell = (n) => n.nodeType === Node.ELEMENT_NODE && n.cloneNode(false).outerHTML;
  if (gone.length === 1 && come.length === 1 && shell(gone[0]) && shell(gone[0]) === shell(come[0])) {
    patch(doc, gone[0], come[0]);
    nodeHtml.set(gone[0], nowHtml[first]);
    return;
  }
  const before = old[old.length - last] ?? null;
  for (const node of gone) node.remove();
  come.forEach((node, i) => {
    nodeHtml.set(node, nowHtml[first + i]);
    target.insertBefore(doc.adoptNode(node), before);
  });
}
