# A word without : or . is what the command wants: a session for has-session, a window
# (else a session) for list-panes, a pane (else a window, else a session) for select-pane.
$TMUX_BIN new -d -s main -n logs cat
$TMUX_BIN neww -d -t main -n build cat
$TMUX_BIN new -d -s logs -n other cat
$TMUX_BIN new -d -n w -s zz cat
$TMUX_BIN has -t logs; echo "has logs rc=$?"
$TMUX_BIN has -t build; echo "has build rc=$?"
$TMUX_BIN lsp -t logs -F 'lsp logs: #{session_name}:#{window_name}'
$TMUX_BIN lsp -t main -F 'lsp main: #{session_name}:#{window_name}'
$TMUX_BIN lsp -t build -F x; echo "lsp build rc=$?"
$TMUX_BIN lsp -t 1 -F 'lsp 1: #{session_name}:#{window_index}'
$TMUX_BIN selectp -t 0; echo "selectp 0 rc=$?"
$TMUX_BIN selectp -t nope; echo "selectp nope rc=$?"
