# After exact names and prefixes, an fnmatch pattern names the one session it matches.
$TMUX_BIN new -d -n w -s alpha cat
$TMUX_BIN new -d -n w -s beta cat
$TMUX_BIN new -d -n w -s gamma cat
for t in '*ta' 'g?mma' '[ab]*' '*a' '*z*'; do
    $TMUX_BIN has -t "$t"; echo "$t rc=$?"
done
$TMUX_BIN lsw -t '*mm*' -F '#{session_name}:#{window_index}'
