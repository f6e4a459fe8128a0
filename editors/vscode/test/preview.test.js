// The preview panel without VS Code: preview.js against a stand-in for the `vscode` module and
// a fake language client, and media/preview.js (the webview's script) in jsdom.
'use strict';

const assert = require('node:assert');
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { test } = require('node:test');
const { JSDOM } = require('jsdom');

// --- a stand-in for the parts of the `vscode` API that preview.js uses ----------------------
function fakeVscode() {
  const listeners = { change: [], active: [] };
  const posted = [];
  const fake = {
    posted,
    listeners,
    ViewColumn: { Beside: -2 },
    Uri: { joinPath: (base, ...parts) => ({ path: [base.path, ...parts].join('/') }) },
    workspace: {
      textDocuments: [],
      getConfiguration: () => ({ get: (_key, fallback) => fallback }),
      onDidChangeTextDocument: (f) => (listeners.change.push(f), { dispose() {} }),
    },
    window: {
      activeTextEditor: undefined,
      showInformationMessage: () => undefined,
      onDidChangeActiveTextEditor: (f) => (listeners.active.push(f), { dispose() {} }),
      createWebviewPanel: (_type, title, _column, options) => {
        fake.panelOptions = options;
        let receive;
        const panel = {
          title,
          reveal() {},
          dispose() {},
          onDidDispose() {},
          webview: {
            html: '',
            cspSource: 'vscode-resource:',
            asWebviewUri: (u) => 'vscode-resource:' + u.path,
            postMessage: (m) => (posted.push(m), Promise.resolve(true)),
            onDidReceiveMessage: (f) => (receive = f),
          },
          send: (m) => receive(m),
        };
        fake.panel = panel;
        return panel;
      },
    },
  };
  return fake;
}

function loadPreview(vscode) {
  const original = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : original.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve('../preview')];
    return require('../preview');
  } finally {
    Module._load = original;
  }
}

function document(text) {
  return { uri: { path: '/p/example.policy', toString: () => 'file:///p/example.policy' }, languageId: 'policy', getText: () => text };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('the panel asks for the active policy and follows the pickers and edits', async () => {
  const vscode = fakeVscode();
  const { PreviewPanel } = loadPreview(vscode);
  const doc = document('policy x {\n  languages da, sv\n}\n');
  vscode.workspace.textDocuments = [doc];
  vscode.window.activeTextEditor = { document: doc };
  const requests = [];
  const client = {
    isRunning: () => true,
    sendRequest: async (method, params) => {
      requests.push({ method, params });
      if (params.layout === 'by-audience') throw new Error('the policy has errors');
      return { html: '<h1>Privatlivspolitik</h1>', draft: params.language === 'da' };
    },
  };
  const panel = new PreviewPanel({ extensionUri: { path: '/ext' } }, () => client);
  panel.show();

  // The page: scripts only by nonce, the notice never inline.
  const html = vscode.panel.webview.html;
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  const nonce = /script-src 'nonce-([^']+)'/.exec(csp)[1];
  assert.ok(csp.startsWith("default-src 'none'"), csp);
  assert.ok(!csp.includes('unsafe'), csp);
  assert.ok(html.includes(`<script nonce="${nonce}" src="vscode-resource:/ext/media/preview.js">`));
  assert.strictEqual(vscode.panelOptions.enableCommandUris, false);

  await sleep(50);
  assert.deepStrictEqual(requests.shift(), {
    method: 'policyc/preview',
    params: { textDocument: { uri: 'file:///p/example.policy' }, language: 'da' },
  });
  assert.deepStrictEqual(vscode.posted.pop(), {
    type: 'state', file: 'example.policy', language: 'da', layout: 'policy', languages: ['da', 'sv'],
    html: '<h1>Privatlivspolitik</h1>', draft: true,
  });

  vscode.panel.send({ type: 'language', value: 'sv' });
  vscode.panel.send({ type: 'layout', value: 'by-topic' });
  await sleep(50);
  assert.deepStrictEqual(requests.pop().params, { textDocument: { uri: 'file:///p/example.policy' }, language: 'sv', layout: 'by-topic' });
  assert.strictEqual(vscode.posted.pop().draft, false);
  requests.length = 0;

  // Typing: many changes, one request after the pause.
  for (let i = 0; i < 5; i++) vscode.listeners.change.forEach((f) => f({ document: doc }));
  await sleep(100);
  assert.strictEqual(requests.length, 0);
  await sleep(350);
  assert.strictEqual(requests.length, 1);

  // An error answer is shown as an error.
  vscode.panel.send({ type: 'layout', value: 'by-audience' });
  await sleep(50);
  assert.match(vscode.posted.pop().error, /the policy has errors/);

  // A value the picker does not offer is ignored.
  vscode.panel.send({ type: 'layout', value: '<script>' });
  assert.strictEqual(panel.layout, 'by-audience');
  panel.dispose();
});

test('a language the policy does not declare falls back to one it does', async () => {
  const vscode = fakeVscode();
  const { PreviewPanel, declaredLanguages } = loadPreview(vscode);
  assert.deepStrictEqual(declaredLanguages('policy x {\n  languages sv // not da\n}'), ['sv']);
  assert.deepStrictEqual(declaredLanguages('// languages da\npolicy x {}'), ['da', 'sv']);
  const doc = document('policy x {\n  languages sv\n}\n');
  vscode.workspace.textDocuments = [doc];
  vscode.window.activeTextEditor = { document: doc };
  const seen = [];
  const client = { isRunning: () => true, sendRequest: async (_m, p) => (seen.push(p.language), { html: '', draft: false }) };
  const panel = new PreviewPanel({ extensionUri: { path: '/ext' } }, () => client);
  panel.show();
  await sleep(50);
  assert.deepStrictEqual(seen, ['sv']);
  panel.dispose();
});

// --- the webview's script ---------------------------------------------------------------------
function webview() {
  const vscode = fakeVscode();
  const { PreviewPanel } = loadPreview(vscode);
  const doc = document('policy x { languages da, sv }');
  vscode.window.activeTextEditor = { document: doc };
  const panel = new PreviewPanel({ extensionUri: { path: '/ext' } }, () => undefined);
  panel.show();
  const page = vscode.panel.webview.html.replace(/<script[^>]*><\/script>/, '');
  panel.dispose();
  const dom = new JSDOM(page, { runScripts: 'outside-only' });
  const sent = [];
  // JSON round trip, as VS Code does: objects from the page's realm compare unequal otherwise.
  dom.window.acquireVsCodeApi = () => ({ postMessage: (m) => sent.push(JSON.parse(JSON.stringify(m))) });
  dom.window.eval(fs.readFileSync(path.join(__dirname, '..', 'media', 'preview.js'), 'utf8'));
  const post = (data) => dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data }));
  return { dom, sent, post, $: (id) => dom.window.document.getElementById(id) };
}

test('the webview shows the notice without anything that could run', () => {
  const { sent, post, $ } = webview();
  assert.deepStrictEqual(sent, [{ type: 'ready' }]);
  post({
    type: 'state', file: 'x.policy', language: 'da', layout: 'policy', languages: ['da', 'sv'], draft: true,
    html: '<!-- Generated --><h1 onclick="alert(1)">Titel</h1><script>alert(2)</script>' +
      '<p><a href="javascript:alert(3)">a</a> <a href="mailto:x@y.dk">b</a></p>' +
      '<img src=x onerror="alert(4)"><iframe srcdoc="<script>alert(5)</script>"></iframe>' +
      '<style>body{display:none}</style><custom-tag>kept text</custom-tag>',
  });
  const notice = $('notice').innerHTML;
  assert.strictEqual(
    notice,
    '<h1>Titel</h1><p><a>a</a> <a href="mailto:x@y.dk">b</a></p>kept text'
  );
  assert.strictEqual($('draft').hidden, false);
  assert.strictEqual($('language').value, 'da');
  assert.strictEqual($('language').options.length, 2);

  post({ type: 'state', file: 'x.policy', language: 'sv', layout: 'by-topic', languages: ['sv'], draft: false, html: '<p>Hej</p>' });
  assert.strictEqual($('draft').hidden, true);
  assert.strictEqual($('layout').value, 'by-topic');
  assert.strictEqual($('notice').innerHTML, '<p>Hej</p>');

  // An error keeps the last notice, greyed out.
  post({ type: 'state', file: 'x.policy', language: 'sv', layout: 'by-topic', languages: ['sv'], error: 'the policy has errors' });
  assert.strictEqual($('error').hidden, false);
  assert.deepStrictEqual(
    Array.from($('error').children, (e) => e.textContent),
    ['No notice: the policy has errors.', 'Fix the errors (see Problems) and the preview updates.']
  );
  assert.ok($('notice').classList.contains('stale'));
  assert.strictEqual($('notice').innerHTML, '<p>Hej</p>');

  // Without a server there is nothing to fix in the policy: the extension's hint says what to do.
  post({ type: 'state', file: 'x.policy', language: 'sv', layout: 'by-topic', languages: ['sv'], error: 'The server is not running.', hint: 'Restart it.' });
  assert.deepStrictEqual(Array.from($('error').children, (e) => e.textContent), ['No notice: The server is not running.', 'Restart it.']);
});

test('without a running server the panel says what to do instead of asking to fix errors', async () => {
  const vscode = fakeVscode();
  const { PreviewPanel } = loadPreview(vscode);
  const doc = document('policy x {\n  languages da\n}\n');
  vscode.workspace.textDocuments = [doc];
  vscode.window.activeTextEditor = { document: doc };
  const panel = new PreviewPanel({ extensionUri: { path: '/ext' } }, () => ({ isRunning: () => false }));
  panel.show();
  await sleep(50);
  const message = vscode.posted.pop();
  assert.match(message.error, /not running/);
  assert.match(message.hint, /policyc\.serverPath/);
  panel.dispose();
});

test('the pickers send the choice to the extension', () => {
  const { dom, sent, post, $ } = webview();
  post({ type: 'state', file: 'x.policy', language: 'da', layout: 'policy', languages: ['da', 'sv'], draft: false, html: '' });
  $('layout').value = 'by-activity';
  $('layout').dispatchEvent(new dom.window.Event('change'));
  $('language').value = 'sv';
  $('language').dispatchEvent(new dom.window.Event('change'));
  assert.deepStrictEqual(sent.slice(1), [{ type: 'layout', value: 'by-activity' }, { type: 'language', value: 'sv' }]);
});
