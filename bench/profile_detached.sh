#!/bin/bash
# profile_detached.sh TMX OUTPREFIX [FILE]: where a tmx server's time goes on detached
# throughput (muxbench's "detached": an 80x24 window that cats FILE, no client). A private
# server (-L prof, HOME and TMX_TMPDIR in a temporary directory) runs under `perf record -g`
# and `perf stat` from before the window starts until it has signalled (wait-for) that
# cat is done. Writes OUTPREFIX.data (perf report -i OUTPREFIX.data --no-children
# --sort symbol) and OUTPREFIX.stat. FILE defaults to muxbench's 64 MiB mixed input.
set -e
TMX=$1; OUT=$2; FILE=${3:-/tmp/muxbench-data/mixed-64MiB-v1.txt}
D=$(mktemp -d /tmp/tmx-prof.XXXX)
export HOME=$D TMX_TMPDIR=$D
T="$TMX -L prof -f /dev/null"
$T new -d -s s -x 80 -y 24 'sleep 1000'
PID=$($T display -p '#{pid}')
perf stat -e instructions:u,cycles:u,task-clock,context-switches,cpu-migrations -p $PID -o $OUT.stat &
PS=$!
perf record -g -o $OUT.data -p $PID 2>/dev/null &
PR=$!
sleep 0.5
S=$(date +%s.%N)
$T new-window -t s: "cat $FILE; $TMX -L prof wait-for -S done"
$T wait-for done
E=$(date +%s.%N)
kill -INT $PS $PR; wait $PS $PR 2>/dev/null || true
$T kill-server
echo "wall $(echo "$E - $S" | bc) s" >> $OUT.stat
cat $OUT.stat
rm -rf $D
