# A unique prefix names a session; an ambiguous one is not found (tmux has no separate
# "ambiguous" message); an exact name wins over being the prefix of another.
$TMUX_BIN new -d -n w -s web cat
$TMUX_BIN new -d -n w -s webapp cat
$TMUX_BIN new -d -n w -s docs cat
for t in web weba d we x; do
    $TMUX_BIN has -t "$t"; echo "$t rc=$?"
done
$TMUX_BIN display -p -t weba '#{session_name}'
