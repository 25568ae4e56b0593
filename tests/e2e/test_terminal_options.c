/* test_terminal_options.c - end-to-end: the options about the user's terminal that act
 * on what a client reads and writes: user-keys (a sequence becomes the key UserN a
 * binding can take), assume-paste-time (keys coming together are a paste: no bindings)
 * and terminal-overrides (applied to the client's terminfo entry). */
#include "pane_checks.h"

#include <stdlib.h>

static void reader(struct tmx_env *env)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-n", "w",
                             "stty raw -echo; printf READY; exec cat -v", NULL), 0);
    assert_true(wait_capture(env, "s:0", "READY", E2E_TIMEOUT));
}

static void test_user_keys_are_bindable(void **state)
{
    struct tmx_env *env = *state;
    reader(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "user-keys[0]", "\033[99~", ";",
                             "set", "-s", "user-keys[1]", "\033Ox", ";",
                             "bind", "-n", "User0", "rename-window", "user0", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    client_type(c, "\033[99~");
    assert_true(wait_run_output(env, "user0", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#W", NULL));
    /* An unbound user key types nothing; the bytes around it reach the pane. */
    client_type(c, "a\033Oxb");
    assert_true(wait_capture(env, "s:0", "READYab", E2E_TIMEOUT));
}

static void test_assume_paste_time(void **state)
{
    struct tmx_env *env = *state;
    reader(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "-n", "z", "rename-window", "bound",
                             NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    /* Typed alone, z runs its binding. */
    client_keys(c, "z");
    assert_true(wait_run_output(env, "bound", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#W", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "rename-window", "-t", "s:0", "w", NULL), 0);
    /* In one write after a (as a paste comes): within 1 ms, so the pane has it. */
    client_type(c, "az");
    assert_true(wait_capture(env, "s:0", "READYaz", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s", "#W", NULL), 0);
    assert_string_equal(out, "w\n");
    free(out);
    /* assume-paste-time 0: every key is looked up. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "assume-paste-time", "0", NULL), 0);
    client_type(c, "bz");
    assert_true(wait_run_output(env, "bound", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#W", NULL));
    assert_true(wait_capture(env, "s:0", "READYazb", E2E_TIMEOUT));
    assert_false(client_screen_contains(c, "azbz"));
}

static void test_terminal_overrides_change_the_clients_terminal(void **state)
{
    struct tmx_env *env = *state;
    unsetenv("COLORTERM");
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s",
                             "printf '\\033[4 q\\033[38;2;10;20;30mRGB\\033[m'; exec cat", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-as", "terminal-overrides",
                             ",vt100:Ss=NO,xterm*:Tc:Ss=\\E[%p1%dXq", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(client_wait_text(c, "RGB", E2E_TIMEOUT));
    /* Tc: direct colour as the program sent it; Ss: the cursor style through the
     * overriding string (\E is ESC); the vt100 entry did not match. */
    assert_true(client_output_contains(c, "38;2;10;20;30"));
    assert_true(client_output_contains(c, "\033[4Xq"));
    assert_false(client_output_contains(c, "NO"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_user_keys_are_bindable, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_assume_paste_time, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_terminal_overrides_change_the_clients_terminal,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
