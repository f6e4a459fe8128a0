// The playground: the policy in a textarea, its diagnostics, and its notice rendered by the
// compiler as WebAssembly on every edit. No bundler: pkg/ is wasm-bindgen's `--target web`.
import init, { build, explain, preview } from './pkg/policyc_wasm.js';

const $ = (id) => document.getElementById(id);
const source = $('source');
let timer;
let downloadUrls = [];
let previewStarted;
let linkedLanguage; // from a link, until the first build offers it

let shownPage = ''; // the standalone page in the preview frame
let shownDiagnostics = ''; // their JSON: an edit that leaves them as they were redraws nothing
let downloadsStale = true;
let builtText; // the text of the last build

// One edit: the check and the previewed notice alone (`preview`); every other output is built
// only when the downloads are opened (`build`, about three times the work).
function update() {
  const started = performance.now();
  const options = { standalone: true };
  if ($('layout').value) options.layout = $('layout').value;
  const wanted = $('language').value || linkedLanguage;
  if (wanted) options.language = wanted;
  builtText = source.value;
  const previewed = preview(builtText, policyName(), options);
  const buildMs = performance.now() - started; // the compiler alone
  if (highlighted !== source.value) showHighlight(); // a text loaded, not typed
  // A large policy has dozens of warnings: the list is redrawn only when they change.
  const json = JSON.stringify(previewed.diagnostics);
  if (json !== shownDiagnostics) {
    shownDiagnostics = json;
    showDiagnostics(previewed.diagnostics);
  }
  showMarks(previewed.diagnostics);
  if (previewed.ok) {
    const select = $('language');
    if ([...select.options].map((o) => o.value).join() !== previewed.languages.join()) {
      select.replaceChildren(...previewed.languages.map((l) => new Option(l, l)));
    }
    select.value = previewed.language;
    previewStarted = started;
    // A srcdoc document resolves links against the playground's address, so `#section`
    // would load the playground into the frame; this base keeps in-page anchors in the notice.
    const page = previewed.html.replace(/<head>/i, '$&<base href="about:srcdoc">');
    // An edit that does not change the notice (a comment, say) leaves the frame alone.
    if (page !== shownPage) showPage(page);
    else previewShown();
    downloadsStale = true;
    if ($('downloads-box').open) setTimeout(showDownloads);
    $('status').textContent = `built in ${buildMs.toFixed(1)} ms`;
    document.body.dataset.buildMs = buildMs.toFixed(2);
  } else {
    // The preview and the downloads keep the last policy that built.
    $('status').textContent = previewed.error;
  }
  document.body.dataset.builds = String(Number(document.body.dataset.builds || 0) + 1);
}

const policyName = () => `${$('example').value}.policy`;

// The notice into the frame. The first time (and whenever the frame holds no document of ours)
// through `srcdoc`; after that the frame's document is changed in place: navigating the frame
// again took about 66 ms for the largest notice, and reset the reader's scroll position.
// The frame is sandboxed without `allow-scripts`, so nothing in it runs either way;
// `allow-same-origin` only lets this page reach its document.
function showPage(page) {
  const frame = $('preview');
  const doc = frame.contentDocument;
  shownPage = page;
  if (!doc || !doc.body || doc.body.dataset.policyc === undefined) {
    frame.srcdoc = page.replace(/<body([^>]*)>/i, '<body$1 data-policyc>');
    return; // previewShown() runs on the frame's `load`
  }
  // DOMParser builds an inert document: nothing in it loads or runs.
  const parsed = new DOMParser().parseFromString(page, 'text/html');
  const root = doc.documentElement;
  for (const { name } of [...root.attributes]) root.removeAttribute(name);
  for (const { name, value } of [...parsed.documentElement.attributes]) root.setAttribute(name, value);
  if (doc.head.innerHTML !== parsed.head.innerHTML) doc.head.replaceWith(doc.adoptNode(parsed.head));
  parsed.body.dataset.policyc = '';
  doc.body.replaceWith(doc.adoptNode(parsed.body));
  previewShown();
}

function showDiagnostics(diagnostics) {
  $('diagnostics').replaceChildren(
    ...diagnostics.map((d) => {
      const item = document.createElement('li');
      item.className = d.severity;
      item.dataset.code = d.code;
      item.dataset.line = d.line;
      // A button, so the jump is reachable by keyboard and announced as an action.
      const jump = document.createElement('button');
      const code = document.createElement('code');
      code.textContent = `${d.code} ${d.line}:${d.column}`;
      jump.append(code, ` ${d.message}`);
      if (d.help) {
        const help = document.createElement('div');
        help.className = 'help';
        help.textContent = `help: ${d.help}`;
        jump.append(help);
      }
      // UTF-16 offsets select exactly the span in the textarea.
      jump.addEventListener('click', () => {
        source.focus();
        source.setSelectionRange(d.start_utf16, Math.max(d.end_utf16, d.start_utf16 + 1));
      });
      item.append(jump);
      // The explanation is fetched when opened: a large policy has dozens of warnings, and
      // the list is rebuilt on every edit.
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `explain ${d.code}`;
      const pre = document.createElement('pre');
      details.append(summary, pre);
      details.addEventListener('toggle', () => {
        // Markdown shown as text: never parsed as HTML.
        if (details.open && !pre.textContent) pre.textContent = explain(d.code) ?? 'no explanation';
      });
      item.append(details);
      return item;
    }),
  );
}

// The underlines: the source again, transparent, with each diagnostic's span in a <mark>.
function showMarks(diagnostics) {
  const text = source.value;
  const spans = diagnostics
    .filter((d) => d.file === undefined || d.file === `${$('example').value}.policy`)
    .map((d) => [d.start_utf16, Math.max(d.end_utf16, d.start_utf16 + 1), d.severity, d.code])
    .sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [start, end, severity, code] of spans) {
    if (start < at || start > text.length) continue; // overlapping spans: the first one wins
    parts.push(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.className = severity;
    mark.dataset.code = code;
    // An empty span at the end of a line or file still needs something to underline.
    mark.textContent = text.slice(start, end).replace(/^\n?$/, ' ');
    parts.push(mark);
    at = Math.min(end, text.length);
  }
  parts.push(text.slice(at) + '\n');
  $('marks').replaceChildren(...parts);
  const lines = text.split('\n').length;
  if ($('gutter').dataset.lines !== String(lines)) {
    $('gutter').dataset.lines = String(lines);
    $('gutter').textContent = Array.from({ length: lines }, (_, i) => i + 1).join('\n') + '\n';
  }
  syncScroll();
}

// Highlighting as the grammar (grammar/policy.pest) reads the text: `//` comments to the end
// of the line, strings in double quotes with backslash escapes (they may span lines), the
// keyword that starts an item, and numbers and dates. Whichever starts first wins, so `//`
// in a string stays string and a quote in a comment stays comment.
const TOKENS = /(\/\/[^\n]*)|("(?:[^"\\]|\\[\s\S])*"?)|(^[ \t]*[a-z][a-z0-9-]*)|(\b\d{4}-\d{2}-\d{2}\b|\b\d+\b)/gm;
const CLASSES = ['c', 's', 'k', 'n'];

let highlighted; // the text the highlight layer shows

function showHighlight() {
  const text = source.value;
  highlighted = text;
  const parts = [];
  let at = 0;
  for (const m of text.matchAll(TOKENS)) {
    parts.push(text.slice(at, m.index));
    const span = document.createElement('span');
    span.className = CLASSES[m.slice(1).findIndex((g) => g !== undefined)];
    span.textContent = m[0];
    parts.push(span);
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at) + '\n');
  $('highlight').replaceChildren(...parts);
  syncScroll();
}

function syncScroll() {
  $('highlight').scrollTop = source.scrollTop;
  $('highlight').scrollLeft = source.scrollLeft;
  $('marks').scrollTop = source.scrollTop;
  $('marks').scrollLeft = source.scrollLeft;
  $('gutter').scrollTop = source.scrollTop;
}

// Every output `build` writes, as links; built when the list is opened, and again after an
// edit while it is open.
function showDownloads() {
  if (!downloadsStale) return;
  const options = { standalone: true };
  if ($('layout').value) options.layout = $('layout').value;
  const built = build(source.value, policyName(), options);
  if (!built.ok) return; // the list keeps the last policy that built
  downloadsStale = false;
  const files = built.files;
  downloadUrls.forEach((url) => URL.revokeObjectURL(url));
  downloadUrls = files.map((f) => URL.createObjectURL(new Blob([f.contents], { type: mime(f.name) })));
  $('downloads').replaceChildren(
    ...files.map((f, i) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = downloadUrls[i];
      link.download = f.name;
      link.textContent = f.name;
      item.append(link);
      return item;
    }),
  );
  document.body.dataset.downloads = String(Number(document.body.dataset.downloads || 0) + 1);
}

function mime(name) {
  const ext = name.split('.').at(-1);
  return {
    html: 'text/html', md: 'text/markdown', json: 'application/json', yaml: 'application/yaml',
    csv: 'text/csv',
  }[ext] + ';charset=utf-8';
}

// The address: `#example=NAME&policy=BASE64URL` where the policy is deflate-compressed, so
// a link restores the exact text (the example's name too: it names the generated files).
async function encode(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function decode(encoded) {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

let saving = Promise.resolve();
let savedText; // the text the address holds
function saveToAddress() {
  // Chained so that a slow compression cannot overwrite a later one.
  saving = saving.then(async () => {
    const params = new URLSearchParams({ example: $('example').value });
    if ($('layout').value) params.set('layout', $('layout').value);
    if ($('language').value) params.set('language', $('language').value);
    const text = source.value;
    params.set('policy', await encode(text));
    history.replaceState(null, '', `#${params}`);
    savedText = text;
  });
}

async function loadExample() {
  const response = await fetch(`examples/${$('example').value}.policy`);
  source.value = response.ok ? await response.text() : `// cannot load the example: ${response.status}`;
  source.scrollTop = 0;
  update();
  // A fresh example leaves the address plain, so the page can be reloaded cheaply.
  history.replaceState(null, '', location.pathname + location.search);
}

async function loadFromAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  const example = params.get('example');
  if (example && [...$('example').options].some((o) => o.value === example)) $('example').value = example;
  const layout = params.get('layout');
  if ([...$('layout').options].some((o) => o.value === layout)) $('layout').value = layout;
  linkedLanguage = params.get('language') ?? undefined;
  $('language').replaceChildren(); // the link's language, not the one shown before
  if (!params.has('policy')) return false;
  try {
    source.value = await decode(params.get('policy'));
  } catch (e) {
    $('status').textContent = `the link's policy cannot be read: ${e.message}`;
    return false;
  }
  update();
  return true;
}

await init();
let frame;
source.addEventListener('input', () => {
  // The typed text is seen only through the highlight: redo it by the next frame (about 13 ms
  // for the largest example, 46 KB), once however many keys arrived in between.
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(showHighlight);
  clearTimeout(timer);
  timer = setTimeout(() => {
    update();
    saveToAddress();
  }, 100);
});
source.addEventListener('scroll', syncScroll);
$('example').addEventListener('change', loadExample);
// The switches go into the address too, once it holds an edited or linked policy.
const switched = () => {
  update();
  if (location.hash.includes('policy=')) saveToAddress();
};
$('language').addEventListener('change', switched);
$('layout').addEventListener('change', switched);
// The time from the start of a build to the updated notice on screen (the debounce not
// counted): what issue 14's benchmark measures; the browser test reads it. A frame callback
// runs before the next paint, a message posted from it after that paint.
const afterPaint = new MessageChannel();
afterPaint.port1.onmessage = () => {
  document.body.dataset.previewMs = (performance.now() - previewStarted).toFixed(2);
  document.body.dataset.previews = String(Number(document.body.dataset.previews || 0) + 1);
};
function previewShown() {
  requestAnimationFrame(() => afterPaint.port2.postMessage(null));
}
$('preview').addEventListener('load', () => {
  if ($('preview').contentDocument?.body?.dataset.policyc !== undefined) previewShown();
});
$('downloads-box').addEventListener('toggle', () => {
  if ($('downloads-box').open) showDownloads();
});
// For the browser tests: the page in the preview, as the compiler wrote it, and the texts
// last built and last put into the address.
window.playground = {
  get page() { return shownPage; },
  get built() { return builtText; },
  get saved() { return savedText; },
};
// A link pasted into this tab changes only the hash: the page is not reloaded. (replaceState,
// used for the edits, does not fire this.)
window.addEventListener('hashchange', loadFromAddress);
if (!(await loadFromAddress())) await loadExample();
document.body.dataset.ready = 'true';
