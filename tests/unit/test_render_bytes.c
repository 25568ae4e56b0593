/* test_render_bytes.c - how many bytes everyday screen changes cost on the wire, on an
 * 80x24 xterm-256color showing a shell pane (rows 0-22) above a green status line
 * (row 23) with a clock at its right end. Each test draws the full frame first, then
 * asserts the next frame's bytes exactly (or within a tight bound), so a regression
 * in motion, attribute or scroll optimisation shows up as a failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/buffer.h>

#include "render.h"
#include "test_render_helpers.h"

#define COLS 80
#define ROWS 24
#define STATUS_FG (COLOUR_PALETTE | 0) /* black on green, tmux's default */
#define STATUS_BG (COLOUR_PALETTE | 2)

static void put_text(struct canvas *c, int x, int y, const char *s)
{
    for (; *s != '\0'; s++, x++)
        canvas_cell(c, x, y)->ch = (unsigned char)*s;
}

static void clear_row(struct canvas *c, int y)
{
    for (int x = 0; x < c->cols; x++) {
        struct grid_cell *g = canvas_cell(c, x, y);
        memset(g, 0, sizeof *g);
        grid_cell_set_width(g, 1);
    }
}

static void status_line(struct canvas *c, const char *clock)
{
    int y = c->rows - 1;
    for (int x = 0; x < c->cols; x++) {
        struct grid_cell *g = canvas_cell(c, x, y);
        g->fg = STATUS_FG;
        g->bg = STATUS_BG;
    }
    put_text(c, 0, y, "[work] 0:bash*");
    put_text(c, c->cols - (int)strlen(clock), y, clock);
}

/* The shell screen: 22 lines of output, a prompt on row 22, the status line. */
static void shell_screen(struct canvas *c)
{
    canvas_init(c, COLS, ROWS);
    char line[COLS + 1];
    for (int y = 0; y < ROWS - 2; y++) {
        snprintf(line, sizeof line, "-rw-r--r-- 1 user user %5d Mar  3 10:%02d file%02d.c",
                 1000 + 37 * y, y, y);
        put_text(c, 0, y, line);
    }
    put_text(c, 0, ROWS - 2, "$ ");
    status_line(c, "10:14");
    c->cx = 2;
    c->cy = ROWS - 2;
}

static struct render_state *drawn(const struct canvas *c, size_t *full)
{
    char err[256];
    const struct render_caps *caps = render_caps_get("xterm-256color", false, err, sizeof err);
    if (caps == NULL)
        fail_msg("%s", err);
    struct render_state *rs = render_create(caps, true);
    frame(rs, c);
    if (full != NULL)
        *full = out_len;
    return rs;
}

static void test_typed_character_at_the_cursor_costs_a_few_bytes(void **state)
{
    (void)state;
    struct canvas c;
    shell_screen(&c);
    size_t full;
    struct render_state *rs = drawn(&c, &full);
    assert_true(full > 1200);

    /* the first key after the full frame: the pen goes back from the status colours */
    put_text(&c, 2, ROWS - 2, "l");
    c.cx = 3;
    assert_string_equal(frame(rs, &c), "\033[ml");
    assert_true(out_len <= 10);
    /* the next: the character and nothing else */
    put_text(&c, 3, ROWS - 2, "s");
    c.cx = 4;
    assert_string_equal(frame(rs, &c), "s");
    /* backspace: back one, the rest of the line erased */
    canvas_cell(&c, 3, ROWS - 2)->ch = 0;
    c.cx = 3;
    assert_string_equal(frame(rs, &c), "\b\033[K");
    render_free(rs);
    canvas_free(&c);
}

/* Rows 0-22 move up one line, a new line appears on row 22; the status line stays. */
static void scroll_pane_up(struct canvas *c, const char *new_line)
{
    int pane_rows = c->rows - 1;
    memmove(c->cells, c->cells + c->cols,
            (size_t)c->cols * (size_t)(pane_rows - 1) * sizeof *c->cells);
    clear_row(c, pane_rows - 1);
    put_text(c, 0, pane_rows - 1, new_line);
}

static void test_scroll_above_the_status_line_costs_a_region_and_one_line(void **state)
{
    (void)state;
    struct canvas c;
    shell_screen(&c);
    size_t full;
    struct render_state *rs = drawn(&c, &full);

    /* Enter: the prompt line scrolls up, a new prompt on the bottom pane row */
    scroll_pane_up(&c, "$ ");
    const char *out = frame(rs, &c);
    /* region to the pane, index at its bottom, region back, the new line */
    assert_string_equal(out, "\033[49m\033[1;23r\033[23;1H\n\033[1;24r\033[23;1H\033[m$ ");
    assert_true(out_len <= 48);
    assert_true(out_len * 25 < full);

    /* three lines of output at once: still one region, three indexes */
    scroll_pane_up(&c, "total 3");
    scroll_pane_up(&c, "drwxr-xr-x 2 user user 4096 Mar  3 10:20 src");
    scroll_pane_up(&c, "$ ");
    out = frame(rs, &c);
    assert_string_equal(out, "\033[1;23r\033[23;1H\n\n\n\033[1;24r\033[21;1Htotal 3\r\033[1B"
                             "drwxr-xr-x 2 user user 4096 Mar  3 10:20 src\r\033[1B$ ");
    assert_true(out_len <= 96);
    render_free(rs);
    canvas_free(&c);
}

static void test_scroll_of_the_whole_screen_is_a_line_feed(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, COLS, ROWS);
    for (int y = 0; y < ROWS; y++) {
        char line[32];
        snprintf(line, sizeof line, "output line %d", y);
        put_text(&c, 0, y, line);
    }
    c.cy = ROWS - 1;
    struct render_state *rs = drawn(&c, NULL);
    memmove(c.cells, c.cells + COLS, (size_t)COLS * (ROWS - 1) * sizeof *c.cells);
    clear_row(&c, ROWS - 1);
    put_text(&c, 0, ROWS - 1, "output line 24");
    assert_string_equal(frame(rs, &c), "\noutput line 24\r");
    render_free(rs);
    canvas_free(&c);
}

static void test_status_clock_tick_costs_under_twenty_bytes(void **state)
{
    (void)state;
    struct canvas c;
    shell_screen(&c);
    struct render_state *rs = drawn(&c, NULL);

    /* right after the full frame the pen still has the status colours */
    status_line(&c, "10:15");
    assert_string_equal(frame(rs, &c), "\033[24;80H5\033[23;3H");
    assert_true(out_len <= 20);

    /* after typing in the pane the status colours are set again, and only they */
    put_text(&c, 2, ROWS - 2, "x");
    c.cx = 3;
    frame(rs, &c);
    status_line(&c, "10:16");
    assert_string_equal(frame(rs, &c), "\033[24;80H\033[30;42m6\033[23;4H");
    assert_true(out_len <= 26);
    render_free(rs);
    canvas_free(&c);
}

static void test_status_window_list_change_redraws_only_the_changed_cells(void **state)
{
    (void)state;
    struct canvas c;
    shell_screen(&c);
    struct render_state *rs = drawn(&c, NULL);
    /* a second window appears: "[work] 0:bash- 1:vim*" */
    put_text(&c, 13, ROWS - 1, "- 1:vim*");
    const char *out = frame(rs, &c);
    assert_string_equal(out, "\033[24;14H- 1:vim*\033[23;3H");
    render_free(rs);
    canvas_free(&c);
}

static int teardown_caps(void **state)
{
    (void)state;
    render_caps_free_all();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typed_character_at_the_cursor_costs_a_few_bytes),
        cmocka_unit_test(test_scroll_above_the_status_line_costs_a_region_and_one_line),
        cmocka_unit_test(test_scroll_of_the_whole_screen_is_a_line_feed),
        cmocka_unit_test(test_status_clock_tick_costs_under_twenty_bytes),
        cmocka_unit_test(test_status_window_list_change_redraws_only_the_changed_cells),
    };
    return cmocka_run_group_tests(tests, NULL, teardown_caps);
}
