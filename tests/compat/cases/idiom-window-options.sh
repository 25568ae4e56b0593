# Window options per window and global.
. "$COMPAT_LIB"
$T new -d -s x cat
$T setw -g automatic-rename off
$T set -w -t x:0 remain-on-exit on
$T show -wv -t x:0 remain-on-exit
$T show -gwv automatic-rename
$T show -w -t x:0
