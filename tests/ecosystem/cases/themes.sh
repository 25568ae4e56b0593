# tmux-themepack-jimeh (Debian's): each theme file as a user's ~/.tmux.conf sources it, in
# a new server each time, with a client attached in a terminal; the status line as a user
# sees it (colours included), three windows, the second one current.
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
srv=0
start() {
    srv=$((srv + 1))
    tmux -L "t$srv" new -d -s eco -x 110 -y 8 -n one
    tmux -L "t$srv" neww -d -t eco -n two
    tmux -L "t$srv" neww -d -t eco -n three
    tmux -L "t$srv" select-window -t eco:two
}
: > "$HOME/.tmux.conf"
start
term_start 110 8 tmux -L "t$srv" attach -t eco
term_wait three
step "no theme"
status_line
for f in $(cd /usr/share/tmux/theme-pack-jimeh && find . -name '*.tmuxtheme' | sort); do
    step "${f#./}"
    echo "source-file /usr/share/tmux/theme-pack-jimeh/$f" > "$HOME/.tmux.conf"
    tmux -L "t$srv" kill-server
    start
    term_run tmux -L "t$srv" attach -t eco
    # Some themes show #(whoami): a job, shown when it has run.
    if grep -q '#(whoami)' "/usr/share/tmux/theme-pack-jimeh/$f"; then
        term_wait three " $(whoami) "
    else
        term_wait three
    fi
    status_line
done
