/* test_panes.c - end-to-end: split panes as a user drives them from an attached client
 * (C-b %, C-b ", C-b o, C-b ;, C-b arrows, C-b z). Checked: each pane's own size as its
 * program sees it (`stty size` inside it), the borders the attached client's terminal
 * shows, sizes after the client resizes (down to a tiny terminal), zoom, layout strings
 * that select-layout accepts back. test_pane_commands.c has the rest. */
#include "pane_checks.h"

/* C-b % and C-b ": each pane has its own size, the programs see it, borders show. */
static void test_split_both_ways(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);

    client_keys(c, KEY_PREFIX "%");
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x23@41,0*\n"));
    assert_true(wait_border(c, 40, 0, true));
    assert_true(wait_border(c, 40, 22, true));
    assert_false(border_at(c, 39, 10));
    assert_false(border_at(c, 41, 10));

    client_keys(c, KEY_PREFIX "\"");
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x11@41,0\n2:39x11@41,12*\n"));
    /* The horizontal border right of the vertical one, on row 11. */
    assert_true(wait_border(c, 60, 11, true));
    assert_false(border_at(c, 20, 11));

    assert_stty_size(env, "s:0.0", "23 40");
    assert_stty_size(env, "s:0.1", "11 39");
    assert_stty_size(env, "s:0.2", "11 39");
    /* Each pane shows its own program's output in its own place. */
    assert_true(client_wait_row(c, 0, "size=23 40", E2E_TIMEOUT));
    const char *row0 = client_screen_row(c, 0);
    assert_non_null(strstr(row0, "size=11 39"));
    assert_true(client_wait_row(c, 12, "size=11 39", E2E_TIMEOUT));

    /* The layout string: tmux's format, accepted back after another layout. */
    char *layout = NULL;
    assert_int_equal(tmx_run(env, &layout, NULL, "list-windows", "-t", "s", "-F",
                             "#{window_layout}", NULL), 0);
    assert_string_equal(layout, "837a,80x23,0,0{40x23,0,0,0,39x23,41,0[39x11,41,0,1,39x11,41,12,2]}\n");
    layout[strcspn(layout, "\n")] = '\0';
    assert_int_equal(tmx_run(env, NULL, NULL, "select-layout", "-t", "s", "even-vertical", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:80x7@0,0\n1:80x7@0,8\n2:80x7@0,16*\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "select-layout", "-t", "s", layout, NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x11@41,0\n2:39x11@41,12*\n"));
    char *err = NULL;
    assert_int_not_equal(tmx_run(env, NULL, &err, "select-layout", "-t", "s", "abcd,80x23,0,0,1", NULL), 0);
    assert_non_null(strstr(err, "checksum"));
    free(err);
    free(layout);
}

/* The client resizes: panes keep their proportions; programs get SIGWINCH sizes. */
static void test_client_resize_scales_panes(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    client_keys(c, KEY_PREFIX "%");
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x23@41,0*\n"));

    client_resize(c, 120, 30);
    assert_true(wait_panes(env, GEOM, "0:60x29@0,0\n1:59x29@61,0*\n"));
    assert_stty_size(env, "s:0.0", "29 60");
    assert_true(wait_border(c, 60, 5, true));

    /* A tiny terminal: nothing breaks, the panes are 1 cell at least. */
    client_keys(c, KEY_PREFIX "\"");
    assert_true(wait_panes(env, "#{pane_index}", "0\n1\n2\n"));
    client_resize(c, 3, 2);
    assert_true(wait_panes(env, GEOM, "0:1x3@0,0\n1:1x1@2,0\n2:1x1@2,2*\n"));
    client_resize(c, 80, 24);
    assert_true(wait_panes(env, "#{window_width}x#{window_height}", "80x23\n80x23\n80x23\n"));
    assert_stty_size(env, "s:0.0", "23 40");
}

/* C-b o goes through the panes in order; C-b ; goes back; arrows by direction. */
static void test_focus_order(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    client_keys(c, KEY_PREFIX "%");
    assert_true(wait_panes(env, "#{pane_active}", "0\n1\n"));
    client_keys(c, KEY_PREFIX "\"");
    assert_true(wait_panes(env, "#{pane_active}", "0\n0\n1\n"));
    client_keys(c, KEY_PREFIX "o");
    assert_true(wait_panes(env, "#{pane_active}", "1\n0\n0\n"));
    client_keys(c, KEY_PREFIX "o");
    assert_true(wait_panes(env, "#{pane_active}", "0\n1\n0\n"));
    client_keys(c, KEY_PREFIX ";");
    assert_true(wait_panes(env, "#{pane_active}", "1\n0\n0\n"));
    /* Arrow keys are sent whole: typed a byte at a time on a loaded machine, the ESC
     * could time out (escape-time) before the rest arrives. */
    client_keys(c, KEY_PREFIX);
    client_type(c, "\033[C"); /* Right: the top right pane (beside the cursor) */
    assert_true(wait_panes(env, "#{pane_active}", "0\n1\n0\n"));
    client_keys(c, KEY_PREFIX);
    client_type(c, "\033[B"); /* Down */
    assert_true(wait_panes(env, "#{pane_active}", "0\n0\n1\n"));
    /* Typed keys go to the active pane only. */
    client_type(c, "echo typed-$((6*7))\r");
    assert_capture(env, "s:0.2", "typed-42");
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s:0.0", NULL), 0);
    assert_null(strstr(out, "typed-42"));
    free(out);
}

/* C-b z zooms the active pane to the whole window and back; no borders while zoomed. */
static void test_zoom(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    client_keys(c, KEY_PREFIX "%");
    assert_true(wait_border(c, 40, 3, true));
    client_keys(c, KEY_PREFIX "z");
    assert_true(wait_panes(env, "#{pane_width}x#{pane_height}#{?window_zoomed_flag,Z,}",
                           "40x23Z\n80x23Z\n"));
    assert_true(wait_border(c, 40, 3, false));
    assert_stty_size(env, "s:0.1", "23 80");
    assert_true(client_wait_row(c, -1, "0:sh*Z", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "z");
    assert_true(wait_panes(env, "#{pane_width}x#{pane_height}#{?window_zoomed_flag,Z,}",
                           "40x23\n39x23\n"));
    assert_true(wait_border(c, 40, 3, true));
}

/* pane-border-status: a line above (top) or below (bottom) each pane shows
 * pane-border-format ("INDEX "TITLE"" by default); the panes give it the room. */
static void test_border_status_lines(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    client_keys(c, KEY_PREFIX "\"");
    assert_true(wait_panes(env, GEOM, "0:80x11@0,0\n1:80x11@0,12*\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "select-pane", "-t", "s:0.0", "-T", "alpha", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "select-pane", "-t", "s:0.1", "-T", "beta", NULL), 0);

    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-w", "-t", "s", "pane-border-status", "top",
                             NULL), 0);
    /* Row 0 is pane 0's line; pane 0 starts below it; pane 1's line is just above it. */
    assert_true(client_wait_row(c, 0, "0 \"alpha\"", E2E_TIMEOUT));
    /* Two cells of the border line, then the text, as tmux draws it (tmx began one cell
     * in). */
    const char *row0 = client_screen_row(c, 0);
    if (strncmp(row0, "\u2500\u25000 \"alpha\"", strlen("\u2500\u25000 \"alpha\"")) != 0)
        fail_msg("row 0: [%s]", row0);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-panes", "-t", "s", "-F", "#{pane_top} #{pane_height}",
                             NULL), 0);
    int top0 = -1, h0 = -1, top1 = -1, h1 = -1;
    assert_int_equal(sscanf(out, "%d %d\n%d %d", &top0, &h0, &top1, &h1), 4);
    free(out);
    assert_int_equal(top0, 1);
    assert_int_equal(top0 + h0 + 1, top1); /* one line between: pane 1's status */
    assert_int_equal(top1 + h1, 23);       /* down to the status line of the client */
    assert_true(client_wait_row(c, top1 - 1, "1 \"beta\"", E2E_TIMEOUT));
    /* Pane 1's line is in pane 1's border style whole, active (green) or not, whatever
     * it touches (tmx coloured its border cells by the active pane next to them). */
    assert_int_equal(vt_cell(client_vt(c), 0, top1 - 1)->fg, COLOUR_PALETTE | 2);
    assert_int_equal(tmx_run(env, NULL, NULL, "select-pane", "-t", "s:0.0", NULL), 0);
    bool plain = false;
    for (long long until = e2e_now_ms() + E2E_TIMEOUT; !plain && e2e_now_ms() < until;) {
        client_pump(c, 20);
        plain = vt_cell(client_vt(c), 0, top1 - 1)->fg == COLOUR_DEFAULT &&
                vt_cell(client_vt(c), 79, top1 - 1)->fg == COLOUR_DEFAULT;
    }
    if (!plain) {
        client_dump(c);
        fail_msg("pane 1's line kept the active colour with pane 0 active");
    }
    assert_int_equal(tmx_run(env, NULL, NULL, "select-pane", "-t", "s:0.1", NULL), 0);
    char want[32];
    snprintf(want, sizeof want, "%d 80", h0);
    assert_stty_size(env, "s:0.0", want);

    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-w", "-t", "s", "pane-border-status",
                             "bottom", NULL), 0);
    /* Pane 1's line is now the last row of the window, pane 0's below pane 0. */
    assert_true(client_wait_row(c, 22, "1 \"beta\"", E2E_TIMEOUT));
    assert_true(wait_run_output(env, "0 ", true, E2E_TIMEOUT, "display-message", "-p", "-t",
                                "s:0.0", "#{pane_top} ", NULL));

    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-w", "-t", "s", "pane-border-status", "off",
                             NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:80x11@0,0\n1:80x11@0,12*\n"));
    /* No pane line left above the client's status line (which shows the title). */
    assert_true(client_wait_row(c, 11, "\u2500\u2500\u2500\u2500", E2E_TIMEOUT));
    for (int y = 0; y < 23; y++) {
        if (strstr(client_screen_row(c, y), "beta") != NULL) {
            client_dump(c);
            fail_msg("pane-border-status off: a status line is still on row %d", y);
        }
    }

    /* Side by side with the lines on top: where pane 0's line meets the border between
     * the panes, a junction (tmx left a blank cell there). */
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-pane", "-t", "s:0.1", ";", "split-window",
                             "-h", "-t", "s:0.0", ";", "set", "-w", "-t", "s",
                             "pane-border-status", "top", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:40x22@0,1\n1:39x22@41,1*\n"));
    assert_true(client_wait_row(c, 0, "\u2500\u2500\u252c\u2500\u25001 ", E2E_TIMEOUT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_split_both_ways, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_client_resize_scales_panes, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_focus_order, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_zoom, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_border_status_lines, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
