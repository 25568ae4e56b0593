/* test_vt_passthrough.c - end-to-end: what a pane's program sends for the outer
 * terminal (DCS tmux; ... ST, allow-passthrough, as tmux 3.3a) reaches an attached
 * client's terminal only when the option is on, with the doubled ESCs made single; and
 * pane-colours answers the program's OSC 4 queries. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A session whose shell waits for us; a client attached to it. */
static struct pty_client *attach_session(struct tmx_env *env)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "exec sh", NULL),
                     0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

static void test_passthrough_reaches_the_terminal_only_when_allowed(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_session(env);
    /* Off (the default): the wrapped sequence is dropped; the text after it shows. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s",
                             "printf '\\033Ptmux;\\033\\033]1337;e2e-one\\007\\033\\\\'; "
                             "echo first-done", "Enter", NULL),
                     0);
    assert_true(client_wait_text(c, "first-done", E2E_TIMEOUT));
    assert_false(client_output_contains(c, "\033]1337;e2e-one"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-p", "-t", "s", "allow-passthrough",
                             "on", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s",
                             "printf '\\033Ptmux;\\033\\033]1337;e2e-two\\007\\033\\\\'; "
                             "echo second-done", "Enter", NULL),
                     0);
    assert_true(client_wait_text(c, "second-done", E2E_TIMEOUT));
    for (int i = 0; i < 100 && !client_output_contains(c, "\033]1337;e2e-two\007"); i++)
        client_pump(c, 50);
    assert_true(client_output_contains(c, "\033]1337;e2e-two\007"));
    assert_false(client_output_contains(c, "\033Ptmux"));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* pane-colours[1] is what OSC 4 ; 1 ; ? answers (tmux 3.3a's answer leaves the
 * index out: tmx answers as xterm). */
static void test_pane_colours_answer_palette_queries(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip();
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "exec sh", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "pane-colours[1]", "#aabbcc", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s",
                             "stty raw -echo; printf '\\033]4;1;?\\007'; "
                             "head -c 25 | od -An -c | tr -d ' \\n'; stty sane; echo",
                             "Enter", NULL),
                     0);
    assert_true(wait_capture(env, "s", "033]4;1;rgb:aaaa/bbbb/cccc\\a", E2E_TIMEOUT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_passthrough_reaches_the_terminal_only_when_allowed,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pane_colours_answer_palette_queries, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
