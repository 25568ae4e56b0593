# run-shell -C runs tmux commands; -d waits first.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T run -C 'set -g status-left via-C' \; display -p '#{status-left}'
echo "rc=$?"
$T run -d 0.2 \; display -p after-delay
echo "rc=$?"
