# Commas inside #[...] split a conditional unless escaped with #,.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{?session_name,#[fg=red,bold]x,y}'
$T display -p -t main '#{?session_name,#[fg=red#,bold]x,y}'
