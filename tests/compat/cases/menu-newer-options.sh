# tmux 3.4's menu options and display-menu flags: tmux 3.3a refuses them; tmx takes them.
$TMUX_BIN new -d -s x
$TMUX_BIN list-commands display-menu
$TMUX_BIN set -g menu-style bg=blue; echo "menu-style rc=$?"
$TMUX_BIN set -g menu-selected-style fg=red; echo "menu-selected-style rc=$?"
$TMUX_BIN set -g menu-border-style fg=green; echo "menu-border-style rc=$?"
$TMUX_BIN set -g menu-border-lines rounded; echo "menu-border-lines rc=$?"
$TMUX_BIN set -g menu-border-lines dotted; echo "bad lines rc=$?"
$TMUX_BIN show -g menu-style menu-selected-style menu-border-style menu-border-lines
$TMUX_BIN show -g | grep -c '^menu-'
