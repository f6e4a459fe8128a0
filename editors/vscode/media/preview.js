// The preview panel's own script: the pickers, and painting the notice the extension sends.
// The notice HTML is escaped by the compiler already; it is still parsed into an inert
// document and copied over an allow-list of tags and attributes, so nothing in it can run
// code even if a template were changed (the CSP, which admits only this file, is the second
// line of defence).
'use strict';
(function () {
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);

  const TAGS = new Set([
    'a', 'abbr', 'article', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'div', 'dl', 'dt',
    'em', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'li', 'main', 'mark',
    'nav', 'ol', 'p', 'pre', 'section', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody',
    'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
  ]);
  const ATTRIBUTES = new Set(['id', 'class', 'lang', 'title', 'colspan', 'rowspan', 'datetime', 'href']);
  const SAFE_HREF = /^(https?:|mailto:|tel:|#)/i;

  /** Copies `source`'s children into `target`, keeping only allowed tags and attributes. */
  function copyClean(source, target) {
    for (const node of Array.from(source.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = node.tagName.toLowerCase();
        if (!TAGS.has(tag)) {
          // Unknown wrappers keep their text; script-like elements lose everything.
          if (!['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'].includes(tag)) {
            copyClean(node, target);
          }
          continue;
        }
        const el = document.createElement(tag);
        for (const attr of Array.from(node.attributes)) {
          const name = attr.name.toLowerCase();
          if (!ATTRIBUTES.has(name)) continue;
          if (name === 'href' && !SAFE_HREF.test(attr.value.trim())) continue;
          el.setAttribute(name, attr.value);
        }
        copyClean(node, el);
        target.appendChild(el);
      }
    }
  }

  function fillLanguages(languages, current) {
    const select = $('language');
    select.textContent = '';
    for (const lang of languages) {
      const option = document.createElement('option');
      option.value = lang;
      option.textContent = lang === 'da' ? 'Dansk (da)' : lang === 'sv' ? 'Svenska (sv)' : lang;
      option.selected = lang === current;
      select.appendChild(option);
    }
  }

  $('language').addEventListener('change', (e) => vscode.postMessage({ type: 'language', value: e.target.value }));
  $('layout').addEventListener('change', (e) => vscode.postMessage({ type: 'layout', value: e.target.value }));

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'state') return;
    fillLanguages(m.languages, m.language);
    $('layout').value = m.layout;
    $('file').textContent = m.file;
    const error = $('error');
    if (m.error !== undefined) {
      // Keep the last good notice visible, dimmed, under the error.
      // The server's message ends without a full stop; the hint goes on a line of its own
      // (in code-server the two ran together as "... is not a legal basis Fix the errors").
      const message = String(m.error).trim();
      const line = document.createElement('div');
      line.textContent = 'No notice: ' + message + (/[.!?]$/.test(message) ? '' : '.');
      const hint = document.createElement('div');
      hint.className = 'hint';
      // The extension's own hint when the server is not running; otherwise the policy has errors.
      hint.textContent = typeof m.hint === 'string' ? m.hint : 'Fix the errors (see Problems) and the preview updates.';
      error.replaceChildren(line, hint);
      error.hidden = false;
      $('notice').classList.add('stale');
      return;
    }
    error.hidden = true;
    $('draft').hidden = !m.draft;
    const parsed = new DOMParser().parseFromString(m.html, 'text/html');
    const notice = $('notice');
    notice.classList.remove('stale');
    notice.textContent = '';
    copyClean(parsed.body, notice);
  });

  vscode.postMessage({ type: 'ready' });
})();
