# Notification hooks see #{hook} and the hook_* formats of what fired them (a session, a
# window, a pane), as tmux gives them; their commands run for that object.
. "$COMPAT_LIB"
L=$COMPAT_TMP/log
$T new -d -s app -x 80 -y 24
$T set -g remain-on-exit on
$T set -g automatic-rename off
for h in session-created window-linked window-unlinked session-closed \
         after-new-window session-renamed window-renamed pane-mode-changed; do
    $T set-hook -g $h "run-shell \"echo '$h: #{hook} c=#{hook_client} s=#{hook_session} #{hook_session_name} w=#{hook_window} #{hook_window_name} p=#{hook_pane}' >> $L\""
done
$T set-hook -g pane-died "run-shell \"echo 'pane-died: #{hook} p=#{hook_pane} #{pane_id} #{pane_dead_status} s=#{hook_session}' >> $L\""
# The program exits with 3 while a child it left holds the pty for a second: the status is
# known before the pty ends (tmux 3.3a marks a pane dead at whichever comes first).
$T new-window -d -t app -n second '(sleep 1) & exit 3'
wait_dead app:1
# pane-died's run-shell expands its formats when it runs, after the command that fired it:
# the window must still be there then (killed first, tmux 3.3a gave the current pane).
i=0
while ! grep -q '^pane-died:' "$L" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
$T rename-window -t app:1 third
$T copy-mode -t app:0
$T kill-window -t app:1
$T new -d -s other
$T rename-session -t other renamed
$T kill-session -t renamed
# Eleven hooks ran (they are queued: wait for them all).
i=0
while [ "$(wc -l < "$L")" -lt 11 ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
sort "$L"
