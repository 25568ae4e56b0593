# A program inside a pane asks which session, window and pane it is in.
. "$COMPAT_LIB"
$T new -d -s x -n one cat
$T new -d -s y -n main cat
$T new-window -t y -n two "$T display -p '#S:#I.#P #{window_name}' > $COMPAT_TMP/where; exec cat"
i=0
while [ ! -s "$COMPAT_TMP/where" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
cat "$COMPAT_TMP/where"
