/* test_option_effects.c - end-to-end: options whose effect only an attached client sees,
 * each checked on the screen as tmux 3.3a draws it: status-format (the status line drawn
 * from its formats: align, the list, fill, the second line of status 2), status-keys vi
 * (the prompt's vi keys, message-command-style), popup-style, -border-style and
 * -border-lines, prompt-history-limit, cursor-style and cursor-colour (what the terminal
 * is sent), fill-character, copy-mode-current-match-style, -match-style, -mark-style
 * (and a regular expression's matches). */
#include "harness.h"

#include "vt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct pty_client *attach_s(struct tmx_env *env)
{
    if (tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL) != 0)
        assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

static void detach(struct pty_client *c)
{
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* Waits until row y (negative: from the bottom) is exactly want, trailing blanks aside. */
static bool wait_row_is(struct pty_client *c, int y, const char *want)
{
    for (int i = 0; i < 200; i++) {
        const char *row = client_screen_row(c, y);
        size_t len = strlen(row);
        while (len > 0 && row[len - 1] == ' ')
            len--;
        if (len == strlen(want) && strncmp(row, want, len) == 0)
            return true;
        client_pump(c, 50);
    }
    fprintf(stderr, "row %d is not '%s'\n", y, want);
    client_dump(c);
    return false;
}

/* Waits until the client's terminal shows the cursor (visible) or hides it: the frame
 * that draws a message hides it at its end, so the text can arrive a read before. */
static bool wait_cursor_visible(struct pty_client *c, bool visible)
{
    for (int i = 0; i < 200; i++) {
        if (((vt_modes(client_vt(c)) & VT_MODE_CURSOR_VISIBLE) != 0) == visible)
            return true;
        client_pump(c, 20);
    }
    return false;
}

/* status-format[0] replaces the status line: its text, placed by #[align=...]. */
static void test_status_format_draws_the_line(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-format[0]",
                             "#[align=right]R-#{session_name}#[align=left]L-#{window_index}"
                             "#[align=centre]mid",
                             NULL), 0);
    char want[81];
    memset(want, ' ', 80);
    want[80] = '\0';
    memcpy(want, "L-0", 3);
    memcpy(want + 40 - 1, "mid", 3);
    memcpy(want + 77, "R-s", 3);
    assert_true(wait_row_is(c, -1, want));
    /* Reset, the default line is back. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-gu", "status-format", NULL), 0);
    assert_true(client_wait_row(c, -1, "[s] 0:", E2E_TIMEOUT));
    detach(c);
}

/* A status-format line with a window list too long for the line keeps the current
 * window in sight between the list's markers; #[fill=COLOUR] fills the line's blanks. */
static void test_status_format_list_and_fill(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-n", "zero", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "automatic-rename", "off", NULL), 0);
    for (int i = 1; i <= 15; i++) {
        char name[32];
        snprintf(name, sizeof name, "window%d", i);
        assert_int_equal(tmx_run(env, NULL, NULL, "neww", "-d", "-n", name, NULL), 0);
    }
    assert_int_equal(tmx_run(env, NULL, NULL, "selectw", "-t", "s:7", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right", "R", NULL), 0);
    struct pty_client *c = attach_s(env);
    char *deflt = NULL;
    assert_int_equal(tmx_run(env, &deflt, NULL, "show", "-gv", "status-format[0]", NULL), 0);
    deflt[strcspn(deflt, "\n")] = '\0';
    size_t size = strlen(deflt) + sizeof "#[default]";
    char *fmt = malloc(size);
    assert_non_null(fmt);
    snprintf(fmt, size, "%s#[default]", deflt);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-format[0]", fmt, NULL), 0);
    assert_true(wait_row_is(c, -1, "[s] <window4  5:window5  6:window6  7:window7* 8:window8  "
                                   "9:window9  10:window>R"));
    free(fmt);
    free(deflt);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-format[0]",
                             "x#[fill=red]#[align=centre]cc", NULL), 0);
    assert_true(wait_row_is(c, -1, "x                                      cc"));
    const uint32_t red = COLOUR_PALETTE | 1;
    bool ok = false;
    for (int i = 0; i < 100 && !ok; i++) {
        const struct vt *vt = client_vt(c);
        ok = vt_cell(vt, 20, 23)->bg == red && vt_cell(vt, 79, 23)->bg == red &&
             vt_cell(vt, 0, 23)->bg != red;
        if (!ok)
            client_pump(c, 50);
    }
    assert_true(ok);
    detach(c);
}

/* A message's styles (#[fg=red]) are drawn over message-style, as tmux draws them (tmx
 * printed the markup as text). */
static void test_message_styles(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "display-time", "0", ";",
                             "display-message", "#[fg=red]red #[default]plain", NULL), 0);
    assert_true(wait_row_is(c, -1, "red plain"));
    const struct vt *vt = client_vt(c);
    assert_int_equal(vt_cell(vt, 0, 23)->fg, COLOUR_PALETTE | 1);
    assert_int_equal(vt_cell(vt, 0, 23)->bg, COLOUR_PALETTE | 3); /* message-style's */
    assert_int_equal(vt_cell(vt, 4, 23)->fg, COLOUR_PALETTE | 0);
    assert_true(wait_cursor_visible(c, false)); /* hidden while it shows */
    assert_true(client_screen_row(c, -1)[0] == 'r'); /* and it still shows */
    client_keys(c, "x"); /* the message goes, the cursor comes back */
    assert_true(wait_cursor_visible(c, true));
    detach(c);
}

/* status 2: two status lines, the second from status-format[1] (by default the panes
 * and their sizes, centred); the window is one row shorter. */
static void test_status_two_lines(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status", "2", NULL), 0);
    assert_true(client_wait_row(c, -1, "0[80x22]", E2E_TIMEOUT));
    assert_true(client_wait_row(c, -2, "[s] 0:", E2E_TIMEOUT));
    assert_true(wait_run_output(env, "22", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{pane_height}", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-format[1]", "two #S", NULL), 0);
    assert_true(wait_row_is(c, -1, "two s"));
    /* At the top, line 0 is the first row and line 1 the second. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-position", "top", NULL), 0);
    assert_true(client_wait_row(c, 0, "[s] 0:", E2E_TIMEOUT));
    assert_true(wait_row_is(c, 1, "two s"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status", "on", NULL), 0);
    assert_true(wait_run_output(env, "23", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{pane_height}", NULL));
    detach(c);
}

/* The background of the cell at (x, y) becomes bg. */
static bool wait_cell_bg(struct pty_client *c, int x, int y, uint32_t bg)
{
    for (int i = 0; i < 200; i++) {
        if (vt_cell(client_vt(c), x, y)->bg == bg)
            return true;
        client_pump(c, 50);
    }
    client_dump(c);
    return false;
}

/* status-keys vi: the prompt starts in insert mode (message-style); Escape goes to
 * command mode (message-command-style), where h moves left, x deletes, i inserts again
 * and Enter runs. With emacs keys (the default) Escape cancels. */
static void test_status_keys_vi(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    const uint32_t yellow = COLOUR_PALETTE | 3, black = COLOUR_PALETTE | 0;
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "escape-time", "0", NULL), 0);
    client_keys(c, KEY_PREFIX ":rename-window abc");
    assert_true(client_wait_row(c, -1, ":rename-window abc", E2E_TIMEOUT));
    client_keys(c, "\x1b");
    assert_true(client_wait_row(c, -1, "[s] 0:", E2E_TIMEOUT));

    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-keys", "vi", NULL), 0);
    client_keys(c, KEY_PREFIX ":rename-window abc");
    assert_true(client_wait_row(c, -1, ":rename-window abc", E2E_TIMEOUT));
    assert_true(wait_cell_bg(c, 0, 23, yellow));
    client_keys(c, "\x1b");
    assert_true(wait_cell_bg(c, 0, 23, black));
    client_keys(c, "hhx");
    assert_true(wait_row_is(c, -1, ":rename-window ac"));
    client_keys(c, "0x");
    assert_true(wait_row_is(c, -1, ":ename-window ac"));
    client_keys(c, "ir");
    assert_true(wait_row_is(c, -1, ":rename-window ac"));
    assert_true(wait_cell_bg(c, 0, 23, yellow));
    client_keys(c, "\x1b");
    assert_true(wait_cell_bg(c, 0, 23, black)); /* Escape alone, or Escape Enter is M-Enter */
    client_keys(c, "\r");
    assert_true(wait_run_output(env, "ac", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{window_name}", NULL));
    detach(c);
}

/* popup-border-lines, popup-border-style and popup-style: the box and the inside of a
 * popup, as display-popup draws it. */
static void test_popup_options(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "popup-border-lines", "double", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "popup-border-style", "fg=green", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "popup-style", "bg=blue", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "P", "display-popup", "-E", "-w", "20", "-h",
                             "5", "echo in-popup; read x", NULL), 0);
    client_keys(c, KEY_PREFIX "P");
    /* 20x5, centred: columns 29 to 48, rows 8 to 12. */
    assert_true(client_wait_row(c, 8, "                             ╔══════════════════╗",
                                E2E_TIMEOUT));
    assert_true(client_wait_row(c, 9, "                             ║in-popup", E2E_TIMEOUT));
    const struct vt *vt = client_vt(c);
    assert_int_equal(vt_cell(vt, 29, 8)->fg, COLOUR_PALETTE | 2);
    assert_int_equal(vt_cell(vt, 45, 10)->bg, COLOUR_PALETTE | 4);
    client_keys(c, "\r");
    for (int i = 0; i < 200 && client_screen_contains(c, "in-popup"); i++)
        client_pump(c, 50);
    assert_false(client_screen_contains(c, "in-popup"));
    detach(c);
}

/* prompt-history-limit: the prompt keeps that many entries. */
static void test_prompt_history_limit(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "prompt-history-limit", "2", NULL), 0);
    const char *const entries[] = {"set @a 1", "set @b 2", "set @c 3"};
    for (size_t i = 0; i < 3; i++) {
        client_keys(c, KEY_PREFIX ":");
        assert_true(client_wait_row(c, -1, ":", E2E_TIMEOUT));
        client_keys(c, entries[i]);
        client_keys(c, "\r");
        char var[8], value[8];
        snprintf(var, sizeof var, "@%c", "abc"[i]);
        snprintf(value, sizeof value, "%c", "123"[i]);
        assert_true(wait_run_output(env, value, true, E2E_TIMEOUT, "show", "-v", "-t", "s",
                                    var, NULL));
    }
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "show-prompt-history", "-T", "command", NULL), 0);
    assert_string_equal(out, "History for command:\n\n1: set @b 2\n2: set @c 3\n\n");
    free(out);
    detach(c);
}

/* Waits until the client's terminal has been sent needle (raw bytes). */
static bool wait_output(struct pty_client *c, const char *needle)
{
    for (int i = 0; i < 200; i++) {
        if (client_output_contains(c, needle))
            return true;
        client_pump(c, 50);
    }
    size_t len;
    const char *out = client_output(c, &len);
    fprintf(stderr, "never sent: ");
    for (const char *q = needle; *q; q++)
        fprintf(stderr, (unsigned char)*q < 0x20 ? "^%c" : "%c", (unsigned char)*q < 0x20 ? *q + 64 : *q);
    fprintf(stderr, "\nlast bytes: ");
    for (size_t i = len > 300 ? len - 300 : 0; i < len; i++)
        fprintf(stderr, (unsigned char)out[i] < 0x20 ? "^%c" : "%c",
                (unsigned char)out[i] < 0x20 ? out[i] + 64 : out[i]);
    fprintf(stderr, "\n");
    return false;
}

/* cursor-style and cursor-colour: the outer terminal's cursor is set with its terminfo
 * Ss (DECSCUSR) and Cs (OSC 12, an rgb: colour), and put back (Cr) when unset. */
static void test_cursor_options(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "cursor-style", "bar", NULL), 0);
    assert_true(wait_output(c, "\033[6 q"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "cursor-colour", "red", NULL), 0);
    assert_true(wait_output(c, "\033]12;rgb:80/00/00\007"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "cursor-colour", "#ff8000", NULL), 0);
    assert_true(wait_output(c, "\033]12;rgb:ff/80/00\007"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-gu", "cursor-colour", NULL), 0);
    assert_true(wait_output(c, "\033]112\007"));
    detach(c);
}

/* fill-character: what fills the part of a larger client's screen that the window
 * (sized by a smaller client) does not cover. */
static void test_fill_character(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "window-size", "smallest", NULL), 0);
    struct pty_client *big = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(big, -1, "[s]", E2E_TIMEOUT));
    struct pty_client *small = client_start(env, 40, 10, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(small, -1, "[s]", E2E_TIMEOUT));
    assert_true(client_wait_row(big, 20, "····", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "fill-character", "x", NULL), 0);
    char xs[81];
    memset(xs, 'x', 80);
    xs[80] = '\0';
    assert_true(wait_row_is(big, 20, xs));
    assert_true(client_wait_row(big, 0, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", E2E_TIMEOUT));
    detach(small);
    detach(big);
}

/* copy-mode-current-match-style (the match a search went to), copy-mode-match-style
 * (the others) and copy-mode-mark-style (the line of set-mark, its column reversed). */
static void test_copy_mode_styles(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s",
                             "printf 'xx alpha yy alpha\\nplain line\\n'; cat", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_text(c, "plain line", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", "-t", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "search-backward",
                             "alpha", NULL), 0);
    const uint32_t cyan = COLOUR_PALETTE | 6, magenta = COLOUR_PALETTE | 5,
                   red = COLOUR_PALETTE | 1, black = COLOUR_PALETTE | 0;
    assert_true(wait_cell_bg(c, 12, 0, magenta));
    assert_true(wait_cell_bg(c, 3, 0, cyan));
    assert_int_equal(vt_cell(client_vt(c), 16, 0)->bg, magenta);
    assert_int_equal(vt_cell(client_vt(c), 0, 0)->bg, COLOUR_DEFAULT);
    /* The mark on the second line, at column 4. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "clear-search", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "cursor-down", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "start-of-line",
                             NULL), 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "cursor-right",
                                 NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "set-mark", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "cursor-up", NULL), 0);
    assert_true(wait_cell_bg(c, 0, 1, red));
    assert_int_equal(vt_cell(client_vt(c), 70, 1)->bg, red);
    assert_int_equal(vt_cell(client_vt(c), 4, 1)->bg, black);
    assert_int_equal(vt_cell(client_vt(c), 4, 1)->fg, red);
    assert_int_equal(vt_cell(client_vt(c), 0, 2)->bg, COLOUR_DEFAULT);
    detach(c);
}

/* A regular expression's matches as tmux 3.3a draws them: each match on its own (of
 * "123", [0-9] finds three; only the current one, the one just before the cursor with
 * emacs keys, in copy-mode-current-match-style), a match that runs over a wrapped line
 * marked on both rows, and how many the history holds before the position. */
static void test_copy_mode_regex_marks(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "printf 'three 123 four 45\\n%078dabcd\\n' 0; cat", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_text(c, "three", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", "-t", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "history-top", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "search-forward",
                             "[0-9]", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "search-again", NULL),
                     0);
    const uint32_t cyan = COLOUR_PALETTE | 6, magenta = COLOUR_PALETTE | 5;
    assert_true(wait_cell_bg(c, 7, 0, magenta));
    assert_int_equal(vt_cell(client_vt(c), 6, 0)->bg, cyan);
    assert_int_equal(vt_cell(client_vt(c), 8, 0)->bg, cyan);
    assert_int_equal(vt_cell(client_vt(c), 15, 0)->bg, cyan);
    assert_int_equal(vt_cell(client_vt(c), 5, 0)->bg, COLOUR_DEFAULT);
    /* b at the end of row 1, c at the start of row 2: one match over both */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-X", "search-forward",
                             "b.?c", NULL), 0);
    assert_true(wait_cell_bg(c, 79, 1, magenta));
    assert_int_equal(vt_cell(client_vt(c), 0, 2)->bg, magenta);
    assert_true(client_wait_row(c, 0, "(1 results) [0/0]", E2E_TIMEOUT));
    detach(c);
}

/* message-line (tmux 3.4): with a status line of 3 lines (rows 21 to 23), messages and
 * the prompt go on the last line at its default (tmux 3.3a's place) and on line 1 (row
 * 22) once set to 1; a line past the last is the last. */
static void test_message_line(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no such option */
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status", "3", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "display-message", "-d", "0", "first-msg", NULL),
                     0);
    assert_true(client_wait_row(c, 23, "first-msg", E2E_TIMEOUT));
    client_keys(c, "x");
    assert_true(client_wait_row(c, 21, "[s] 0:", E2E_TIMEOUT));

    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "message-line", "1", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "display-message", "-d", "0", "second-msg", NULL),
                     0);
    assert_true(client_wait_row(c, 22, "second-msg", E2E_TIMEOUT));
    assert_null(strstr(client_screen_row(c, 23), "second-msg"));
    client_keys(c, "x");
    client_keys(c, KEY_PREFIX ":");
    assert_true(wait_row_is(c, 22, ":"));
    client_keys(c, "\x1b");

    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "message-line", "4", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "display-message", "-d", "0", "third-msg", NULL),
                     0);
    assert_true(client_wait_row(c, 23, "third-msg", E2E_TIMEOUT));
    detach(c);
}

/* prefix-timeout (tmux 3.5): a prefix key with nothing after it for that long lapses,
 * and the next key is an ordinary key for the pane; a key in time is still the prefix's. */
static void test_prefix_timeout(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no such option */
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "prefix-timeout", "200", NULL), 0);
    /* In time: C-b c makes a window. */
    client_keys(c, KEY_PREFIX "c");
    assert_true(wait_run_output(env, "2", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{session_windows}", NULL));
    /* Past the timeout (the wait is the behaviour under test): the 'e' that follows is
     * typed into the shell, which runs the line. */
    client_keys(c, KEY_PREFIX);
    sleep_ms(400);
    client_keys(c, "echo lapsed-$((40+2))\r");
    assert_true(client_wait_text(c, "lapsed-42", E2E_TIMEOUT));
    detach(c);
}

/* allow-set-title (newer tmux): off, a program's OSC 2 leaves the pane title as it was;
 * on (the default), it sets it. */
static void test_allow_set_title(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no such option */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "allow-set-title", "off", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-n", "a",
                             "printf '\\033]2;blocked-title\\033\\\\'; printf DONE; exec cat",
                             NULL), 0);
    assert_true(wait_capture(env, "s:a", "DONE", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s:a", "#{pane_title}", NULL),
                     0);
    assert_null(strstr(out, "blocked-title"));
    free(out);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "allow-set-title", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-n", "b",
                             "printf '\\033]2;allowed-title\\033\\\\'; printf DONE; exec cat",
                             NULL), 0);
    assert_true(wait_run_output(env, "allowed-title", true, E2E_TIMEOUT, "display", "-p", "-t",
                                "s:b", "#{pane_title}", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_status_format_draws_the_line, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_status_format_list_and_fill, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_status_two_lines, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_message_styles, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_status_keys_vi, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_popup_options, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_prompt_history_limit, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_cursor_options, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_fill_character, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_copy_mode_styles, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_copy_mode_regex_marks, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_message_line, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_prefix_timeout, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_allow_set_title, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
