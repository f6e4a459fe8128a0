// The notice preview: a side panel that asks the server for the notice of the active policy
// (`policyc/preview`) and shows it. The panel follows the active `.policy` editor and updates
// as the policy is typed (debounced: the server compiles the whole document per request).
'use strict';

const crypto = require('crypto');
const vscode = require('vscode');

const LANGUAGES = ['da', 'sv'];
const LAYOUTS = ['policy', 'by-topic', 'by-activity', 'by-audience'];
const DEBOUNCE_MS = 300;

class PreviewPanel {
  /**
   * @param {vscode.ExtensionContext} context
   * @param {() => import('vscode-languageclient/node').LanguageClient | undefined} getClient
   */
  constructor(context, getClient) {
    this.context = context;
    this.getClient = getClient;
    /** @type {vscode.WebviewPanel | undefined} */
    this.panel = undefined;
    /** @type {vscode.Uri | undefined} */
    this.documentUri = undefined;
    const config = vscode.workspace.getConfiguration('policyc.preview');
    this.language = config.get('language', 'da');
    this.layout = config.get('layout', 'policy');
    this.timer = undefined;
    // Answers can arrive out of order; only the newest request may paint.
    this.generation = 0;
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.documentUri && e.document.uri.toString() === this.documentUri.toString()) {
          this.schedule();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && editor.document.languageId === 'policy') {
          this.documentUri = editor.document.uri;
          this.schedule(0);
        }
      }),
    ];
  }

  show() {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'policy') {
      vscode.window.showInformationMessage('policyc: open a .policy file to preview its notice.');
      return;
    }
    this.documentUri = editor.document.uri;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      this.panel = vscode.window.createWebviewPanel(
        'policyc.preview',
        'Notice preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          // Scripts run only for the panel's own controls, which the CSP admits by nonce; the
          // notice's HTML can never run code (see media/preview.js).
          enableScripts: true,
          enableCommandUris: false,
          localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')],
          retainContextWhenHidden: false,
        }
      );
      this.panel.webview.html = this.page(this.panel.webview);
      this.panel.webview.onDidReceiveMessage((message) => this.onMessage(message));
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        clearTimeout(this.timer);
      });
    }
    this.schedule(0);
  }

  refresh() {
    if (this.panel) this.schedule(0);
  }

  schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), delay);
  }

  onMessage(message) {
    if (!message || typeof message !== 'object') return;
    if (message.type === 'ready') {
      this.schedule(0);
    } else if (message.type === 'language' && LANGUAGES.includes(message.value)) {
      this.language = message.value;
      this.schedule(0);
    } else if (message.type === 'layout' && LAYOUTS.includes(message.value)) {
      this.layout = message.value;
      this.schedule(0);
    }
  }

  async update() {
    const panel = this.panel;
    const uri = this.documentUri;
    if (!panel || !uri) return;
    const generation = ++this.generation;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const languages = document ? declaredLanguages(document.getText()) : LANGUAGES;
    // A language the policy does not declare has no notice: fall back to the first declared.
    if (!languages.includes(this.language)) this.language = languages[0];
    const state = {
      type: 'state',
      file: uri.path.split('/').pop(),
      language: this.language,
      layout: this.layout,
      languages,
    };
    panel.title = `Notice: ${state.file} (${this.language})`;

    const client = this.getClient();
    if (!client || !client.isRunning()) {
      panel.webview.postMessage({
        ...state,
        error: 'The policyc language server is not running (see the policyc output).',
        hint: 'Check the setting policyc.serverPath, then run policyc: Restart language server.',
      });
      return;
    }
    const params = { textDocument: { uri: uri.toString() }, language: this.language };
    if (this.layout !== 'policy') params.layout = this.layout;
    try {
      const result = await client.sendRequest('policyc/preview', params);
      if (generation !== this.generation || !this.panel) return;
      panel.webview.postMessage({ ...state, html: String(result.html ?? ''), draft: result.draft === true });
    } catch (err) {
      if (generation !== this.generation || !this.panel) return;
      panel.webview.postMessage({ ...state, error: err && err.message ? err.message : String(err) });
    }
  }

  /** @param {vscode.Webview} webview */
  page(webview) {
    const nonce = crypto.randomBytes(16).toString('base64');
    const media = (name) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', name));
    // No inline script or style, nothing from the network; only the extension's own files.
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      "form-action 'none'",
      "base-uri 'none'",
      "frame-src 'none'",
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${media('preview.css')}">
<title>Notice preview</title>
</head>
<body>
<header class="controls">
  <label>Language <select id="language"></select></label>
  <label>Layout <select id="layout">
    <option value="policy">as the policy says</option>
    <option value="by-topic">by topic</option>
    <option value="by-activity">by activity</option>
    <option value="by-audience">by audience</option>
  </select></label>
  <span id="file"></span>
</header>
<div id="draft" class="draft" hidden>Draft: this notice states facts nobody has confirmed yet (<code>unconfirmed</code>). Not for publication.</div>
<div id="error" class="error" hidden></div>
<main id="notice"><p class="hint">Loading the notice…</p></main>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
  }

  dispose() {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    if (this.panel) this.panel.dispose();
  }
}

/** The languages the policy block declares (`languages da, sv`), or both when it says none. */
function declaredLanguages(text) {
  const withoutComments = text.replace(/\/\/[^\n]*/g, '');
  const m = /(?<![\w-])languages\s+([a-z]{2}(?:\s*,\s*[a-z]{2})*)/.exec(withoutComments);
  const found = m ? m[1].split(',').map((s) => s.trim()).filter((l) => LANGUAGES.includes(l)) : [];
  return found.length > 0 ? found : LANGUAGES;
}

module.exports = { PreviewPanel, declaredLanguages };
