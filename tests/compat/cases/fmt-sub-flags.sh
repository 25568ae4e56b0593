# s///i ignores case; anchors and empty matches as tmux.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{s/A/X/i:#{l:banana}}'
$T display -p -t main '#{s/A/X/:#{l:banana}}'
$T display -p -t main '#{s/^b/X/:#{l:bab}}'
$T display -p -t main '#{s/a*/-/:#{l:baaac}}'
$T display -p -t main '#{s/x*/-/:#{l:abc}}'
