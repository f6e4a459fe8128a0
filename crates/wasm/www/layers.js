// The editor's layers behind the textarea (playground.js): the highlight and the underlines.

// The two layers behind the textarea hold the source again, one <div> per line, so that an edit
// replaces only the lines it changed: rebuilding and laying out the whole 46 KB text of the
// largest example, twice per keystroke, took most of an edit's time.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

// `text` with each span wrapped in its tags, as one HTML string per line: a span that crosses
// a line break is closed at the end of the line and opened again on the next. `spans` are
// sorted and do not overlap: [start, end, open, close].
function htmlLines(text, spans) {
  const lines = [''];
  const add = (chunk, open = '', close = '') => {
    chunk.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push('');
      if (piece) lines[lines.length - 1] += open + escapeHtml(piece) + close;
    });
  };
  let at = 0;
  for (const [start, end, open, close] of spans) {
    add(text.slice(at, start));
    const inner = text.slice(start, end);
    // An empty span, or one on a line break, still needs something to underline.
    if (inner === '' || inner === '\n') lines[lines.length - 1] += `${open} ${close}`;
    if (inner !== '') add(inner === '\n' ? '\n' : inner, open, close);
    at = end;
  }
  add(text.slice(at));
  return lines;
}

// Replaces the lines of `layer` that differ from what it shows (the common first and last
// lines stay). Each line's text ends with its line break, so the layer's text is the source's.
const shownLines = new WeakMap();
export function showLines(layer, lines) {
  const old = shownLines.get(layer) ?? [];
  shownLines.set(layer, lines);
  let first = 0;
  while (first < lines.length && first < old.length && lines[first] === old[first]) first++;
  let last = 0;
  while (last < lines.length - first && last < old.length - first
    && lines[lines.length - 1 - last] === old[old.length - 1 - last]) last++;
  const html = (line) => `<div>${line}\n</div>`;
  if (first === 0 && last === 0) {
    layer.innerHTML = lines.map(html).join('');
    return;
  }
  for (let i = old.length - last - 1; i >= first; i--) layer.children[i].remove();
  const changed = lines.slice(first, lines.length - last).map(html).join('');
  if (first > 0) layer.children[first - 1].insertAdjacentHTML('afterend', changed);
  else layer.insertAdjacentHTML('afterbegin', changed);
}

// Highlighting as the grammar (grammar/policy.pest) reads the text: `//` comments to the end
// of the line, strings in double quotes with backslash escapes (they may span lines), the
// keyword that starts an item, and numbers and dates. Whichever starts first wins, so `//`
// in a string stays string and a quote in a comment stays comment.
const TOKENS = /(\/\/[^\n]*)|("(?:[^"\\]|\\[\s\S])*"?)|(^[ \t]*[a-z][a-z0-9-]*)|(\b\d{4}-\d{2}-\d{2}\b|\b\d+\b)/gm;
const CLASSES = ['c', 's', 'k', 'n'];

// The highlight's lines: each token in a <span> of its class.
export function highlightLines(text) {
  const spans = [];
  for (const m of text.matchAll(TOKENS)) {
    const kind = CLASSES[m.slice(1).findIndex((g) => g !== undefined)];
    spans.push([m.index, m.index + m[0].length, `<span class="${kind}">`, '</span>']);
  }
  return htmlLines(text, spans);
}


// The underlines' lines: each diagnostic's span (UTF-16 offsets) in a <mark> of its severity.
// Overlapping spans: the first one wins.
export function markLines(text, diagnostics) {
  const spans = [];
  const sorted = diagnostics
    .map((d) => [d.start_utf16, Math.max(d.end_utf16, d.start_utf16), d.severity, d.code])
    .sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end, severity, code] of sorted) {
    if (start < at || start > text.length) continue;
    spans.push([start, Math.min(end, text.length), `<mark class="${severity}" data-code="${code}">`, '</mark>']);
    at = Math.min(end, text.length);
  }
  return htmlLines(text, spans);
}
