/* test_copy_mode.c - end-to-end: copy mode from an attached client as a user drives it.
 * A pane prints numbered lines; C-b [ shows the position indicator, a search (C-r in
 * emacs keys, ? in vi keys) finds a line in the history, it is selected and copied, and
 * the copy is the newest buffer (show-buffer) and pastes into a window running cat.
 * The view stays on its text while the pane prints more; the mouse wheel scrolls and a
 * drag copies. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Window 0 prints "line 1".."line 200", then prints "more 1".."more N" for each N
 * it reads (no echo); window 1 runs cat. */
#define LINES_CMD \
    "stty -echo; seq -f 'line %g' 1 200; while read n; do seq -f 'more %g' 1 \"$n\"; done"

static struct pty_client *attach_numbered(struct tmx_env *env)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", LINES_CMD, NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:1", "cat", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_screen(c, "line 200");
    return c;
}

/* The newest buffer holds exactly want: show-buffer prints it as it is (as tmux),
 * list-buffers gives its size. */
static void assert_buffer(struct tmx_env *env, const char *want)
{
    char *out = NULL, expect[256];
    assert_int_equal(tmx_run(env, &out, NULL, "show-buffer", NULL), 0);
    assert_string_equal(out, want);
    free(out);
    assert_int_equal(tmx_run(env, &out, NULL, "list-buffers", "-F", "#{buffer_size}", NULL), 0);
    snprintf(expect, sizeof expect, "%zu\n", strlen(want));
    assert_string_equal(out, expect);
    free(out);
}

/* Paste the newest buffer into window 1 (cat) and see it there. */
static void paste_into_cat(struct tmx_env *env, struct pty_client *c, const char *text)
{
    client_keys(c, KEY_PREFIX "1");
    assert_true(client_wait_window_flag(c, 1, '*', E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "]");
    assert_screen(c, text);
    assert_capture(env, "s:1", text);
}

static void test_emacs_search_select_copy_and_paste(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_numbered(env);
    /* 201 lines (the last one empty) on 23 rows: 178 in the history. */
    client_keys(c, KEY_PREFIX "[");
    assert_true(client_wait_row(c, 0, "[0/178]", E2E_TIMEOUT));
    client_keys(c, "\x12"); /* C-r */
    assert_true(client_wait_row(c, -1, "(search up)", E2E_TIMEOUT));
    client_type(c, "line 57");
    client_keys(c, "\r");
    /* As tmux, the match is shown a quarter of the height (23 / 4 rows) above the bottom
     * (row 18): line 57 is the 57th line. */
    assert_true(client_wait_row(c, 0, "[140/178]", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 18, "line 57", E2E_TIMEOUT));
    client_keys(c, "\x01");  /* C-a */
    client_key_nul(c);       /* C-Space */
    client_keys(c, "\x05");  /* C-e */
    client_type(c, "\033w"); /* M-w: copy and leave */
    assert_true(client_wait_row(c, -3, "line 200", E2E_TIMEOUT));
    assert_false(client_screen_contains(c, "/178]"));
    assert_buffer(env, "line 57");
    paste_into_cat(env, c, "line 57");
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

static void test_vi_search_select_line_copy_and_paste(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_numbered(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "mode-keys", "vi", NULL), 0);
    client_keys(c, KEY_PREFIX "[");
    assert_true(client_wait_row(c, 0, "[0/178]", E2E_TIMEOUT));
    client_keys(c, "?");
    assert_true(client_wait_row(c, -1, "(search up)", E2E_TIMEOUT));
    client_type(c, "line 142");
    client_keys(c, "\r");
    assert_true(client_wait_row(c, 18, "line 142", E2E_TIMEOUT));
    /* Not found: a message, the view stays. */
    client_keys(c, "/");
    assert_true(client_wait_row(c, -1, "(search down)", E2E_TIMEOUT));
    client_type(c, "nowhere");
    client_keys(c, "\r");
    assert_true(client_wait_row(c, -1, "\"nowhere\" not found", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 18, "line 142", E2E_TIMEOUT));
    /* V selects the line, j extends it a line, Enter copies and leaves. */
    client_keys(c, "Vj\r");
    assert_true(client_wait_row(c, -3, "line 200", E2E_TIMEOUT));
    assert_buffer(env, "line 142\nline 143\n"); /* whole lines, as tmux: with the newline */
    char *keys = NULL;
    assert_int_equal(tmx_run(env, &keys, NULL, "list-keys", "-T", "copy-mode-vi", "V", NULL), 0);
    assert_non_null(strstr(keys, "copy-mode-vi V"));
    assert_non_null(strstr(keys, "send-keys -X select-line"));
    assert_int_equal(count_lines(keys), 1);
    free(keys);
    paste_into_cat(env, c, "line 143");
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* The view does not move while the pane prints: only the offset grows. */
static void test_view_stays_while_the_pane_prints(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_numbered(env);
    client_keys(c, KEY_PREFIX);
    client_type(c, "\033[5~"); /* PgUp: copy-mode -u */
    assert_true(client_wait_row(c, 0, "[21/178]", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 1, "line 159", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s:0", "#{pane_in_mode}", NULL), 0);
    assert_string_equal(out, "1\n");
    free(out);
    /* (send-keys would go to copy mode's key table, as in tmux: pipe-pane -I types.) */
    assert_int_equal(tmx_run(env, NULL, NULL, "pipe-pane", "-I", "-t", "s:0", "echo 5", NULL), 0);
    assert_true(client_wait_row(c, 0, "[26/183]", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 1, "line 159", E2E_TIMEOUT));
    /* The program really printed (capture shows the pane's own screen). */
    assert_capture(env, "s:0", "more 5");
    assert_false(client_screen_contains(c, "more 5"));
    /* Commands from the command line work too; q leaves. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0", "-X", "history-top", NULL), 0);
    assert_true(client_wait_row(c, 0, "[183/183]", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 0, "line 1", E2E_TIMEOUT));
    client_keys(c, "q");
    assert_true(client_wait_row(c, -3, "more 5", E2E_TIMEOUT));
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "send-keys", "-t", "s:0", "-X", "cursor-up", NULL), 1);
    assert_non_null(strstr(err, "not in a mode"));
    free(err);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* Wait until the file at path holds exactly want. */
static bool wait_file(const char *path, const char *want)
{
    for (int i = 0; i < E2E_TIMEOUT / 50; i++) {
        FILE *f = fopen(path, "r");
        if (f != NULL) {
            char buf[256] = "";
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            buf[n] = '\0';
            fclose(f);
            if (strcmp(buf, want) == 0)
                return true;
        }
        sleep_ms(50);
    }
    return false;
}

/* copy-pipe-and-cancel CMD: the selection is copied and is CMD's stdin; Enter (vi) and
 * M-w (emacs) pipe to copy-command when it is set, as tmux's defaults do. */
static void test_copy_pipe_feeds_a_command(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_numbered(env);
    char path[512], cmd[600];
    snprintf(path, sizeof path, "%s/piped.txt", getenv("HOME"));
    snprintf(cmd, sizeof cmd, "cat > '%s'", path);

    client_keys(c, KEY_PREFIX "[");
    assert_true(client_wait_row(c, 0, "[0/178]", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0", "-X", "search-backward",
                             "line 57", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0", "-X", "select-line", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0", "-X",
                             "copy-pipe-and-cancel", cmd, NULL), 0);
    /* emacs keys: as tmux, a whole line without its newline */
    assert_true(wait_file(path, "line 57"));
    assert_false(client_screen_contains(c, "/178]")); /* left copy mode */
    assert_buffer(env, "line 57");

    /* The default key, with copy-command set. */
    snprintf(cmd, sizeof cmd, "cat > '%s.2'", path);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "copy-command", cmd, NULL), 0);
    client_keys(c, KEY_PREFIX "[");
    assert_true(client_wait_row(c, 0, "[0/178]", E2E_TIMEOUT));
    client_keys(c, "\x10");  /* C-p: up to "line 200" (its end, as tmux: the cursor was at
                                 the end of its empty line) */
    client_keys(c, "\x01");  /* C-a: start of the line */
    client_key_nul(c);       /* C-Space */
    client_keys(c, "\x05");  /* C-e */
    client_type(c, "\033w"); /* M-w */
    char path2[600];
    snprintf(path2, sizeof path2, "%s.2", path);
    assert_true(wait_file(path2, "line 200"));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "show-buffer", NULL), 0); /* the newest */
    assert_string_equal(out, "line 200");
    free(out);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

static void test_mouse_wheel_scrolls_and_drag_copies(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_numbered(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "mouse", "on", NULL), 0);
    client_type(c, "\033[<64;10;10M");
    assert_true(client_wait_row(c, 0, "[5/178]", E2E_TIMEOUT));
    client_type(c, "\033[<64;10;10M");
    assert_true(client_wait_row(c, 0, "[10/178]", E2E_TIMEOUT));
    client_type(c, "\033[<65;10;10M\033[<65;10;10M"); /* back at the bottom: leaves */
    assert_true(client_wait_row(c, -3, "line 200", E2E_TIMEOUT));
    assert_false(client_screen_contains(c, "/178]"));
    /* Row 12 (1-based) shows "line 190": drag over "ne 19" and let go. */
    assert_true(client_wait_row(c, 11, "line 190", E2E_TIMEOUT));
    client_type(c, "\033[<0;3;12M");
    client_type(c, "\033[<32;5;12M");
    client_type(c, "\033[<32;8;12M");
    assert_true(client_wait_row(c, 0, "[0/178]", E2E_TIMEOUT));
    client_type(c, "\033[<0;8;12m");
    assert_true(wait_run_output(env, "ne 19", true, E2E_TIMEOUT, "show-buffer", NULL));
    assert_buffer(env, "ne 19");
    assert_true(client_wait_row(c, 0, "line 179", E2E_TIMEOUT));
    assert_false(client_screen_contains(c, "/178]"));

    /* The end of a drag runs MouseDragEnd1Pane of the mode's table: bound to a pipe, the
     * selection goes to the command; unbound, the selection stays. */
    char path[512], cmd[600];
    snprintf(path, sizeof path, "%s/dragged.txt", getenv("HOME"));
    snprintf(cmd, sizeof cmd, "cat > '%s'", path);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "-T", "copy-mode", "MouseDragEnd1Pane",
                             "send-keys", "-X", "copy-pipe-and-cancel", cmd, NULL), 0);
    client_type(c, "\033[<0;3;12M");
    client_type(c, "\033[<32;5;12M");
    client_type(c, "\033[<32;7;12M");
    assert_true(client_wait_row(c, 0, "[0/178]", E2E_TIMEOUT));
    client_type(c, "\033[<0;7;12m");
    assert_true(wait_file(path, "ne 1"));
    assert_true(client_wait_row(c, 0, "line 179", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "unbind", "-T", "copy-mode", "MouseDragEnd1Pane",
                             NULL), 0);
    client_type(c, "\033[<0;3;12M");
    client_type(c, "\033[<32;5;12M");
    client_type(c, "\033[<0;5;12m");
    assert_true(client_wait_row(c, 0, "[0/178]", E2E_TIMEOUT));
    client_keys(c, "q");
    assert_true(client_wait_row(c, 0, "line 179", E2E_TIMEOUT));
    /* The wheel in copy mode runs WheelUpPane of its table: one line, rebound so. */
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "-T", "copy-mode", "WheelUpPane",
                             "send-keys", "-X", "-N", "1", "scroll-up", NULL), 0);
    client_type(c, "\033[<64;10;10M");
    assert_true(client_wait_row(c, 0, "[5/178]", E2E_TIMEOUT));
    client_type(c, "\033[<64;10;10M");
    assert_true(client_wait_row(c, 0, "[6/178]", E2E_TIMEOUT));
    client_keys(c, "q");
    assert_true(client_wait_row(c, 0, "line 179", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* copy-mode -H: the view has no [offset/size] indicator; plain copy-mode has it. */
static void test_copy_mode_hides_the_position(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_numbered(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", "-H", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-X", "history-top", NULL), 0);
    /* The view is at the top (line 1, and line 23 on the last pane row) ... */
    assert_true(client_wait_row(c, 22, "line 23", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 0, "line 1", E2E_TIMEOUT));
    /* ... with no indicator, where copy-mode shows [178/178]. */
    assert_false(client_screen_contains(c, "/178]"));
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", "-q", NULL), 0);
    assert_true(client_wait_row(c, 0, "line 179", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", NULL), 0);
    assert_true(client_wait_row(c, 0, "[0/178]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* copy-mode-line-numbers (newer tmux): a column of numbers left of the text, in each of
 * its four ways; none in a copy mode the mouse wheel entered. */
static void test_copy_mode_line_numbers(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_numbered(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "copy-mode-line-numbers", "absolute",
                             NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", "-H", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-X", "history-top", NULL), 0);
    /* The oldest line is 1; 23 rows shown, so two digits and a blank. */
    assert_true(client_wait_row(c, 0, " 1 line 1", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 22, "23 line 23", E2E_TIMEOUT));
    /* The cursor (on the top row) moves down two lines: relative counts from it. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-X", "-N", "2", "cursor-down", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "copy-mode-line-numbers", "relative",
                             NULL), 0);
    assert_true(client_wait_row(c, 0, " 2 line 1", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 2, " 0 line 3", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 22, "20 line 23", E2E_TIMEOUT));
    /* hybrid: the cursor's line absolute, the others relative. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "copy-mode-line-numbers", "hybrid",
                             NULL), 0);
    assert_true(client_wait_row(c, 2, " 3 line 3", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 1, " 1 line 2", E2E_TIMEOUT));
    /* default: 0 the screen's top line, the history negative (capture-pane -S's). */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "copy-mode-line-numbers", "default",
                             NULL), 0);
    assert_true(client_wait_row(c, 0, "-178 line 1", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-X", "history-bottom", NULL), 0);
    assert_true(client_wait_row(c, 0, " 0 line 179", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 21, "21 line 200", E2E_TIMEOUT));
    /* Entered with the mouse wheel: no numbers. */
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", "-q", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "mouse", "on", NULL), 0);
    client_type(c, "\033[<64;10;10M");
    assert_true(client_wait_row(c, 0, "[5/178]", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 1, "line 175", E2E_TIMEOUT));
    assert_string_equal(client_screen_row(c, 1), "line 175");
    client_keys(c, "q");
    assert_true(client_wait_row(c, 0, "line 179", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_emacs_search_select_copy_and_paste, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_vi_search_select_line_copy_and_paste, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_view_stays_while_the_pane_prints, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_copy_pipe_feeds_a_command, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_mouse_wheel_scrolls_and_drag_copies, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_copy_mode_hides_the_position, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_copy_mode_line_numbers, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
