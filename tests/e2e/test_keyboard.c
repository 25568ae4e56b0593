/* test_keyboard.c - end-to-end: what a program in a pane receives for keys typed on a
 * real client terminal (a pty): tmux's extended keys (the pane asks with CSI > 4 ; 1 m,
 * the terminal sends CSI u or xterm's CSI 27 ; m ; k ~) and the terminal asked for
 * them (extkeys in terminal-features). Each pane runs `cat -v` in raw mode, so its
 * screen shows the bytes it read. */
#include "pane_checks.h"

/* A window running cat -v after writing init (printf's format) to its terminal. */
static void reader_window(struct tmx_env *env, const char *target, const char *init, bool first)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "printf '%s'; stty raw -echo; printf READY; exec cat -v", init);
    if (first)
        assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", cmd, NULL), 0);
    else
        assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", target, cmd, NULL), 0);
    assert_true(wait_capture(env, target, "READY", E2E_TIMEOUT));
}

static void test_extended_keys_from_the_terminal_reach_the_pane(void **state)
{
    struct tmx_env *env = *state;
    reader_window(env, "s:0", "\\033[>4;1m", true);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "extended-keys", "on", ";", "set",
                             "-as", "terminal-features", ",xterm*:extkeys", NULL), 0);
    reader_window(env, "s:1", "", false);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s:0", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    /* The terminal was asked for modifyOtherKeys (extkeys, extended-keys on). */
    assert_true(client_output_contains(c, "\033[>4;1m"));
    /* C-1 as CSI u, S-Enter as xterm's form, C-a legacy: the pane that asked gets the
     * CSI u forms tmux sends. */
    client_type(c, "\033[49;5u");
    client_type(c, "\033[27;2;13~");
    client_type(c, "\001x");
    assert_true(wait_capture(env, "s:0", "READY^[[49;5u^[[13;2u^Ax", E2E_TIMEOUT));
    /* A pane that did not ask: C-1 and S-Enter have no legacy bytes; C-a is ^A. */
    assert_int_equal(tmx_run(env, NULL, NULL, "select-window", "-t", "s:1", NULL), 0);
    client_type(c, "\033[49;5u");
    client_type(c, "\033[13;2u");
    client_type(c, "\001y");
    assert_true(wait_capture(env, "s:1", "READY^Ay", E2E_TIMEOUT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_extended_keys_from_the_terminal_reach_the_pane,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
