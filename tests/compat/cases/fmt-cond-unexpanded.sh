# A condition that is no variable is expanded, and is false when nothing in it expands:
# a style, ##[, an unknown #a stay as written (false); a #{...} or ## that expands
# makes it a value (true unless empty or 0), the style around it kept.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{?#[fg=red],yes,no}'
$T display -p -t main '#{?#[fg=red]x,yes,no}'
$T display -p -t main '#{?1#[default],yes,no}'
$T display -p -t main '#{?##[x],yes,no}'
$T display -p -t main '#{?#a,yes,no}'
$T display -p -t main '#{?#[x]#[y],yes,no}'
$T display -p -t main '#{?#[x]#{l:},yes,no}'
$T display -p -t main '#{?#[x]##,yes,no}'
$T display -p -t main '#{?#[x]#{l:0},yes,no}'
$T display -p -t main '#{?#{l:0},yes,no}'
$T display -p -t main '#{?#S#[x],yes,no}'
$T display -p -t main '#{?#{?1,#[x],},yes,no}'
$T display -p -t main '#{?#,,yes,no}'
