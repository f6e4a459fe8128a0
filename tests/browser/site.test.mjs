// The example site (site/build.mjs, docs/web.md "Embedding notices in a website") in headless
// Chromium, driven by playwright-core. It needs target/wasm-node/ (scripts/build-wasm.sh):
//   scripts/build-wasm.sh && cd tests/browser && npm ci && node --test --test-concurrency=1 site.test.mjs
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const wasmNode = path.join(root, 'target/wasm-node/policyc_wasm.js');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const policy = fs.readFileSync(path.join(root, 'site/kursus.policy'), 'utf8');
const T = 15_000; // every wait has this timeout: a broken page fails, it does not hang
const TEST = 90_000; // and every test and hook this one

const HEADINGS = {
  da: 'Sådan behandler Eksempel Kurser dine personoplysninger',
  sv: 'Så behandlar Eksempel Kurser dina personuppgifter',
};
const SWITCH = { da: 'På svenska', sv: 'På dansk' }; // on the page of each language, to the other
const OTHER = { da: 'sv', sv: 'da' };

let tmp, server, site, browser, problems, pages;

// Builds the site from `policyFile` into tmp/NAME/, served at site's address + NAME/.
async function buildSite(name, policyFile) {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'site/build.mjs'),
    '--out', path.join(tmp, name), '--base-url', `${server.url}${name}/`,
    ...(policyFile ? ['--policy', policyFile] : [])], { timeout: TEST });
  assert.match(stdout, /wrote 3 pages/);
  return `${server.url}${name}/`;
}

before(async () => {
  assert.ok(fs.existsSync(wasmNode), `${wasmNode} is missing: run scripts/build-wasm.sh`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policyc-site-'));
  server = await serve(tmp);
  site = await buildSite('site');
  browser = await launch(T);
}, { timeout: TEST });

after(async () => {
  await browser?.close();
  server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, { timeout: TEST });

async function open(url) {
  const p = await browser.newPage();
  pages.push(p);
  p.setDefaultTimeout(T);
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  const response = await p.goto(url);
  assert.equal(response.status(), 200, url);
  return p;
}

beforeEach(() => {
  problems = [];
  pages = [];
});

afterEach(async () => {
  for (const p of pages) await p.close();
  assert.deepEqual(problems, [], 'no page errors and no console errors');
}, { timeout: TEST });

test('the build is deterministic and refuses a policy with errors or unconfirmed facts', { timeout: TEST }, async () => {
  const again = await buildSite('again');
  for (const file of ['index.html', 'da/index.html', 'sv/index.html', 'style.css']) {
    const a = fs.readFileSync(path.join(tmp, 'site', file), 'utf8');
    const b = fs.readFileSync(path.join(tmp, 'again', file), 'utf8');
    assert.equal(b, a.replaceAll(site, again), file); // the same bytes but for the base address
  }
  const broken = path.join(tmp, 'broken.policy');
  fs.writeFileSync(broken, policy.replace('subjects kursister', 'subjects kursistr'));
  await assert.rejects(buildSite('again', broken), (e) => {
    assert.equal(e.code, 1);
    assert.match(e.stderr, /broken\.policy does not build/);
    assert.match(e.stderr, /E0102/);
    return true;
  });
  // A published notice is final: a fact marked unconfirmed (a draft) is refused as well.
  const draft = path.join(tmp, 'draft.policy');
  fs.writeFileSync(draft, policy.replace('registration "12345678"', 'registration "12345678" unconfirmed "check"'));
  await assert.rejects(buildSite('again', draft), (e) => e.code === 1 && /W0250/.test(e.stderr) && /final/.test(e.stderr));
  // The site from before is left whole.
  assert.equal(fs.readFileSync(path.join(tmp, 'again/da/index.html'), 'utf8'),
    fs.readFileSync(path.join(tmp, 'site/da/index.html'), 'utf8').replaceAll(site, again));
  assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.includes('.tmp-')), [], 'no temporary folder left');
  // It replaces the output folder whole, so it refuses one that holds anything else.
  fs.mkdirSync(path.join(tmp, 'foreign'));
  fs.writeFileSync(path.join(tmp, 'foreign/notes.txt'), 'keep me');
  await assert.rejects(buildSite('foreign'), (e) => e.code === 1 && /is not a site this script wrote/.test(e.stderr));
  assert.deepEqual(fs.readdirSync(path.join(tmp, 'foreign')), ['notes.txt']);
});

test('both language pages render the notice', { timeout: TEST }, async () => {
  const policyc = require(wasmNode);
  const built = policyc.build(policy, 'kursus.policy', { final: true });
  assert.ok(built.ok);
  for (const lang of ['da', 'sv']) {
    const page = await open(`${site}${lang}/`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.textContent('main h1'), HEADINGS[lang]);
    assert.equal(await page.title(), HEADINGS[lang]);
    assert.equal(await page.locator('h1').count(), 1, 'one h1: the notice\'s');
    // The compiler's fragment is in the page as it built it, with the site's table of
    // contents put in before its first section.
    const fragment = built.files.find((f) => f.name === `kursus.${lang}.html`).contents;
    const html = await (await page.request.get(`${site}${lang}/`)).text();
    const first = fragment.indexOf('<h2 ');
    assert.ok(html.includes(fragment.slice(0, first)) && html.includes(fragment.slice(first)), lang);
    assert.ok(await page.locator('main h2[id]').count() >= 10, 'the notice\'s sections');
    assert.equal(await page.locator('header.site-header').count(), 1);
    assert.match(await page.textContent('footer.site-footer'), /Eksempel Kurser ApS/);
    assert.equal(await page.$eval('link[rel="stylesheet"]', (l) => l.sheet?.cssRules.length > 0), true,
      'the stylesheet loaded');
    // The skip link is the first stop of the keyboard and moves the focus to the notice.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    assert.ok(await page.isVisible('.skip-link'), 'visible when focused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'site-main', null, { timeout: T });
  }
});

test('the hreflang alternates point at each other and resolve', { timeout: TEST }, async () => {
  const expected = { da: `${site}da/`, sv: `${site}sv/`, 'x-default': site };
  for (const [lang, url] of Object.entries(expected)) {
    const page = await open(url);
    const alternates = Object.fromEntries(await page.$$eval('link[rel="alternate"]',
      (links) => links.map((l) => [l.hreflang, l.href])));
    assert.deepEqual(alternates, expected, `${url}: every version, itself included`);
    assert.equal(await page.getAttribute('link[rel="canonical"]', 'href'), url);
    for (const [hreflang, href] of Object.entries(alternates)) {
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, href);
      const htmlLang = (await response.text()).match(/<html lang="([^"]+)"/)[1];
      assert.equal(htmlLang, hreflang === 'x-default' ? 'da' : hreflang, href);
    }
    if (lang === 'x-default') {
      // The language choice links both versions, each in its own language.
      assert.deepEqual(await page.$$eval('main a', (a) => a.map((x) => [x.getAttribute('href'), x.hreflang, x.lang])),
        [['da/', 'da', 'da'], ['sv/', 'sv', 'sv']]);
    }
  }
});

test('the language switch leads to the other language\'s page', { timeout: TEST }, async () => {
  const page = await open(`${site}da/`);
  for (const lang of ['da', 'sv', 'da']) {
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    const link = page.locator('header .language-switch a');
    assert.equal(await link.count(), 1);
    assert.equal(await link.textContent(), SWITCH[lang]);
    assert.equal(await link.getAttribute('hreflang'), OTHER[lang]);
    assert.equal(await link.getAttribute('lang'), OTHER[lang]);
    await link.click();
    await page.waitForURL(`${site}${OTHER[lang]}/`, { timeout: T });
    assert.equal(await page.textContent('main h1'), HEADINGS[OTHER[lang]]);
  }
});

test('every in-page anchor has its target and a click scrolls to it', { timeout: TEST }, async () => {
  for (const lang of ['da', 'sv']) {
    const page = await open(`${site}${lang}/`);
    const hrefs = [...new Set(await page.$$eval('a[href^="#"]', (a) => a.map((x) => x.getAttribute('href'))))];
    // The skip link, the table of contents (ten sections) and the notice's own cross-references.
    assert.ok(hrefs.length >= 12, `${lang}: ${hrefs.length} anchors`);
    assert.deepEqual(
      await page.$$eval('.toc a', (a) => a.map((x) => x.getAttribute('href').slice(1))),
      await page.$$eval('main > h2[id]', (h) => h.map((x) => x.id)),
      'the table of contents lists every section');
    for (const href of hrefs) {
      const id = href.slice(1);
      assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `${lang}: ${href} has one target`);
      await page.evaluate(() => window.scrollTo(0, 0));
      const link = page.locator(`a[href="${href}"]`).first();
      if (href === '#site-main') { // off screen until focused: a keyboard user's link
        await link.focus();
        await page.keyboard.press('Enter');
      } else {
        await link.click();
      }
      await page.waitForFunction((h) => location.hash === h, href, { timeout: T });
      // The target is at the top of the window, or the page is scrolled as far as it goes.
      const at = await page.$eval(`[id="${id}"]`, (el) => ({
        top: el.getBoundingClientRect().top,
        bottom: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
        scrolled: window.scrollY,
        height: window.innerHeight,
      }));
      assert.ok(at.top > -1 && at.top < at.height, `${lang}: ${href} is in view (top ${at.top})`);
      assert.ok(at.top <= 60 || at.bottom, `${lang}: ${href} scrolled to the top (top ${at.top})`);
      if (id !== 'site-main') assert.ok(at.scrolled > 0, `${lang}: ${href} scrolled the page`);
    }
  }
});

test('printing leaves out the navigation', { timeout: TEST }, async () => {
  const page = await open(`${site}da/`);
  const shown = (selector) => page.$eval(selector, (el) => getComputedStyle(el).display !== 'none');
  for (const selector of ['.skip-link', '.language-switch', '.toc']) {
    assert.equal(await shown(selector), true, `${selector} on screen`);
  }
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.skip-link', '.language-switch', '.toc']) {
    assert.equal(await shown(selector), false, `${selector} not printed`);
  }
  assert.ok(await page.isVisible('main h1'), 'the notice is printed');
  assert.ok(await page.isVisible('footer.site-footer'), 'the footer is printed');
  const style = await page.$eval('main h2[id]', (h) => {
    const s = getComputedStyle(h);
    return { breakAfter: s.breakAfter, breakInside: s.breakInside };
  });
  assert.deepEqual(style, { breakAfter: 'avoid', breakInside: 'avoid' }, 'no page break after or inside a heading');
  assert.equal(await page.$eval('main p', (p) => getComputedStyle(p).color), 'rgb(0, 0, 0)', 'black text');
  // Chromium lays it out for paper without an error.
  assert.ok((await page.pdf()).length > 10_000);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await shown('.language-switch'), true);
});

async function axe(p) {
  await p.addScriptTag({ content: axeSource });
  const result = await p.evaluate(() => window.axe.run(document,
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('axe: the pages have no serious or critical violations', { timeout: TEST }, async () => {
  for (const url of [`${site}da/`, `${site}sv/`, site]) {
    assert.deepEqual(await axe(await open(url)), [], url);
  }
});

test('script and markup in the policy\'s texts execute nothing', { timeout: TEST }, async () => {
  const payload = '<script>alert(1)</script><img src=x onerror=alert(2)><a href=javascript:alert(3)>x</a>' +
    ' [link](javascript:alert(4)) <javascript:alert(5)>';
  // In the notice's title (the h1 and the page's <title>), a section title (also in the site's
  // table of contents), a group's name, a purpose's description, a recipient's proper name, and
  // quotes that try to leave the web and e-mail addresses' href attributes.
  const texts = [
    ['title da "Sådan behandler Eksempel Kurser dine personoplysninger"', `title da "${payload}"`],
    ['sv "Så behandlar Eksempel Kurser dina personuppgifter"', `sv "${payload}"`],
    ['title da "Ændringer i denne politik" sv "Ändringar i denna policy"', `title da "${payload}" sv "${payload}"`],
    ['name da "Kursister" sv "Kursdeltagare"', `name da "${payload}" sv "${payload}"`],
    ['description da "Sender vores nyhedsbrev ud for os."', `description da "${payload}"`],
    ['name "Eksempel Kursussystem A/S"', `name "${payload}"`],
    ['web "https://eksempelkurser.example"', String.raw`web "https://eksempelkurser.example/\" onmouseover=\"alert(6)"`],
    ['email "kontakt@eksempelkurser.example"\n  phone', String.raw`email "kontakt@eksempelkurser.example\" onclick=\"alert(7)"` + '\n  phone'],
  ];
  let text = policy;
  for (const [from, to] of texts) {
    assert.ok(text.includes(from), `the policy has ${from}`);
    text = text.replace(from, to);
  }
  const file = path.join(tmp, 'payload.policy');
  fs.writeFileSync(file, text);
  const payloadSite = await buildSite('payload', file);

  for (const lang of ['da', 'sv']) {
    const page = await browser.newPage();
    pages.push(page);
    page.setDefaultTimeout(T);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    assert.equal((await page.goto(`${payloadSite}${lang}/`)).status(), 200);
    await page.waitForTimeout(300); // a dialog, if any, would have opened by now
    assert.deepEqual(dialogs, [], 'no dialog');
    assert.equal(await page.textContent('main h1'), payload, 'the payload shows as text');
    assert.equal(await page.title(), payload);
    assert.equal(await page.textContent('main > h2:last-of-type'), payload);
    assert.equal(await page.textContent('.toc li:last-child a'), payload, 'in the table of contents too');
    assert.equal(await page.locator('script, img, iframe, object, embed').count(), 0, 'no element from the payload');
    assert.equal(await page.locator('[onerror], [onclick], [onmouseover], a[href^="javascript:" i]').count(), 0,
      'no handler and no javascript: link');
    assert.equal(await page.locator('main a').filter({ hasText: /^x$|^link$/ }).count(), 0);
    // The address links keep the whole text inside their href.
    await page.hover('main a[href^="https://eksempelkurser.example"]');
    assert.deepEqual(requests.filter((u) => !u.startsWith(payloadSite)), [], 'nothing fetched from elsewhere');
    assert.ok(!requests.some((u) => u.endsWith('/x')), 'no image requested');
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'no dialog after the hover');
  }
});
