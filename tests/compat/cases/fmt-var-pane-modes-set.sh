# Mode flags after the program sets them.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 "printf '\\033[?25l\\033[4h\\033[?1h\\033=\\033[?1002h\\033[?1006hready'; sleep 1000"
wait_pane main ready
$T display -p -t main '#{cursor_flag}#{insert_flag}#{keypad_cursor_flag}#{keypad_flag}'
$T display -p -t main '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_all_flag}#{mouse_sgr_flag}'
