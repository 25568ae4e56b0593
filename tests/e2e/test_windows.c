/* test_windows.c - end-to-end: windows handled through the prefix key (C-b) from an
 * attached client: create, switch, rename, kill, and windows closing when their program
 * exits. What the user sees is checked on the status line (the '*' current-window marker,
 * '-' for the last window) and in the panes' output. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Attaches an 80x24 client to a new session "s"; returns once the status line is up. */
static struct pty_client *attach_s(struct tmx_env *env)
{
    struct pty_client *c;

    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(client_wait_window_flag(c, 0, '*', E2E_TIMEOUT));
    return c;
}

/* Number of windows in session s, from list-windows. */
static int window_count(struct tmx_env *env)
{
    char *out;
    int n;

    assert_int_equal(tmx_run(env, &out, NULL, "list-windows", "-t", "s", NULL), 0);
    n = count_lines(out);
    free(out);
    return n;
}

/* Waits until session s has n windows. */
static bool wait_window_count(struct tmx_env *env, int n)
{
    for (int i = 0; i < E2E_TIMEOUT / 50; i++) {
        if (window_count(env) == n)
            return true;
        sleep_ms(50);
    }
    fprintf(stderr, "e2e: session s never had %d windows (has %d)\n", n, window_count(env));
    return false;
}

/* Creates window 1 with C-b c and waits until it is current. */
static void new_window(struct pty_client *c)
{
    client_keys(c, KEY_PREFIX "c");
    assert_true(client_wait_window_flag(c, 1, '*', E2E_TIMEOUT));
    assert_int_equal(client_window_flag(c, 0), '-');
}

/* C-b c, n, p, 0, l: the current window changes and its output is what is shown. */
static void test_prefix_create_and_switch(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);

    client_type(c, "echo w0-$((0+100))\r");
    assert_screen(c, "w0-100");

    new_window(c);
    assert_int_equal(window_count(env), 2);
    client_type(c, "echo w1-$((1+100))\r");
    assert_screen(c, "w1-101");
    assert_false(client_screen_contains(c, "w0-100"));
    assert_capture(env, "s", "w1-101");

    /* next-window wraps around to 0 */
    client_keys(c, KEY_PREFIX "n");
    assert_true(client_wait_window_flag(c, 0, '*', E2E_TIMEOUT));
    assert_int_equal(client_window_flag(c, 1), '-');
    assert_screen(c, "w0-100");
    assert_false(client_screen_contains(c, "w1-101"));
    assert_capture(env, "s", "w0-100");

    client_keys(c, KEY_PREFIX "p");
    assert_true(client_wait_window_flag(c, 1, '*', E2E_TIMEOUT));
    assert_screen(c, "w1-101");

    client_keys(c, KEY_PREFIX "0");
    assert_true(client_wait_window_flag(c, 0, '*', E2E_TIMEOUT));
    assert_screen(c, "w0-100");

    /* last-window goes back to 1 */
    client_keys(c, KEY_PREFIX "l");
    assert_true(client_wait_window_flag(c, 1, '*', E2E_TIMEOUT));
    assert_screen(c, "w1-101");
    assert_capture(env, "s", "w1-101");
}

/* C-b , opens a prompt holding the current name; C-u clears it, Enter renames. */
static void test_prefix_rename_window(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    char *out;

    client_keys(c, KEY_PREFIX ",");
    assert_true(client_wait_row(c, -1, "(rename-window)", E2E_TIMEOUT));
    client_keys(c, "\x15" "renamed-w\r");
    assert_true(client_wait_row(c, -1, "0:renamed-w*", E2E_TIMEOUT));

    assert_int_equal(tmx_run(env, &out, NULL, "list-windows", "-t", "s", NULL), 0);
    assert_non_null(strstr(out, "0: renamed-w"));
    free(out);
}

/* C-b & asks for confirmation; y kills the current window. */
static void test_prefix_kill_window(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);

    new_window(c);
    client_keys(c, KEY_PREFIX "&");
    assert_true(client_wait_row(c, -1, "(y/n)", E2E_TIMEOUT));
    client_keys(c, "y");
    assert_true(wait_window_count(env, 1));
    assert_true(client_wait_window_flag(c, 0, '*', E2E_TIMEOUT));
    assert_int_equal(client_window_flag(c, 1), 0);
}

/* A window whose program exits closes; the client shows the remaining one. */
static void test_exited_window_closes(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);

    new_window(c);
    client_type(c, "exit\r");
    assert_true(wait_window_count(env, 1));
    assert_true(client_wait_window_flag(c, 0, '*', E2E_TIMEOUT));
    assert_int_equal(client_window_flag(c, 1), 0);

    /* The same for a window started with a command from the command line. */
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:",
                             "sh -c 'read line; exit 3'", NULL), 0);
    assert_int_equal(window_count(env), 2);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:1", "Enter", NULL), 0);
    assert_true(wait_window_count(env, 1));
}

/* When the last window's program exits the session ends and the client exits, saying
 * "[exited]" and leaving the terminal as it found it. */
static void test_last_window_exit_ends_client(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);

    client_type(c, "exit\r");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_output_contains(c, "[exited]"));
    assert_true(client_termios_restored(c));
    assert_int_not_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_prefix_create_and_switch, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_prefix_rename_window, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_prefix_kill_window, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_exited_window_closes, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_last_window_exit_ends_client, e2e_setup,
                                        e2e_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
