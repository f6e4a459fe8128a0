// extension.js without VS Code: activate() against stand-ins for `vscode` and
// `vscode-languageclient/node`, to check how the server is started and restarted.
'use strict';

const assert = require('node:assert');
const Module = require('node:module');
const { test } = require('node:test');

function load(settings, { remoteName, choice } = {}) {
  const commands = {};
  const executed = [];
  const configListeners = [];
  const clients = [];
  const errors = [];
  const vscode = {
    ViewColumn: { Beside: -2 },
    workspace: {
      textDocuments: [],
      getConfiguration: () => ({ get: (key, fallback) => (key in settings ? settings[key] : fallback) }),
      onDidChangeTextDocument: () => ({ dispose() {} }),
      onDidChangeConfiguration: (f) => (configListeners.push(f), { dispose() {} }),
    },
    window: {
      createOutputChannel: () => ({ dispose() {} }),
      onDidChangeActiveTextEditor: () => ({ dispose() {} }),
      showErrorMessage: (m) => (errors.push(m), Promise.resolve(choice)),
    },
    commands: {
      registerCommand: (id, f) => ((commands[id] = f), { dispose() {} }),
      executeCommand: (id, ...args) => (id in commands ? commands[id](...args) : (executed.push([id, ...args]), Promise.resolve())),
    },
    env: { remoteName },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, running: false });
      clients.push(this);
    }
    async start() {
      if (this.serverOptions.run.command === 'missing') throw new Error('spawn missing ENOENT');
      this.running = true;
    }
    async stop() {
      this.running = false;
    }
    isRunning() {
      return this.running;
    }
  }
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return { LanguageClient, TransportKind: { stdio: 0 } };
    return original.call(this, request, ...rest);
  };
  try {
    for (const m of ['../extension', '../preview']) delete require.cache[require.resolve(m)];
    return { extension: require('../extension'), commands, configListeners, clients, errors, executed };
  } finally {
    Module._load = original;
  }
}

test('activate starts `policyc lsp` for policy documents and registers the commands', async () => {
  const { extension, commands, clients } = load({});
  const context = { subscriptions: [], extensionUri: { path: '/ext' } };
  await extension.activate(context);
  assert.strictEqual(clients.length, 1);
  // Exactly `policyc lsp`: a `transport` of TransportKind.stdio would make vscode-languageclient
  // append `--stdio`, which the server rejects (seen in code-server, test/code-server.mjs).
  assert.deepStrictEqual(clients[0].serverOptions.run, { command: 'policyc', args: ['lsp'] });
  assert.deepStrictEqual(clients[0].clientOptions.documentSelector.map((s) => s.language), ['policy', 'policy']);
  assert.ok(clients[0].isRunning());
  assert.deepStrictEqual(Object.keys(commands).sort(), ['policyc.restartServer', 'policyc.showPreview']);

  await commands['policyc.restartServer']();
  assert.strictEqual(clients.length, 2);
  assert.ok(!clients[0].isRunning() && clients[1].isRunning());
  await extension.deactivate();
  assert.ok(!clients[1].isRunning());
});

test('policyc.serverPath is used, and a server that cannot start is reported', async () => {
  const { extension, clients, errors, configListeners } = load({ serverPath: 'missing' });
  await extension.activate({ subscriptions: [], extensionUri: { path: '/ext' } });
  assert.strictEqual(clients[0].serverOptions.run.command, 'missing');
  assert.match(errors[0], /could not start the language server `missing lsp`.*ENOENT/);
  // Changing the setting restarts the server.
  await configListeners[0]({ affectsConfiguration: (s) => s === 'policyc.serverPath' });
  assert.strictEqual(clients.length, 2);
});

test('"Open settings" shows policyc.serverPath where it can be set, locally and remotely', async () => {
  for (const [remoteName, expected] of [
    [undefined, ['workbench.action.openSettings', 'policyc.serverPath']],
    // A remote window (code-server, SSH, WSL) lists machine-overridable settings only under
    // the Remote tab.
    ['ssh-remote', ['workbench.action.openRemoteSettings', { query: 'policyc.serverPath' }]],
  ]) {
    const { extension, executed } = load({ serverPath: 'missing' }, { remoteName, choice: 'Open settings' });
    await extension.activate({ subscriptions: [], extensionUri: { path: '/ext' } });
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(executed, [expected]);
  }
});
