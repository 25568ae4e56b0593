/* test_commands.c - end-to-end: the commands of tmux 3.3a that act on an attached client,
 * seen from that client: the prompt history (show-prompt-history after typing at the :
 * prompt), the message log (show-messages), lock-client (the client runs lock-command and
 * comes back), choose-client (Enter detaches the chosen client) and customize-mode. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Attaches an 80x24 client to a new session "s"; returns once the status line is up. */
static struct pty_client *attach_s(struct tmx_env *env)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "sleep 1000", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

/* Types a command at the : prompt and waits for the window name it sets. */
static void prompt_rename(struct pty_client *c, const char *name)
{
    char line[128];
    client_keys(c, KEY_PREFIX ":");
    assert_true(client_wait_row(c, -1, ":", E2E_TIMEOUT));
    snprintf(line, sizeof line, "rename-window %s\r", name);
    client_keys(c, line);
    snprintf(line, sizeof line, "0:%s*", name);
    assert_true(client_wait_row(c, -1, line, E2E_TIMEOUT));
}

/* What is entered at the : prompt is kept in the command history, by type. */
static void test_prompt_history(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    prompt_rename(c, "first");
    prompt_rename(c, "second");
    char *out;
    assert_int_equal(tmx_run(env, &out, NULL, "show-prompt-history", "-T", "command", NULL), 0);
    assert_string_equal(out, "History for command:\n\n1: rename-window first\n"
                             "2: rename-window second\n\n");
    free(out);
    assert_int_equal(tmx_run(env, &out, NULL, "showphist", "-T", "search", NULL), 0);
    assert_string_equal(out, "History for search:\n\n\n");
    free(out);
    assert_int_equal(tmx_run(env, NULL, NULL, "clear-prompt-history", "-T", "command", NULL), 0);
    assert_int_equal(tmx_run(env, &out, NULL, "showphist", "-T", "command", NULL), 0);
    assert_string_equal(out, "History for command:\n\n\n");
    free(out);
}

/* Commands typed at the prompt and messages shown to the client are in the log. */
static void test_message_log(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    prompt_rename(c, "logged");
    client_keys(c, KEY_PREFIX ":");
    assert_true(client_wait_row(c, -1, ":", E2E_TIMEOUT));
    client_keys(c, "no-such-command\r");
    assert_true(client_wait_row(c, -1, "Unknown command", E2E_TIMEOUT));
    char *out;
    assert_int_equal(tmx_run(env, &out, NULL, "show-messages", NULL), 0);
    /* As tmux says it: the key that opened the prompt, then the command. */
    assert_non_null(strstr(out, " key :: rename-window logged\n"));
    assert_non_null(strstr(out, " key :: command-prompt\n"));
    assert_non_null(strstr(out, " message: Unknown command: no-such-command"));
    /* Newest first: the show-messages itself heads the list. */
    assert_non_null(strstr(out, " command: show-messages\n"));
    assert_true(strstr(out, "show-messages") < strstr(out, "rename-window logged"));
    free(out);
}

/* lock-client: the client gives its terminal to lock-command and shows the session
 * again when it exits. */
static void test_lock_client(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    if (tmx_run(env, NULL, NULL, "set", "-g", "lock-command", "echo locked-now", NULL) != 0) {
        /* Without the option (not in tmx's table yet) the default, lock -np, runs. */
    }
    assert_int_equal(tmx_run(env, NULL, NULL, "lock-client", NULL), 0);
    /* Back: the status line is drawn again and the client still attached. */
    client_keys(c, KEY_PREFIX ":");
    assert_true(client_wait_row(c, -1, ":", E2E_TIMEOUT));
    client_keys(c, "rename-window back\r");
    assert_true(client_wait_row(c, -1, "0:back*", E2E_TIMEOUT));
    char *out;
    assert_int_equal(tmx_run(env, &out, NULL, "list-clients", NULL), 0);
    assert_int_equal(count_lines(out), 1);
    free(out);
}

/* choose-client lists the client; Enter runs detach-client -t on it. */
static void test_choose_client_detaches(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "choose-client", NULL), 0);
    assert_true(wait_run_output(env, "client-mode", true, E2E_TIMEOUT, "display", "-p",
                                "#{pane_mode}", NULL));
    client_keys(c, "\r");
    assert_true(client_wait_exit(c, E2E_TIMEOUT) >= 0);
    assert_true(client_output_contains(c, "[detached (from session s)]"));
}

/* customize-mode shows the options and key bindings; q leaves it. */
static void test_customize_mode(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "customize-mode", NULL), 0);
    assert_true(client_wait_text(c, "Server Options", E2E_TIMEOUT));
    client_keys(c, "q");
    assert_true(wait_run_output(env, "[]", true, E2E_TIMEOUT, "display", "-p", "[#{pane_mode}]",
                                NULL));
}

/* In customize-mode, Enter on an option asks for its value on the status line and sets
 * it (tmx's list: the first row is the Server Options title, then backspace, then
 * buffer-limit). */
static void test_customize_mode_sets_a_value(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux's customize-mode is a tree with other rows */
    struct pty_client *c = attach_s(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "customize-mode", NULL), 0);
    assert_true(client_wait_text(c, "Server Options", E2E_TIMEOUT));
    client_type(c, "\033[B");
    client_type(c, "\033[B");
    client_keys(c, "\r");
    assert_true(client_wait_text(c, "(value)", E2E_TIMEOUT));
    client_type(c, "7");
    client_keys(c, "\r");
    assert_true(wait_run_output(env, "7", true, E2E_TIMEOUT, "show", "-sv", "buffer-limit", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_prompt_history, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_message_log, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_lock_client, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_choose_client_detaches, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_customize_mode, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_customize_mode_sets_a_value, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
