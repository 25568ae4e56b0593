/* test_format_jobs.c - end-to-end: #(command) in the status line, as tmux runs it: the
 * output shows once the command has run, a changed output shows at the next
 * status-interval, and a slow command never holds the server up; and the client_*
 * variables of an attached client. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The last line of the command's output shows in the status line, as tmux. */
static void test_status_line_shows_a_commands_last_line(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right",
                             "<#(echo first; echo second)>", NULL),
                     0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "<second>", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* A command whose output changes is run again every status-interval. */
static void test_status_interval_runs_the_command_again(void **state)
{
    struct tmx_env *env = *state;
    char path[512], cmd[700];
    snprintf(path, sizeof path, "%s/job.txt", getenv("HOME"));
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("one\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "[#(cat %s)]", path);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-interval", "1", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right", cmd, NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[one]", E2E_TIMEOUT));
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("two\n", f);
    fclose(f);
    assert_true(client_wait_row(c, -1, "[two]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* A command that takes long runs in the background: commands are answered at once. */
static void test_a_slow_command_does_not_block_the_server(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right", "#(sleep 3; echo late)",
                             NULL),
                     0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    /* The server's own time to answer (not the loaded machine's wait for a CPU): a server
     * waiting for the job would take its 3 s. */
    long long ms = e2e_server_command_ms(env, server_pid(env, "s"), "display", "-p", "-t", "s",
                                         "#{session_name}", NULL);
    if (ms >= 2000)
        fail_msg("the server took %lld ms to answer while the job ran", ms);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s", "#{session_name}", NULL), 0);
    assert_string_equal(out, "s\n");
    free(out);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* client_* variables in the status line of an attached client, as tmux fills them. */
static void test_status_line_shows_client_variables(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right",
                             "<#{client_width}x#{client_height} #{client_key_table}"
                             " #{client_prefix}#{client_readonly}#{client_utf8}"
                             " #{client_session} #{==:#{client_uid},#{uid}}>",
                             NULL),
                     0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "<80x24 root 001 s 1>", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_status_line_shows_a_commands_last_line, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_status_interval_runs_the_command_again, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_slow_command_does_not_block_the_server, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_status_line_shows_client_variables, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
