/* test_key_bindings.c - end-to-end: tmux 3.3a's default bindings pressed in a client:
 * C-b < and C-b > open tmux's window and pane menus and their items act; copy mode's vi
 * keys (g, V, Enter) copy a whole line with its newline; C-b , prompts as tmux does;
 * C-b / describes a key on the status line. A user's binding of several commands (bind
 * with "\;" on the command line, or one string of them) runs every one. */
#include "pane_checks.h"

/* Waits until display -p FORMAT (for session s) prints want. */
static bool wait_display(struct tmx_env *env, const char *format, const char *want)
{
    char expect[256];
    snprintf(expect, sizeof expect, "%s\n", want);
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        char *out = NULL;
        assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s", format, NULL), 0);
        bool same = strcmp(out, expect) == 0;
        free(out);
        if (same)
            return true;
        sleep_ms(20);
    }
    return false;
}

static void test_default_menus(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    /* C-b <: the window menu; "New At End" (W) makes a window. */
    client_keys(c, KEY_PREFIX "<");
    assert_true(client_poll_text(c, "New At End", E2E_TIMEOUT));
    assert_true(client_screen_contains(c, "Swap Left"));
    client_keys(c, "W");
    assert_true(wait_display(env, "#{session_windows}", "2"));
    /* C-b >: the pane menu; "Horizontal Split" (h) splits the pane. */
    client_keys(c, KEY_PREFIX ">");
    assert_true(client_poll_text(c, "Horizontal Split", E2E_TIMEOUT));
    client_keys(c, "h");
    assert_true(wait_display(env, "#{window_panes}", "2"));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

static void test_vi_copy_keys_and_prompt(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "printf 'first line\\nsecond\\n'; exec cat", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "mode-keys", "vi", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(client_poll_text(c, "second", E2E_TIMEOUT));
    /* g: history-top; V: select-line; Enter: copy-pipe-and-cancel. */
    client_keys(c, KEY_PREFIX "[");
    assert_true(client_wait_row(c, 0, "[0/0]", E2E_TIMEOUT));
    client_keys(c, "gV\r");
    char *out = NULL;
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT; sleep_ms(20)) {
        free(out);
        out = NULL;
        if (tmx_run(env, &out, NULL, "save-buffer", "-", NULL) == 0 &&
            strcmp(out, "first line\n") == 0)
            break;
    }
    assert_string_equal(out, "first line\n");
    free(out);
    assert_true(wait_display(env, "#{pane_in_mode}", "0"));
    /* C-b ,: tmux's prompt, named after the command, the window's name in it. */
    client_keys(c, KEY_PREFIX ",");
    assert_true(client_wait_row(c, -1, "(rename-window)", E2E_TIMEOUT));
    client_keys(c, "\003"); /* C-c cancels */
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        client_pump(c, 20);
        if (!client_screen_contains(c, "(rename-window)"))
            break;
    }
    /* C-b /: describe a key, on the status line (command-prompt -k: the key pressed is
     * the answer, no Enter). */
    client_keys(c, KEY_PREFIX "/");
    assert_true(client_wait_row(c, -1, "key", E2E_TIMEOUT));
    client_keys(c, "c");
    assert_true(client_wait_row(c, -1, "C-b c Create a new window", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

static void test_bindings_of_several_commands(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    /* As typed in a shell: tmx bind X rename-window one \; split-window -d */
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "X", "rename-window", "one", ";",
                             "split-window", "-d", NULL), 0);
    client_keys(c, KEY_PREFIX "X");
    assert_true(wait_display(env, "#{window_name} #{window_panes}", "one 2"));
    /* One string of commands, as a config line's quoted argument gives it. */
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "Y", "rename-window three ; split-window -d",
                             NULL), 0);
    client_keys(c, KEY_PREFIX "Y");
    assert_true(wait_display(env, "#{window_name} #{window_panes}", "three 3"));
}

/* A server started with new -d has tmux's default tables at its first use of them,
 * whichever it is: an unbind -a (prefix table only, as tmux) acts on the defaults, and
 * list-keys shows them. */
static void test_default_tables_are_there_at_the_first_use(void **state)
{
    struct tmx_env *env = *state;
    char *out = NULL;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "unbind-key", "-a", NULL), 0);
    assert_int_equal(tmx_run(env, &out, NULL, "list-keys", NULL), 0);
    assert_int_equal(count_lines(out), 255 - 85); /* root, copy-mode, copy-mode-vi */
    assert_null(strstr(out, "-T prefix"));
    free(out);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, &out, NULL, "list-keys", "-T", "prefix", NULL), 0);
    assert_int_equal(count_lines(out), 85);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_default_menus, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_vi_copy_keys_and_prompt, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_bindings_of_several_commands, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_default_tables_are_there_at_the_first_use, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
