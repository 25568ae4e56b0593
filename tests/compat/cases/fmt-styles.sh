# #[...] passes through; shorthands inside styles stay.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#[fg=red]#S'
$T display -p -t main '##[fg=red]'
$T display -p -t main '###[fg=red]'
$T display -p -t main '#[fg=#{?session_name,red,blue}]x'
$T display -p -t main '#[bg=#D0D0D0]x'
$T display -p -t main '#[fg=red,bold]#S#[default]'
