# libtmux-style session listing, sorted by name.
. "$COMPAT_LIB"
$T new -d -s zeta cat
$T new -d -s alpha cat
$T new -d -s mid cat
$T new-window -d -t mid cat
$T list-sessions -F '#{session_id}	#{session_name}	#{session_windows}	#{session_attached}'
