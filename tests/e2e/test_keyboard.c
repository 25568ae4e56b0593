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

/* The kitty keyboard protocol with legacy keys (as a terminal without the protocol
 * sends them): the pane pushes flags and asks for them (its reply comes back as its
 * input), and the keys reach it in the protocol's forms, made up by tmx. */
static void test_kitty_keys_synthesised_from_a_legacy_terminal(void **state)
{
    struct tmx_env *env = *state;
    reader_window(env, "s:0", "\\033[>1u\\033[?u", true);
    reader_window(env, "s:1", "", false);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s:0", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(client_output_contains(c, "\033[?u")); /* tmx asked the terminal */
    /* The reply is the pane's input (cat -v shows it after READY). */
    assert_true(wait_capture(env, "s:0", "READY^[[?1u", E2E_TIMEOUT));
    /* C-a, Escape (alone, after escape-time), x, Enter, C-Up, F5. */
    client_type(c, "\001");
    client_type(c, "\033");
    assert_true(wait_capture(env, "s:0", "READY^[[?1u^[[97;5u^[[27u", E2E_TIMEOUT));
    client_type(c, "x\033[1;5A\033[15~");
    assert_true(wait_capture(env, "s:0", "READY^[[?1u^[[97;5u^[[27ux^[[1;5A^[[15~", E2E_TIMEOUT));
    /* send-keys encodes for the pane too: S-Enter has bytes in the protocol. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0", "S-Enter", "C-a", NULL), 0);
    assert_true(wait_capture(env, "s:0", "^[[15~^[[13;2u^[[97;5u", E2E_TIMEOUT));
    /* A legacy pane beside it: legacy bytes. */
    assert_int_equal(tmx_run(env, NULL, NULL, "select-window", "-t", "s:1", NULL), 0);
    client_type(c, "\001y");
    assert_true(wait_capture(env, "s:1", "READY^Ay", E2E_TIMEOUT));
}

/* From a terminal that speaks it (it answers CSI ? u): tmx pushes every flag there and
 * passes each pane the events in the form that pane asked for: releases only to a pane
 * that asked for event types, text as text, legacy bytes to a legacy pane. */
static void test_kitty_keys_fed_from_a_kitty_terminal(void **state)
{
    struct tmx_env *env = *state;
    reader_window(env, "s:0", "\\033[>3u", true);
    reader_window(env, "s:1", "\\033[>1u", false);
    reader_window(env, "s:2", "", false);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s:0", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(client_output_contains(c, "\033[?u"));
    client_type(c, "\033[?0u"); /* the terminal's answer */
    for (long t0 = now_ms(); now_ms() - t0 < E2E_TIMEOUT && !client_output_contains(c, "\033[>31u");)
        client_pump(c, 20);
    assert_true(client_output_contains(c, "\033[>31u"));
    /* What a kitty terminal with flags 31 sends: C-a press and release, x as text with
     * its release, Escape, Shift+1 with its text. */
    const char *keys = "\033[97;5u\033[97;5:3u\033[120;;120u\033[120;1:3u\033[27u"
                       "\033[49:33;2;33u\033[49:33;2:3;33u";
    client_type(c, keys);
    assert_true(wait_capture(env, "s:0", "READY^[[97;5u^[[97;5:3ux^[[27u!", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "select-window", "-t", "s:1", NULL), 0);
    client_type(c, keys);
    assert_true(wait_capture(env, "s:1", "READY^[[97;5ux^[[27u!", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "select-window", "-t", "s:2", NULL), 0);
    client_type(c, keys);
    assert_true(wait_capture(env, "s:2", "READY^Ax^[!", E2E_TIMEOUT));
    /* The prefix key came as CSI u too: C-b c opens a window. */
    client_type(c, "\033[98;5u");
    assert_true(wait_run_output(env, "1", true, E2E_TIMEOUT, "list-clients", "-F",
                                "#{client_prefix}", NULL));
    client_type(c, "\033[99u");
    assert_true(wait_run_output(env, "4", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{session_windows}", NULL));
}

/* extended-keys-format (tmux 3.5): csi-u (tmx's default, tmux 3.3a's form) or xterm's
 * CSI 27 ; modifier ; key ~, for typed keys and send-keys alike. */
static void test_extended_keys_format(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no such option */
    reader_window(env, "s:0", "\\033[>4;1m", true);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s:0", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0", "C-S-a", NULL), 0);
    assert_true(wait_capture(env, "s:0", "READY^[[65;6u", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "extended-keys-format", "xterm", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0", "C-S-a", NULL), 0);
    client_type(c, "\033[49;5u"); /* C-1 from the terminal */
    assert_true(wait_capture(env, "s:0", "READY^[[65;6u^[[27;6;65~^[[27;5;49~", E2E_TIMEOUT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_extended_keys_from_the_terminal_reach_the_pane,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_extended_keys_format, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_kitty_keys_synthesised_from_a_legacy_terminal,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_kitty_keys_fed_from_a_kitty_terminal,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
