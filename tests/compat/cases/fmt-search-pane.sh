# C: finds text on the pane's screen, giving its line.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 "printf 'alpha\\nbeta\\nGamma\\n'; sleep 1000"
wait_pane main Gamma
$T display -p -t main '#{C:beta}'
$T display -p -t main '#{C:nothing}'
$T display -p -t main '#{C:gamma}'
$T display -p -t main '#{C/i:gamma}'
$T display -p -t main '#{C/r:^be.a$}'
$T display -p -t main '#{C/ri:^GAM}'
$T display -p -t main '#{C:}'
