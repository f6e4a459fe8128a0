// The TextMate grammar under the engine VS Code itself uses (vscode-textmate with Oniguruma),
// for what tests/integration/editors.rs cannot prove with fancy-regex: that Oniguruma compiles
// every regex and tokenizes the example policies the same way. Run: npm install && npm test.
'use strict';

const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

const ROOT = path.join(__dirname, '..', '..', '..');
const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'policy.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR),
  });
  return registry.loadGrammar('source.policy');
}

/** Every token of a text: { line, text, scopes } (scopes without the root). */
function tokenize(grammar, text) {
  let state = textmate.INITIAL;
  const out = [];
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      out.push({ line: i + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) });
    }
    state = r.ruleStack;
  });
  return out;
}

function scopesOf(grammar, text, word) {
  const t = tokenize(grammar, text).filter((t) => t.text === word).pop();
  assert.ok(t, `no token is exactly \`${word}\` in ${JSON.stringify(text)}`);
  return t.scopes;
}

test('every word of the example policies has a scope', async () => {
  const grammar = await loadGrammar();
  const dir = path.join(ROOT, 'policies');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.policy'));
  assert.ok(files.length >= 5);
  const failures = [];
  for (const file of files) {
    for (const t of tokenize(grammar, fs.readFileSync(path.join(dir, file), 'utf8'))) {
      if (t.scopes.length === 0 && /[\p{L}\d]/u.test(t.text)) failures.push(`${file}:${t.line}: \`${t.text.trim()}\``);
    }
  }
  assert.deepStrictEqual(failures, []);
});

test('keywords, fixed words and names get their scopes', async () => {
  const grammar = await loadGrammar();
  const cases = [
    ['purpose course {\n  data cv, contact\n}', 'purpose', 'keyword.control.block.policy'],
    ['purpose course {\n  data cv, contact\n}', 'course', 'entity.name.type.policy'],
    ['purpose course {\n  data cv, contact\n}', 'data', 'keyword.other.item.policy'],
    ['purpose course {\n  data cv,\n    contact\n}', 'contact', 'variable.other.reference.policy'],
    ['purpose x {\n  basis contract, legitimate-interests\n}', 'legitimate-interests', 'constant.language.basis.policy'],
    ['data x {\n  kind special health\n}', 'health', 'constant.language.special-category.policy'],
    ['controller {\n  financial-year starts 1 July\n}', 'July', 'constant.language.month.policy'],
    ['retention x {\n  keep up to 6 months after last-contact\n}', 'last-contact', 'constant.language.event.policy'],
    ['retention x {\n  keep up to 6 months after last-contact\n}', 'months', 'keyword.other.unit.policy'],
    ['group x {\n  name da "Kursister"\n}', 'da', 'entity.name.tag.language.policy'],
    ['controller {\n  web "https://x.dk" // note\n}', '//', 'punctuation.definition.comment.policy'],
  ];
  for (const [text, word, scope] of cases) {
    assert.ok(scopesOf(grammar, text, word).includes(scope), `${word} in ${JSON.stringify(text)}: ${scopesOf(grammar, text, word)}`);
  }
  // Not part of the language: no keyword or fixed-word scope.
  for (const [text, word] of [['purpose x {\n  basiss consent\n}', 'basiss'], ['purpose x {\n  basis consnt\n}', 'consnt']]) {
    const scopes = tokenize(grammar, text).filter((t) => t.text.includes(word)).flatMap((t) => t.scopes);
    assert.ok(!scopes.some((s) => s.startsWith('keyword.') || s.startsWith('constant.language.')), `${word}: ${scopes}`);
  }
});
