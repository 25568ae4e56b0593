/* test_sessions.c - end-to-end: sessions driven from the command line only (no attached
 * client): new -d, ls, has-session, capture-pane, kill-session, kill-server, send-keys.
 *
 * Shell commands typed into panes print their marker through arithmetic expansion
 * (echo abc-$((1+1)) prints "abc-2"), so the typed command line itself never matches. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

/* new -d, ls, has-session, capture-pane, kill-session, kill-server. */
static void test_session_lifecycle(void **state)
{
    struct tmx_env *env = *state;
    char *out, *err;

    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "flask", "-x", "120", "-y", "40",
                             "sh -c \"echo hello-flask; exec sh\"", NULL), 0);

    assert_int_equal(tmx_run(env, &out, NULL, "ls", NULL), 0);
    assert_true(strncmp(out, "flask: 1 windows (created ", 26) == 0);
    free(out);

    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "flask", NULL), 0);
    assert_int_not_equal(tmx_run(env, NULL, &err, "has-session", "-t", "nope", NULL), 0);
    assert_true(strlen(err) > 0);
    free(err);

    assert_capture(env, "flask", "hello-flask");

    assert_int_equal(tmx_run(env, NULL, NULL, "kill-session", "-t", "flask", NULL), 0);
    assert_int_not_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "flask", NULL), 0);

    /* Another session keeps the server alive; kill-server ends it. */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "other", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    assert_int_not_equal(tmx_run(env, NULL, &err, "ls", NULL), 0);
    assert_true(strlen(err) > 0);
    free(err);
}

/* The session size given with -x/-y is what the pane's program sees. */
static void test_session_size(void **state)
{
    struct tmx_env *env = *state;

    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "120", "-y", "40",
                             NULL), 0);
    /* The status line is only drawn on clients: a detached session's pane is full size. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "stty size; echo sz-$((1+1))",
                             "Enter", NULL), 0);
    assert_capture(env, "s", "sz-2");
    assert_capture(env, "s", "40 120");
}

/* Killing the last session ends the server. */
static void test_last_session_killed_ends_server(void **state)
{
    struct tmx_env *env = *state;

    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "only", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-session", "-t", "only", NULL), 0);
    assert_true(wait_run_output(env, "only", false, E2E_TIMEOUT, "ls", NULL));
    assert_int_not_equal(tmx_run(env, NULL, NULL, "ls", NULL), 0);
}

/* send-keys: key names, -l literal text, C-c interrupting a foreground job. */
static void test_send_keys(void **state)
{
    struct tmx_env *env = *state;

    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);

    /* 'Enter' is a key name: the command runs. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "echo abc-$((1+1))", "Enter",
                             NULL), 0);
    assert_capture(env, "s", "abc-2");

    /* -l: every argument is literal text, key names included. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-l",
                             "echo literal text-$((2+3)) Enter C-c", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "Enter", NULL), 0);
    assert_capture(env, "s", "literal text-5 Enter C-c");

    /* C-c interrupts a long sleep; the shell then runs the next command at once. The
     * "sleeping" line is printed by the child itself, so the sleep has started. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s",
                             "sh -c 'echo sleep\"\"ing; exec sleep 100'", "Enter", NULL), 0);
    assert_capture(env, "s", "sleeping");
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "C-c", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "echo after-$((3*3))",
                             "Enter", NULL), 0);
    assert_capture(env, "s", "after-9");
}

/* update-environment: a new session takes the listed variables from the client that
 * made it (a name as it is, a pattern by fnmatch), and a listed one the client lacks
 * is marked removed; a longer name that merely starts with a listed one is not taken. */
static void test_update_environment_takes_the_listed_variables(void **state)
{
    struct tmx_env *env = *state;

    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "first", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "update-environment",
                             "TMXT_ONE TMXT_G* TMXT_MISSING", NULL), 0);
    setenv("TMXT_ONE", "1", 1);
    setenv("TMXT_ONEX", "9", 1);
    setenv("TMXT_GA", "2", 1);
    unsetenv("TMXT_MISSING");
    int rc = tmx_run(env, NULL, NULL, "new", "-d", "-s", "second", NULL);
    unsetenv("TMXT_ONE");
    unsetenv("TMXT_ONEX");
    unsetenv("TMXT_GA");
    assert_int_equal(rc, 0);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "show-environment", "-t", "second", NULL), 0);
    assert_non_null(strstr(out, "TMXT_ONE=1\n"));
    assert_non_null(strstr(out, "TMXT_GA=2\n"));
    assert_non_null(strstr(out, "-TMXT_MISSING\n"));
    assert_null(strstr(out, "TMXT_ONEX"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_session_lifecycle, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_session_size, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_last_session_killed_ends_server, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_send_keys, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_update_environment_takes_the_listed_variables,
                                        e2e_setup, e2e_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
