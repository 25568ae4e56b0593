/* test_options.c - end-to-end: options a user sees working: status off gives the pane
 * the whole terminal, a mouse click on the status line selects a window, read-only
 * clients type nothing, renumber-windows closes gaps, destroy-unattached ends a session
 * with its last client, bind -r repeats without the prefix, window-size sizes a window
 * shown by two clients, detach-on-destroy off and exit-unattached. */
#include "harness.h"

#include "vt.h"

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
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "s:", "destroy-unattached", "on", NULL), 0);
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

/* The window's size as "COLSxROWS" (display -p). */
static bool window_size_is(struct tmx_env *env, const char *want)
{
    for (int i = 0; i < 100; i++) {
        char *out = NULL;
        tmx_run(env, &out, NULL, "display", "-p", "-t", "s", "#{window_width}x#{window_height}",
                NULL);
        bool same = out != NULL && strncmp(out, want, strlen(want)) == 0 && out[strlen(want)] == '\n';
        if (!same && i == 99)
            fprintf(stderr, "window size: %s, want %s\n", out != NULL ? out : "?", want);
        free(out);
        if (same)
            return true;
        sleep_ms(50);
    }
    return false;
}

/* window-size with two clients of different sizes: largest, smallest, latest (the one
 * that typed last), manual (the size the window was made with). */
static void test_window_size_follows_its_policy(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *a = attach_s(env, NULL);
    struct pty_client *b = client_start(env, 100, 30, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(b, -1, "[s]", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "window-size", "largest", NULL), 0);
    assert_true(window_size_is(env, "100x29"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "window-size", "smallest", NULL), 0);
    assert_true(window_size_is(env, "80x23"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "window-size", "latest", NULL), 0);
    client_type(a, "x");
    assert_true(window_size_is(env, "80x23"));
    client_type(b, "y");
    assert_true(window_size_is(env, "100x29"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "window-size", "manual", NULL), 0);
    client_type(a, "z");
    assert_true(window_size_is(env, "80x24"));
    client_keys(a, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(a, E2E_TIMEOUT), 0);
    client_keys(b, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(b, E2E_TIMEOUT), 0);
}

/* detach-on-destroy off: a client whose session is killed shows another session. */
static void test_detach_on_destroy_off_moves_the_client(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "other", NULL), 0);
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "s", "detach-on-destroy", "off", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-session", "-t", "s", NULL), 0);
    assert_true(client_wait_row(c, -1, "[other]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* exit-unattached: the server exits when its last client detaches. */
static void test_exit_unattached_ends_the_server(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "exit-unattached", "on", NULL), 0);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    bool gone = false;
    for (int i = 0; i < 100 && !gone; i++) {
        gone = tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL) != 0;
        if (!gone)
            sleep_ms(50);
    }
    assert_true(gone);
}

/* status-position top puts the status line on the first row; status-justify right and
 * window-status-separator place the window list. */
static void test_status_position_and_justify(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:1", "-n", "two", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right", "", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "setw", "-g", "window-status-separator", "|", NULL), 0);
    assert_true(client_wait_row(c, -1, "|1:two", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-position", "top", NULL), 0);
    assert_true(client_wait_row(c, 0, "[s]", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-justify", "right", NULL), 0);
    for (int i = 0; i < 100; i++) {
        const char *row = client_screen_row(c, 0);
        size_t len = strlen(row);
        while (len > 0 && row[len - 1] == ' ')
            len--;
        if (len >= 5 && strncmp(row + len - 5, "1:two", 5) == 0 && len == 79)
            break;
        client_pump(c, 50);
        assert_true(i < 99);
    }
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* window-style colours a pane's default background; window-active-style the active
 * pane's. */
static void test_window_style_colours_panes(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-d", "-h", "-t", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-gw", "window-style", "bg=red", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-gw", "window-active-style", "bg=blue",
                             NULL), 0);
    const uint32_t red = COLOUR_PALETTE | 1, blue = COLOUR_PALETTE | 4;
    bool ok = false;
    for (int i = 0; i < 100 && !ok; i++) {
        client_pump(c, 50);
        const struct vt *vt = client_vt(c);
        ok = vt_cell(vt, 1, 10)->bg == blue && vt_cell(vt, 78, 10)->bg == red;
    }
    assert_true(ok);
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* pane-border-lines: the vertical border between two panes in each style. */
static void test_pane_border_lines(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-d", "-h", "-t", "s", NULL), 0);
    const char *styles[] = {"double", "heavy", "simple", "single"};
    const uint32_t want[] = {0x2551, 0x2503, '|', 0x2502};
    for (int k = 0; k < 4; k++) {
        assert_int_equal(tmx_run(env, NULL, NULL, "set", "-gw", "pane-border-lines", styles[k],
                                 NULL), 0);
        bool ok = false;
        for (int i = 0; i < 100 && !ok; i++) {
            client_pump(c, 50);
            ok = vt_cell(client_vt(c), 40, 5)->ch == want[k];
        }
        assert_true(ok);
    }
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* visual-bell on: a bell shows "Bell in current window" instead of ringing; in another
 * window "Bell in window N". */
static void test_visual_bell_message(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "visual-bell", "on", NULL), 0);
    client_type(c, "printf '\\a'\r");
    assert_true(client_wait_row(c, -1, "Bell in current window", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:3",
                             "printf '\\a'; sleep 100", NULL), 0);
    assert_true(client_wait_row(c, -1, "Bell in window 3", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* focus-events on: the terminal's focus reports run the pane-focus-in hook. */
static void test_focus_events_run_hooks(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "focus-events", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set-hook", "-g", "pane-focus-in",
                             "set -g @focused yes", NULL), 0);
    client_pump(c, 200);
    client_type(c, "\033[O");
    client_pump(c, 200);
    client_type(c, "\033[I");
    assert_true(wait_run_output(env, "yes", true, E2E_TIMEOUT, "show", "-gv", "@focused", NULL));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* backspace C-h: the Backspace key (DEL from the terminal) reaches the pane as ^H. */
static void test_backspace_key(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, NULL);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "backspace", "C-h", NULL), 0);
    client_type(c, "stty -icanon -echo; cat -v\r");
    client_pump(c, 300);
    client_type(c, "\177x");
    assert_true(client_wait_text(c, "^Hx", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* The command-error hook (tmux 3.5): it runs right after a command that fails, not
 * after one that works. */
static void test_command_error_hook(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no command-error hook */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set-hook", "-g", "command-error",
                             "set -g @failed yes", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "rename-window", "-t", "s:0", "fine", NULL), 0);
    assert_int_not_equal(tmx_run(env, NULL, NULL, "show", "-gv", "@failed", NULL), 0);
    assert_int_not_equal(tmx_run(env, NULL, NULL, "select-window", "-t", "s:9", NULL), 0);
    assert_true(wait_run_output(env, "yes", true, E2E_TIMEOUT, "show", "-gv", "@failed", NULL));
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
        cmocka_unit_test_setup_teardown(test_window_size_follows_its_policy, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_detach_on_destroy_off_moves_the_client, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_exit_unattached_ends_the_server, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_status_position_and_justify, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_window_style_colours_panes, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pane_border_lines, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_visual_bell_message, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_focus_events_run_hooks, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_backspace_key, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_command_error_hook, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
