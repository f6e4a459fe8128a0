// The WebAssembly package for Node (target/wasm-node/, built by scripts/build-wasm.sh), tested
// with Node's own runner: `node --test crates/wasm/tests/`. See docs/web.md.
//
// The native comparison runs the CLI: $POLICYC if set (a built `policyc` binary), else
// `cargo run -q --locked --`, which may have to compile it first (hence the long timeout).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);
const policyc = require(join(root, 'target', 'wasm-node', 'policyc_wasm.js'));

const QUICK = { timeout: 30_000 };
const NATIVE_BUILD_TIMEOUT = 20 * 60_000;

const read = (path) => readFileSync(join(root, path), 'utf8');
const errors = (diagnostics) => diagnostics.filter((d) => d.severity === 'error');

test('an example policy checks without errors', QUICK, () => {
  const checked = policyc.check(read('policies/workstep.policy'), 'policies/workstep.policy');
  assert.equal(checked.errors, 0, checked.rendered);
  assert.deepEqual(errors(checked.diagnostics), []);
  // Its `unconfirmed` markers are warnings, located like any diagnostic.
  assert.ok(checked.warnings > 0);
  assert.ok(checked.diagnostics.some((d) => d.code === 'W0250'));
  assert.ok(checked.diagnostics.every((d) => d.severity === 'warning' && d.line > 0 && d.column > 0));
});

test('a typing mistake is a coded error at its line and UTF-16 column', QUICK, () => {
  // The mistake comes after æ, ø and 😀 on its line: 😀 is two UTF-16 units and four bytes,
  // æ and ø one unit and two bytes each, so only a UTF-16 column matches `indexOf`.
  const original = read('policies/workstep.policy');
  const title = '  title da "Tilrettelæggelse og gennemførelse af dit forløb"\n';
  const planted = '  title da "Tilrettelæggelse og gennemførelse af dit forløb 😀" subjects clinet\n';
  assert.equal(original.split(title).length, 2, 'the line to plant the mistake in exists once');
  let source = original.replace(title, planted);
  const subjects = source.indexOf('  subjects client\n', source.indexOf('purpose course'));
  source = source.slice(0, subjects) + source.slice(subjects + '  subjects client\n'.length);

  const checked = policyc.check(source, 'typo.policy');
  const found = errors(checked.diagnostics);
  assert.equal(found.length, 1, checked.rendered);
  const [error] = found;
  assert.equal(error.code, 'E0102');
  assert.match(error.message, /`clinet`/);
  assert.match(error.help, /did you mean `client`\?/);

  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.includes('subjects clinet')) + 1;
  const column = lines[line - 1].indexOf('clinet') + 1;
  assert.deepEqual([error.line, error.column, error.end_line, error.end_column], [line, column, line, column + 6]);
  // Offsets: UTF-16 ones slice the JavaScript string, byte ones the UTF-8 bytes.
  assert.equal(source.slice(error.start_utf16, error.end_utf16), 'clinet');
  assert.equal(Buffer.from(source).subarray(error.start, error.end).toString(), 'clinet');
  assert.ok(error.start > error.start_utf16, 'the byte offset counts æ, ø and 😀 as more');
  assert.deepEqual(error.labels.map((l) => [l.primary, l.line, l.column]), [[true, line, column]]);
  // The rendered text is what `policyc check` prints, which counts characters, not UTF-16 units.
  assert.match(checked.rendered, new RegExp(`typo\\.policy:${line}:${column - 1}`));
});

test('both languages build, byte for byte as the native CLI writes them', { timeout: NATIVE_BUILD_TIMEOUT + 30_000 }, () => {
  const paths = ['policies/aventus.policy', 'policies/workstep.policy'];
  const out = mkdtempSync(join(tmpdir(), 'policyc-wasm-'));
  try {
    const [command, args] = process.env.POLICYC
      ? [process.env.POLICYC, []]
      : ['cargo', ['run', '-q', '--locked', '--']];
    execFileSync(command, [...args, 'build', ...paths, '--out', out], {
      cwd: root,
      timeout: NATIVE_BUILD_TIMEOUT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const languages = new Set();
    for (const path of paths) {
      const built = policyc.build(read(path), path, {});
      assert.ok(built.ok, `${path}: ${built.error}\n${built.rendered}`);
      const names = built.files.map((f) => f.name);
      assert.ok(names.some((n) => n.endsWith('.tilt.json')) && names.some((n) => n.endsWith('.retention.json')));
      for (const file of built.files) {
        const native = readFileSync(join(out, file.name), 'utf8');
        assert.ok(file.contents === native, `${file.name} differs from the CLI's`);
        const language = file.name.match(/\.(da|sv)\.html$/);
        if (language) languages.add(language[1]);
      }
    }
    assert.deepEqual([...languages].sort(), ['da', 'sv']);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('build options: layout, standalone, final, and errors as values', QUICK, () => {
  const source = read('policies/workstep.policy');
  const page = policyc.build(source, 'workstep.policy', { layout: 'by-activity', standalone: true });
  assert.ok(page.ok, page.error);
  const html = page.files.find((f) => f.name === 'workstep.da.html').contents;
  assert.match(html, /^<!DOCTYPE html>/i);
  const fragment = policyc.build(source, 'workstep.policy', { layout: 'by-activity' });
  assert.notEqual(fragment.files.find((f) => f.name === 'workstep.da.html').contents, html);

  const final = policyc.build(source, 'workstep.policy', { final: true });
  assert.equal(final.ok, false);
  assert.deepEqual(final.files, []);
  assert.match(final.error, /unconfirmed/);

  assert.match(policyc.build(source, 'x.policy', { layout: 'sideways' }).error, /by-topic/);
  assert.match(policyc.build(source, 'x.policy', { standalon: true }).error, /options cannot be read: `standalon` is not an option/);
  const broken = policyc.build('policy {', 'broken.policy', {});
  assert.equal(broken.ok, false);
  assert.ok(broken.diagnostics.length > 0 && broken.diagnostics[0].code.startsWith('E'));
});

test('a template override in memory takes effect, and its errors point into it', QUICK, () => {
  const source = read('policies/workstep.policy');
  assert.ok(policyc.templateNames().includes('da/by-topic.md.j2'));
  assert.match(policyc.templateSource('da/by-topic.md.j2'), /\{\{|\{%/);
  const templates = { 'da/by-topic.md.j2': '# Fra hukommelsen: {{ n.controller.name }}\n' };
  const built = policyc.build(source, 'workstep.policy', { layout: 'by-topic', templates });
  assert.ok(built.ok, built.error);
  const md = built.files.find((f) => f.name === 'workstep.da.md').contents;
  assert.match(md, /^# Fra hukommelsen: WORKSTEP/m);

  const bad = { 'da/by-topic.md.j2': 'one\n{{ n.controler.name }}\n' };
  const failed = policyc.build(source, 'workstep.policy', { layout: 'by-topic', templates: bad });
  assert.equal(failed.ok, false);
  const error = failed.diagnostics.find((d) => d.code === 'E0301');
  assert.equal(error.file, 'templates/da/by-topic.md.j2');
  assert.equal(error.line, 2);

  const unknown = policyc.build(source, 'workstep.policy', { templates: { 'da/by-topic.md': '' } });
  assert.match(unknown.error, /not a template name/);
});

test('a mangled policy is formatted back; an unparsable one is an error value', QUICK, () => {
  const canonical = read('tests/fixtures/valid/minimal.policy');
  // Indentation of every width, trailing spaces, blank lines gone: nothing inside a text.
  const mangled = canonical
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => ' '.repeat((i * 3) % 7) + line.trim() + (i % 2 ? '   ' : ''))
    .join('\n');
  assert.notEqual(mangled, canonical);
  const formatted = policyc.fmt(mangled, 'minimal.policy');
  assert.equal(formatted.changed, true);
  assert.equal(formatted.formatted, policyc.fmt(canonical).formatted);
  assert.equal(policyc.fmt(formatted.formatted).changed, false);

  const broken = policyc.fmt('policy {', 'broken.policy');
  assert.equal(broken.formatted, null);
  assert.ok(broken.diagnostics.length > 0);
});

test('codes are listed and explained', QUICK, () => {
  const codes = policyc.codes();
  assert.ok(codes.length > 50);
  assert.deepEqual(Object.keys(codes[0]).sort(), ['code', 'severity', 'summary']);
  assert.ok(codes.some((c) => c.code === 'E0102' && c.severity === 'error'));
  assert.equal(policyc.explain('E0102'), read('docs/codes/E0102.md'));
  assert.equal(policyc.explain('e0102'), read('docs/codes/E0102.md'));
  assert.equal(policyc.explain('E9999'), undefined);
});

test("the browsers' package instantiates from its bytes and builds", QUICK, async () => {
  // The `--target web` module, as a page loads it, but given the bytes instead of a URL.
  const pkg = join(root, 'target', 'playground', 'pkg');
  const web = await import(pathToFileURL(join(pkg, 'policyc_wasm.js')).href);
  web.initSync({ module: readFileSync(join(pkg, 'policyc_wasm_bg.wasm')) });
  const built = web.build(read('policies/workstep.policy'), 'policies/workstep.policy', {});
  assert.ok(built.ok, built.error);
  const native = policyc.build(read('policies/workstep.policy'), 'policies/workstep.policy', {});
  assert.deepEqual(built.files, native.files);
});

test('the module asks JavaScript for no clock, randomness or files', QUICK, () => {
  // Its imports are wasm-bindgen's value conversions only; the same input builds the same files.
  const bytes = readFileSync(join(root, 'target', 'wasm-node', 'policyc_wasm_bg.wasm'));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.name);
  assert.ok(imports.length > 0);
  const suspicious = imports.filter((name) => /now|date|time|random|crypto|fs|process|fetch|require/i.test(name));
  assert.deepEqual(suspicious, []);
  const source = read('policies/workstep.policy');
  assert.deepEqual(policyc.build(source, 'a.policy', {}).files, policyc.build(source, 'a.policy', {}).files);
});
