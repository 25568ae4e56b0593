/* options_table.c - every option tmx has, with its default. docs/manual.md lists them
 * (a test checks it names each one). */
#include "options.h"

#include <stddef.h>

static const char *const choices_mode_keys[] = {"emacs", "vi", NULL};
static const char *const choices_set_clipboard[] = {"off", "external", "on", NULL};
static const char *const choices_log_format[] = {"raw", "text", NULL};
static const char *const choices_border_status[] = {"off", "top", "bottom", NULL};
static const char *const choices_clock_style[] = {"12", "24", NULL};

#define NUM(n, s, d, lo, hi, h) {n, s, OPTION_NUMBER, d, lo, hi, NULL, h}
#define FLAG(n, s, d, h) {n, s, OPTION_FLAG, d, 0, 1, NULL, h}
#define SIZE(n, s, d, h) {n, s, OPTION_SIZE, d, 0, 1L << 40, NULL, h}
#define STR(n, s, d, h) {n, s, OPTION_STRING, d, 0, 0, NULL, h}
#define STYLE(n, s, d, h) {n, s, OPTION_STYLE, d, 0, 0, NULL, h}
#define KEY(n, s, d, h) {n, s, OPTION_KEY, d, 0, 0, NULL, h}
#define CHOICE(n, s, d, c, h) {n, s, OPTION_CHOICE, d, 0, 0, c, h}
#define COLOUR(n, s, d, h) {n, s, OPTION_COLOUR, d, 0, 0, NULL, h}

const struct option_def option_table[] = {
    /* server */
    STR("default-terminal", OPTION_SERVER, "", "TERM inside panes (empty: tmux-256color if terminfo has it, else screen-256color)"),
    STR("copy-command", OPTION_SERVER, "", "shell command copy-pipe sends the selection to when given none"),
    NUM("buffer-limit", OPTION_SERVER, "50", 1, 100000, "automatic paste buffers kept (the oldest dropped first)"),
    NUM("escape-time", OPTION_SERVER, "10", 0, 10000, "milliseconds to wait after ESC for a key sequence"),
    FLAG("exit-empty", OPTION_SERVER, "on", "the server exits when it has no sessions"),
    SIZE("history-bytes-total", OPTION_SERVER, "0", "most bytes of scrollback of all panes together (0: no cap; the oldest lines go first)"),
    NUM("kill-grace", OPTION_SERVER, "10", 0, 86400, "seconds between SIGTERM and SIGKILL to panes when the server is stopped"),
    CHOICE("set-clipboard", OPTION_SERVER, "external", choices_set_clipboard, "external: text copied in tmx goes to the terminal's clipboard (OSC 52); on: programs in panes may set it too (it also becomes a paste buffer)"),
    STR("terminal-features", OPTION_SERVER, "", "comma-separated TERM-pattern:feature:... (features: RGB, sync, hyperlinks)"),

    /* session */
    NUM("base-index", OPTION_SESSION, "0", 0, 100000, "index of the first window"),
    STR("default-command", OPTION_SESSION, "", "command new windows run (empty: the default shell)"),
    STR("default-shell", OPTION_SESSION, "", "shell for new windows (empty: $SHELL, else /bin/sh)"),
    FLAG("destroy-unattached", OPTION_SESSION, "off", "destroy the session when its last client detaches"),
    NUM("display-panes-time", OPTION_SESSION, "1000", 1, 3600000, "milliseconds display-panes (C-b q) shows pane numbers"),
    STYLE("display-panes-colour", OPTION_SESSION, "fg=blue", "colour of the other panes' numbers in display-panes"),
    STYLE("display-panes-active-colour", OPTION_SESSION, "fg=red", "colour of the active pane's number in display-panes"),
    SIZE("history-bytes", OPTION_SESSION, "0", "most bytes of scrollback per pane (like 512K or 64M; 0: no cap)"),
    NUM("history-limit", OPTION_SESSION, "10000", 0, 100000000, "lines of scrollback kept per pane"),
    STR("word-separators", OPTION_SESSION, "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", "characters that end words for copy mode's word motions (besides blanks)"),
    CHOICE("mode-keys", OPTION_SESSION, "emacs", choices_mode_keys, "keys of copy mode: the copy-mode (emacs) or copy-mode-vi key table"),
    FLAG("mouse", OPTION_SESSION, "off", "the mouse: clicks select windows in the status line and panes, dragging a pane border resizes, the wheel scrolls a pane back in copy mode, dragging selects and copies"),
    KEY("prefix", OPTION_SESSION, "C-b", "the prefix key"),
    KEY("prefix2", OPTION_SESSION, "None", "a second prefix key"),
    FLAG("renumber-windows", OPTION_SESSION, "off", "renumber windows when one closes"),
    NUM("repeat-time", OPTION_SESSION, "500", 0, 60000, "milliseconds a repeatable binding (bind -r) stays armed"),
    FLAG("set-titles", OPTION_SESSION, "on", "set the terminal's title (set-titles-string)"),
    STR("set-titles-string", OPTION_SESSION, "#T", "the terminal's title (a format)"),
    FLAG("status", OPTION_SESSION, "on", "show the status line"),
    NUM("status-interval", OPTION_SESSION, "15", 0, 86400, "seconds between redraws of a status line showing the time (0: never)"),
    STR("status-left", OPTION_SESSION, "[#S] ", "left of the status line (a format)"),
    NUM("status-left-length", OPTION_SESSION, "10", 0, 10000, "columns of status-left at most"),
    STR("status-right", OPTION_SESSION, "\"#{=21:pane_title}\" %H:%M %d-%b-%y", "right of the status line (a format, with strftime % sequences)"),
    NUM("status-right-length", OPTION_SESSION, "40", 0, 10000, "columns of status-right at most"),
    STYLE("status-style", OPTION_SESSION, "bg=green,fg=black", "style of the status line"),
    STYLE("message-style", OPTION_SESSION, "bg=yellow,fg=black", "style of messages and prompts"),
    FLAG("visual-activity", OPTION_SESSION, "off", "show a message when a window has an alert"),

    /* window */
    COLOUR("clock-mode-colour", OPTION_WINDOW, "blue", "colour of clock-mode's digits"),
    CHOICE("clock-mode-style", OPTION_WINDOW, "24", choices_clock_style, "clock-mode's hours: 12 or 24"),
    STYLE("copy-mode-match-style", OPTION_WINDOW, "bg=cyan,fg=black", "style of search matches in copy mode"),
    STYLE("mode-style", OPTION_WINDOW, "bg=yellow,fg=black", "style of the copy-mode selection and position indicator"),
    FLAG("allow-rename", OPTION_WINDOW, "off", "programs may name the window (ESC k name ESC \\; an empty name gives it back to automatic-rename)"),
    FLAG("automatic-rename", OPTION_WINDOW, "on", "the window's name follows the running command"),
    STR("log-file", OPTION_WINDOW, "", "append everything the window's panes print to this file"),
    CHOICE("log-file-format", OPTION_WINDOW, "raw", choices_log_format, "raw: the bytes as printed; text: escape sequences and carriage returns removed"),
    NUM("main-pane-height", OPTION_WINDOW, "24", 1, 10000, "height of the main pane in main-horizontal"),
    NUM("main-pane-width", OPTION_WINDOW, "80", 1, 10000, "width of the main pane in main-vertical"),
    FLAG("monitor-activity", OPTION_WINDOW, "off", "alert when a window not shown has output"),
    FLAG("monitor-bell", OPTION_WINDOW, "on", "alert when a window not shown rings the bell"),
    NUM("monitor-silence", OPTION_WINDOW, "0", 0, 86400 * 365, "alert after this many seconds without output (0: off)"),
    STYLE("pane-active-border-style", OPTION_WINDOW, "fg=green", "style of the active pane's border"),
    STYLE("pane-border-style", OPTION_WINDOW, "default", "style of pane borders"),
    STR("pane-border-format", OPTION_WINDOW, "#{?pane_active,#[reverse],}#{pane_index}#[default] \"#{pane_title}\"", "text of pane-border-status (a format)"),
    CHOICE("pane-border-status", OPTION_WINDOW, "off", choices_border_status, "a line above (top) or below (bottom) each pane with pane-border-format"),
    FLAG("remain-on-exit", OPTION_WINDOW, "off", "keep a pane whose command exited, with its status"),
    FLAG("synchronize-panes", OPTION_WINDOW, "off", "keys typed go to every pane of the window"),
    STR("window-status-current-format", OPTION_WINDOW, "#I:#W#{?window_flags,#{window_flags}, }", "the current window in the status line"),
    STR("window-status-format", OPTION_WINDOW, "#I:#W#{?window_flags,#{window_flags}, }", "a window in the status line"),
    {NULL, OPTION_SERVER, OPTION_FLAG, NULL, 0, 0, NULL, NULL},
};
