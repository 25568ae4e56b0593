# Paste buffers: set, show, paste into a pane, list, delete.
. "$COMPAT_LIB"
$T new -d -s x cat
$T set-buffer -b b1 'hello buffer'
$T show-buffer -b b1
echo
$T paste-buffer -b b1 -t x
$T send-keys -t x Enter
wait_pane x 'hello buffer'
$T list-buffers -F '#{buffer_name} #{buffer_size}'
$T delete-buffer -b b1
$T list-buffers -F '#{buffer_name}'
echo "rc=$?"
