# FILE:LINE as tmux counts lines: a continued line is its last, a newline inside quotes
# does not count, a command with a block is at its block's last line.
. "$COMPAT_LIB"
printf 'set -g status-left 1\nset -g status-right {\n display x\n display y\n}\nset -g @c 1 ; set -g @d 2\n\n# c\nset -g status-left x\\\ny\nif -F 1 {\n set -g status-left 1\n set -g status-right 2\n}\nset -g status-right {\n display z\n} ; set -g status-left 1\nset -g status-left "a\nb"\nset -g status-left 1\nset -g status-right {\n display z\n}\n\nset -g status-left 1\n' > "$COMPAT_TMP/l.conf"
printf 'display -p {\n display -p a\n display -p b\n}\n' > "$COMPAT_TMP/e.conf"
printf 'set -g status-left "a\nb"\nbogus\n' > "$COMPAT_TMP/q.conf"
$T -f /dev/null new -d
$T source -nv "$COMPAT_TMP/l.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/e.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/q.conf"
echo "rc=$?"
