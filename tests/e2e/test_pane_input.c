/* test_pane_input.c - end-to-end: input that acts on panes from an attached client:
 * with mouse on, a click selects the pane under it and dragging the border between two
 * panes resizes them (what the programs see with `stty size`); synchronize-panes types
 * into every pane; C-b q shows the pane numbers and a digit selects that pane. */
#include "pane_checks.h"

/* An SGR mouse report: button b at 0-based cell (x, y), press (M) or release (m). */
static void mouse(struct pty_client *c, int b, int x, int y, bool press)
{
    char seq[64];
    snprintf(seq, sizeof seq, "\033[<%d;%d;%d%c", b, x + 1, y + 1, press ? 'M' : 'm');
    client_type(c, seq);
}

static void test_mouse_selects_panes_and_drags_borders(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "mouse", "on", NULL), 0);
    client_keys(c, KEY_PREFIX "%");
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x23@41,0*\n"));
    assert_true(wait_border(c, 40, 5, true));

    mouse(c, 0, 10, 5, true);
    mouse(c, 0, 10, 5, false);
    assert_true(wait_panes(env, "#{pane_active}", "1\n0\n"));

    /* Drag the border from column 40 to column 30, in two motions. */
    mouse(c, 0, 40, 5, true);
    mouse(c, 32, 35, 5, true);
    mouse(c, 32, 30, 6, true);
    mouse(c, 0, 30, 6, false);
    assert_true(wait_panes(env, GEOM, "0:30x23@0,0*\n1:49x23@31,0\n"));
    assert_true(wait_border(c, 30, 5, true));
    assert_true(wait_border(c, 40, 5, false));
    assert_stty_size(env, "s:0.1", "23 49");
}

static void test_synchronize_panes(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    client_keys(c, KEY_PREFIX "\"");
    assert_true(wait_panes(env, "#{pane_active}", "0\n1\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-w", "-t", "s", "synchronize-panes", "on", NULL), 0);
    client_type(c, "echo both-$((20+3))\r");
    assert_capture(env, "s:0.0", "both-23");
    assert_capture(env, "s:0.1", "both-23");
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-w", "-t", "s", "synchronize-panes", "off", NULL), 0);
    client_type(c, "echo one-$((40+4))\r");
    assert_capture(env, "s:0.1", "one-44");
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s:0.0", NULL), 0);
    assert_null(strstr(out, "one-44"));
    free(out);
}

static void test_display_panes_digit_selects(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "display-panes-time", "60000", NULL), 0);
    client_keys(c, KEY_PREFIX "%");
    assert_true(wait_panes(env, "#{pane_active}", "0\n1\n"));
    client_keys(c, KEY_PREFIX "q");
    /* As tmux 3.3a: each pane's number in big digits in its middle (blocks of
     * display-panes-colour, blue, or display-panes-active-colour, red, for the active
     * pane 1), the top rows of '0' and '1' on row 9 from columns 17 and 57, and each
     * pane's size at its top right. */
    const uint32_t blue = COLOUR_PALETTE | 4, red = COLOUR_PALETTE | 1;
    bool drawn = false;
    for (long start = now_ms(); !drawn && now_ms() - start < E2E_TIMEOUT;) {
        client_pump(c, 20);
        const struct vt *vt = client_vt(c);
        drawn = vt_cell(vt, 17, 9)->bg == blue && vt_cell(vt, 21, 9)->bg == blue &&
                vt_cell(vt, 18, 10)->bg != blue && vt_cell(vt, 61, 9)->bg == red &&
                vt_cell(vt, 57, 9)->bg != red;
    }
    if (!drawn)
        client_dump(c);
    assert_true(drawn);
    assert_non_null(strstr(client_screen_row(c, 0), "40x23"));
    assert_non_null(strstr(client_screen_row(c, 0), "39x23"));
    client_keys(c, "0");
    assert_true(wait_panes(env, "#{pane_active}", "1\n0\n"));
    /* The digit selected; it did not reach the shell. */
    client_type(c, "echo after-$((1+1))\r");
    assert_capture(env, "s:0.0", "after-2");
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s:0.0", NULL), 0);
    assert_null(strstr(out, "0echo"));
    free(out);

    /* From a shell, display-panes returns when the numbers go (a key here), as tmux's;
     * with -b at once. */
    struct pty_client *cmd = client_start(env, 80, 24, "display-panes", "-d", "0", NULL);
    assert_true(client_wait_row(c, 0, "40x23", E2E_TIMEOUT));
    assert_int_equal(client_wait_exit(cmd, 300), -1); /* still waiting for the numbers */
    client_keys(c, "x");
    assert_int_equal(client_wait_exit(cmd, E2E_TIMEOUT), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "display-panes", "-b", "-d", "0", NULL), 0);
    assert_true(client_wait_row(c, 0, "40x23", E2E_TIMEOUT));
    client_keys(c, "x");

    /* A template runs for the digit with the pane's id for its first %% (and %1), as
     * tmux's: a second %% stays. */
    assert_int_equal(tmx_run(env, NULL, NULL, "display-panes", "-b", "-d", "0",
                             "rename-window 'got-%%-and-%%'", NULL), 0);
    assert_true(client_wait_row(c, 0, "40x23", E2E_TIMEOUT));
    char *id = NULL;
    assert_int_equal(tmx_run(env, &id, NULL, "display", "-p", "-t", "s:0.1", "#{pane_id}", NULL),
                     0);
    id[strcspn(id, "\n")] = '\0';
    client_keys(c, "1");
    char want[64];
    snprintf(want, sizeof want, "got-%s-and-%%%%\n", id);
    assert_true(wait_run_output(env, want, true, E2E_TIMEOUT, "display", "-p", "-t", "s",
                                "#{window_name}", NULL));
    free(id);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mouse_selects_panes_and_drags_borders, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_synchronize_panes, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_display_panes_digit_selects, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
