# #{version} compares as tmux 3.3 or later.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{version}'
$T display -p -t main '#{>=:#{version},3.0}'
$T display -p -t main '#{>=:#{version},3.3}'
$T display -p -t main '#{?#{>=:#{version},2.9},new,old}'
$T display -p -t main '#{m:3.*,#{version}}'
