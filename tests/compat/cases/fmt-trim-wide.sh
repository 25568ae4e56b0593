# Trimming counts columns: wide characters, styles and ## escapes.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{=2:#{l:日本語}}|#{=3:#{l:日本語}}|#{=-3:#{l:日本語}}'
$T display -p -t main '#{=3:#{l:a#[fg=red]bcdef}}'
$T display -p -t main '#{=-1:#{l:ab#[x]}}|#{=-2:#{l:a#[x]bc}}'
$T display -p -t main '#{=1:#{l:##ab}}|#{=2:#{l:##ab}}'
