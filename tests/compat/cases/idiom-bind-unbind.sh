# Bind and unbind keys, and read a table back.
. "$COMPAT_LIB"
$T new -d -s x cat
$T bind -n M-h select-pane -L
$T bind '|' split-window -h
$T unbind '"'
$T list-keys -T root M-h
$T list-keys -T prefix '|'
$T list-keys -T prefix '"'
echo "rc=$?"
