// The extension in a real VS Code: code-server (Coder's VS Code for the browser, from the npm
// registry) with the extension's .vsix installed, driven in headless Chromium by
// playwright-core, on a copy of policies/workstep.policy. Each check does what a user would
// (types, hovers, presses keys, runs commands) and looks at what VS Code shows.
//
// Opt-in and not part of `npm test` (code-server is a large download): run it with
// scripts/test-vscode.sh, which installs code-server and playwright-core of the pinned versions
// into a cache outside the sources, builds policyc and the .vsix, and sets:
//   CODE_SERVER      the code-server executable
//   PLAYWRIGHT_CORE  the playwright-core package folder
//   POLICYC          the policyc binary (policyc.serverPath)
//   VSIX             the extension package to install
//   CHROMIUM         the browser (default /usr/bin/chromium)
//   SCREENSHOTS      where to write screenshots (optional; never committed)
//   KEEP=1           keep the temporary folder (kept anyway when a check fails)
//   TRACE=1          log every LSP message in the policyc output channel
// Every wait has a timeout; anything missing fails the run.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const env = (name, fallback) => {
  const value = process.env[name] || fallback;
  if (!value) throw new Error(`set ${name} (scripts/test-vscode.sh sets it)`);
  return value;
};
const CODE_SERVER = env('CODE_SERVER');
const POLICYC = path.resolve(env('POLICYC'));
const VSIX = path.resolve(env('VSIX'));
const CHROMIUM = env('CHROMIUM', '/usr/bin/chromium');
const SCREENSHOTS = process.env.SCREENSHOTS ? path.resolve(process.env.SCREENSHOTS) : undefined;
const { chromium } = createRequire(path.join(path.resolve(env('PLAYWRIGHT_CORE')), 'package.json'))('./index.js');

const SOURCE = path.join(ROOT, 'policies', 'workstep.policy');
const ORIGINAL = fs.readFileSync(SOURCE, 'utf8');
const LINES = ORIGINAL.split('\n');
/** 1-based number of the first line matching `re`. */
function lineOf(re) {
  const i = LINES.findIndex((l) => re.test(l));
  assert.ok(i >= 0, `workstep.policy has no line matching ${re}`);
  return i + 1;
}
const POLICY_LINE = lineOf(/^policy [a-z]/);
const TITLE_LINE = lineOf(/^ {2}title da "/);
const TITLE = /^ {2}title da "([^"]*)"/.exec(LINES[TITLE_LINE - 1])[1];
const GROUP_LINE = lineOf(/^group client \{$/);
const SUBJECTS_LINE = lineOf(/^ {2}subjects client$/);
const BASIS_LINE = lineOf(/^ {2}basis public-task$/);
const COMMENT_LINE = lineOf(/^\/\/ /);

const timings = {};
let dir;
let project;
let file;
let server;
let serverLog = '';
let context;
let page;
let timeouts = 0;

/** Polls `probe` until it returns something truthy; fails with `what` after `ms`. */
async function waitFor(what, probe, ms = 20000) {
  const start = Date.now();
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() - start > ms) {
      if (page && SCREENSHOTS) await shot(`timeout-${++timeouts}`).catch(() => undefined);
      throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function shot(name) {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const key = (k) => page.keyboard.press(k);
const fileText = () => fs.readFileSync(file, 'utf8');

/** Waits for the saved file to be `expected`; fails naming the first line that differs. */
async function assertFile(expected, what) {
  const actual = await waitFor(`the file ${what}`, () => fileText() === expected, 5000).then(() => expected, () => fileText());
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < Math.max(a.length, e.length) && a[i] === e[i]) i++;
  assert.fail(`${what}: line ${i + 1} is ${JSON.stringify(a[i])}, expected ${JSON.stringify(e[i])}`);
}

/** Puts `text` in the file and the editor (File: Revert File), so a check starts from a known state. */
async function reset(text) {
  fs.writeFileSync(file, text);
  await command('File: Revert File');
  await waitFor('the editor to be reverted', async () => !(await page.locator('.tab.active.dirty').count()), 10000);
  const expected = problemsLabel(checkCounts(text));
  await waitFor(`the status bar to say "${expected}"`, async () => (await problems()) === expected, 15000);
}

/** Runs a command from the command palette, checking that the palette offers exactly it. */
async function command(label) {
  await focusEditor();
  await key('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill('>' + label);
  const first = page.locator('.quick-input-list .monaco-list-row').first();
  // The row's label is the command's title, then maybe ", <key binding>, recently used".
  const exact = async () => {
    const aria = (await first.getAttribute('aria-label')) || '';
    return aria === label || aria.startsWith(label + ',');
  };
  await waitFor(`the command palette to offer "${label}" first`, exact, 10000);
  await key('Enter');
}

async function focusEditor() {
  await key('Escape');
  await key('Control+1'); // View: Focus First Editor Group
}

/** Puts the cursor at line:column (1-based) with Go to Line. */
async function goTo(line, column) {
  await focusEditor();
  await key('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line}:${column}`);
  await key('Enter');
  await waitFor(`the cursor at ${line}:${column}`, async () => (await cursor()) === `Ln ${line}, Col ${column}`, 10000);
}

const cursor = () => page.locator('[id="status.editor.selection"]').innerText();
const problems = async () => (await page.locator('[id="status.problems"]').getAttribute('aria-label')) || '';
const visibleHover = () => page.locator('.monaco-hover-content').filter({ visible: true }).first();

async function save() {
  await focusEditor();
  await key('Control+S');
  await waitFor('the editor to be saved', async () => !(await page.locator('.tab.active.dirty').count()), 10000);
}

/** The TextMate scopes VS Code gives the token at line:column (Developer: Inspect Editor Tokens and Scopes). */
async function scopesAt(line, column) {
  await goTo(line, column);
  await command('Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  const text = await waitFor(`the token inspector at ${line}:${column}`, async () => {
    const t = await widget.innerText();
    return /textmate scopes/.test(t) && t;
  }, 10000);
  await key('Escape');
  return text;
}

/** `policyc check`'s own count, to compare with what VS Code shows. */
function checkCounts(text) {
  const copy = path.join(dir, 'check.policy');
  fs.writeFileSync(copy, text);
  const r = spawnSync(POLICYC, ['check', '--color', 'never', copy], { encoding: 'utf8' });
  const m = /(\d+) errors?, (\d+) warnings?/.exec(r.stdout + r.stderr);
  assert.ok(m, `policyc check printed no count: ${r.stdout}${r.stderr}`);
  return { errors: Number(m[1]), warnings: Number(m[2]) };
}

function problemsLabel({ errors, warnings }) {
  if (errors === 0 && warnings === 0) return 'No Problems';
  return [errors && `Errors: ${errors}`, warnings && `Warnings: ${warnings}`].filter(Boolean).join(', ');
}

function outputChannel() {
  const logs = path.join(dir, 'data', 'logs');
  const found = [];
  const walk = (d) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/-policyc\.log$/.test(e.name)) found.push(p);
    }
  };
  walk(logs);
  return found.map((p) => fs.readFileSync(p, 'utf8')).join('\n');
}

describe('the policyc extension in code-server', { timeout: 15 * 60 * 1000 }, () => {
  before(async () => {
    for (const p of [CODE_SERVER, POLICYC, VSIX, CHROMIUM]) assert.ok(fs.existsSync(p), `${p} does not exist`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policyc-code-server-'));
    project = path.join(dir, 'project');
    fs.mkdirSync(path.join(dir, 'data', 'User'), { recursive: true });
    fs.mkdirSync(project);
    file = path.join(project, 'workstep.policy');
    fs.writeFileSync(file, ORIGINAL);
    if (SCREENSHOTS) fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'data', 'User', 'settings.json'),
      JSON.stringify(
        {
          'policyc.serverPath': POLICYC,
          'security.workspace.trust.enabled': false,
          'workbench.startupEditor': 'none',
          'telemetry.telemetryLevel': 'off',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'workbench.tips.enabled': false,
          // code-server saves after a delay by default; VS Code does not. The checks save
          // with Ctrl+S and read the file.
          'files.autoSave': 'off',
          'policyc.trace.server': process.env.TRACE ? 'verbose' : 'off',
        },
        null,
        2
      )
    );
    // code-server writes its config, logs and heartbeat under XDG folders: keep them in `dir`.
    const serverEnv = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
      XDG_DATA_HOME: path.join(dir, 'xdg-data'),
      XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    };
    const common = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', path.join(dir, 'data'), '--extensions-dir', path.join(dir, 'extensions')];
    fs.writeFileSync(path.join(dir, 'config.yaml'), 'auth: none\ncert: false\n');

    let t = Date.now();
    const install = spawnSync(CODE_SERVER, [...common, '--install-extension', VSIX], { encoding: 'utf8', env: serverEnv, timeout: 120000 });
    assert.strictEqual(install.status, 0, `--install-extension failed: ${install.stdout}${install.stderr}`);
    assert.match(install.stdout, /successfully installed/, install.stdout);
    timings['install the .vsix'] = Date.now() - t;

    const port = await freePort();
    t = Date.now();
    server = spawn(
      CODE_SERVER,
      [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', project],
      { env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
    );
    server.stdout.on('data', (d) => (serverLog += d));
    server.stderr.on('data', (d) => (serverLog += d));
    const base = `http://127.0.0.1:${port}`;
    await waitFor('code-server to answer /healthz', async () => (await fetch(`${base}/healthz`)).ok, 60000);
    timings['code-server up'] = Date.now() - t;

    context = await chromium.launchPersistentContext(path.join(dir, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1600, height: 1000 },
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(10000);
    t = Date.now();
    await page.goto(`${base}/?folder=${encodeURIComponent(project)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'workstep.policy' });
    await row.waitFor({ timeout: 60000 });
    timings['workbench loaded'] = Date.now() - t;
    await row.dblclick();
    await page.locator('.tab.active', { hasText: 'workstep.policy' }).waitFor({ timeout: 20000 });
  });

  after(async () => {
    if (context) await context.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        server.kill('SIGTERM');
      }
    }
    console.log('timings (ms):', JSON.stringify(timings));
    if (process.exitCode || process.env.KEEP) {
      console.log(`left in ${dir}; code-server said:\n${serverLog.split('\n').slice(-30).join('\n')}`);
      console.log(`policyc output channel:\n${outputChannel().split('\n').slice(-30).join('\n')}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens the policy as a Policy document, and the server reports what `policyc check` reports', async () => {
    await waitFor('the language mode Policy', async () => (await page.locator('[id="status.editor.mode"]').innerText()) === 'Policy');
    const t = Date.now();
    const expected = problemsLabel(checkCounts(ORIGINAL));
    await waitFor(`the status bar to say "${expected}"`, async () => (await problems()) === expected, 30000);
    timings['first diagnostics after opening'] = Date.now() - t;
    assert.doesNotMatch((await page.locator('.notification-toast').allInnerTexts()).join('\n'), /policyc/);
    await shot('1-opened');
  });

  it('highlights with the TextMate grammar (token scopes and colours in the editor)', async () => {
    const cases = [
      [COMMENT_LINE, 1, 'comment.line.double-slash.policy'],
      [POLICY_LINE, 1, 'keyword.control.block.policy'],
      [TITLE_LINE, 3, 'keyword.other.item.policy'],
      [TITLE_LINE, 9, 'entity.name.tag.language.policy'],
      [TITLE_LINE, 13, 'string.quoted.double.policy'],
      [GROUP_LINE, 7, 'entity.name.type.policy'],
      [SUBJECTS_LINE, 12, 'variable.other.reference.policy'],
      [BASIS_LINE, 9, 'constant.language.basis.policy'],
    ];
    for (const [line, column, scope] of cases) {
      const text = await scopesAt(line, column);
      assert.ok(text.includes(scope), `${line}:${column} should have ${scope}:\n${text}`);
    }
    // The theme colours them: the keyword, the name and the comment get different classes.
    await goTo(POLICY_LINE, 1);
    const classOf = async (lineText, word) =>
      page.locator('.view-line', { hasText: lineText }).first().locator('span > span', { hasText: new RegExp(`^${word}$`) }).first().getAttribute('class');
    const keyword = await classOf(LINES[POLICY_LINE - 1], 'policy');
    const name = await classOf(LINES[POLICY_LINE - 1], 'workstep');
    const brace = await classOf(LINES[POLICY_LINE - 1], '\\{');
    assert.notStrictEqual(keyword, brace, 'the keyword is coloured');
    assert.notStrictEqual(keyword, name, 'the name is coloured differently from the keyword');
    await shot('2-highlighting');
  });

  it('shows a diagnostic as a mistake is typed, and clears it when the quick fix is applied', async () => {
    const clean = problemsLabel(checkCounts(ORIGINAL));
    await goTo(SUBJECTS_LINE, 12);
    await key('Control+Shift+ArrowRight');
    const t = Date.now();
    await page.keyboard.type('clinet');
    await waitFor('an error squiggle', async () => (await page.locator('.squiggly-error').count()) > 0, 15000);
    timings['error squiggle after typing'] = Date.now() - t;
    await waitFor('the status bar to count 1 error', async () => /^Errors: 1\b/.test(await problems()), 10000);
    await command('View: Focus Problems (Errors, Warnings, Infos)');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'no subject group is named `clinet`' });
    await row.waitFor({ timeout: 10000 });
    const text = await row.innerText();
    assert.match(text, /E0102/);
    assert.match(text, /did you mean `client`\?/);
    await shot('3-diagnostic');

    await goTo(SUBJECTS_LINE, 14);
    await key('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row.focused');
    await waitFor('the quick fix `Replace with \`client\``', async () => (await fix.getAttribute('aria-label')) === 'Replace with `client`', 10000);
    await key('Enter');
    await waitFor('the error to clear', async () => (await problems()) === clean && (await page.locator('.squiggly-error').count()) === 0, 15000);
    await save();
    await assertFile(ORIGINAL, 'after the quick fix');
    await command('View: Toggle Panel Visibility');
    await waitFor('the panel to close', async () => !(await page.locator('.part.panel').isVisible()), 10000);
  });

  it('explains a keyword on hover', async () => {
    await goTo(BASIS_LINE, 3);
    const word = page.locator('.view-line', { hasText: LINES[BASIS_LINE - 1].trim() }).first().locator('span > span', { hasText: /^basis$/ });
    await word.hover();
    const hover = await waitFor('the hover', async () => {
      const t = await visibleHover().innerText();
      return /basis/.test(t) && t;
    }, 10000);
    assert.match(hover, /Legal basis/);
    assert.match(hover, /Art\. 6\(1\)/);
    assert.match(hover, /public-task/);
    await shot('4-hover');
    await page.mouse.move(0, 0);
    await key('Escape');
  });

  it('completes a subject group after `subjects`', async () => {
    await reset(ORIGINAL);
    await goTo(SUBJECTS_LINE, 12);
    await key('Control+Shift+ArrowRight');
    await key('Delete');
    await key('Control+Space');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await waitFor('the completion list', async () => (await rows.count()) > 0, 10000);
    const labels = await rows.allInnerTexts();
    assert.ok(labels.some((l) => l.startsWith('client')), `completion offers client: ${JSON.stringify(labels)}`);
    assert.match(await page.locator('.suggest-widget .monaco-list-row.focused').innerText(), /^client\b[\s\S]*subject group/);
    await shot('5-completion');
    await key('Enter');
    await save();
    await assertFile(ORIGINAL, 'after completing');
  });

  it('goes to the definition of a subject group', async () => {
    await goTo(SUBJECTS_LINE, 13);
    await key('F12');
    await waitFor(`the cursor on \`group client\` (line ${GROUP_LINE})`, async () => (await cursor()) === `Ln ${GROUP_LINE}, Col 7`, 10000);
  });

  it('finds the references to a subject group, and lists the blocks in the outline', async () => {
    await reset(ORIGINAL);
    await goTo(GROUP_LINE, 8);
    await key('Shift+F12');
    // workstep names `client` in its group and in three `subjects client` lines, nowhere else
    // outside comments and texts.
    const lines = LINES.filter((l) => /^(group client \{| {2}subjects client)$/.test(l));
    assert.strictEqual(lines.length, 4);
    const peek = page.locator('.peekview-widget');
    await waitFor('the references peek', async () => /References \(4\)/.test(await peek.locator('.peekview-title').innerText()), 10000);
    const rows = await peek.locator('.ref-tree .monaco-list-row').allInnerTexts();
    assert.deepStrictEqual(rows.map((r) => r.trim()), lines.map((l) => l.trim()));
    await shot('10-references');
    await key('Escape');
    await command('Explorer: Focus on Outline View');
    const outline = page.locator('.outline-pane .monaco-list-row');
    await waitFor('the outline', async () => (await outline.count()) > 3, 10000);
    // Each row is the block's name, then its kind (document symbols from the server).
    const symbols = (await outline.allInnerTexts()).map((r) => r.split('\n')[0]);
    assert.deepStrictEqual(symbols.slice(0, 3), ['worksteppolicy', 'controllercontroller', 'clientgroup']);
    await shot('11-outline');
  });

  it('renames a subject group and every reference to it', async () => {
    await reset(ORIGINAL);
    await goTo(GROUP_LINE, 8);
    await key('F2');
    const input = page.locator('.rename-box input');
    await waitFor('the rename box with `client`', async () => (await input.inputValue()) === 'client', 10000);
    await input.fill('klient');
    await shot('6-rename');
    await key('Enter');
    const expected = ORIGINAL.replace(/^group client \{$/m, 'group klient {').replace(/^( {2}subjects )client$/gm, '$1klient');
    assert.notStrictEqual(expected, ORIGINAL);
    await waitFor('the renamed group in the editor', async () => (await page.locator('.view-line', { hasText: 'group klient {' }).count()) > 0, 10000);
    await save();
    await assertFile(expected, 'the rename changes the group and its references, and nothing else');
    await waitFor('no errors after the rename', async () => !/Errors/.test(await problems()), 10000);
  });

  it('formats the document into the `policyc fmt` layout', async () => {
    await reset(ORIGINAL);
    await goTo(GROUP_LINE + 1, 1);
    await page.keyboard.type('      ');
    await goTo(SUBJECTS_LINE, 1);
    await page.keyboard.type('   ');
    await save();
    await waitFor('the mis-indented file to be saved', () => fileText() !== ORIGINAL, 5000);
    // What `policyc fmt` makes of the same file.
    const copy = path.join(dir, 'fmt.policy');
    fs.writeFileSync(copy, fileText());
    const fmt = spawnSync(POLICYC, ['fmt', copy], { encoding: 'utf8' });
    assert.strictEqual(fmt.status, 0, fmt.stderr);
    const formatted = fs.readFileSync(copy, 'utf8');
    assert.notStrictEqual(formatted, fileText(), '`policyc fmt` changes the mis-indented file');
    await command('Format Document');
    // Wait for the edit before saving: keys sent while the request is out (Escape, a change of
    // focus) cancel it.
    await waitFor('the formatting edit', async () => (await page.locator('.tab.active.dirty').count()) > 0, 15000);
    await save();
    await assertFile(formatted, 'formatted as `policyc fmt` formats it');
  });

  it('shows the notice in the preview panel and updates it as the policy is typed', async () => {
    await reset(ORIGINAL);
    await command('policyc: Show notice preview');
    const view = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    const t = Date.now();
    await waitFor('the notice title in the preview', async () => (await view.locator('main h1').first().innerText()) === TITLE, 30000);
    timings['preview shown'] = Date.now() - t;
    assert.ok(await view.locator('#draft').isVisible(), 'workstep has unconfirmed facts: the draft banner shows');
    assert.strictEqual(await page.locator('.tab', { hasText: 'Notice: workstep.policy (da)' }).count(), 1);
    await shot('7-preview');

    await goTo(TITLE_LINE, 13);
    const typed = Date.now();
    await page.keyboard.type('NY ');
    await waitFor('the new title in the preview', async () => (await view.locator('main h1').first().innerText()) === `NY ${TITLE}`, 15000);
    timings['preview updated after typing'] = Date.now() - typed;

    await goTo(BASIS_LINE, 9);
    await page.keyboard.type('x');
    await waitFor('the error in the preview', async () => (await view.locator('#error').isVisible()) && /E0105/.test(await view.locator('#error').innerText()), 15000);
    assert.match(await view.locator('main').getAttribute('class'), /stale/);
    await shot('8-preview-error');
    await key('Backspace');
    await waitFor('the error to leave the preview', async () => !(await view.locator('#error').isVisible()), 15000);

    const before = await view.locator('main h2').allInnerTexts();
    await view.locator('#layout').selectOption('by-activity');
    await waitFor('the by-activity layout', async () => {
      const now = await view.locator('main h2').allInnerTexts();
      return now.length > 0 && JSON.stringify(now) !== JSON.stringify(before);
    }, 15000);
    await shot('9-preview-by-activity');
    assert.doesNotMatch(outputChannel(), /\[Error/, 'the policyc output channel has no errors');
  });

  it('reports a server that cannot start, and restarts it when policyc.serverPath is set', async () => {
    await reset(ORIGINAL);
    const expected = problemsLabel(checkCounts(ORIGINAL));
    await command('Preferences: Open Settings (UI)');
    await page.locator('.settings-tabs-widget').waitFor({ timeout: 10000 });
    await page.keyboard.type('policyc.serverPath'); // the search box has the focus
    await page.locator('.settings-tabs-widget .action-label', { hasText: 'Remote' }).click();
    const input = page.locator('.setting-item-contents input').first();
    await waitFor('policyc.serverPath in the Remote tab', async () => (await input.inputValue()) === 'policyc', 10000);
    await input.fill('/nonexistent/policyc');
    await key('Tab');
    const toast = page.locator('.notification-toast', { hasText: 'could not start the language server `/nonexistent/policyc lsp`' });
    await toast.waitFor({ timeout: 15000 });
    // The preview panel, still open, says why it has no notice and what to do.
    const view = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    await waitFor('the preview to say the server is not running', async () => {
      const text = await view.locator('#error').innerText();
      return /not running/.test(text) && /policyc\.serverPath/.test(text);
    }, 10000);
    await shot('12-server-missing');
    await waitFor('the diagnostics of the stopped server to go', async () => (await problems()) === 'No Problems', 10000);
    // Its button shows the setting (the Remote tab: the setting is machine-overridable).
    await page.locator('.tab[aria-label^="Settings,"]').locator('.codicon-close').click();
    await toast.locator('.monaco-button', { hasText: 'Open settings' }).click();
    await waitFor('the setting with the wrong path', async () => (await input.inputValue()) === '/nonexistent/policyc', 10000);
    await input.fill(POLICYC);
    await key('Tab');
    await page.locator('.tab[data-resource-name="workstep.policy"]').click();
    await waitFor(`the restarted server's diagnostics ("${expected}")`, async () => (await problems()) === expected, 20000);
    await waitFor('the notice back in the preview', async () => !(await view.locator('#error').isVisible()) && (await view.locator('main h1').first().innerText()) === TITLE, 10000);
  });
});
