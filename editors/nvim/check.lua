-- Headless check of the Neovim set-up against a real `policyc lsp` (docs/editors.md):
--   POLICYC=target/debug/policyc nvim --headless -u NONE \
--     --cmd 'set rtp^=editors/nvim' -c 'luafile editors/nvim/check.lua' -- FILE.policy
-- Opens FILE, prints the diagnostics, a hover, definition, completion, outline, formatting
-- and the preview's first characters, then runs
-- :PolicycPreview; exits 1 if no diagnostics arrive within 10 s (FILE should have one).
local policyc = os.getenv('POLICYC') or 'policyc'
vim.cmd('filetype plugin on')
require('policyc').setup({ cmd = { policyc, 'lsp' } })

local file = vim.fn.argv()[1]
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local v = vim.version()
print(string.format('nvim %d.%d.%d, filetype=%s, commentstring=%s', v.major, v.minor, v.patch, vim.bo.filetype, vim.bo.commentstring))

local ok = vim.wait(10000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
if not ok then
  print('no diagnostics within 10 s')
  vim.cmd('cquit 1')
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  print(string.format('diagnostic %d:%d %s [%s] %s', d.lnum + 1, d.col + 1,
    vim.diagnostic.severity[d.severity], tostring(d.code), d.message:gsub('\n', ' | ')))
end

local function request(method, params)
  local results = vim.lsp.buf_request_sync(buf, method, params, 5000)
  for _, r in pairs(results or {}) do
    return r.result, r.err or r.error -- `error` before Neovim 0.8
  end
end

-- Hover on the first `basis`, if any.
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
for i, line in ipairs(lines) do
  local col = line:find('basis')
  if col then
    local result = request('textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = i - 1, character = col - 1 },
    })
    local text = result and result.contents and (result.contents.value or vim.inspect(result.contents)) or 'nil'
    print('hover on basis (line ' .. i .. '): ' .. text:sub(1, 160):gsub('\n', ' | '))
    break
  end
end

-- Definition, completion and the outline at the first `subjects NAME`; formatting.
local uri = vim.uri_from_bufnr(buf)
for i, line in ipairs(lines) do
  local col = line:find('subjects ')
  if col then
    local at = { textDocument = { uri = uri }, position = { line = i - 1, character = col + 9 } }
    local def = request('textDocument/definition', at)
    def = def and (def[1] or def)
    print('definition of ' .. line:sub(col + 9):match('[^,%s]+') .. ': line ' .. tostring(def and def.range and def.range.start.line + 1))
    local items = request('textDocument/completion', at)
    items = items and (items.items or items) or {}
    local labels = {}
    for n, item in ipairs(items) do
      if n <= 5 then
        labels[#labels + 1] = item.label
      end
    end
    print('completion after subjects: ' .. #items .. ' items: ' .. table.concat(labels, ', '))
    break
  end
end
local symbols = request('textDocument/documentSymbol', { textDocument = { uri = uri } }) or {}
print('document symbols: ' .. #symbols)
local edits = request('textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 2, insertSpaces = true } })
print('formatting: ' .. (edits and #edits or 0) .. ' edits')

local result, err = request('policyc/preview', { textDocument = { uri = vim.uri_from_bufnr(buf) }, language = 'da' })
if err then
  print('preview: error ' .. (err.message or vim.inspect(err)))
else
  print('preview: draft=' .. tostring(result and result.draft) .. ', html starts ' .. tostring(result and result.html):sub(1, 80):gsub('\n', ' '))
end
-- :PolicycPreview as a user runs it; the page is not opened in a browser here.
vim.ui.open = function(path)
  print('would open ' .. path)
end
local notified = false
vim.notify = function(message)
  print('notify: ' .. message)
  notified = true
end
vim.cmd('PolicycPreview da by-activity')
vim.wait(5000, function()
  return notified
end, 50)
vim.cmd('qall!')
