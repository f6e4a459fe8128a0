-- Neovim's built-in LSP client for `policyc lsp`, and the notice preview as a command.
-- require('policyc').setup({ cmd = { 'policyc', 'lsp' } }) in init.lua; see docs/editors.md.
local M = {}

local defaults = {
  cmd = { 'policyc', 'lsp' },
  -- The preview opens in the browser; these are its first language and layout.
  preview = { language = 'da', layout = nil },
}

local function root_dir(path)
  local git = vim.fn.finddir('.git', vim.fn.fnamemodify(path, ':p:h') .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return vim.fn.fnamemodify(path, ':p:h')
end

function M.setup(opts)
  M.opts = vim.tbl_deep_extend('force', defaults, opts or {})
  local cmd = M.opts.cmd

  if vim.lsp.config and vim.lsp.enable then
    -- Neovim 0.11 and later: the built-in server registry.
    vim.lsp.config('policyc', { cmd = cmd, filetypes = { 'policy' }, root_markers = { '.git' } })
    vim.lsp.enable('policyc')
  else
    -- Neovim 0.7 to 0.10: start (or reuse) a client per buffer of the filetype.
    vim.api.nvim_create_autocmd('FileType', {
      pattern = 'policy',
      callback = function(args)
        local config = { name = 'policyc', cmd = cmd, root_dir = root_dir(vim.api.nvim_buf_get_name(args.buf)) }
        if vim.lsp.start then
          vim.lsp.start(config)
        else
          -- 0.7 has no vim.lsp.start: one client, attached to every policy buffer.
          M.client_id = M.client_id or vim.lsp.start_client(config)
          vim.lsp.buf_attach_client(args.buf, M.client_id)
        end
      end,
    })
  end

  vim.api.nvim_create_user_command('PolicycPreview', function(c)
    M.preview(c.fargs[1], c.fargs[2])
  end, {
    nargs = '*',
    complete = function(_, line)
      local n = #vim.split(line, '%s+') - 1
      return n <= 1 and { 'da', 'sv' } or { 'by-topic', 'by-activity', 'by-audience' }
    end,
    desc = 'policyc: write the notice of this policy to an HTML file and open it',
  })
end

local function policyc_client(buf)
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, client in ipairs(get({ bufnr = buf })) do
    if client.name == 'policyc' then
      return client
    end
  end
end

--- Asks the server for the notice (`policyc/preview`), writes it as a page and opens it.
function M.preview(language, layout)
  local buf = vim.api.nvim_get_current_buf()
  local client = policyc_client(buf)
  if not client then
    vim.notify('policyc: no language server attached to this buffer', vim.log.levels.ERROR)
    return
  end
  local opts = (M.opts or defaults).preview
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    language = language or opts.language,
    layout = layout or opts.layout,
  }
  local handler = function(err, result)
    if err then
      vim.notify('policyc: no notice: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local banner = result.draft
        and '<p style="border:2px solid #b58900;padding:.5em;font-weight:bold">Draft: not for publication.</p>\n'
      or ''
    -- The server's HTML is escaped by the compiler; the page forbids scripts all the same.
    local page = table.concat({
      '<!DOCTYPE html><html><head><meta charset="utf-8">',
      '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
      '<title>Notice preview</title></head><body style="max-width:50em;margin:auto;font-family:sans-serif">',
      banner,
      result.html,
      '</body></html>',
    }, '\n')
    local path = vim.fn.tempname() .. '.' .. params.language .. '.html'
    vim.fn.writefile(vim.split(page, '\n', { plain = true }), path)
    if vim.ui.open then
      vim.ui.open(path)
    end
    vim.notify('policyc: notice written to ' .. path)
  end
  -- client:request (0.11+) and client.request (older) take the same arguments.
  if vim.fn.has('nvim-0.11') == 1 then
    client:request('policyc/preview', params, handler, buf)
  else
    client.request('policyc/preview', params, handler, buf)
  end
end

return M
