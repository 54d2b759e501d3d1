-- Drives Seam's language server from Neovim 0.7's built-in LSP client, as a user's config would:
-- start the server over stdio, open one file, wait for its diagnostics and ask for a hover, then
-- write what arrived to a JSON file for the vitest test to check. Run with
--   nvim --headless -u NONE -i NONE -n --cmd 'filetype on' -S seam-lsp.lua
-- and SEAM_SERVER, SEAM_ROOT, SEAM_FILE, SEAM_HOVER_LINE, SEAM_HOVER_CHARACTER, SEAM_OUT set.

local server = os.getenv('SEAM_SERVER')
local root = os.getenv('SEAM_ROOT')
local file = os.getenv('SEAM_FILE')
local out = os.getenv('SEAM_OUT')
local hover_position = {
  line = tonumber(os.getenv('SEAM_HOVER_LINE')),
  character = tonumber(os.getenv('SEAM_HOVER_CHARACTER')),
}
local timeout_ms = 30000

-- Everything the server published, by URI, as the raw LSP params: the test checks Seam's codes
-- and ranges exactly as they travelled, not Neovim's rendering of them.
local published = {}

local function write_result(result)
  local handle = assert(io.open(out, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
end

local function start_seam()
  return vim.lsp.start_client({
    name = 'seam',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = result.diagnostics
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
end

local function wait_for_diagnostics(uri)
  local arrived = vim.wait(timeout_ms, function()
    return published[uri] ~= nil and #published[uri] > 0
  end, 50)
  if not arrived then
    error('no diagnostics arrived for ' .. uri)
  end
  return published[uri]
end

local function request_hover(client, bufnr, uri)
  local params = { textDocument = { uri = uri }, position = hover_position }
  local response = client.request_sync('textDocument/hover', params, timeout_ms, bufnr)
  if not response or response.err then
    error('hover failed: ' .. vim.inspect(response))
  end
  return response.result
end

local function main()
  local client_id = assert(start_seam(), 'the Seam client did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local diagnostics = wait_for_diagnostics(uri)
  local hover = request_hover(client, bufnr, uri)
  write_result({
    uri = uri,
    filetype = vim.bo[bufnr].filetype,
    client = client.name,
    diagnostics = diagnostics,
    -- What Neovim itself stored: proves the client accepted and kept them.
    shownByNeovim = #vim.diagnostic.get(bufnr),
    hover = hover,
  })
  client.stop()
end

local ok, problem = pcall(main)
if not ok then
  write_result({ error = tostring(problem) })
end
vim.cmd('qall!')
