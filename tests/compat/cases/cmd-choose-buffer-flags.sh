# choose-buffer's flags: -Z zooms, a template runs for Enter with %% the buffer's name,
# -f keeps the buffers the format is true for (Enter takes the first left), -O name /
# size and -r order the list (Enter takes the first)
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" setb -b bb 'middle size'
"$TMUX_BIN" setb -b aa 'the longest one of all'
"$TMUX_BIN" setb -b cc 'x'
"$TMUX_BIN" choose-buffer -NZ -t work:0.1 'set -g @got "%%"'
echo "rc=$?"
"$TMUX_BIN" display -p -t work:0.1 '#{window_zoomed_flag} #{pane_active} #{pane_mode}'
"$TMUX_BIN" send -t work:0.1 Enter
"$TMUX_BIN" display -p -t work:0.1 'got=#{@got} zoomed=#{window_zoomed_flag} [#{pane_mode}]'
"$TMUX_BIN" choose-buffer -f '#{==:#{buffer_name},bb}' -t work:0.0 'set -g @got "%%"'
"$TMUX_BIN" send -t work:0.0 Enter
"$TMUX_BIN" display -p 'filter: #{@got}'
"$TMUX_BIN" choose-buffer -O name -t work:0.0 'set -g @got "%%"'
"$TMUX_BIN" send -t work:0.0 Enter
"$TMUX_BIN" display -p 'name: #{@got}'
"$TMUX_BIN" choose-buffer -O name -r -t work:0.0 'set -g @got "%%"'
"$TMUX_BIN" send -t work:0.0 Enter
"$TMUX_BIN" display -p 'name -r: #{@got}'
"$TMUX_BIN" choose-buffer -O size -t work:0.0 'set -g @got "%%"'
"$TMUX_BIN" send -t work:0.0 Enter
"$TMUX_BIN" display -p 'size: #{@got}'
"$TMUX_BIN" choose-buffer -O size -r -t work:0.0 'set -g @got "%%"'
"$TMUX_BIN" send -t work:0.0 Enter
"$TMUX_BIN" display -p 'size -r: #{@got}'
"$TMUX_BIN" choose-buffer -O time -t work:0.0 'set -g @got "%%"'
"$TMUX_BIN" send -t work:0.0 Enter
"$TMUX_BIN" display -p 'time: #{@got}'
"$TMUX_BIN" choose-buffer -r -t work:0.0 'set -g @got "%%"'
"$TMUX_BIN" send -t work:0.0 Enter
"$TMUX_BIN" display -p 'time -r: #{@got}'
"$TMUX_BIN" detach-client -a
