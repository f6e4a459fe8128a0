// The example site (docs/web.md, "Embedding notices in a website"): renders the notice of a
// bilingual policy at build time with policyc's WebAssembly package for Node, one page per
// language, from page.html. No framework and no npm packages; the package comes from
// scripts/build-wasm.sh.
//
//   node site/build.mjs [--out DIR] [--policy FILE] [--base-url URL]
//
// Writes DIR/da/index.html, DIR/sv/index.html, DIR/index.html (the language choice, hreflang
// x-default) and DIR/style.css; DIR defaults to target/site/. Exit 1, writing nothing, if the
// policy has errors or marks facts unconfirmed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
function fail(message) {
  console.error(`site/build.mjs: ${message}`);
  process.exit(1);
}

let args;
try {
  ({ values: args } = parseArgs({ options: {
    out: { type: 'string', default: path.join(here, '../target/site') },
    policy: { type: 'string', default: path.join(here, 'kursus.policy') },
    // Search engines want hreflang and canonical links absolute: the address the site is
    // published at, ending in `/`.
    'base-url': { type: 'string', default: 'https://eksempelkurser.example/privatliv/' },
  } }));
} catch (e) {
  fail(`${e.message}\nusage: node site/build.mjs [--out DIR] [--policy FILE] [--base-url URL]`);
}
const base = args['base-url'].endsWith('/') ? args['base-url'] : `${args['base-url']}/`;

const pkg = path.join(here, '../target/wasm-node/policyc_wasm.js');
if (!fs.existsSync(pkg)) fail(`${pkg} is missing: run scripts/build-wasm.sh first`);
const policyc = createRequire(import.meta.url)(pkg);

// The site's own words, per language; `link` is how the other page names this language.
const SITE = {
  da: {
    link: 'På dansk', skip: 'Gå til indholdet', switch: 'Sprog', toc: 'Indhold',
    footer: 'Eksempel Kurser ApS er et opdigtet firma. Siden er et eksempel på en ' +
      'privatlivspolitik, som policyc har skrevet ud fra site/kursus.policy.',
  },
  sv: {
    link: 'På svenska', skip: 'Gå till innehållet', switch: 'Språk', toc: 'Innehåll',
    footer: 'Eksempel Kurser ApS är ett påhittat företag. Sidan är ett exempel på en ' +
      'integritetspolicy som policyc har skrivit utifrån site/kursus.policy.',
  },
};
const LANGUAGES = Object.keys(SITE);

// 1. The notices: the HTML fragments, checked as for publishing (`final`: no draft).
const name = path.basename(args.policy);
let source;
try {
  source = fs.readFileSync(args.policy, 'utf8');
} catch (e) {
  fail(`cannot read the policy: ${e.message}`);
}
const built = policyc.build(source, name, { final: true });
if (!built.ok) fail(`${name} does not build:\n${built.rendered}${built.error ?? ''}`);
if (built.rendered) process.stderr.write(built.rendered); // its warnings
const notices = {};
for (const lang of LANGUAGES) {
  const file = built.files.find((f) => f.name.endsWith(`.${lang}.html`));
  if (!file) fail(`${name} must declare the site's languages: languages ${LANGUAGES.join(', ')}`);
  notices[lang] = file.contents;
}

// 2. The pages. Everything taken from the notice is the compiler's HTML, which escapes every
// text of the policy; the site's own values are escaped here.
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const template = fs.readFileSync(path.join(here, 'page.html'), 'utf8');
const fill = (values) => template.replace(/{{(\w+)}}/g, (_, key) => {
  if (!(key in values)) fail(`page.html: no value for {{${key}}}`);
  return values[key];
});
const alternates = [...LANGUAGES.map((l) => [l, `${base}${l}/`]), ['x-default', base]]
  .map(([l, href]) => `<link rel="alternate" hreflang="${l}" href="${escape(href)}">`).join('\n');

// The notice has ids on its sections but no table of contents: list its h2 headings before
// the first of them.
function withContents(notice, heading) {
  const items = [...notice.matchAll(/<h2 id="([^"]+)">(.*?)<\/h2>/g)]
    .map(([, id, text]) => `<li><a href="#${id}">${text}</a></li>`);
  const toc = `<nav class="toc" aria-labelledby="site-toc">\n<h2 id="site-toc">${heading}</h2>\n` +
    `<ol>\n${items.join('\n')}\n</ol>\n</nav>\n`;
  const first = notice.indexOf('<h2 ');
  return first < 0 ? notice : notice.slice(0, first) + toc + notice.slice(first);
}

// Links to the language versions, each marked with its language (`lang`) and the language of
// the page it leads to (`hreflang`).
const links = (langs, prefix) => `<ul>\n${langs.map((l) =>
  `<li><a href="${prefix}${l}/" hreflang="${l}" lang="${l}">${SITE[l].link}</a></li>`).join('\n')}\n</ul>`;

const pages = {};
for (const lang of LANGUAGES) {
  const main = withContents(notices[lang], SITE[lang].toc);
  pages[`${lang}/index.html`] = fill({
    lang, title: main.match(/<h1>(.*?)<\/h1>/)[1], canonical: escape(`${base}${lang}/`), alternates,
    root: '../', skip: SITE[lang].skip, main, footer: SITE[lang].footer,
    switch: `<nav class="language-switch" aria-label="${SITE[lang].switch}">\n` +
      `${links(LANGUAGES.filter((l) => l !== lang), '../')}\n</nav>`,
  });
}
// The address for any other language (x-default): a choice between the two.
pages['index.html'] = fill({
  lang: 'da', title: 'Eksempel Kurser: privatlivspolitik, integritetspolicy', canonical: escape(base),
  alternates, root: '', skip: SITE.da.skip, switch: '', footer: SITE.da.footer,
  main: `<h1>Privatlivspolitik · <span lang="sv">Integritetspolicy</span></h1>\n${links(LANGUAGES, '')}`,
});

// An id given twice (the notice's and the site's) would break an anchor.
for (const [file, html] of Object.entries(pages)) {
  const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) fail(`${file}: the id "${twice}" is given twice`);
}

// 3. Write into a fresh folder beside the output, then swap it in: never a half-written site.
// The folder is replaced whole, so it must hold nothing but a site this script wrote.
const out = path.resolve(args.out);
const ours = new Set([...Object.keys(pages).map((file) => file.split('/')[0]), 'style.css']);
if (fs.existsSync(out) && (!fs.statSync(out).isDirectory() || fs.readdirSync(out).some((f) => !ours.has(f)))) {
  fail(`${out} is not a site this script wrote (it holds other files): choose another --out`);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
const temp = fs.mkdtempSync(`${out}.tmp-`);
try {
  for (const [file, html] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(temp, file)), { recursive: true });
    fs.writeFileSync(path.join(temp, file), html);
  }
  fs.copyFileSync(path.join(here, 'style.css'), path.join(temp, 'style.css'));
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(temp, out);
} catch (e) {
  fs.rmSync(temp, { recursive: true, force: true });
  fail(`cannot write ${out}: ${e.message}`);
}
console.log(`wrote ${Object.keys(pages).length} pages and style.css to ${out}`);
