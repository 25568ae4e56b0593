# An after-COMMAND hook sees the command it follows: #{hook_arguments} (flags sorted and
# quoted as tmux prints them), #{hook_argument_N}, #{hook_flag_X} (the last value, or 1)
# and #{hook_flag_X_N} (each value of a repeated flag); the hook_* of notifications are
# empty there.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
$T set-hook -g after-new-window "set -gF @log 'args=[#{hook_arguments}] a0=[#{hook_argument_0}] a1=[#{hook_argument_1}] a3=[#{hook_argument_3}] d=[#{hook_flag_d}] e=[#{hook_flag_e}] e0=[#{hook_flag_e_0}] e1=[#{hook_flag_e_1}] e2=[#{hook_flag_e_2}] n=[#{hook_flag_n}] n0=[#{hook_flag_n_0}] n1=[#{hook_flag_n_1}] x=[#{hook_flag_x}] h=[#{hook}] hp=[#{hook_pane}] hs=[#{hook_session}] hw=[#{hook_window}]'"
$T neww -d -e A=1 -e 'B=2 3' -n x sh -c 'sleep 100'
$T show -gv @log
$T neww -dP -n 'y z' -F '#{pane_id}' 'sleep 100'
$T show -gv @log
$T set-hook -g after-set-option "set -gF @log2 'args=[#{hook_arguments}] a0=[#{hook_argument_0}] a1=[#{hook_argument_1}] g=[#{hook_flag_g}] q=[#{hook_flag_q}] F=[#{hook_flag_F}]'"
$T set -gq @foo 'x y'
$T show -gv @log2
$T set-hook -g after-split-window "set -gF @log3 'args=[#{hook_arguments}] l=[#{hook_flag_l}] t=[#{hook_flag_t}] t0=[#{hook_flag_t_0}] a0=[#{hook_argument_0}]'"
$T splitw -d -l 5 -t a:0 -- 'sleep 100'
$T show -gv @log3
