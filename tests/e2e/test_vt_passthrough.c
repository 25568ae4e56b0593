/* test_vt_passthrough.c - end-to-end: what a pane's program sends for the outer
 * terminal (DCS tmux; ... ST, allow-passthrough, as tmux 3.3a) reaches an attached
 * client's terminal only when the option is on, with the doubled ESCs made single;
 * pane-colours answers the program's OSC 4 queries; the directory a shell reports with
 * OSC 7 is where split-window starts the new pane; copy mode's prompt jumps and
 * select-last-output over a shell's OSC 133 marks. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A session whose shell waits for us; a client attached to it. */
static struct pty_client *attach_session(struct tmx_env *env)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "exec sh", NULL),
                     0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

static void test_passthrough_reaches_the_terminal_only_when_allowed(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_session(env);
    /* Off (the default): the wrapped sequence is dropped; the text after it shows. (The
     * waits are for the output, "first-done-3", which the typed line does not hold: its echo
     * shows before the printf has run, and the check after it would then prove nothing.) */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s",
                             "printf '\\033Ptmux;\\033\\033]1337;e2e-one\\007\\033\\\\'; "
                             "echo first-done-$((1*3))", "Enter", NULL),
                     0);
    assert_true(client_wait_text(c, "first-done-3", E2E_TIMEOUT));
    assert_false(client_output_contains(c, "\033]1337;e2e-one"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-p", "-t", "s", "allow-passthrough",
                             "on", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s",
                             "printf '\\033Ptmux;\\033\\033]1337;e2e-two\\007\\033\\\\'; "
                             "echo second-done-$((2*3))", "Enter", NULL),
                     0);
    assert_true(client_wait_text(c, "second-done-6", E2E_TIMEOUT));
    for (int i = 0; i < 100 && !client_output_contains(c, "\033]1337;e2e-two\007"); i++)
        client_pump(c, 50);
    assert_true(client_output_contains(c, "\033]1337;e2e-two\007"));
    assert_false(client_output_contains(c, "\033Ptmux"));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* pane-colours[1] is what OSC 4 ; 1 ; ? answers (tmux 3.3a's answer leaves the
 * index out: tmx answers as xterm). */
static void test_pane_colours_answer_palette_queries(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip();
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "exec sh", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "pane-colours[1]", "#aabbcc", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s",
                             "stty raw -echo; printf '\\033]4;1;?\\007'; "
                             "head -c 25 | od -An -c | tr -d ' \\n'; stty sane; echo",
                             "Enter", NULL),
                     0);
    assert_true(wait_capture(env, "s", "033]4;1;rgb:aaaa/bbbb/cccc\\a", E2E_TIMEOUT));
}

/* Split by the prefix's S key from an attached client, then the new pane's directory:
 * want. */
static void split_and_check(struct tmx_env *env, struct pty_client *c, const char *want)
{
    char *before = NULL, *out = NULL;
    assert_int_equal(tmx_run(env, &before, NULL, "list-panes", "-t", "s", "-F", "#{pane_id}",
                             NULL),
                     0);
    client_keys(c, KEY_PREFIX "S");
    char needle[32];
    snprintf(needle, sizeof needle, "%d", count_lines(before) + 1);
    assert_true(wait_run_output(env, needle, true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{window_panes}", NULL));
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s",
                             "#{pane_current_path}", NULL),
                     0);
    char line[300];
    snprintf(line, sizeof line, "%s\n", want);
    assert_string_equal(out, line);
    free(out);
    free(before);
}

/* A shell that reported its directory with OSC 7: split-window and new-window (no -c)
 * start the new pane there; a reported path that is no directory is not used. */
static void test_split_window_starts_in_the_osc7_directory(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a starts it in the session's directory */
    char dir[] = "/tmp/tmx-e2e-osc7-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "-c", "/", "exec sh", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "S", "split-window", "exec sleep 60",
                             NULL),
                     0);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "printf '\\033]7;file://localhost%s\\007'; echo reported", dir);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", cmd, "Enter", NULL), 0);
    assert_true(wait_capture(env, "s", "\nreported", E2E_TIMEOUT));
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    split_and_check(env, c, dir);
    /* Not a directory: the session's. */
    assert_int_equal(tmx_run(env, NULL, NULL, "select-pane", "-t", "s.0", NULL), 0);
    snprintf(cmd, sizeof cmd, "printf '\\033]7;file://localhost%s/nowhere\\007'; echo again",
             dir);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s.0", cmd, "Enter", NULL), 0);
    assert_true(wait_capture(env, "s.0", "\nagain", E2E_TIMEOUT));
    split_and_check(env, c, "/");
    /* new-window by the prefix's c key: the current pane's reported directory too. */
    assert_int_equal(tmx_run(env, NULL, NULL, "select-pane", "-t", "s.0", NULL), 0);
    snprintf(cmd, sizeof cmd, "printf '\\033]7;file://localhost%s\\007'; echo third", dir);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s.0", cmd, "Enter", NULL), 0);
    assert_true(wait_capture(env, "s.0", "\nthird", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "c");
    assert_true(wait_run_output(env, "2\n", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{session_windows}", NULL));
    char *out = NULL, line[300];
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s",
                             "#{window_index} #{pane_current_path}", NULL),
                     0);
    snprintf(line, sizeof line, "1 %s\n", dir);
    assert_string_equal(out, line);
    free(out);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    rmdir(dir);
}

/* A shell's OSC 133 marks: previous-prompt / next-prompt -o move the copy cursor to
 * them, select-last-output copies the last command's output. */
static void test_copy_mode_over_shell_marks(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no prompt marks */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "40", "-y", "10",
                             "printf '\\033]133;A\\007$ one\\n\\033]133;C\\007o1\\no2\\n"
                             "\\033]133;A\\007$ two\\n\\033]133;C\\007o3\\n"
                             "\\033]133;A\\007$ '; exec sleep 60",
                             NULL),
                     0);
    assert_true(wait_capture(env, "s", "o3", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", "-t", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send", "-t", "s", "-X", "previous-prompt", NULL), 0);
    assert_true(wait_run_output(env, "3 $ two\n", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{copy_cursor_y} #{copy_cursor_line}", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "send", "-t", "s", "-X", "previous-prompt", NULL), 0);
    assert_true(wait_run_output(env, "0 $ one\n", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{copy_cursor_y} #{copy_cursor_line}", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "send", "-t", "s", "-X", "next-prompt", "-o", NULL),
                     0);
    assert_true(wait_run_output(env, "1 o1\n", true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{copy_cursor_y} #{copy_cursor_line}", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "send", "-t", "s", "-X", "select-last-output", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send", "-t", "s", "-X",
                             "copy-selection-and-cancel", NULL),
                     0);
    assert_true(wait_run_output(env, "o3\n", true, E2E_TIMEOUT, "show-buffer", NULL));
}

/* allow-passthrough all (tmux 3.4): a pane in a window its client does not show passes
 * its sequences through too; with on, only where the pane is seen (tmux 3.3a). */
static void test_passthrough_all_reaches_clients_not_showing_the_pane(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a's allow-passthrough is on or off */
    struct pty_client *c = attach_session(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "allow-passthrough", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-n", "one",
                             "printf '\\033Ptmux;\\033\\033]1337;hidden-on\\007\\033\\\\'; "
                             "printf DONE; exec cat", NULL), 0);
    assert_true(wait_capture(env, "s:one", "DONE", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "allow-passthrough", "all", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-n", "two",
                             "printf '\\033Ptmux;\\033\\033]1337;hidden-all\\007\\033\\\\'; "
                             "printf DONE; exec cat", NULL), 0);
    for (int i = 0; i < 100 && !client_output_contains(c, "\033]1337;hidden-all\007"); i++)
        client_pump(c, 50);
    assert_true(client_output_contains(c, "\033]1337;hidden-all\007"));
    /* The first came before, in order, and was dropped. */
    assert_false(client_output_contains(c, "hidden-on"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_passthrough_reaches_the_terminal_only_when_allowed,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_passthrough_all_reaches_clients_not_showing_the_pane,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pane_colours_answer_palette_queries, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_split_window_starts_in_the_osc7_directory,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_copy_mode_over_shell_marks, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
