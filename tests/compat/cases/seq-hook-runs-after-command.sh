# A notification hook (session-created) runs once the client's commands that fired it
# are done, not between them.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s one
$T set -g status-left before \; set-hook -g session-created 'set -g status-left hooked'
$T new -d -s two \; display -p '#{status-left}'
echo "rc=$?"
$T display -p '#{status-left}'
