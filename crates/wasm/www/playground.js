// The playground: the policy in a textarea, its diagnostics, and its notice rendered by the
// compiler as WebAssembly on every edit. No bundler: pkg/ is wasm-bindgen's `--target web`.
import init, { build, explain, preview } from './pkg/policyc_wasm.js';
import { encode, decode } from './address.js';
import { showLines, highlightLines, markLines } from './layers.js';
import { patch } from './patch.js';

const $ = (id) => document.getElementById(id);
const source = $('source');
let timer;
let downloadUrls = [];
let previewStarted;
let previewTyped; // when the first key this preview shows was typed
let linkedLanguage; // from a link, until the first build offers it

let shownPage = ''; // the standalone page in the preview frame
let downloadsStale = true;
let builtText; // the text of the last build

// One edit: the check and the previewed notice alone (`preview`); every other output is built
// only when the downloads are opened (`build`, about three times the work).
function update() {
  const started = performance.now();
  const typed = firstInput;
  firstInput = undefined;
  const options = { standalone: true };
  if ($('layout').value) options.layout = $('layout').value;
  const wanted = $('language').value || linkedLanguage;
  if (wanted) options.language = wanted;
  builtText = source.value;
  const previewed = preview(builtText, policyName(), options);
  const buildMs = performance.now() - started; // the compiler alone
  if (highlighted !== source.value) showHighlight(); // a text loaded, not typed
  showDiagnostics(previewed.diagnostics);
  showMarks(previewed.diagnostics);
  if (previewed.ok) {
    const select = $('language');
    if ([...select.options].map((o) => o.value).join() !== previewed.languages.join()) {
      select.replaceChildren(...previewed.languages.map((l) => new Option(l, l)));
    }
    select.value = previewed.language;
    previewStarted = started;
    previewTyped = typed;
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
  lastUpdateMs = performance.now() - started;
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
  patch(doc, doc.head, parsed.head);
  patch(doc, doc.body, parsed.body);
  previewShown();
}

// The list is patched, not rebuilt: an edit shifts the offsets of every later diagnostic but
// seldom what the list shows, and laying out dozens of new items cost more than the build.
function showDiagnostics(diagnostics) {
  const list = $('diagnostics');
  const shown = (d) => JSON.stringify([d.code, d.severity, d.line, d.column, d.message, d.help]);
  const keys = diagnostics.map(shown);
  const old = [...list.children];
  let first = 0;
  while (first < old.length && first < keys.length && old[first].dataset.key === keys[first]) first++;
  let last = 0;
  while (last < old.length - first && last < keys.length - first
    && old[old.length - 1 - last].dataset.key === keys[keys.length - 1 - last]) last++;
  const before = old[old.length - last] ?? null;
  old.slice(first, old.length - last).forEach((item) => item.remove());
  for (const d of diagnostics.slice(first, keys.length - last)) list.insertBefore(diagnosticItem(d), before);
  // Every item jumps to its diagnostic's current offsets.
  [...list.children].forEach((item, i) => {
    item.diagnostic = diagnostics[i];
    item.dataset.key = keys[i];
  });
}

function diagnosticItem(d) {
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
    const { start_utf16: start, end_utf16: end } = item.diagnostic;
    source.focus();
    source.setSelectionRange(start, Math.max(end, start + 1));
  });
  item.append(jump);
  // The explanation is fetched when opened: a large policy has dozens of warnings.
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
}

// The underlines: the source again, transparent, with each diagnostic's span in a <mark>.
function showMarks(diagnostics) {
  const text = source.value;
  const lines = markLines(text, diagnostics.filter((d) => d.file === undefined || d.file === policyName()));
  showLines($('marks'), lines);
  if ($('gutter').dataset.lines !== String(lines.length)) {
    $('gutter').dataset.lines = String(lines.length);
    $('gutter').textContent = Array.from({ length: lines.length }, (_, i) => i + 1).join('\n') + '\n';
  }
  syncScroll();
}

let highlighted; // the text the highlight layer shows

function showHighlight() {
  highlighted = source.value;
  showLines($('highlight'), highlightLines(highlighted));
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
let saveTimer;
let firstInput; // when the oldest key not yet in the preview was typed
let lastUpdateMs = 0; // what the last update cost, from the build to the patched page
source.addEventListener('input', () => {
  firstInput ??= performance.now();
  // By the next frame, once however many keys arrived in between: the highlight, and the
  // preview too while an update costs less than a few frames (the largest example's does on
  // this machine); otherwise the preview waits for a pause in typing, so keys never queue.
  cancelAnimationFrame(frame);
  clearTimeout(timer);
  const soon = lastUpdateMs < 50;
  frame = requestAnimationFrame(() => {
    showHighlight();
    if (soon) update();
  });
  if (!soon) timer = setTimeout(update, 100);
  // The address is compressed text: not on every key.
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveToAddress, 300);
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
// What issue 14's benchmark measures, and the browser test reads: the time from the start of
// a build to the updated notice on screen, and from the first key it includes. A frame
// callback runs before the next paint, a message posted from it after that paint.
const afterPaint = new MessageChannel();
afterPaint.port1.onmessage = ({ data: typed }) => {
  const now = performance.now();
  document.body.dataset.previewMs = (now - previewStarted).toFixed(2);
  if (typed !== undefined) document.body.dataset.editMs = (now - typed).toFixed(2);
  document.body.dataset.previews = String(Number(document.body.dataset.previews || 0) + 1);
};
function previewShown() {
  const typed = previewTyped;
  requestAnimationFrame(() => afterPaint.port2.postMessage(typed));
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
