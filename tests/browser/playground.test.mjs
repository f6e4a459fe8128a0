// The playground (target/playground/, built by scripts/build-wasm.sh) in headless Chromium,
// driven by playwright-core. Run through scripts/test-browser.sh (docs/web.md).
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const playground = process.env.PLAYGROUND_DIR ?? path.join(root, 'target/playground');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EXAMPLES = ['workstep', 'aventus', 'addvalue', 'jobconnection', 'atwork'];
const T = 15_000; // every wait has this timeout: a broken page fails, it does not hang
const TEST = 90_000; // and every test and hook this one

let server, browser, page, problems;

before(async () => {
  assert.ok(fs.existsSync(path.join(playground, 'pkg/policyc_wasm_bg.wasm')),
    `${playground} has no pkg/: run scripts/build-wasm.sh`);
  server = await serve(playground);
  browser = await launch(T);
}, { timeout: TEST });

after(async () => {
  await browser?.close();
  server?.close();
}, { timeout: TEST });

async function open(url = server.url) {
  const p = await browser.newPage();
  p.setDefaultTimeout(T);
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  await p.goto(url);
  await p.waitForSelector('body[data-ready="true"]');
  return p;
}

beforeEach(async () => {
  problems = [];
  page = await open();
}, { timeout: TEST });

afterEach(async () => {
  await page.close();
  assert.deepEqual(problems, [], 'no page errors and no console errors');
}, { timeout: TEST });

const builds = () => page.evaluate(() => Number(document.body.dataset.builds));
// Waits for the playground to rebuild after an action, with the text as the action left it
// (its input handler debounces 100 ms; on a loaded machine keys may come slower than that).
async function rebuilt(action) {
  const before = await builds();
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.builds) > n
    && window.playground.built === document.getElementById('source').value, before, { timeout: T });
}
// The page in the preview frame, as the compiler wrote it.
const shown = (p) => p.evaluate(() => window.playground.page);
const preview = () => shown(page);
const diagnostics = () => page.$$eval('#diagnostics li', (items) =>
  items.map((i) => ({ code: i.dataset.code, line: Number(i.dataset.line), severity: i.className })));

// Opens the list of downloads (built when opened) and waits for it to be current.
async function openDownloads() {
  const count = () => page.evaluate(() => Number(document.body.dataset.downloads || 0));
  const before = await count();
  await page.$eval('#downloads-box', (d) => { d.open = true; });
  await page.waitForFunction((n) => Number(document.body.dataset.downloads) > n, before, { timeout: T });
  await page.$eval('#downloads-box', (d) => { d.open = false; });
}

// Replaces `from` (its first occurrence) by typing `to` over it, as a user would.
async function typeOver(from, to) {
  const text = await page.inputValue('#source');
  const start = text.indexOf(from);
  assert.ok(start >= 0, `the source contains ${from}`);
  await page.$eval('#source', (t, [s, e]) => { t.focus(); t.setSelectionRange(s, e); }, [start, start + from.length]);
  await rebuilt(() => page.keyboard.type(to));
  return text.slice(0, start).split('\n').length; // its line, 1-based
}

test('loads and renders the default example notice', { timeout: TEST }, async () => {
  assert.equal(await page.inputValue('#example'), 'workstep');
  assert.match(await page.textContent('#status'), /^built in [\d.]+ ms$/);
  const html = await preview();
  assert.match(html, /<html lang="da"/);
  // The frame shows it: read the heading from inside the sandboxed frame.
  const heading = await page.frameLocator('#preview').locator('h1').first().textContent({ timeout: T });
  assert.match(heading, /WORKSTEP/);
  assert.equal(await page.$eval('#preview', (f) => f.getAttribute('sandbox')), 'allow-same-origin',
    'the preview frame is sandboxed without allow-scripts');
  assert.deepEqual((await diagnostics()).filter((d) => d.severity === 'error'), []);
  assert.ok(Number(await page.$$eval('#gutter', (g) => g[0].textContent.split('\n').length)) > 100,
    'line numbers');
  // The highlight layer holds exactly the source (plus a final newline), so its lines align.
  assert.equal(await page.textContent('#highlight'), `${await page.inputValue('#source')}\n`);
  assert.equal(await page.textContent('#highlight .k'), 'policy');
  assert.match(await page.textContent('#highlight .c'), /^\/\/ WORKSTEP/);
  assert.equal(await page.textContent('#highlight .s'), '"Sådan behandler WORKSTEP dine personoplysninger"');
});

test('a typing mistake shows E0102 at its line, underlined, and the fix clears it', { timeout: TEST }, async () => {
  const good = await preview();
  const line = await typeOver('subjects client', 'subjects clinet');
  const found = (await diagnostics()).filter((d) => d.code === 'E0102');
  assert.deepEqual(found, [{ code: 'E0102', line, severity: 'error' }]);
  assert.equal(await page.textContent('#marks mark[data-code="E0102"]'), 'clinet', 'underlined at its span');
  assert.equal(await page.textContent('#highlight'), `${await page.inputValue('#source')}\n`, 'typed text shows');
  await page.click('#diagnostics li[data-code="E0102"] summary');
  assert.match(await page.textContent('#diagnostics li[data-code="E0102"] details pre'), /E0102/,
    'the explanation of the code');
  assert.equal(await preview(), good, 'the preview keeps the last notice that built');
  // A click on the diagnostic selects its span in the editor.
  await page.click('#diagnostics li[data-code="E0102"] button');
  assert.equal(await page.$eval('#source', (t) => t.value.slice(t.selectionStart, t.selectionEnd)), 'clinet');
  // Text typed on an earlier line moves the span but not its line and column: the list item
  // stays as it was and must still select the span where it now is.
  const item = await page.$('#diagnostics li[data-code="E0102"]');
  await typeOver('Sådan behandler WORKSTEP', 'Sådan behandler WORKSTEP nu');
  assert.ok(await item.evaluate((li) => li.isConnected), 'the item was kept');
  await page.click('#diagnostics li[data-code="E0102"] button');
  assert.equal(await page.$eval('#source', (t) => t.value.slice(t.selectionStart, t.selectionEnd)), 'clinet');
  assert.equal(await page.textContent('#marks'), `${await page.inputValue('#source')}\n`, 'the underlines align');

  await typeOver('subjects clinet', 'subjects client');
  assert.deepEqual((await diagnostics()).filter((d) => d.severity === 'error'), []);
  assert.equal(await page.$$eval('#marks mark.error', (m) => m.length), 0);
});

// A link to a policy (deflate-raw, base64url in the hash), made here as a user's link would be.
const link = (text, example = 'workstep') =>
  `${server.url}#example=${example}&policy=${zlib.deflateRawSync(Buffer.from(text)).toString('base64url')}`;

test('an edit updates the notice in place, where the reader has scrolled to', { timeout: TEST }, async () => {
  const frame = page.frameLocator('#preview');
  const loads = await page.$eval('#preview', (f) => {
    window.frameLoads = 0;
    f.addEventListener('load', () => window.frameLoads++);
  });
  assert.equal(loads, undefined);
  const scrolled = await page.$eval('#preview', (f) => {
    f.contentWindow.scrollTo(0, 400);
    return f.contentWindow.scrollY;
  });
  assert.ok(scrolled > 0, 'the notice is long enough to scroll');
  await typeOver('Sådan behandler WORKSTEP', 'Sådan behandler WORKSTEP nu');
  assert.match(await frame.locator('h1').first().textContent({ timeout: T }), /WORKSTEP nu/);
  assert.equal(await page.$eval('#preview', (f) => f.contentWindow.scrollY), scrolled, 'still scrolled');
  assert.equal(await page.evaluate(() => window.frameLoads), 0, 'the frame did not navigate');
  // The frame holds exactly the page the compiler wrote (compared as the browser parses both).
  const same = await page.$eval('#preview', (f) => {
    const parsed = new DOMParser().parseFromString(window.playground.page, 'text/html');
    return f.contentDocument.body.innerHTML === parsed.body.innerHTML
      && f.contentDocument.head.innerHTML === parsed.head.innerHTML;
  });
  assert.ok(same, 'the patched document equals the new page');
});

test('switching the layout changes the preview', { timeout: TEST }, async () => {
  const byTopic = await preview();
  await rebuilt(() => page.selectOption('#layout', 'by-activity'));
  const byActivity = await preview();
  assert.notEqual(byActivity, byTopic);
  assert.match(byActivity, /<html lang="da"/);
  await rebuilt(() => page.selectOption('#layout', ''));
  assert.equal(await preview(), byTopic);
});

test('switching the language changes the preview', { timeout: TEST }, async () => {
  // The five examples declare one language each; this small test policy declares `da, sv`.
  const bilingual = fs.readFileSync(path.join(root, 'tests/integration/lsp/small.policy'), 'utf8');
  // Only the hash changes: the page loads the policy without a reload.
  await rebuilt(() => page.goto(link(bilingual)));
  assert.deepEqual(await page.$$eval('#language option', (o) => o.map((x) => x.value)), ['da', 'sv']);
  assert.match(await preview(), /<html lang="da"/);
  await rebuilt(() => page.selectOption('#language', 'sv'));
  assert.match(await preview(), /<html lang="sv"/);
  assert.equal(await page.frameLocator('#preview').locator('html').getAttribute('lang', { timeout: T }), 'sv');
  await rebuilt(() => page.selectOption('#layout', 'by-activity'));
  assert.match(await preview(), /<html lang="sv"/, 'the language stays chosen across rebuilds');
  // The switches are in the address: a new tab opens with Swedish, by activity.
  await page.waitForFunction(() => location.hash.includes('language=sv') && location.hash.includes('layout=by-activity'),
    null, { timeout: T });
  const shared = await open(page.url());
  assert.equal(await shared.inputValue('#layout'), 'by-activity');
  assert.equal(await shared.inputValue('#language'), 'sv');
  assert.match(await shown(shared), /<html lang="sv"/);
  await shared.close();
  await rebuilt(() => page.selectOption('#example', 'aventus'));
  assert.deepEqual(await page.$$eval('#language option', (o) => o.map((x) => x.value)), ['sv']);
});

test('each of the five examples loads and builds', { timeout: TEST }, async () => {
  for (const example of EXAMPLES) {
    if ((await page.inputValue('#example')) !== example) {
      await rebuilt(() => page.selectOption('#example', example));
    }
    const expected = fs.readFileSync(path.join(root, 'policies', `${example}.policy`), 'utf8');
    assert.equal(await page.inputValue('#source'), expected, example);
    assert.match(await page.textContent('#status'), /^built in/, example);
    assert.deepEqual((await diagnostics()).filter((d) => d.severity === 'error'), [], example);
    assert.match(await preview(), /<!DOCTYPE html>/i, example);
    await openDownloads();
    const downloads = await page.$$eval('#downloads a', (a) => a.map((x) => x.download));
    for (const suffix of ['.html', '.md', '.retention.json', '.retention.yaml', '.ropa.json', '.ropa.csv', '.tilt.json']) {
      assert.ok(downloads.some((d) => d.startsWith(`${example}.`) && d.endsWith(suffix)), `${example}: ${suffix}`);
    }
  }
});

test('the downloads hold the built files', { timeout: TEST }, async () => {
  await openDownloads();
  const html = await page.$eval('#downloads a[download="workstep.da.html"]', async (a) => (await fetch(a.href)).text());
  assert.equal(html, (await preview()).replace('<base href="about:srcdoc">', ''));
  const tilt = await page.$eval('#downloads a[download="workstep.tilt.json"]', async (a) => (await fetch(a.href)).json());
  assert.equal(typeof tilt, 'object');
});

test('the address keeps the edited policy and a shared link restores it', { timeout: TEST }, async () => {
  await page.$eval('#source', (t) => { t.focus(); t.setSelectionRange(0, 0); });
  await rebuilt(() => page.keyboard.type('// shared from the browser test\n'));
  await page.waitForFunction(() => window.playground.saved === document.getElementById('source').value,
    null, { timeout: T });
  const edited = await page.inputValue('#source');
  const shared = await open(page.url());
  assert.equal(await shared.inputValue('#source'), edited);
  assert.match(await shown(shared), /WORKSTEP/);
  await shared.close();

  // A link made outside the browser (deflate-raw, base64url) restores the same text.
  const text = fs.readFileSync(path.join(root, 'policies/aventus.policy'), 'utf8') + '// made in Node\n';
  const linked = await open(link(text, 'aventus'));
  assert.equal(await linked.inputValue('#example'), 'aventus');
  assert.equal(await linked.inputValue('#source'), text);
  assert.match(await shown(linked), /<html lang="sv"/);
  await linked.close();
});

test('the notice\'s in-page anchors scroll the preview, they do not navigate it', { timeout: TEST }, async () => {
  // Only locator queries here: evaluating a function in the sandboxed frame is (rightly)
  // blocked, and Chromium logs that as a console error.
  await rebuilt(() => page.selectOption('#example', 'aventus'));
  const frame = page.frameLocator('#preview');
  const links = frame.locator('a[href^="#"]');
  const count = await links.count();
  assert.ok(count > 10, `aventus's notice links its sections (${count} links)`);
  const hrefs = [];
  for (let i = 0; i < count; i++) hrefs.push(await links.nth(i).getAttribute('href'));
  for (const href of new Set(hrefs)) {
    assert.equal(await frame.locator(`[id="${href.slice(1)}"]`).count(), 1, `${href} has its target`);
  }
  // The first link, scrolled into view and clicked with the mouse: Playwright's own click runs checks in the
  // frame's page scripts, which the sandbox blocks (each a console error).
  await links.first().scrollIntoViewIfNeeded();
  const link = { i: 0, box: await links.first().boundingBox() };
  const last = hrefs[link.i];
  const target = frame.locator(`[id="${last.slice(1)}"]`);
  const before = (await target.boundingBox()).y;
  const seen = problems.length;
  await page.mouse.click(link.box.x + link.box.width / 2, link.box.y + link.box.height / 2);
  const inner = page.frames().find((f) => f !== page.mainFrame());
  for (let i = 0; i < 50 && inner.url() !== `about:srcdoc${last}`; i++) await page.waitForTimeout(100);
  assert.equal(inner.url(), `about:srcdoc${last}`);
  const after = (await target.boundingBox()).y;
  assert.ok(after < before && after < 200, `scrolled to ${last}: from y=${before} to y=${after}`);
  assert.equal(await frame.locator('#source').count(), 0, 'the notice is still shown, not the playground');
  // Observed: the click's in-page navigation makes Chromium log six "Blocked script execution
  // in 'about:srcdoc'" errors, also with a plain mouse click, though the notice holds no
  // script (the payload test checks that). Not pinned down; presumably the driver's own
  // scripts after a navigation. Those, and only those, are set aside here.
  const blocked = "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed";
  const logged = problems.splice(seen);
  assert.ok(logged.every((p) => p.includes(blocked)), logged.join('\n'));
});

test('script and markup in a policy text execute nothing in the preview', { timeout: TEST }, async () => {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const payload = '<script>alert(1)</script><img src=x onerror=alert(2)><a href=javascript:alert(3)>x</a>';
  await typeOver('Sådan behandler WORKSTEP dine personoplysninger', payload);
  assert.deepEqual((await diagnostics()).filter((d) => d.severity === 'error'), []);
  const html = await preview();
  assert.ok(!html.includes('<script>alert(1)'), 'the compiler escapes the text');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the payload is shown as text');
  // The heading shows the payload as its text: nothing was parsed as markup.
  const heading = page.frameLocator('#preview').locator('h1').first();
  assert.equal(await heading.textContent({ timeout: T }), payload);
  assert.equal(await page.frameLocator('#preview').locator('script, img').count(), 0);
  await page.waitForTimeout(300); // a dialog, if any, would have opened by now
  assert.deepEqual(dialogs, []);
});

test('benchmark: an edit of the largest example to its updated preview', { timeout: TEST }, async (t) => {
  // Not a pass/fail target (2 shared cores here): the medians go to the report.
  await rebuilt(() => page.selectOption('#example', 'aventus'));
  const text = await page.inputValue('#source');
  // Inside the notice's title, so that every edit changes the preview.
  const at = text.indexOf('title sv "') + 'title sv "'.length;
  assert.ok(at > 20);
  const previews = () => page.evaluate(() => Number(document.body.dataset.previews || 0));
  const preview = [], buildOnly = [], edit = [];
  for (let i = 0; i < 21; i++) {
    await page.$eval('#source', (el, a) => { el.focus(); el.setSelectionRange(a, a); }, at);
    const before = await previews();
    await page.keyboard.type(i % 2 ? 'x' : 'y');
    await page.waitForFunction((n) => Number(document.body.dataset.previews) > n, before, { timeout: T });
    const d = await page.evaluate(() => ({ ...document.body.dataset }));
    preview.push(Number(d.previewMs));
    buildOnly.push(Number(d.buildMs));
    edit.push(Number(d.editMs));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  t.diagnostic(`aventus (${text.length} chars), medians of 21 edits: build ${median(buildOnly).toFixed(1)} ms, ` +
    `build to the updated notice painted ${median(preview).toFixed(1)} ms, ` +
    `key to the updated notice painted ${median(edit).toFixed(1)} ms`);
  assert.ok(preview.every((ms) => ms > 0) && edit.every((ms) => ms > 0), 'every edit was timed');
});

async function axe(p, context) {
  await p.addScriptTag({ content: axeSource });
  const result = await p.evaluate((c) => window.axe.run(c ?? document), context);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('axe: the rendered notice pages have no serious or critical violations', { timeout: TEST }, async () => {
  for (const example of EXAMPLES) {
    if ((await page.inputValue('#example')) !== example) {
      await rebuilt(() => page.selectOption('#example', example));
    }
    // The standalone notice exactly as the preview shows it, opened as a page of its own.
    const notice = await browser.newPage();
    notice.setDefaultTimeout(T);
    await notice.setContent(await preview());
    assert.deepEqual(await axe(notice), [], example);
    await notice.close();
  }
});

test('axe: the playground page itself has no serious or critical violations', { timeout: TEST }, async () => {
  assert.deepEqual(await axe(page, { exclude: [['#preview']] }), []);
});
