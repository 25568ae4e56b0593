# #S #W #I #P #D #F #T #H #h.
. "$COMPAT_LIB"
$T new -d -s main -n shell -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T display -p -t main '#S|#W|#I|#P|#D|#F'
$T display -p -t main '#{==:#T,#H}#{==:#H,#{host}}#{==:#h,#{host_short}}'
$T display -p -t main:second '#I:#W#F'
