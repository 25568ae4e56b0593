# #{line}: the place of an item in list-sessions, list-windows (per session), list-panes
# (per window) and list-clients, as tmux numbers them (libtmux reads every format it lists).
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a
$T neww -d -t a
$T new -d -s b
$T splitw -d -t b
$T splitw -d -t b
$T ls -F '#{line} #S'
$T lsw -a -F '#{line} #S:#I'
$T lsw -t b -F '#{line} #S:#I'
$T lsp -a -F '#{line} #S:#I.#P'
$T lsp -s -t a -F '#{line} #S:#I.#P'
$T lsp -a -f '#{==:#P,1}' -F '#{line} #S:#I.#P'
$T setb x
$T lsb -F '[#{line}] #{buffer_name}'
$T display -p '[#{line}]'
