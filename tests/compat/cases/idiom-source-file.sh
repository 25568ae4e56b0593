# Reload a config (the "prefix r" idiom's command).
. "$COMPAT_LIB"
$T new -d -s x cat
cat > "$COMPAT_TMP/my.conf" <<'CONF'
set -g @reloaded yes
set -g base-index 1
bind r source-file ~/.tmux.conf \; display "Reloaded!"
CONF
$T source-file "$COMPAT_TMP/my.conf"
echo "rc=$?"
$T show -gv @reloaded
$T show -gv base-index
$T list-keys -T prefix r
