/* test_panes.c - end-to-end: split panes as a user drives them from an attached client
 * (C-b %, C-b ", C-b o, C-b z, C-b x, C-b arrows) and from the command line. Checked:
 * each pane's own size as its program sees it (`stty size` inside it), the borders the
 * attached client's terminal shows, sizes after the client resizes, zoom, panes closing
 * (killed, or their program exiting) giving their space back, layout strings that
 * select-layout accepts back, and a tiny terminal. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vt.h"

/* Milliseconds on a monotonic clock: waits are bounded in time, not in tries (each
 * tmx_run costs a process start, slow under ASan). */
static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Attaches a client of cols x rows to a new session "s"; returns once it is drawn. */
static struct pty_client *attach_s(struct tmx_env *env, int cols, int rows)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *c = client_start(env, cols, rows, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

/* list-panes -F FORMAT for session s's current window (malloc'd). */
static char *panes(struct tmx_env *env, const char *format)
{
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-panes", "-t", "s", "-F", format, NULL), 0);
    return out;
}

/* Waits until list-panes -F FORMAT prints exactly want. */
static bool wait_panes(struct tmx_env *env, const char *format, const char *want)
{
    char *out = NULL;
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        free(out);
        out = panes(env, format);
        if (strcmp(out, want) == 0) {
            free(out);
            return true;
        }
        sleep_ms(20);
    }
    fprintf(stderr, "e2e: list-panes -F '%s' printed:\n%s\nwanted:\n%s\n", format, out, want);
    free(out);
    return false;
}

/* The program in pane TARGET sees ROWS COLS as its terminal size. */
static void assert_stty_size(struct tmx_env *env, const char *target, const char *size)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "clear; echo size=$(stty size)");
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", target, cmd, "Enter", NULL), 0);
    char want[64];
    snprintf(want, sizeof want, "size=%s", size);
    assert_capture(env, target, want);
}

/* The client's terminal shows a border character at (x, y). */
static bool border_at(struct pty_client *c, int x, int y)
{
    client_pump(c, 0);
    uint32_t ch = vt_cell(client_vt(c), x, y)->ch;
    return ch == '|' || ch == '-' || ch == '+' || (ch >= 0x2500 && ch <= 0x257f);
}

/* Waits until the client shows a border at (x, y) (or not, with !want). */
static bool wait_border(struct pty_client *c, int x, int y, bool want)
{
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        if (border_at(c, x, y) == want)
            return true;
        client_pump(c, 20);
    }
    fprintf(stderr, "e2e: border at %d,%d: wanted %d\n", x, y, want);
    client_dump(c);
    return false;
}

static const char *const GEOM = "#{pane_index}:#{pane_width}x#{pane_height}@#{pane_left},#{pane_top}#{?pane_active,*,}";

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
    client_keys(c, KEY_PREFIX "\033[C"); /* Right: the top right pane (beside the cursor) */
    assert_true(wait_panes(env, "#{pane_active}", "0\n1\n0\n"));
    client_keys(c, KEY_PREFIX "\033[B"); /* Down */
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

/* C-b x (confirmed) and a program exiting close panes; the space goes back. */
static void test_panes_close(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    client_keys(c, KEY_PREFIX "%");
    assert_true(wait_panes(env, "#{pane_index}", "0\n1\n"));
    client_keys(c, KEY_PREFIX "\"");
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x11@41,0\n2:39x11@41,12*\n"));

    client_keys(c, KEY_PREFIX "x");
    assert_true(client_wait_row(c, -1, "(y/n)", E2E_TIMEOUT));
    client_keys(c, "y");
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x23@41,0*\n"));
    assert_true(wait_border(c, 60, 11, false));

    /* The program of the left pane exits: the right one takes the whole window. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0.0", "exit", "Enter", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:80x23@0,0*\n"));
    assert_true(wait_border(c, 40, 5, false));
    assert_stty_size(env, "s:0.0", "23 80");

    /* A split with a command: the pane closes when it ends. */
    assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-h", "-l", "30%", "-d", "-t", "s",
                             "read line", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:55x23@0,0*\n1:24x23@56,0\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0.1", "Enter", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:80x23@0,0*\n"));
}

/* Command-line pane commands: targets, -b/-f, resize-pane, swap, break and join. */
static void test_pane_commands(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "24", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "splitw", "-h", "-b", "-l", "20", "-t", "s", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:20x24@0,0*\n1:59x24@21,0\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "splitw", "-f", "-l", "4", "-t", "s", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:20x19@0,0\n1:59x19@21,0\n2:80x4@0,20*\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "resize-pane", "-t", "s:0.0", "-R", "10", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "resize-pane", "-t", "s:0.2", "-y", "6", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:30x17@0,0\n1:49x17@31,0\n2:80x6@0,18*\n"));
    /* %N ids name panes; select-pane -T sets the title. */
    char *ids = panes(env, "#{pane_id}");
    char id1[16];
    sscanf(strchr(ids, '\n') + 1, "%15s", id1);
    free(ids);
    assert_int_equal(tmx_run(env, NULL, NULL, "select-pane", "-t", id1, "-T", "my title", NULL), 0);
    char *titles = panes(env, "#{pane_index}=#{pane_title}#{?pane_active,*,}");
    assert_non_null(strstr(titles, "1=my title\n"));
    free(titles);
    assert_int_equal(tmx_run(env, NULL, NULL, "swap-pane", "-s", "s:0.0", "-t", "s:0.1", NULL), 0);
    char *swapped = panes(env, "#{pane_index}:#{pane_title}:#{pane_width}");
    assert_non_null(strstr(swapped, "0:my title:30\n"));
    free(swapped);
    assert_int_equal(tmx_run(env, NULL, NULL, "break-pane", "-d", "-s", "s:0.2", NULL), 0);
    assert_true(wait_run_output(env, "(2 panes)", true, E2E_TIMEOUT, "list-windows", "-t", "s", NULL));
    assert_true(wait_run_output(env, "1: ", true, E2E_TIMEOUT, "list-windows", "-t", "s", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "join-pane", "-v", "-s", "s:1.0", "-t", "s:0.0", NULL), 0);
    assert_true(wait_panes(env, "#{pane_index}", "0\n1\n2\n"));
    assert_true(wait_run_output(env, "(3 panes)", true, E2E_TIMEOUT, "list-windows", "-t", "s", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-pane", "-a", "-t", "s:0.0", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:80x24@0,0*\n"));
    char *err = NULL;
    assert_int_not_equal(tmx_run(env, NULL, &err, "split-window", "-l", "abc", "-t", "s", NULL), 0);
    assert_non_null(strstr(err, "invalid size"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_split_both_ways, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_client_resize_scales_panes, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_focus_order, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_zoom, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_panes_close, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pane_commands, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
