# Key names as tmux reads and prints them, in its order.
$TMUX_BIN new -d -s s -x 80 -y 24
for k in C-Space C-a C-A ^a ^A C-h C-i C-j C-m C-x Escape C-[ ^[ C-] C-^ C-_ C-@ Space '"' '#' '$' '%' "'" - '\\' '{' '}' '~' Any BSpace F1 F12 IC Insert DC Delete Home End PPage PageUp PgUp NPage PageDown PgDn BTab Up Down Left Right Tab Enter; do
    $TMUX_BIN bind -T x "$k" display "$k" || echo "fail $k"
done
$TMUX_BIN list-keys -T x
