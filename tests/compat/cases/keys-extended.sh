# extended-keys: what a program receives for modified keys, before and after it asks
# for extended keys (CSI > 4 ; 1 m, modifyOtherKeys), after it turns them off again
# (CSI > 4 n, CSI > 0 m), and with extended-keys always (on in new panes, the program's
# requests ignored). Keys with no bytes of their own are typed by name, as tmux.
. "$COMPAT_LIB"
K1='C-1 S-Enter C-Enter C-a M-a C-M-a C-S-a C-Tab S-Tab M-Enter C-Space C-/ S-a M-A'
K2='C-M-S-x é C-é S-Space C-S-Space KPEnter C-2 C-3 C-6 C-? C-- M-C-1 C-S-1 C-Escape'
K3='S-Escape C-BSpace S-BSpace C-M-Enter M-S-Enter C-S-Tab M-S-a M-C-S-Space C-@ C-) C-0'
show() { # show WINDOW PROGRAM-INIT: each key's bytes as cat -v shows them
    W=$1
    $TMUX_BIN new-window -d -t "s:$1" "printf '$2'; stty raw -echo; printf READY; exec cat -v"
    wait_pane "s:$1" READY
    # One send-keys for all of them (in order, as separate ones would): 280 clients
    # under ASan on a loaded machine outlasted the case's 60 s.
    set --
    for k in $K1 $K2 $K3; do set -- "$@" "$k" '|'; done
    $TMUX_BIN send-keys -t "s:$W" "$@"
    $TMUX_BIN send-keys -t "s:$W" -l .END
    wait_pane "s:$W" .END
    $TMUX_BIN capture-pane -p -J -t "s:$W" | tr -s '\n'
}
$TMUX_BIN new -d -s s -x 200 -y 20
$TMUX_BIN show -s extended-keys
show 1 ''
show 2 '\033[>4;1m'
show 3 '\033[>4;2m\033[>4n'
show 4 '\033[>4;1m\033[>0m'
$TMUX_BIN set -s extended-keys always; echo "rc=$?"
show 5 ''
show 6 '\033[>4;0m'
$TMUX_BIN set -s extended-keys on
show 7 '\033[>4;1m'
$TMUX_BIN set -s extended-keys bogus; echo "rc=$?"
