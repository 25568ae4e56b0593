# A config whose `new-session -d` runs a program that ends at once (byobu's janitor does
# this): the session goes, but the server stays for the command of the client that
# started it. Five fresh servers, since the program may end before or after the client
# connects.
. "$COMPAT_LIB"
printf 'new-session -d -s janitor true\n' > "$COMPAT_TMP/short.conf"
for i in 1 2 3 4 5; do
    $T -L "short$i" -f "$COMPAT_TMP/short.conf" new -d -s main 'sleep 100'
    echo "rc=$?"
    $T -L "short$i" ls -F '#{session_name}' 2>&1 | grep -v janitor
    $T -L "short$i" kill-server
done
