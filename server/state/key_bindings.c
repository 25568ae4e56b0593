/* key_bindings.c - the key tables and their default bindings: tmux 3.3a's, every key,
 * command and note. */
#include "key_bindings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server_state.h"
#include "xmalloc.h"

/* A default binding: its key, the command as tmux 3.3a prints it (list-keys shows it as
 * it is, and tmx runs it), its note (list-keys -N, C-b ?) and whether it repeats. */
struct default_binding {
    const char *key;
    const char *command;
    const char *note;
    bool repeat;
};

/* tmux 3.3a's default tables, key by key. */
/* The items of the window and pane menus, which two bindings each open (as a key and
 * with the mouse), as tmux's defaults have them. */
#define WINDOW_MENU_ITEMS                                                                  \
    "\"#{?#{>:#{session_windows},1},,-}Swap Left\" l { swap-window -t :-1 } "               \
    "\"#{?#{>:#{session_windows},1},,-}Swap Right\" r { swap-window -t :+1 } "              \
    "\"#{?pane_marked_set,,-}Swap Marked\" s { swap-window } '' Kill X { "                  \
    "kill-window } Respawn R { respawn-window -k } "                                       \
    "\"#{?pane_marked,Unmark,Mark}\" m { select-pane -m } Rename n { "                      \
    "command-prompt -F -I \"#W\" { rename-window -t \"#{window_id}\" \"%%\" } } '' "         \
    "\"New After\" w { new-window -a } \"New At End\" W { new-window }"
#define PANE_MENU_ITEMS                                                                    \
    "\"#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Top,}\" < { send-keys -X "             \
    "history-top } \"#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Bottom,}\" > "           \
    "{ send-keys -X history-bottom } '' \"#{?mouse_word,Search For "                        \
    "#[underscore]#{=/9/...:mouse_word},}\" C-r { if-shell -F "                            \
    "\"#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}\" \"copy-mode -t=\" ; "                   \
    "send-keys -X -t = search-backward \"#{q:mouse_word}\" } "                             \
    "\"#{?mouse_word,Type #[underscore]#{=/9/...:mouse_word},}\" C-y { "                    \
    "copy-mode -q ; send-keys -l \"#{q:mouse_word}\" } \"#{?mouse_word,Copy "               \
    "#[underscore]#{=/9/...:mouse_word},}\" c { copy-mode -q ; set-buffer "                \
    "\"#{q:mouse_word}\" } \"#{?mouse_line,Copy Line,}\" l { copy-mode -q ; "               \
    "set-buffer \"#{q:mouse_line}\" } '' \"Horizontal Split\" h { split-window -h "         \
    "} \"Vertical Split\" v { split-window -v } '' "                                       \
    "\"#{?#{>:#{window_panes},1},,-}Swap Up\" u { swap-pane -U } "                          \
    "\"#{?#{>:#{window_panes},1},,-}Swap Down\" d { swap-pane -D } "                        \
    "\"#{?pane_marked_set,,-}Swap Marked\" s { swap-pane } '' Kill X { "                    \
    "kill-pane } Respawn R { respawn-pane -k } \"#{?pane_marked,Unmark,Mark}\" "           \
    "m { select-pane -m } "                                                                \
    "\"#{?#{>:#{window_panes},1},,-}#{?window_zoomed_flag,Unzoom,Zoom}\" z { "              \
    "resize-pane -Z }"

static const struct default_binding defaults_copy_mode[] = {
    {"C-Space", "send-keys -X begin-selection", NULL, false},
    {"C-a", "send-keys -X start-of-line", NULL, false},
    {"C-b", "send-keys -X cursor-left", NULL, false},
    {"C-c", "send-keys -X cancel", NULL, false},
    {"C-e", "send-keys -X end-of-line", NULL, false},
    {"C-f", "send-keys -X cursor-right", NULL, false},
    {"C-g", "send-keys -X clear-selection", NULL, false},
    {"C-k", "send-keys -X copy-pipe-end-of-line-and-cancel", NULL, false},
    {"C-n", "send-keys -X cursor-down", NULL, false},
    {"C-p", "send-keys -X cursor-up", NULL, false},
    {"C-r",
     "command-prompt -i -I \"#{pane_search_string}\" -T search -p \"(search up)\" "
     "{ send-keys -X search-backward-incremental \"%%\" }",
     NULL, false},
    {"C-s",
     "command-prompt -i -I \"#{pane_search_string}\" -T search -p \"(search "
     "down)\" { send-keys -X search-forward-incremental \"%%\" }",
     NULL, false},
    {"C-v", "send-keys -X page-down", NULL, false},
    {"C-w", "send-keys -X copy-pipe-and-cancel", NULL, false},
    {"Escape", "send-keys -X cancel", NULL, false},
    {"Space", "send-keys -X page-down", NULL, false},
    {",", "send-keys -X jump-reverse", NULL, false},
    {";", "send-keys -X jump-again", NULL, false},
    {"F",
     "command-prompt -1 -p \"(jump backward)\" { send-keys -X jump-backward \"%%\" "
     "}",
     NULL, false},
    {"N", "send-keys -X search-reverse", NULL, false},
    {"P", "send-keys -X toggle-position", NULL, false},
    {"R", "send-keys -X rectangle-toggle", NULL, false},
    {"T",
     "command-prompt -1 -p \"(jump to backward)\" { send-keys -X "
     "jump-to-backward \"%%\" }",
     NULL, false},
    {"X", "send-keys -X set-mark", NULL, false},
    {"f",
     "command-prompt -1 -p \"(jump forward)\" { send-keys -X jump-forward \"%%\" }",
     NULL, false},
    {"g", "command-prompt -p \"(goto line)\" { send-keys -X goto-line \"%%\" }", NULL, false},
    {"n", "send-keys -X search-again", NULL, false},
    {"q", "send-keys -X cancel", NULL, false},
    {"r", "send-keys -X refresh-from-pane", NULL, false},
    {"t",
     "command-prompt -1 -p \"(jump to forward)\" { send-keys -X jump-to-forward "
     "\"%%\" }",
     NULL, false},
    {"MouseDown1Pane", "select-pane", NULL, false},
    {"MouseDrag1Pane", "select-pane \\; send-keys -X begin-selection", NULL, false},
    {"MouseDragEnd1Pane", "send-keys -X copy-pipe-and-cancel", NULL, false},
    {"WheelUpPane", "select-pane \\; send-keys -X -N 5 scroll-up", NULL, false},
    {"WheelDownPane", "select-pane \\; send-keys -X -N 5 scroll-down", NULL, false},
    {"DoubleClick1Pane",
     "select-pane \\; send-keys -X select-word \\; run-shell -d 0.3 \\; send-keys "
     "-X copy-pipe-and-cancel",
     NULL, false},
    {"TripleClick1Pane",
     "select-pane \\; send-keys -X select-line \\; run-shell -d 0.3 \\; send-keys "
     "-X copy-pipe-and-cancel",
     NULL, false},
    {"Home", "send-keys -X start-of-line", NULL, false},
    {"End", "send-keys -X end-of-line", NULL, false},
    {"NPage", "send-keys -X page-down", NULL, false},
    {"PPage", "send-keys -X page-up", NULL, false},
    {"Up", "send-keys -X cursor-up", NULL, false},
    {"Down", "send-keys -X cursor-down", NULL, false},
    {"Left", "send-keys -X cursor-left", NULL, false},
    {"Right", "send-keys -X cursor-right", NULL, false},
    {"M-C-b", "send-keys -X previous-matching-bracket", NULL, false},
    {"M-C-f", "send-keys -X next-matching-bracket", NULL, false},
    {"M-1", "command-prompt -N -I 1 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-2", "command-prompt -N -I 2 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-3", "command-prompt -N -I 3 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-4", "command-prompt -N -I 4 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-5", "command-prompt -N -I 5 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-6", "command-prompt -N -I 6 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-7", "command-prompt -N -I 7 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-8", "command-prompt -N -I 8 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-9", "command-prompt -N -I 9 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"M-<", "send-keys -X history-top", NULL, false},
    {"M->", "send-keys -X history-bottom", NULL, false},
    {"M-R", "send-keys -X top-line", NULL, false},
    {"M-b", "send-keys -X previous-word", NULL, false},
    {"M-f", "send-keys -X next-word-end", NULL, false},
    {"M-m", "send-keys -X back-to-indentation", NULL, false},
    {"M-r", "send-keys -X middle-line", NULL, false},
    {"M-v", "send-keys -X page-up", NULL, false},
    {"M-w", "send-keys -X copy-pipe-and-cancel", NULL, false},
    {"M-x", "send-keys -X jump-to-mark", NULL, false},
    {"M-{", "send-keys -X previous-paragraph", NULL, false},
    {"M-}", "send-keys -X next-paragraph", NULL, false},
    {"M-Up", "send-keys -X halfpage-up", NULL, false},
    {"M-Down", "send-keys -X halfpage-down", NULL, false},
    {"C-Up", "send-keys -X scroll-up", NULL, false},
    {"C-Down", "send-keys -X scroll-down", NULL, false},
};
static const struct default_binding defaults_copy_mode_vi[] = {
    {"C-b", "send-keys -X page-up", NULL, false},
    {"C-c", "send-keys -X cancel", NULL, false},
    {"C-d", "send-keys -X halfpage-down", NULL, false},
    {"C-e", "send-keys -X scroll-down", NULL, false},
    {"C-f", "send-keys -X page-down", NULL, false},
    {"C-h", "send-keys -X cursor-left", NULL, false},
    {"C-j", "send-keys -X copy-pipe-and-cancel", NULL, false},
    {"Enter", "send-keys -X copy-pipe-and-cancel", NULL, false},
    {"C-u", "send-keys -X halfpage-up", NULL, false},
    {"C-v", "send-keys -X rectangle-toggle", NULL, false},
    {"C-y", "send-keys -X scroll-up", NULL, false},
    {"Escape", "send-keys -X clear-selection", NULL, false},
    {"Space", "send-keys -X begin-selection", NULL, false},
    {"#", "send-keys -FX search-backward \"#{copy_cursor_word}\"", NULL, false},
    {"$", "send-keys -X end-of-line", NULL, false},
    {"%", "send-keys -X next-matching-bracket", NULL, false},
    {"*", "send-keys -FX search-forward \"#{copy_cursor_word}\"", NULL, false},
    {",", "send-keys -X jump-reverse", NULL, false},
    {"/",
     "command-prompt -T search -p \"(search down)\" { send-keys -X "
     "search-forward \"%%\" }",
     NULL, false},
    {"0", "send-keys -X start-of-line", NULL, false},
    {"1", "command-prompt -N -I 1 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"2", "command-prompt -N -I 2 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"3", "command-prompt -N -I 3 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"4", "command-prompt -N -I 4 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"5", "command-prompt -N -I 5 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"6", "command-prompt -N -I 6 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"7", "command-prompt -N -I 7 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"8", "command-prompt -N -I 8 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {"9", "command-prompt -N -I 9 -p (repeat) { send-keys -N \"%%\" }", NULL, false},
    {":", "command-prompt -p \"(goto line)\" { send-keys -X goto-line \"%%\" }", NULL, false},
    {";", "send-keys -X jump-again", NULL, false},
    {"?",
     "command-prompt -T search -p \"(search up)\" { send-keys -X search-backward "
     "\"%%\" }",
     NULL, false},
    {"A", "send-keys -X append-selection-and-cancel", NULL, false},
    {"B", "send-keys -X previous-space", NULL, false},
    {"D", "send-keys -X copy-pipe-end-of-line-and-cancel", NULL, false},
    {"E", "send-keys -X next-space-end", NULL, false},
    {"F",
     "command-prompt -1 -p \"(jump backward)\" { send-keys -X jump-backward \"%%\" "
     "}",
     NULL, false},
    {"G", "send-keys -X history-bottom", NULL, false},
    {"H", "send-keys -X top-line", NULL, false},
    {"J", "send-keys -X scroll-down", NULL, false},
    {"K", "send-keys -X scroll-up", NULL, false},
    {"L", "send-keys -X bottom-line", NULL, false},
    {"M", "send-keys -X middle-line", NULL, false},
    {"N", "send-keys -X search-reverse", NULL, false},
    {"P", "send-keys -X toggle-position", NULL, false},
    {"T",
     "command-prompt -1 -p \"(jump to backward)\" { send-keys -X "
     "jump-to-backward \"%%\" }",
     NULL, false},
    {"V", "send-keys -X select-line", NULL, false},
    {"W", "send-keys -X next-space", NULL, false},
    {"X", "send-keys -X set-mark", NULL, false},
    {"^", "send-keys -X back-to-indentation", NULL, false},
    {"b", "send-keys -X previous-word", NULL, false},
    {"e", "send-keys -X next-word-end", NULL, false},
    {"f",
     "command-prompt -1 -p \"(jump forward)\" { send-keys -X jump-forward \"%%\" }",
     NULL, false},
    {"g", "send-keys -X history-top", NULL, false},
    {"h", "send-keys -X cursor-left", NULL, false},
    {"j", "send-keys -X cursor-down", NULL, false},
    {"k", "send-keys -X cursor-up", NULL, false},
    {"l", "send-keys -X cursor-right", NULL, false},
    {"n", "send-keys -X search-again", NULL, false},
    {"o", "send-keys -X other-end", NULL, false},
    {"q", "send-keys -X cancel", NULL, false},
    {"r", "send-keys -X refresh-from-pane", NULL, false},
    {"t",
     "command-prompt -1 -p \"(jump to forward)\" { send-keys -X jump-to-forward "
     "\"%%\" }",
     NULL, false},
    {"v", "send-keys -X rectangle-toggle", NULL, false},
    {"w", "send-keys -X next-word", NULL, false},
    {"{", "send-keys -X previous-paragraph", NULL, false},
    {"}", "send-keys -X next-paragraph", NULL, false},
    {"MouseDown1Pane", "select-pane", NULL, false},
    {"MouseDrag1Pane", "select-pane \\; send-keys -X begin-selection", NULL, false},
    {"MouseDragEnd1Pane", "send-keys -X copy-pipe-and-cancel", NULL, false},
    {"WheelUpPane", "select-pane \\; send-keys -X -N 5 scroll-up", NULL, false},
    {"WheelDownPane", "select-pane \\; send-keys -X -N 5 scroll-down", NULL, false},
    {"DoubleClick1Pane",
     "select-pane \\; send-keys -X select-word \\; run-shell -d 0.3 \\; send-keys "
     "-X copy-pipe-and-cancel",
     NULL, false},
    {"TripleClick1Pane",
     "select-pane \\; send-keys -X select-line \\; run-shell -d 0.3 \\; send-keys "
     "-X copy-pipe-and-cancel",
     NULL, false},
    {"BSpace", "send-keys -X cursor-left", NULL, false},
    {"NPage", "send-keys -X page-down", NULL, false},
    {"PPage", "send-keys -X page-up", NULL, false},
    {"Up", "send-keys -X cursor-up", NULL, false},
    {"Down", "send-keys -X cursor-down", NULL, false},
    {"Left", "send-keys -X cursor-left", NULL, false},
    {"Right", "send-keys -X cursor-right", NULL, false},
    {"M-x", "send-keys -X jump-to-mark", NULL, false},
    {"C-Up", "send-keys -X scroll-up", NULL, false},
    {"C-Down", "send-keys -X scroll-down", NULL, false},
};
static const struct default_binding defaults_prefix[] = {
    {"C-b", "send-prefix", "Send the prefix key", false},
    {"C-o", "rotate-window", "Rotate through the panes", false},
    {"C-z", "suspend-client", "Suspend the current client", false},
    {"Space", "next-layout", "Select next layout", false},
    {"!", "break-pane", "Break pane to a new window", false},
    {"\"", "split-window", "Split window vertically", false},
    {"#", "list-buffers", "List all paste buffers", false},
    {"$", "command-prompt -I \"#S\" { rename-session \"%%\" }", "Rename current session", false},
    {"%", "split-window -h", "Split window horizontally", false},
    {"&", "confirm-before -p \"kill-window #W? (y/n)\" kill-window", "Kill current window", false},
    {"'",
     "command-prompt -T window-target -p index { select-window -t \":%%\" }",
     "Prompt for window index to select", false},
    {"(", "switch-client -p", "Switch to previous client", false},
    {")", "switch-client -n", "Switch to next client", false},
    {",", "command-prompt -I \"#W\" { rename-window \"%%\" }", "Rename current window", false},
    {"-", "delete-buffer", "Delete the most recent paste buffer", false},
    {".", "command-prompt -T target { move-window -t \"%%\" }", "Move the current window", false},
    {"/", "command-prompt -k -p key { list-keys -1N \"%%\" }", "Describe key binding", false},
    {"0", "select-window -t :=0", "Select window 0", false},
    {"1", "select-window -t :=1", "Select window 1", false},
    {"2", "select-window -t :=2", "Select window 2", false},
    {"3", "select-window -t :=3", "Select window 3", false},
    {"4", "select-window -t :=4", "Select window 4", false},
    {"5", "select-window -t :=5", "Select window 5", false},
    {"6", "select-window -t :=6", "Select window 6", false},
    {"7", "select-window -t :=7", "Select window 7", false},
    {"8", "select-window -t :=8", "Select window 8", false},
    {"9", "select-window -t :=9", "Select window 9", false},
    {":", "command-prompt", "Prompt for a command", false},
    {";", "last-pane", "Move to the previously active pane", false},
    {"<",
     "display-menu -T \"#[align=centre]#{window_index}:#{window_name}\" -x W -y "
     "W " WINDOW_MENU_ITEMS,
     NULL, false},
    {"=", "choose-buffer -Z", "Choose a paste buffer from a list", false},
    {">",
     "display-menu -T \"#[align=centre]#{pane_index} (#{pane_id})\" -x P -y P "
     PANE_MENU_ITEMS,
     NULL, false},
    {"?", "list-keys -N", "List key bindings", false},
    {"C", "customize-mode -Z", "Customize options", false},
    {"D", "choose-client -Z", "Choose a client from a list", false},
    {"E", "select-layout -E", "Spread panes out evenly", false},
    {"L", "switch-client -l", "Switch to the last client", false},
    {"M", "select-pane -M", "Clear the marked pane", false},
    {"[", "copy-mode", "Enter copy mode", false},
    {"]", "paste-buffer -p", "Paste the most recent paste buffer", false},
    {"c", "new-window", "Create a new window", false},
    {"d", "detach-client", "Detach the current client", false},
    {"f", "command-prompt { find-window -Z \"%%\" }", "Search for a pane", false},
    {"i", "display-message", "Display window information", false},
    {"l", "last-window", "Select the previously current window", false},
    {"m", "select-pane -m", "Toggle the marked pane", false},
    {"n", "next-window", "Select the next window", false},
    {"o", "select-pane -t :.+", "Select the next pane", false},
    {"p", "previous-window", "Select the previous window", false},
    {"q", "display-panes", "Display pane numbers", false},
    {"r", "refresh-client", "Redraw the current client", false},
    {"s", "choose-tree -Zs", "Choose a session from a list", false},
    {"t", "clock-mode", "Show a clock", false},
    {"w", "choose-tree -Zw", "Choose a window from a list", false},
    {"x", "confirm-before -p \"kill-pane #P? (y/n)\" kill-pane", "Kill the active pane", false},
    {"z", "resize-pane -Z", "Zoom the active pane", false},
    {"{", "swap-pane -U", "Swap the active pane with the pane above", false},
    {"}", "swap-pane -D", "Swap the active pane with the pane below", false},
    {"~", "show-messages", "Show messages", false},
    {"DC", "refresh-client -c", "Reset so the visible part of the window follows the cursor", true},
    {"PPage", "copy-mode -u", "Enter copy mode and scroll up", false},
    {"Up", "select-pane -U", "Select the pane above the active pane", true},
    {"Down", "select-pane -D", "Select the pane below the active pane", true},
    {"Left", "select-pane -L", "Select the pane to the left of the active pane", true},
    {"Right", "select-pane -R", "Select the pane to the right of the active pane", true},
    {"M-1", "select-layout even-horizontal", "Set the even-horizontal layout", false},
    {"M-2", "select-layout even-vertical", "Set the even-vertical layout", false},
    {"M-3", "select-layout main-horizontal", "Set the main-horizontal layout", false},
    {"M-4", "select-layout main-vertical", "Set the main-vertical layout", false},
    {"M-5", "select-layout tiled", "Select the tiled layout", false},
    {"M-n", "next-window -a", "Select the next window with an alert", false},
    {"M-o", "rotate-window -D", "Rotate through the panes in reverse", false},
    {"M-p", "previous-window -a", "Select the previous window with an alert", false},
    {"M-Up", "resize-pane -U 5", "Resize the pane up by 5", true},
    {"M-Down", "resize-pane -D 5", "Resize the pane down by 5", true},
    {"M-Left", "resize-pane -L 5", "Resize the pane left by 5", true},
    {"M-Right", "resize-pane -R 5", "Resize the pane right by 5", true},
    {"C-Up", "resize-pane -U", "Resize the pane up", true},
    {"C-Down", "resize-pane -D", "Resize the pane down", true},
    {"C-Left", "resize-pane -L", "Resize the pane left", true},
    {"C-Right", "resize-pane -R", "Resize the pane right", true},
    {"S-Up", "refresh-client -U 10", "Move the visible part of the window up", true},
    {"S-Down", "refresh-client -D 10", "Move the visible part of the window down", true},
    {"S-Left", "refresh-client -L 10", "Move the visible part of the window left", true},
    {"S-Right", "refresh-client -R 10", "Move the visible part of the window right", true},
};
static const struct default_binding defaults_root[] = {
    {"MouseDown1Pane", "select-pane -t = \\; send-keys -M", NULL, false},
    {"MouseDown1Status", "select-window -t =", NULL, false},
    {"MouseDown2Pane",
     "select-pane -t = \\; if-shell -F "
     "\"#{||:#{pane_in_mode},#{mouse_any_flag}}\" { send-keys -M } { "
     "paste-buffer -p }",
     NULL, false},
    {"MouseDown3Pane",
     "if-shell -F -t = "
     "\"#{||:#{mouse_any_flag},#{&&:#{pane_in_mode},#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}}}\" "
     "{ select-pane -t = ; send-keys -M } { display-menu -T "
     "\"#[align=centre]#{pane_index} (#{pane_id})\" -t = -x M -y M "
     PANE_MENU_ITEMS " }",
     NULL, false},
    {"MouseDown3Status",
     "display-menu -T \"#[align=centre]#{window_index}:#{window_name}\" -t = -x "
     "W -y W " WINDOW_MENU_ITEMS,
     NULL, false},
    {"MouseDown3StatusLeft",
     "display-menu -T \"#[align=centre]#{session_name}\" -t = -x M -y W Next n { "
     "switch-client -n } Previous p { switch-client -p } '' Renumber N { "
     "move-window -r } Rename n { command-prompt -I \"#S\" { rename-session \"%%\" "
     "} } '' \"New Session\" s { new-session } \"New Window\" w { new-window }",
     NULL, false},
    {"MouseDrag1Pane",
     "if-shell -F \"#{||:#{pane_in_mode},#{mouse_any_flag}}\" { send-keys -M } { "
     "copy-mode -M }",
     NULL, false},
    {"MouseDrag1Border", "resize-pane -M", NULL, false},
    {"WheelUpPane",
     "if-shell -F \"#{||:#{pane_in_mode},#{mouse_any_flag}}\" { send-keys -M } { "
     "copy-mode -e }",
     NULL, false},
    {"WheelUpStatus", "previous-window", NULL, false},
    {"WheelDownStatus", "next-window", NULL, false},
    {"DoubleClick1Pane",
     "select-pane -t = \\; if-shell -F "
     "\"#{||:#{pane_in_mode},#{mouse_any_flag}}\" { send-keys -M } { copy-mode "
     "-H ; send-keys -X select-word ; run-shell -d 0.3 ; send-keys -X "
     "copy-pipe-and-cancel }",
     NULL, false},
    {"TripleClick1Pane",
     "select-pane -t = \\; if-shell -F "
     "\"#{||:#{pane_in_mode},#{mouse_any_flag}}\" { send-keys -M } { copy-mode "
     "-H ; send-keys -X select-line ; run-shell -d 0.3 ; send-keys -X "
     "copy-pipe-and-cancel }",
     NULL, false},
    {"M-MouseDown3Pane",
     "display-menu -T \"#[align=centre]#{pane_index} (#{pane_id})\" -t = -x M -y "
     "M " PANE_MENU_ITEMS,
     NULL, false},
};

bool key_table_exists(const struct server *s, const char *name)
{
    if (strcmp(name, KEY_TABLE_ROOT) == 0)
        return true;
    key_bindings_ready(s);
    for (size_t i = 0; i < s->nbindings; i++) {
        if (strcmp(s->bindings[i].table, name) == 0)
            return true;
    }
    return false;
}

const char *key_table_next(const struct server *s, const char *prev)
{
    /* The smallest name after prev, among root and the tables with bindings. */
    key_bindings_ready(s);
    const char *next = NULL;
    if (prev == NULL || strcmp(KEY_TABLE_ROOT, prev) > 0)
        next = KEY_TABLE_ROOT;
    for (size_t j = 0; j < s->nbindings; j++) {
        const char *name = s->bindings[j].table;
        if (prev != NULL && strcmp(name, prev) <= 0)
            continue;
        if (next == NULL || strcmp(name, next) < 0)
            next = name;
    }
    return next;
}

/* A growable string for block_to_string. */
struct text {
    char *s;
    size_t len, size;
};

static void text_add(struct text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->size) {
        t->size = (t->len + n + 1) * 2;
        t->s = xrealloc(t->s, t->size);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

/* The end of the quoted word at p ('...' or "..."), after its closing quote. */
static const char *skip_quoted(const char *p)
{
    char q = *p++;
    while (*p != '\0' && *p != q) {
        if (q == '"' && *p == '\\' && p[1] != '\0')
            p++;
        p++;
    }
    return *p != '\0' ? p + 1 : p;
}

/* cmd with each { } block (tmux's command-list argument) written as the double-quoted
 * string of its commands, which every command taking a command accepts: the text tmx
 * runs for a default binding. Caller frees. */
static char *blocks_to_strings(const char *cmd)
{
    if (strchr(cmd, '{') == NULL)
        return xstrdup(cmd); /* most: no block to write */
    struct text out = {0};
    text_add(&out, "", 0);
    const char *p = cmd;
    while (*p != '\0') {
        bool word_start = p == cmd || p[-1] == ' ';
        if (*p == '\'' || *p == '"') {
            const char *end = skip_quoted(p);
            text_add(&out, p, (size_t)(end - p));
            p = end;
        } else if (*p == '\\' && p[1] != '\0') {
            text_add(&out, p, 2);
            p += 2;
        } else if (*p == '{' && word_start && (p[1] == ' ' || p[1] == '\0')) {
            /* Find the matching brace. */
            int depth = 1;
            const char *q = p + 1;
            while (*q != '\0' && depth > 0) {
                if (*q == '\'' || *q == '"') {
                    q = skip_quoted(q);
                    continue;
                }
                if (*q == '\\' && q[1] != '\0')
                    q++;
                else if (*q == '{' && q[-1] == ' ')
                    depth++;
                else if (*q == '}' && q[-1] == ' ')
                    depth--;
                q++;
            }
            const char *inner_end = depth == 0 ? q - 1 : q;
            char *inner = xstrndup(p + 1, (size_t)(inner_end - p - 1));
            char *conv = blocks_to_strings(inner);
            free(inner);
            char *a = conv, *z = conv + strlen(conv);
            while (*a == ' ')
                a++;
            while (z > a && z[-1] == ' ')
                z--;
            text_add(&out, "\"", 1);
            for (; a < z; a++) {
                if (*a == '"' || *a == '\\')
                    text_add(&out, "\\", 1);
                text_add(&out, a, 1);
            }
            text_add(&out, "\"", 1);
            free(conv);
            p = q;
        } else {
            /* This character and those up to the next that may need the cases above. */
            size_t n = 1 + strcspn(p + 1, "'\"\\{");
            text_add(&out, p, n);
            p += n;
        }
    }
    return out.s;
}

/* list-keys' form has " \\; " between commands (bind's arguments); what runs is a
 * command string, where a ';' word separates them (a "\\;" there would be a literal ';'
 * argument, as in tmux). Changes and returns run. */
static char *plain_separators(char *run)
{
    for (char *p = strstr(run, " \\; "); p != NULL; p = strstr(p, " \\; "))
        memmove(p + 1, p + 2, strlen(p + 2) + 1);
    return run;
}

static void add_defaults(struct server *s, const char *table, const struct default_binding *d,
                         size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *run = plain_separators(blocks_to_strings(d[i].command));
        key_bindings_add_full(s, table, key_from_name(d[i].key), run, d[i].command, d[i].note,
                              d[i].repeat);
        free(run);
    }
}

void key_bindings_init(struct server *s)
{
    s->bindings_deferred = false;
#define ADD(t, list) add_defaults(s, t, list, sizeof list / sizeof list[0])
    ADD(KEY_TABLE_PREFIX, defaults_prefix);
    ADD(KEY_TABLE_ROOT, defaults_root);
    ADD(KEY_TABLE_COPY_MODE, defaults_copy_mode);
    ADD(KEY_TABLE_COPY_MODE_VI, defaults_copy_mode_vi);
#undef ADD
}

void key_bindings_init_later(struct server *s)
{
    s->bindings_deferred = true;
}

void key_bindings_ready(const struct server *cs)
{
    if (!cs->bindings_deferred)
        return;
    /* Made on a lookup too (which sees the server const): the tables are the same
     * whenever they are made, as options.c's root makes its name index. */
    key_bindings_init((struct server *)cs);
}

static void binding_free(struct server *s, struct key_binding *b)
{
    if (b->list != NULL && s->binding_list_free != NULL)
        s->binding_list_free(b->list);
    free(b->table);
    free(b->command);
    free(b->display);
    free(b->note);
}

/* The bit of binding_filter for key in table (FNV-1a over the table's name, mixed with
 * the key). A bit is set when a binding is added and left when it goes: a set bit means
 * "look", a clear one "none". */
static size_t filter_bit(const char *table, key_code key)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (const char *p = table; *p != '\0'; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3u;
    h = (h ^ (uint64_t)key) * 0x9e3779b97f4a7c15u;
    return (size_t)(h >> 52); /* 0-4095: binding_filter's bits */
}

void key_bindings_free(struct server *s)
{
    for (size_t i = 0; i < s->nbindings; i++)
        binding_free(s, &s->bindings[i]);
    free(s->bindings);
    s->bindings = NULL;
    s->nbindings = s->bindings_size = 0;
    s->bindings_deferred = false;
    memset(s->binding_filter, 0, sizeof s->binding_filter);
}

void key_bindings_add(struct server *s, const char *table, key_code key, const char *command,
                      const char *note, bool repeat)
{
    /* command is list-keys' form, " \; " between commands (bind's arguments); what runs
     * is the command string, where a ';' word separates them (a "\;" there would be a
     * literal ';' argument, as in tmux). */
    char *run = xstrdup(command);
    for (char *p = strstr(run, " \\; "); p != NULL; p = strstr(p, " \\; "))
        memmove(p + 1, p + 2, strlen(p + 2) + 1);
    key_bindings_add_full(s, table, key, run, command, note, repeat);
    free(run);
}

void key_bindings_add_full(struct server *s, const char *table, key_code key,
                           const char *command, const char *display, const char *note,
                           bool repeat)
{
    key_bindings_ready(s);
    /* Copied before the old binding goes: table or command may be its own strings. */
    struct key_binding nb = {
        .key = key,
        .table = xstrdup(table),
        .command = xstrdup(command),
        .display = xstrdup(display),
        .note = note != NULL ? xstrdup(note) : NULL,
        .repeat = repeat,
    };
    key_bindings_remove(s, table, key);
    if (s->nbindings == s->bindings_size) {
        /* Doubled, not one more each time: the defaults alone are some 250. */
        s->bindings_size = s->bindings_size > 0 ? s->bindings_size * 2 : 256;
        s->bindings = xreallocarray(s->bindings, s->bindings_size, sizeof *s->bindings);
    }
    s->bindings[s->nbindings++] = nb;
    size_t bit = filter_bit(table, key);
    s->binding_filter[bit / 64] |= (uint64_t)1 << (bit % 64);
}

/* Remove the binding at index i. */
static void remove_at(struct server *s, size_t i)
{
    binding_free(s, &s->bindings[i]);
    memmove(&s->bindings[i], &s->bindings[i + 1], (s->nbindings - i - 1) * sizeof *s->bindings);
    s->nbindings--;
}

void key_bindings_remove(struct server *s, const char *table, key_code key)
{
    key_bindings_ready(s);
    size_t bit = filter_bit(table, key);
    if (!(s->binding_filter[bit / 64] & (uint64_t)1 << (bit % 64)))
        return; /* never bound in that table (each default binding is added this way) */
    for (size_t i = 0; i < s->nbindings; i++) {
        if (s->bindings[i].key == key && strcmp(s->bindings[i].table, table) == 0) {
            remove_at(s, i);
            return;
        }
    }
}

void key_bindings_remove_table(struct server *s, const char *table)
{
    key_bindings_ready(s);
    for (size_t i = s->nbindings; i > 0; i--) {
        if (strcmp(s->bindings[i - 1].table, table) == 0)
            remove_at(s, i - 1);
    }
}

void key_bindings_set_list(struct server *s, const char *table, key_code key,
                           struct cmd_list *list)
{
    key_bindings_ready(s);
    for (size_t i = 0; i < s->nbindings; i++) {
        struct key_binding *b = &s->bindings[i];
        if (b->key == key && strcmp(b->table, table) == 0) {
            if (b->list != NULL && s->binding_list_free != NULL)
                s->binding_list_free(b->list);
            b->list = list;
            return;
        }
    }
    if (list != NULL && s->binding_list_free != NULL)
        s->binding_list_free(list);
}

const struct key_binding *key_bindings_find(const struct server *s, const char *table,
                                            key_code key)
{
    key_bindings_ready(s);
    size_t bit = filter_bit(table, key);
    if (!(s->binding_filter[bit / 64] & (uint64_t)1 << (bit % 64)))
        return NULL; /* never bound in that table */
    for (size_t i = 0; i < s->nbindings; i++) {
        if (s->bindings[i].key == key && strcmp(s->bindings[i].table, table) == 0)
            return &s->bindings[i];
    }
    return NULL;
}
