# Dump a pane's whole history with wrapped lines joined (log grabbers).
. "$COMPAT_LIB"
$T new -d -s x -x 40 -y 10 "i=0; while [ \$i -lt 30 ]; do echo line-\$i-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; i=\$((i+1)); done; echo END; exec cat"
wait_pane x END
$T capture-pane -pJ -S - -t x | grep -v '^$'
