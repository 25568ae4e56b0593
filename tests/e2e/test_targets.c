/* test_targets.c - end-to-end: targets that need an attached client, which the compat
 * cases cannot give: switch-client -t session:window.pane and -n/-p in tmux's session
 * order (by name), attach-session without -t preferring a session nobody shows, and a
 * client's tty naming its session. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

/* The session an attached client shows (list-clients has one line per client). */
static char *client_sessions(struct tmx_env *env)
{
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-clients", "-F", "#{client_session}", NULL), 0);
    return out;
}

static struct pty_client *attach(struct tmx_env *env, const char *session)
{
    struct pty_client *c = session != NULL ? client_start(env, 80, 24, "attach", "-t", session, NULL)
                                           : client_start(env, 80, 24, "attach", NULL);
    return c;
}

/* switch-client -t a:two.1 shows session a, its window two and that window's pane 1. */
static void test_switch_client_to_a_window_and_pane(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "a", "-n", "one", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "a:", "-n", "two", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-d", "-t", "a:two", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "b", "-n", "bw", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "J", "switch-client", "-t", "a:two.1",
                             NULL), 0);
    struct pty_client *c = attach(env, "b");
    assert_true(client_wait_row(c, -1, "[b]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "J");
    assert_true(client_wait_row(c, -1, "[a]", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "a:",
                             "#{window_name}.#{pane_index}", NULL), 0);
    assert_string_equal(out, "two.1\n");
    free(out);
    out = client_sessions(env);
    assert_string_equal(out, "a\n");
    free(out);
}

/* switch-client -n and -p go through the sessions by name, wrapping around. */
static void test_switch_client_next_and_previous_by_name(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "cc", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "aa", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "bb", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "J", "switch-client", "-n", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "K", "switch-client", "-p", NULL), 0);
    struct pty_client *c = attach(env, "aa");
    assert_true(client_wait_row(c, -1, "[aa]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "J");
    assert_true(client_wait_row(c, -1, "[bb]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "J");
    assert_true(client_wait_row(c, -1, "[cc]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "J");
    assert_true(client_wait_row(c, -1, "[aa]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "K");
    assert_true(client_wait_row(c, -1, "[cc]", E2E_TIMEOUT));
}

/* attach without -t: the most recently used session no client shows yet. */
static void test_attach_prefers_an_unattached_session(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "old", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "new", NULL), 0);
    struct pty_client *first = attach(env, NULL);
    assert_true(client_wait_row(first, -1, "[new]", E2E_TIMEOUT));
    struct pty_client *second = attach(env, NULL);
    assert_true(client_wait_row(second, -1, "[old]", E2E_TIMEOUT));
}

/* A client's tty names the session it shows (with or without /dev/). */
static void test_a_client_tty_names_its_session(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "shown", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "other", NULL), 0);
    struct pty_client *c = attach(env, "shown");
    assert_true(client_wait_row(c, -1, "[shown]", E2E_TIMEOUT));
    char *tty = NULL;
    assert_int_equal(tmx_run(env, &tty, NULL, "list-clients", "-F", "#{client_tty}", NULL), 0);
    tty[strcspn(tty, "\n")] = '\0';
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", tty, "#{session_name}", NULL), 0);
    assert_string_equal(out, "shown\n");
    free(out);
    if (strncmp(tty, "/dev/", 5) == 0) {
        assert_int_equal(tmx_run(env, &out, NULL, "has-session", "-t", tty + 5, NULL), 0);
        free(out);
    }
    free(tty);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_switch_client_to_a_window_and_pane, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_switch_client_next_and_previous_by_name, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_attach_prefers_an_unattached_session, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_client_tty_names_its_session, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
