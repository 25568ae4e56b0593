/* test_view_mode.c - end-to-end: tmux's view-mode as a user sees it. What a command run
 * from a key (C-b ?, a run-shell binding) or the command prompt prints, and a startup
 * config's errors at the first attach, show in the client's pane in view-mode
 * (#{pane_mode}): the status line stays, the position indicator is at the top right,
 * later output goes below the earlier, and q gives the pane's screen back. Passes
 * against tmux 3.3a too (TMX_BIN=/usr/bin/tmux). */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool pane_mode_is(struct tmx_env *env, const char *mode)
{
    char want[64];
    snprintf(want, sizeof want, "[%s]", mode);
    return wait_run_output(env, want, true, 5000, "display", "-p", "[#{pane_mode}]", NULL);
}

/* A key bound to run-shell: its output in the pane's view mode, a second run below the
 * first, q leaves and the program's screen shows again. */
static void test_run_shell_from_a_key(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = client_start(env, 80, 24, "new", "-s", "v", NULL);
    assert_true(client_wait_text(c, "[v]", 5000));
    client_type(c, "echo before-$((6*7))\r");
    assert_true(client_wait_text(c, "before-42", 5000));
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "r", "run-shell",
                             "echo first-$((2*3)); echo second-$((2*4))", NULL),
                     0);
    client_keys(c, "\002r");
    assert_true(client_wait_row(c, 0, "first-6", 5000));
    assert_true(client_wait_row(c, 1, "second-8", 5000));
    assert_true(client_wait_row(c, 0, "[0/0]", 5000));
    assert_true(client_wait_row(c, 23, "[v]", 5000)); /* the status line stays */
    assert_false(client_screen_contains(c, "before-42"));
    assert_true(pane_mode_is(env, "view-mode"));
    client_keys(c, "\002r");
    assert_true(client_wait_row(c, 3, "second-8", 5000));
    client_keys(c, "q");
    assert_true(pane_mode_is(env, ""));
    assert_true(client_wait_text(c, "before-42", 5000));
    assert_false(client_screen_contains(c, "first-6"));
}

/* C-b ? (list-keys -N) shows the key list in view mode; copy-mode keys move in it. */
static void test_key_list_in_view_mode(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = client_start(env, 80, 24, "new", "-s", "v", NULL);
    assert_true(client_wait_text(c, "[v]", 5000));
    client_keys(c, "\002?");
    assert_true(client_wait_text(c, "Send the prefix key", 5000));
    assert_true(pane_mode_is(env, "view-mode"));
    client_keys(c, "q");
    assert_true(pane_mode_is(env, ""));
    assert_false(client_screen_contains(c, "Send the prefix key"));
}

/* What a command typed at the prompt prints goes to the view mode too. */
static void test_prompt_output_in_view_mode(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = client_start(env, 80, 24, "new", "-s", "v", NULL);
    assert_true(client_wait_text(c, "[v]", 5000));
    client_keys(c, "\002:");
    assert_true(client_wait_text(c, ":", 2000));
    client_type(c, "display -p 'shown-#{session_name}'\r");
    assert_true(client_wait_row(c, 0, "shown-v", 5000));
    assert_true(pane_mode_is(env, "view-mode"));
}

/* A startup config's errors are shown in view mode when the first client attaches;
 * the good lines are applied. */
static void test_config_errors_at_first_attach(void **state)
{
    struct tmx_env *env = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/errors.conf", getenv("HOME"));
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("set -g status-left CONFIGURED\nset -g no-such-option 1\n", f);
    fclose(f);
    const char *argv[] = {env_bin(env), "-L", env_socket_name(env), "-f", path, "new", NULL};
    struct pty_client *c = pty_start(env, 100, 24, argv);
    assert_true(client_wait_row(c, 0, "errors.conf:2: invalid option: no-such-option", 5000));
    assert_true(pane_mode_is(env, "view-mode"));
    assert_true(client_wait_row(c, 23, "CONFIGURED", 5000));
    client_keys(c, "q");
    assert_true(pane_mode_is(env, ""));
    /* Shown once: a second client does not see them. */
    struct pty_client *c2 = client_start(env, 100, 24, "attach", NULL);
    assert_true(client_wait_row(c2, 23, "CONFIGURED", 5000));
    assert_true(pane_mode_is(env, ""));
    assert_false(client_screen_contains(c2, "no-such-option"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_run_shell_from_a_key, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_key_list_in_view_mode, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_prompt_output_in_view_mode, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_config_errors_at_first_attach, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
