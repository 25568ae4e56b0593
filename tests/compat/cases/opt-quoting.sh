# Values printed as tmux quotes them: spaces, quotes, #, $, ~, backslashes, controls.
$TMUX_BIN new -d -s a
for v in 'a b' "it's" 'say "hi"' '#x' 'a;b' '$HOME' '~' '~/x' 'x~' '' ' ' 'a' '"' "'" '#' '\' 'a\b' 'é' '{' '%' '[B]' 'a,b' 'a=b' '~ x' "a'b c" 'a$ b' '$' '${x}' '$1 x' 'a"b' '\ x'; do
    $TMUX_BIN set -g status-left "$v"
    $TMUX_BIN show -g status-left
    $TMUX_BIN show -gv status-left
done
