# client_* variables are empty without an attached client.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '[#{client_name}][#{client_width}][#{client_height}][#{client_termname}][#{client_key_table}][#{client_prefix}]'
$T display -p -t main '[#{client_flags}][#{client_uid}][#{client_user}][#{client_utf8}][#{client_readonly}]'
