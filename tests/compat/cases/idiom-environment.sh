# Set and read environment variables globally and per session.
. "$COMPAT_LIB"
$T new -d -s x cat
$T set-environment -g FOO bar
$T show-environment -g FOO
$T setenv -t x BAR baz
$T showenv -t x BAR
$T showenv -t x NOPE
echo "rc=$?"
