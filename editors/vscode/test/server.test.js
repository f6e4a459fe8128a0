// The requests the extension makes, sent to a real `policyc lsp` over stdio with the same
// JSON-RPC library the extension uses. Skipped unless POLICYC names the binary:
//   POLICYC=../../target/debug/policyc npm test
'use strict';

const assert = require('node:assert');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const rpc = require('vscode-jsonrpc/node');

const ROOT = path.join(__dirname, '..', '..', '..');
const POLICYC = process.env.POLICYC;

function withTimeout(promise, what, ms = 10000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

test('preview and diagnostics as the extension asks for them', { skip: !POLICYC && 'set POLICYC' }, async () => {
  const server = cp.spawn(path.resolve(POLICYC), ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin)
  );
  const diagnostics = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => diagnostics.push(p));
  connection.listen();
  try {
    await withTimeout(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), 'initialize');
    connection.sendNotification('initialized', {});

    const file = path.join(ROOT, 'policies', 'addvalue.policy');
    const uri = 'file://' + file;
    const text = fs.readFileSync(file, 'utf8');
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'policy', version: 1, text } });

    // The picker's choices: each language the policy declares, each layout, and none.
    for (const layout of [undefined, 'by-topic', 'by-activity', 'by-audience']) {
      const params = { textDocument: { uri }, language: 'da' };
      if (layout) params.layout = layout;
      const result = await withTimeout(connection.sendRequest('policyc/preview', params), 'policyc/preview');
      assert.strictEqual(typeof result.html, 'string');
      assert.ok(result.html.includes('<h1>'), result.html.slice(0, 200));
      assert.strictEqual(result.draft, true, 'addvalue has unconfirmed facts');
    }

    // A policy with an error: the preview answers with an error, and a diagnostic arrives.
    const broken = text.replace(/basis [a-z-]+/, 'basis consnt');
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: broken }],
    });
    await assert.rejects(withTimeout(connection.sendRequest('policyc/preview', { textDocument: { uri }, language: 'da' }), 'preview'));
    const deadline = Date.now() + 10000;
    while (!diagnostics.some((d) => d.uri === uri && d.diagnostics.some((x) => x.severity === 1)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(diagnostics.some((d) => d.uri === uri && d.diagnostics.some((x) => x.severity === 1)), 'an error diagnostic');

    await withTimeout(connection.sendRequest('shutdown'), 'shutdown');
    connection.sendNotification('exit');
    const code = await withTimeout(new Promise((resolve) => server.on('exit', resolve)), 'exit');
    assert.strictEqual(code, 0);
  } finally {
    connection.dispose();
    server.kill();
  }
});
