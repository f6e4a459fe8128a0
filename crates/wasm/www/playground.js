// The playground: the policy in a textarea, its diagnostics, and its notice rendered by the
// compiler as WebAssembly on every edit. No bundler: pkg/ is wasm-bindgen's `--target web`.
import init, { build } from './pkg/policyc_wasm.js';

const $ = (id) => document.getElementById(id);
const source = $('source');
let timer;

function update() {
  const started = performance.now();
  const options = { standalone: true };
  if ($('layout').value) options.layout = $('layout').value;
  const name = `${$('example').value}.policy`;
  const built = build(source.value, name, options);
  showDiagnostics(built.diagnostics);
  if (built.ok) {
    const pages = built.files.filter((f) => f.name.endsWith('.html'));
    const languages = pages.map((f) => f.name.split('.').at(-2));
    const select = $('language');
    const chosen = languages.includes(select.value) ? select.value : languages[0];
    select.replaceChildren(...languages.map((l) => new Option(l, l, false, l === chosen)));
    $('preview').srcdoc = pages[languages.indexOf(chosen)].contents;
    $('status').textContent = `built in ${(performance.now() - started).toFixed(1)} ms`;
  } else {
    $('status').textContent = built.error;
  }
}

function showDiagnostics(diagnostics) {
  $('diagnostics').replaceChildren(
    ...diagnostics.map((d) => {
      const item = document.createElement('li');
      item.className = d.severity;
      item.tabIndex = 0;
      const code = document.createElement('code');
      code.textContent = `${d.code} ${d.line}:${d.column}`;
      item.append(code, ` ${d.message}`);
      if (d.help) {
        const help = document.createElement('div');
        help.className = 'help';
        help.textContent = `help: ${d.help}`;
        item.append(help);
      }
      // UTF-16 offsets select exactly the span in the textarea.
      const jump = () => {
        source.focus();
        source.setSelectionRange(d.start_utf16, Math.max(d.end_utf16, d.start_utf16 + 1));
      };
      item.addEventListener('click', jump);
      item.addEventListener('keydown', (e) => e.key === 'Enter' && jump());
      return item;
    }),
  );
}

async function loadExample() {
  const response = await fetch(`examples/${$('example').value}.policy`);
  source.value = response.ok ? await response.text() : `// cannot load the example: ${response.status}`;
  update();
}

await init();
source.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(update, 100);
});
$('example').addEventListener('change', loadExample);
$('language').addEventListener('change', update);
$('layout').addEventListener('change', update);
await loadExample();
