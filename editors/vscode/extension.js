// VS Code front end for `policyc lsp`: starts the server and shows the notice preview. All
// analysis lives in the server; this file only wires it to the editor.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { PreviewPanel } = require('./preview');

/** @type {LanguageClient | undefined} */
let client;

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  const output = vscode.window.createOutputChannel('policyc');
  context.subscriptions.push(output);

  const start = async () => {
    client = createClient(output);
    try {
      await client.start();
    } catch (err) {
      // The usual cause is a missing binary: say which path was tried and where to set it.
      const path = serverPath();
      vscode.window
        .showErrorMessage(
          `policyc: could not start the language server \`${path} lsp\` (${err && err.message ? err.message : err}).`,
          'Open settings'
        )
        .then((choice) => {
          if (choice) openServerPathSetting();
        });
    }
  };

  const preview = new PreviewPanel(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand('policyc.showPreview', () => preview.show()),
    vscode.commands.registerCommand('policyc.restartServer', async () => {
      if (client) await client.stop().catch(() => undefined);
      await start();
      preview.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('policyc.serverPath')) {
        await vscode.commands.executeCommand('policyc.restartServer');
      }
    }),
    preview
  );

  await start();
}

// `policyc.serverPath` is machine-overridable: in a remote window (code-server, SSH, WSL, ...)
// the Settings editor lists it only under its Remote tab, and the User tab, where
// `workbench.action.openSettings` goes, says "No Settings Found" (seen in code-server).
function openServerPathSetting() {
  if (vscode.env.remoteName) {
    return vscode.commands.executeCommand('workbench.action.openRemoteSettings', { query: 'policyc.serverPath' });
  }
  return vscode.commands.executeCommand('workbench.action.openSettings', 'policyc.serverPath');
}

function serverPath() {
  const configured = vscode.workspace.getConfiguration('policyc').get('serverPath');
  return typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : 'policyc';
}

/** @param {vscode.OutputChannel} output */
function createClient(output) {
  // No `transport`: with TransportKind.stdio, vscode-languageclient appends `--stdio` to the
  // arguments, which `policyc lsp` rejects. Without it, the client still talks over the
  // process's stdin and stdout.
  const run = { command: serverPath(), args: ['lsp'] };
  return new LanguageClient(
    'policyc',
    'policyc language server',
    { run, debug: run },
    {
      documentSelector: [
        { scheme: 'file', language: 'policy' },
        { scheme: 'untitled', language: 'policy' },
      ],
      outputChannel: output,
    }
  );
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
