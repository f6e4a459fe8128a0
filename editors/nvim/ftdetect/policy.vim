" .policy files are policyc policies (Vimscript, so it works in every Neovim and in Vim).
autocmd BufRead,BufNewFile *.policy setfiletype policy
