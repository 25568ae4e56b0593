# start-server followed by commands on the same line.
. "$COMPAT_LIB"
$T -f /dev/null start \; set -g status-left hello \; display -p '#{status-left}'
echo "rc=$?"
