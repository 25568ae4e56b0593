/* test_options.c - end-to-end: options a user sees working: status off gives the pane
 * the whole terminal, a mouse click on the status line selects a window, read-only
 * clients type nothing, renumber-windows closes gaps, destroy-unattached ends a session
 * with its last client, bind -r repeats without the prefix. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct pty_client *attach_s(struct tmx_env *env, const char *flag)
{
    if (tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL) != 0)
        assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *c = flag != NULL ? client_start(env, 80, 24, "attach", flag, "-t", "s", NULL)
                                        : client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

static void test_status_off_gives_the_pane_every_row(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status", "off", NULL), 0);
    for (int i = 0; i < 100 && !client_poll_text(c, "24 80", 100); i++)
        client_type(c, "stty size\r");
    assert_true(client_wait_text(c, "24 80", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status", "on", NULL), 0);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

static void test_mouse_click_on_the_status_line_selects_the_window(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "mouse", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:1", "-n", "other", NULL), 0);
    assert_true(client_wait_row(c, -1, "1:other", E2E_TIMEOUT));
    /* Where is "1:other" on the last row? Click there (SGR report, 1-based). */
    const char *row = client_screen_row(c, -1);
    const char *at = strstr(row, "1:other");
    assert_non_null(at);
    char click[64];
    snprintf(click, sizeof click, "\033[<0;%d;24M\033[<0;%d;24m", (int)(at - row) + 2,
             (int)(at - row) + 2);
    client_type(c, click);
    assert_true(client_wait_row(c, -1, "1:other*", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

static void test_read_only_client_types_nothing_but_can_detach(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux -r lets some commands through that tmx refuses */
    struct pty_client *c = attach_s(env, "-r");
    client_type(c, "echo should-not-run\r");
    client_keys(c, KEY_PREFIX "c");
    sleep_ms(300);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    assert_null(strstr(out, "should-not-run"));
    free(out);
    assert_int_equal(tmx_run(env, &out, NULL, "list-windows", "-t", "s", NULL), 0);
    assert_int_equal(count_lines(out), 1);
    free(out);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

static void test_renumber_windows_closes_gaps(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "renumber-windows", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-window", "-t", "s:1", NULL), 0);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-windows", "-t", "s", "-F", "#{window_index}", NULL), 0);
    assert_string_equal(out, "0\n1\n");
    free(out);
}

static void test_destroy_unattached_ends_the_session_with_its_last_client(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "keep", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "s", "destroy-unattached", "on", NULL), 0);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(wait_run_output(env, "s:", false, E2E_TIMEOUT, "ls", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "keep", NULL), 0);
}

static void test_repeatable_binding_needs_the_prefix_once(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "-r", "N", "new-window", "-d", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "repeat-time", "2000", NULL), 0);
    client_keys(c, KEY_PREFIX "NN");
    assert_true(wait_run_output(env, "2:", true, E2E_TIMEOUT, "list-windows", "-t", "s", NULL));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* allow-rename: a program names its window with ESC k name ESC \\ (and without the
 * option the sequence is swallowed, never printed). */
static void test_allow_rename_lets_a_program_name_its_window(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "allow-rename", "on", NULL), 1);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s",
                             WAIT_FOR_GO "printf '\\033kbuilder\\033\\\\'; echo shown; exec sleep 60",
                             NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "allow-rename", "on", NULL), 0);
    /* The program names its window only now that the option is on. */
    env_go(env);
    assert_true(wait_run_output(env, "builder", true, E2E_TIMEOUT, "list-windows", "-t", "s",
                                "-F", "#{window_name}", NULL));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    assert_non_null(strstr(out, "shown"));
    assert_null(strstr(out, "builder"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_status_off_gives_the_pane_every_row, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_mouse_click_on_the_status_line_selects_the_window,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_read_only_client_types_nothing_but_can_detach,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_renumber_windows_closes_gaps, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_destroy_unattached_ends_the_session_with_its_last_client,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_repeatable_binding_needs_the_prefix_once, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_allow_rename_lets_a_program_name_its_window,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
