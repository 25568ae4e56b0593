/* test_render_panes.c - a pane's output repaints only that pane: on an 80x24
 * xterm-256color showing two panes (side by side, or one above the other) with a border
 * and a status line, one pane scrolling by a line sends none of the other pane's text,
 * and far fewer bytes than a full repaint. */
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

static void put_text(struct canvas *c, int x, int y, int end, const char *s)
{
    for (; *s != '\0' && x < end; s++, x++)
        canvas_cell(c, x, y)->ch = (unsigned char)*s;
}

/* Rows [top, bottom] of columns [x0, x1) move up one line; a new line at the bottom. */
static void scroll_rect(struct canvas *c, int x0, int x1, int top, int bottom, const char *line)
{
    for (int y = top; y < bottom; y++)
        memcpy(canvas_cell(c, x0, y), canvas_cell(c, x0, y + 1),
               (size_t)(x1 - x0) * sizeof(struct grid_cell));
    for (int x = x0; x < x1; x++)
        *canvas_cell(c, x, bottom) = (struct grid_cell){.wl = GRID_WL(1, 0)};
    put_text(c, x0, bottom, x1, line);
}

static struct render_state *drawn(const struct canvas *c, size_t *full)
{
    char err[256];
    const struct render_caps *caps = render_caps_get("xterm-256color", false, err, sizeof err);
    if (caps == NULL)
        fail_msg("%s", err);
    struct render_state *rs = render_create(caps, true);
    frame(rs, c);
    *full = out_len;
    return rs;
}

static void status_line(struct canvas *c)
{
    put_text(c, 0, ROWS - 1, COLS, "[work] 0:bash*");
}

static void test_left_pane_scrolling_leaves_the_right_pane_alone(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, COLS, ROWS);
    char line[64];
    for (int y = 0; y < ROWS - 1; y++) {
        snprintf(line, sizeof line, "left%02d output of a build step", y);
        put_text(&c, 0, y, 40, line);
        canvas_cell(&c, 40, y)->ch = '|';
        snprintf(line, sizeof line, "right%02d a log line", y);
        put_text(&c, 41, y, COLS, line);
    }
    status_line(&c);
    size_t full;
    struct render_state *rs = drawn(&c, &full);

    scroll_rect(&c, 0, 40, 0, ROWS - 2, "left23 the newest line");
    frame(rs, &c);
    assert_null(strstr(out_buf, "right"));
    assert_null(strstr(out_buf, "|"));
    assert_non_null(strstr(out_buf, "newest"));
    /* Only the left pane's rectangle is redrawn: less than the whole screen. */
    assert_true(out_len * 10 < full * 8);
    print_message("full repaint %zu bytes, left pane scroll %zu bytes\n", full, out_len);
    render_free(rs);
    canvas_free(&c);
}

static void test_bottom_pane_scrolling_uses_a_region_of_its_rows(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, COLS, ROWS);
    char line[64];
    for (int y = 0; y < 11; y++) {
        snprintf(line, sizeof line, "top%02d editor text", y);
        put_text(&c, 0, y, COLS, line);
    }
    for (int x = 0; x < COLS; x++)
        canvas_cell(&c, x, 11)->ch = '-';
    for (int y = 12; y < ROWS - 1; y++) {
        snprintf(line, sizeof line, "bottom%02d shell output", y);
        put_text(&c, 0, y, COLS, line);
    }
    status_line(&c);
    size_t full;
    struct render_state *rs = drawn(&c, &full);

    scroll_rect(&c, 0, COLS, 12, ROWS - 2, "bottom23 newest");
    frame(rs, &c);
    assert_null(strstr(out_buf, "top"));
    assert_null(strstr(out_buf, "--"));
    /* A scroll region over the bottom pane's rows (13-23, 1-based), one new line. */
    assert_non_null(strstr(out_buf, "\033[13;23r"));
    assert_true(out_len < 80);
    print_message("full repaint %zu bytes, bottom pane scroll %zu bytes\n", full, out_len);
    render_free(rs);
    canvas_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_left_pane_scrolling_leaves_the_right_pane_alone),
        cmocka_unit_test(test_bottom_pane_scrolling_uses_a_region_of_its_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
