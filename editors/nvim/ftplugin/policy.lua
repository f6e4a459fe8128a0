-- Comments are `// ...` (for `gc` and 'formatoptions'); policies are indented by two spaces.
vim.bo.commentstring = '// %s'
vim.bo.comments = '://'
vim.bo.shiftwidth = 2
vim.bo.expandtab = true
