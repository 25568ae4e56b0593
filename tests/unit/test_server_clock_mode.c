/* test_server_clock_mode.c - clock-mode's drawing, apart from any server: the time text
 * (24-hour, and 12-hour as tmux writes it) and the big digits drawn into a canvas,
 * compared with what tmux 3.3a draws (pictures taken from its screen). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "clock_mode.h"
#include "grid.h"
#include "render.h"

#define BLUE (COLOUR_PALETTE | 4)

static void assert_text(int hour, int min, bool twelve, const char *want)
{
    struct tm tm = {.tm_hour = hour, .tm_min = min};
    char buf[16];
    clock_mode_text(&tm, twelve, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_text_24_and_12_hour(void **state)
{
    (void)state;
    assert_text(13, 5, false, "13:05");
    assert_text(0, 0, false, "00:00");
    assert_text(9, 7, false, "09:07");
    /* 12-hour: the hour padded with a space, then AM or PM (tmux: "%l:%M " and AM/PM). */
    assert_text(13, 5, true, " 1:05 PM");
    assert_text(0, 30, true, "12:30 AM");
    assert_text(12, 0, true, "12:00 PM");
    assert_text(9, 7, true, " 9:07 AM");
    assert_text(23, 59, true, "11:59 PM");
}

/* Row y of the canvas from column x0, n cells: '#' where the background is colour, the
 * character itself elsewhere (a blank as ' '). */
static void row_of(struct canvas *cv, int x0, int y, int n, uint32_t colour, char *out)
{
    for (int x = 0; x < n; x++) {
        const struct grid_cell *c = canvas_cell(cv, x0 + x, y);
        out[x] = c->bg == colour ? '#' : c->ch == 0 ? ' ' : (char)c->ch;
    }
    out[n] = '\0';
}

/* The canvas rows [y0, y0 + n) as text, trailing blanks cut. */
static void assert_rows(struct canvas *cv, int y0, const char *const *want, int n)
{
    char row[256];
    for (int i = 0; i < n; i++) {
        row_of(cv, 0, y0 + i, cv->cols, BLUE, row);
        size_t len = strlen(row);
        while (len > 0 && row[len - 1] == ' ')
            row[--len] = '\0';
        assert_string_equal(row, want[i]);
    }
}

static void test_big_digits_centred_as_tmux(void **state)
{
    (void)state;
    struct canvas cv;
    canvas_init(&cv, 80, 23);
    /* Something under the clock: it is cleared. */
    const struct grid_pen pen = {0};
    canvas_put_text(&cv, 0, 0, 80, "under the clock", &pen);
    clock_mode_draw_text(&cv, 0, 0, 80, 23, "20:46", BLUE);
    /* tmux 3.3a, an 80x23 pane at 20:46: from column 80/2 - 3*5, row 23/2 - 3. */
    static const char *const want[] = {
        "",
        "                         ##### #####       #   # #####",
        "                             # #   #   #   #   # #",
        "                         ##### #   #       ##### #####",
        "                         #     #   #   #       # #   #",
        "                         ##### #####           # #####",
        "",
    };
    assert_rows(&cv, 7, want, 7);
    for (int y = 0; y < 23; y++) {
        if (y >= 8 && y <= 12)
            continue;
        for (int x = 0; x < 80; x++) {
            assert_int_equal(canvas_cell(&cv, x, y)->ch, ' ');
            assert_int_not_equal(canvas_cell(&cv, x, y)->bg, BLUE);
        }
    }
    canvas_free(&cv);
}

static void test_every_shape(void **state)
{
    (void)state;
    struct canvas cv;
    canvas_init(&cv, 80, 23);
    /* tmux 3.3a at 13:59, 07:19 and, 12-hour, 6:13 AM and 9:13 PM. */
    clock_mode_draw_text(&cv, 0, 0, 80, 23, "13:59", BLUE);
    static const char *const t1359[] = {
        "                             # #####       ##### #####",
        "                             #     #   #   #     #   #",
        "                             # #####       ##### #####",
        "                             #     #   #       #     #",
        "                             # #####       ##### #####",
    };
    assert_rows(&cv, 8, t1359, 5);
    clock_mode_draw_text(&cv, 0, 0, 80, 23, "07:19", BLUE);
    static const char *const t0719[] = {
        "                         ##### #####           # #####",
        "                         #   #     #   #       # #   #",
        "                         #   #     #           # #####",
        "                         #   #     #   #       #     #",
        "                         #####     #           # #####",
    };
    assert_rows(&cv, 8, t0719, 5);
    clock_mode_draw_text(&cv, 0, 0, 80, 23, " 6:13 AM", BLUE);
    static const char *const t0613[] = {
        "                      #####           # #####       ##### #   #",
        "                      #       #       #     #       #   # ## ##",
        "                      #####           # #####       ##### # # #",
        "                      #   #   #       #     #       #   # #   #",
        "                      #####           # #####       #   # #   #",
    };
    assert_rows(&cv, 8, t0613, 5);
    clock_mode_draw_text(&cv, 0, 0, 80, 23, " 9:13 PM", BLUE);
    static const char *const t2113[] = {
        "                      #####           # #####       ##### #   #",
        "                      #   #   #       #     #       #   # ## ##",
        "                      #####           # #####       ##### # # #",
        "                          #   #       #     #       #     #   #",
        "                      #####           # #####       #     #   #",
    };
    assert_rows(&cv, 8, t2113, 5);
    canvas_free(&cv);
}

static void test_small_areas_show_the_text(void **state)
{
    (void)state;
    struct canvas cv;
    canvas_init(&cv, 40, 12);
    /* 29 columns < 6 per character: the text in the colour, centred (tmux: 29x9 pane,
     * "18:13" at column 12, row 4). */
    clock_mode_draw_text(&cv, 0, 0, 29, 9, "18:13", BLUE);
    const struct grid_cell *c = canvas_cell(&cv, 12, 4);
    assert_int_equal(c->ch, '1');
    assert_int_equal(c->fg, BLUE);
    assert_int_equal(canvas_cell(&cv, 16, 4)->ch, '3');
    /* Exactly 30 columns and 6 rows: big, from (0, 0). */
    clock_mode_draw_text(&cv, 0, 0, 30, 6, "18:13", BLUE);
    assert_int_equal(canvas_cell(&cv, 4, 0)->bg, BLUE);
    assert_int_not_equal(canvas_cell(&cv, 3, 0)->bg, BLUE);
    assert_int_equal(canvas_cell(&cv, 28, 4)->bg, BLUE);
    assert_int_not_equal(canvas_cell(&cv, 29, 4)->bg, BLUE);
    /* Narrower than the text: nothing but blanks. */
    clock_mode_draw_text(&cv, 0, 0, 4, 3, "18:13", BLUE);
    for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 4; x++)
            assert_int_equal(canvas_cell(&cv, x, y)->ch, ' ');
    }
    /* At an offset (a pane right of another): only its own rectangle changes. */
    canvas_free(&cv);
    canvas_init(&cv, 40, 12);
    canvas_put_text(&cv, 0, 0, 40, "left pane text", &(struct grid_pen){0});
    clock_mode_draw_text(&cv, 20, 2, 20, 10, "12:00", BLUE);
    assert_int_equal(canvas_cell(&cv, 0, 0)->ch, 'l');
    /* 20 columns < 30: text at 20 + 10 - 2, row 2 + 5. */
    assert_int_equal(canvas_cell(&cv, 28, 7)->ch, '1');
    assert_int_equal(canvas_cell(&cv, 32, 7)->ch, '0');
    canvas_free(&cv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_24_and_12_hour),
        cmocka_unit_test(test_big_digits_centred_as_tmux),
        cmocka_unit_test(test_every_shape),
        cmocka_unit_test(test_small_areas_show_the_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
