/* test_grid.c - the cell storage: history ring and its limit, scrolling, cell
 * editing primitives and resizing, independent of any escape sequence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "grid.h"

/* Write s (ASCII) on line y from column 0. */
static void put(struct grid *g, int y, const char *s)
{
    for (int x = 0; s[x] != '\0'; x++) {
        struct grid_cell *c = grid_set(g, x, y);
        *c = grid_blank_cell;
        c->ch = (uint8_t)s[x];
    }
}

/* The ASCII text of a line, trailing blanks trimmed. */
static const char *text(const struct grid_line *l)
{
    static char buf[256];
    int n = 0;
    for (int x = 0; l != NULL && x < l->used && n < 255; x++)
        buf[n++] = l->cells[x].ch ? (char)l->cells[x].ch : ' ';
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return buf;
}

#define ROW(g, y) text(grid_line_const((g), (y)))
#define HIST(g, i) text(grid_history_line((g), (i)))

/* Scroll one line into history after writing 'label' on the top line. */
static void push_line(struct grid *g, const char *label)
{
    grid_clear_lines(g, 0, 1, NULL);
    put(g, 0, label);
    grid_scroll_up(g, 0, grid_rows(g) - 1, 1, true, NULL);
}

/* A cell's words built from its fields are the words of the cell holding them. */
static void test_cell_words_from_fields_match_the_cell(void **state)
{
    (void)state;
    struct grid_cell c = grid_blank_cell;
    c.fg = COLOUR_RGB | 0x123456;
    c.bg = COLOUR_PALETTE | 200;
    c.attr = ATTR_BOLD | ATTR_ITALIC;
    c.ul = COLOUR_PALETTE | 9;
    grid_cell_set_width(&c, 2);
    grid_cell_set_link(&c, 77);
    assert_true(grid_cell_colours_word(c.fg, c.bg) == grid_cell_word(&c, GRID_WORD_COLOURS));
    assert_true(grid_cell_rest_word(c.attr, c.wl, c.ul) == grid_cell_word(&c, GRID_WORD_REST));
}

static void test_new_grid_is_blank(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 3, 100);
    assert_int_equal(grid_cols(g), 10);
    assert_int_equal(grid_rows(g), 3);
    assert_int_equal(grid_history_size(g), 0);
    assert_int_equal(grid_line_const(g, 0)->used, 0);
    assert_int_equal(grid_get(g, 5, 1)->ch, 0);
    assert_int_equal(grid_cell_width(grid_get(g, 5, 1)), 1);
    assert_int_equal(grid_cell_width(grid_get(g, -1, 99)), 1);
    assert_null(grid_set(g, 10, 0));
    assert_null(grid_line(g, 3));
    grid_free(g);
}

static void test_lines_allocated_only_as_wide_as_used(void **state)
{
    (void)state;
    struct grid *g = grid_create(200, 3, 100);
    grid_set(g, 2, 0)->ch = 'x';
    assert_int_equal(grid_line_const(g, 0)->used, 3);
    assert_true(grid_line_const(g, 0)->size < 200);
    assert_int_equal(grid_line_const(g, 1)->size, 0);
    grid_free(g);
}

static void test_scroll_up_sends_top_lines_to_history(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 3, 100);
    put(g, 0, "a");
    put(g, 1, "b");
    put(g, 2, "c");
    grid_scroll_up(g, 0, 2, 2, true, NULL);
    assert_int_equal(grid_history_size(g), 2);
    assert_string_equal(HIST(g, 0), "a");
    assert_string_equal(HIST(g, 1), "b");
    assert_string_equal(ROW(g, 0), "c");
    assert_string_equal(ROW(g, 1), "");
    assert_string_equal(ROW(g, 2), "");
    grid_free(g);
}

static void test_history_limit_drops_oldest_lines(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 2, 5);
    char label[16];
    for (int i = 0; i < 200; i++) {
        snprintf(label, sizeof label, "%d", i);
        push_line(g, label);
    }
    assert_int_equal(grid_history_size(g), 5);
    assert_string_equal(HIST(g, 0), "195");
    assert_string_equal(HIST(g, 4), "199");
    assert_null(grid_history_line(g, 5));
    assert_null(grid_history_line(g, -1));
    grid_free(g);
}

static void test_history_grows_past_initial_capacity(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 2, 1000);
    char label[16];
    for (int i = 0; i < 700; i++) {
        snprintf(label, sizeof label, "%d", i);
        push_line(g, label);
    }
    assert_int_equal(grid_history_size(g), 700);
    assert_string_equal(HIST(g, 0), "0");
    assert_string_equal(HIST(g, 699), "699");
    grid_free(g);
}

static void test_lowering_history_limit_keeps_newest(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 2, 10);
    char label[16];
    for (int i = 0; i < 15; i++) {
        snprintf(label, sizeof label, "%d", i);
        push_line(g, label);
    }
    grid_set_history_limit(g, 3);
    assert_int_equal(grid_history_size(g), 3);
    assert_string_equal(HIST(g, 0), "12");
    assert_string_equal(HIST(g, 2), "14");
    push_line(g, "new");
    assert_int_equal(grid_history_size(g), 3);
    assert_string_equal(HIST(g, 2), "new");
    grid_set_history_limit(g, 6);
    push_line(g, "more");
    assert_int_equal(grid_history_size(g), 4);
    assert_string_equal(HIST(g, 0), "13");
    assert_string_equal(HIST(g, 3), "more");
    grid_free(g);
}

static void test_clear_history(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 2, 10);
    push_line(g, "x");
    push_line(g, "y");
    grid_clear_history(g);
    assert_int_equal(grid_history_size(g), 0);
    push_line(g, "z");
    assert_int_equal(grid_history_size(g), 1);
    assert_string_equal(HIST(g, 0), "z");
    grid_free(g);
}

static void test_zero_history_limit_keeps_nothing(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 2, 0);
    push_line(g, "x");
    assert_int_equal(grid_history_size(g), 0);
    grid_free(g);
}

static void test_region_scroll_does_not_touch_history(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 4, 10);
    put(g, 0, "0");
    put(g, 1, "1");
    put(g, 2, "2");
    put(g, 3, "3");
    grid_scroll_up(g, 1, 2, 1, true, NULL);
    assert_int_equal(grid_history_size(g), 0);
    assert_string_equal(ROW(g, 0), "0");
    assert_string_equal(ROW(g, 1), "2");
    assert_string_equal(ROW(g, 2), "");
    assert_string_equal(ROW(g, 3), "3");
    grid_scroll_down(g, 0, 2, 1, NULL);
    assert_string_equal(ROW(g, 0), "");
    assert_string_equal(ROW(g, 1), "0");
    assert_string_equal(ROW(g, 2), "2");
    assert_string_equal(ROW(g, 3), "3");
    grid_free(g);
}

/* Two visible lines the same, cell by cell, with their flags and versions. */
static void assert_lines_equal(const struct grid_line *a, const struct grid_line *b)
{
    assert_int_equal(a->used, b->used);
    assert_int_equal(a->wrapped, b->wrapped);
    assert_int_equal(a->plain, b->plain);
    assert_int_equal(a->mark, b->mark);
    assert_true(a->version == b->version);
    if (a->used > 0)
        assert_memory_equal(a->cells, b->cells, (size_t)a->used * sizeof *a->cells);
}

/* grid_scroll_screen_up (the flood's fast path) leaves the screen and the history as
 * grid_scroll_up of the whole screen by one line does: lines plain, styled, wide and
 * wrapped; default and coloured pens; with and without history, past its limit. */
static void test_scroll_screen_up_is_the_general_scroll(void **state)
{
    (void)state;
    struct grid *fast = grid_create(12, 4, 7), *slow = grid_create(12, 4, 7);
    struct grid *both[2] = { fast, slow };
    const struct grid_pen pens[3] = { { 0 }, { .bg = COLOUR_PALETTE | 4 },
                                      { .fg = COLOUR_RGB | 0x102030, .attr = ATTR_BOLD } };
    uint32_t seed = 12345;
    for (int step = 0; step < 400; step++) {
        seed = seed * 1103515245u + 12345u;
        const struct grid_pen *pen = (seed >> 8) % 4 == 3 ? NULL : &pens[(seed >> 8) % 4 % 3];
        bool to_history = (seed >> 12) % 5 != 0;
        int y = (int)((seed >> 16) % 4), n = 1 + (int)((seed >> 20) % 12);
        for (int k = 0; k < 2; k++) {
            struct grid *g = both[k];
            switch ((seed >> 24) % 4) {
            case 0: { /* plain text */
                struct grid_cell *c = grid_write_text_run(g, 0, y, n);
                for (int x = 0; x < n; x++) {
                    c[x] = grid_blank_cell;
                    c[x].ch = (uint32_t)('a' + (step + x) % 26);
                }
                break;
            }
            case 1: { /* styled, a wide character at the end */
                struct grid_cell *c = grid_set_run(g, 0, y, n);
                for (int x = 0; x < n; x++) {
                    c[x] = grid_blank_cell;
                    c[x].ch = (uint32_t)('A' + x);
                    c[x].fg = COLOUR_PALETTE | (uint32_t)(x % 8);
                }
                if (n >= 2) {
                    c[n - 2].ch = 0x4e2d;
                    grid_cell_set_width(&c[n - 2], 2);
                    c[n - 1].ch = 0;
                    grid_cell_set_width(&c[n - 1], 0);
                }
                break;
            }
            case 2:
                grid_set_wrapped(g, y, true);
                grid_clear_cells(g, n % 12, y, 3, pen);
                break;
            default:
                grid_add_mark(g, y, GRID_MARK_PROMPT);
                break;
            }
        }
        grid_scroll_screen_up(fast, to_history, pen);
        grid_scroll_up(slow, 0, grid_rows(slow) - 1, 1, to_history, pen);
        for (int r = 0; r < grid_rows(fast); r++)
            assert_lines_equal(grid_line_const(fast, r), grid_line_const(slow, r));
        assert_int_equal(grid_history_size(fast), grid_history_size(slow));
        assert_true(grid_history_dropped(fast) == grid_history_dropped(slow));
        assert_true(grid_history_bytes(fast) == grid_history_bytes(slow));
    }
    assert_true(grid_history_dropped(fast) > 0);
    for (int i = 0; i < grid_history_size(fast); i++) {
        struct grid_line a = { 0 }, b = { 0 };
        assert_true(grid_history_copy(fast, i, &a));
        assert_true(grid_history_copy(slow, i, &b));
        a.version = b.version = 0;
        assert_lines_equal(&a, &b);
        grid_line_release(&a);
        grid_line_release(&b);
    }
    grid_free(fast);
    grid_free(slow);
}

/* grid_write_text (characters only where a line's cells already have the default
 * style) leaves every line as the general path does, grid_write_text_run and every
 * cell written whole, whatever was in the cells before: styled and wide text, coloured
 * erasures, scrolled and reset lines, writable access, inserts, deletes, resizes. */
static void test_write_text_is_the_general_write(void **state)
{
    (void)state;
    struct grid *fast = grid_create(16, 4, 5), *slow = grid_create(16, 4, 5);
    struct grid *both[2] = { fast, slow };
    const struct grid_pen pens[2] = { { 0 }, { .bg = COLOUR_PALETTE | 2 } };
    uint32_t seed = 777;
    for (int step = 0; step < 3000; step++) {
        seed = seed * 1103515245u + 12345u;
        int cols = grid_cols(fast), rows = grid_rows(fast);
        int y = (int)((seed >> 4) % (uint32_t)rows), x = (int)((seed >> 8) % (uint32_t)cols);
        int n = 1 + (int)((seed >> 12) % (uint32_t)(cols - x));
        const struct grid_pen *pen = &pens[(seed >> 16) % 2];
        uint8_t text[64];
        for (int i = 0; i < n; i++)
            text[i] = (uint8_t)(0x20 + (step * 7 + i) % 0x5f);
        unsigned op = (seed >> 20) % 12;
        for (int k = 0; k < 2; k++) {
            struct grid *g = both[k];
            switch (op) {
            case 0: case 1: case 2: case 3: /* the run under test */
                if (g == fast) {
                    grid_write_text(g, x, y, text, n);
                } else {
                    struct grid_cell *c = grid_write_text_run(g, x, y, n);
                    for (int i = 0; i < n; i++) {
                        c[i] = grid_blank_cell;
                        c[i].ch = text[i];
                    }
                }
                break;
            case 4: { /* styled text, a wide character first when it fits */
                struct grid_cell *c = grid_write_run(g, x, y, n);
                for (int i = 0; i < n; i++) {
                    c[i] = grid_blank_cell;
                    c[i].ch = text[i];
                    c[i].fg = COLOUR_PALETTE | 1;
                    c[i].attr = ATTR_BOLD;
                }
                if (n >= 2) {
                    c[0].ch = 0x4e2d;
                    grid_cell_set_width(&c[0], 2);
                    c[1].ch = 0;
                    grid_cell_set_width(&c[1], 0);
                }
                break;
            }
            case 5:
                grid_clear_cells(g, x, y, n, pen);
                break;
            case 6:
                grid_clear_lines(g, y, 1, pen);
                break;
            case 7:
                if (seed >> 28 & 1)
                    grid_scroll_screen_up(g, true, pen);
                else
                    grid_scroll_up(g, 0, rows - 1, 1 + (int)(seed >> 29), true, pen);
                break;
            case 8:
                grid_set(g, x, y)->bg = COLOUR_RGB | 0x405060;
                break;
            case 9:
                if (seed >> 28 & 1)
                    grid_insert_cells(g, x, y, n, pen);
                else
                    grid_delete_cells(g, x, y, n, pen);
                break;
            case 10: { /* writable access: any cell may change */
                struct grid_line *l = grid_line(g, y);
                if (l->used > x)
                    l->cells[x].attr = ATTR_ITALIC;
                grid_scroll_down(g, 0, rows - 1, 1, pen);
                break;
            }
            default:
                grid_resize(g, 8 + (int)((seed >> 24) % 12), rows);
                break;
            }
        }
        for (int r = 0; r < grid_rows(fast); r++) {
            const struct grid_line *a = grid_line_const(fast, r), *b = grid_line_const(slow, r);
            assert_int_equal(a->used, b->used);
            assert_int_equal(a->plain, b->plain);
            if (a->used > 0)
                assert_memory_equal(a->cells, b->cells, (size_t)a->used * sizeof *a->cells);
        }
    }
    grid_free(fast);
    grid_free(slow);
}

/* grid_cells_blank (cell.h) makes exactly the blank cell of every cell it is given and
 * touches no other: from any words, or (styled) from cells whose words 1 and 2 are the
 * blank cell's already, for counts 0 to 9. */
static void test_blank_fill_is_the_blank_cell(void **state)
{
    (void)state;
    for (int styled = 0; styled < 2; styled++) {
        for (size_t n = 0; n <= 9; n++) {
            struct grid_cell c[12], before[12];
            memset(c, 0xab, sizeof c);
            for (size_t i = 0; styled && i < n; i++) {
                grid_cell_set_word(&c[i], GRID_WORD_COLOURS,
                                   grid_cell_word(&grid_blank_cell, GRID_WORD_COLOURS));
                grid_cell_set_word(&c[i], GRID_WORD_REST,
                                   grid_cell_word(&grid_blank_cell, GRID_WORD_REST));
            }
            memcpy(before, c, sizeof c);
            grid_cells_blank(c, n, styled != 0);
            for (size_t i = 0; i < n; i++)
                assert_memory_equal(&c[i], &grid_blank_cell, sizeof c[i]);
            assert_memory_equal(&c[n], &before[n], (12 - n) * sizeof c[0]);
        }
    }
}

/* Text written past a line's end blanks the gap before it: where the line's clean start
 * covers the gap only the characters are cleared (the style words are the blank's), and
 * where it does not (a style was written there, or the gap runs past it) every word is;
 * either way the gap holds exactly default blanks. */
static void test_gap_before_text_is_blank(void **state)
{
    (void)state;
    struct grid *g = grid_create(20, 3, 0);
    const uint8_t ab[] = "abcdefghij";
    /* Row 0: the gap inside the clean start left by default text. */
    grid_write_text(g, 0, 0, ab, 10);
    grid_clear_cells(g, 0, 0, 20, NULL);
    assert_int_equal(grid_line_const(g, 0)->used, 0);
    grid_write_text(g, 6, 0, ab, 2);
    /* Row 1: styled cells under the gap. */
    struct grid_cell *c = grid_write_run(g, 0, 1, 4);
    for (int i = 0; i < 4; i++) {
        c[i] = grid_blank_cell;
        c[i].ch = 'S';
        c[i].fg = COLOUR_PALETTE | 1;
        c[i].ul = COLOUR_RGB | 0x102030;
    }
    grid_clear_cells(g, 0, 1, 20, NULL);
    grid_write_text(g, 6, 1, ab, 2);
    /* Row 2: a gap that starts inside the clean start and ends past it, over styled
     * cells. */
    c = grid_write_run(g, 0, 2, 8);
    for (int i = 0; i < 8; i++) {
        c[i] = grid_blank_cell;
        c[i].ch = 'S';
        c[i].attr = ATTR_BOLD;
    }
    grid_clear_cells(g, 0, 2, 20, NULL);
    grid_write_text(g, 0, 2, ab, 3);
    grid_clear_cells(g, 0, 2, 20, NULL);
    grid_write_text(g, 8, 2, ab, 2);
    for (int y = 0; y < 3; y++) {
        const struct grid_line *l = grid_line_const(g, y);
        int x0 = y == 2 ? 8 : 6;
        assert_int_equal(l->used, x0 + 2);
        for (int x = 0; x < x0; x++)
            assert_memory_equal(&l->cells[x], &grid_blank_cell, sizeof l->cells[x]);
        assert_int_equal(l->cells[x0].ch, 'a');
    }
    grid_free(g);
}

static void test_scrolled_in_lines_take_background(void **state)
{
    (void)state;
    struct grid *g = grid_create(4, 2, 10);
    struct grid_pen pen = { .bg = COLOUR_PALETTE | 3 };
    grid_scroll_up(g, 0, 1, 1, false, &pen);
    assert_int_equal(grid_get(g, 3, 1)->bg, COLOUR_PALETTE | 3);
    assert_int_equal(grid_get(g, 3, 0)->bg, COLOUR_DEFAULT);
    grid_free(g);
}

static void test_scroll_more_than_region_clears_it(void **state)
{
    (void)state;
    struct grid *g = grid_create(4, 3, 10);
    put(g, 0, "a");
    put(g, 1, "b");
    grid_scroll_down(g, 0, 2, 99, NULL);
    assert_string_equal(ROW(g, 0), "");
    assert_string_equal(ROW(g, 1), "");
    grid_free(g);
}

static void test_insert_and_delete_cells(void **state)
{
    (void)state;
    struct grid *g = grid_create(6, 1, 0);
    put(g, 0, "abcdef");
    grid_insert_cells(g, 1, 0, 2, NULL);
    assert_string_equal(ROW(g, 0), "a  bcd");
    grid_delete_cells(g, 0, 0, 3, NULL);
    assert_string_equal(ROW(g, 0), "bcd");
    struct grid_pen pen = { .bg = COLOUR_RGB | 0x112233 };
    grid_delete_cells(g, 0, 0, 1, &pen);
    assert_string_equal(ROW(g, 0), "cd");
    assert_int_equal(grid_get(g, 5, 0)->bg, COLOUR_RGB | 0x112233);
    grid_free(g);
}

static void test_clear_cells_with_default_pen_truncates(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 1, 0);
    put(g, 0, "abcdef");
    grid_clear_cells(g, 3, 0, 100, NULL);
    assert_int_equal(grid_line_const(g, 0)->used, 3);
    grid_clear_cells(g, 0, 0, 1, NULL);
    assert_string_equal(ROW(g, 0), " bc");
    grid_free(g);
}

static void test_wide_cell_split_by_clear_is_blanked(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 1, 0);
    struct grid_cell *c = grid_set_run(g, 2, 0, 2);
    c[0] = grid_blank_cell;
    c[0].ch = 0x4e2d;
    grid_cell_set_width(&c[0], 2);
    c[1] = grid_blank_cell;
    grid_cell_set_width(&c[1], 0);
    grid_clear_cells(g, 3, 0, 1, NULL);
    assert_int_equal(grid_get(g, 2, 0)->ch, 0);
    assert_int_equal(grid_cell_width(grid_get(g, 2, 0)), 1);
    assert_int_equal(grid_cell_width(grid_get(g, 3, 0)), 1);
    grid_free(g);
}

static void test_resize_truncates_and_extends(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 3, 10);
    put(g, 0, "0123456789");
    put(g, 2, "last");
    grid_resize(g, 4, 2);
    assert_int_equal(grid_cols(g), 4);
    assert_int_equal(grid_rows(g), 2);
    assert_string_equal(ROW(g, 0), "0123");
    grid_resize(g, 8, 4);
    assert_string_equal(ROW(g, 0), "0123");
    assert_string_equal(ROW(g, 3), "");
    grid_set(g, 7, 3)->ch = 'z';
    assert_int_equal(grid_get(g, 7, 3)->ch, 'z');
    grid_free(g);
}

static void test_pull_history_restores_lines_on_top(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 2, 10);
    push_line(g, "old1");
    push_line(g, "old2");
    put(g, 0, "cur");
    assert_int_equal(grid_pull_history(g, 1), 1);
    assert_string_equal(ROW(g, 0), "old2");
    assert_string_equal(ROW(g, 1), "cur");
    assert_int_equal(grid_history_size(g), 1);
    assert_int_equal(grid_pull_history(g, 5), 1);
    assert_int_equal(grid_pull_history(g, 5), 0);
    grid_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cell_words_from_fields_match_the_cell),
        cmocka_unit_test(test_new_grid_is_blank),
        cmocka_unit_test(test_lines_allocated_only_as_wide_as_used),
        cmocka_unit_test(test_scroll_up_sends_top_lines_to_history),
        cmocka_unit_test(test_history_limit_drops_oldest_lines),
        cmocka_unit_test(test_history_grows_past_initial_capacity),
        cmocka_unit_test(test_lowering_history_limit_keeps_newest),
        cmocka_unit_test(test_clear_history),
        cmocka_unit_test(test_zero_history_limit_keeps_nothing),
        cmocka_unit_test(test_region_scroll_does_not_touch_history),
        cmocka_unit_test(test_scroll_screen_up_is_the_general_scroll),
        cmocka_unit_test(test_write_text_is_the_general_write),
        cmocka_unit_test(test_blank_fill_is_the_blank_cell),
        cmocka_unit_test(test_gap_before_text_is_blank),
        cmocka_unit_test(test_scrolled_in_lines_take_background),
        cmocka_unit_test(test_scroll_more_than_region_clears_it),
        cmocka_unit_test(test_insert_and_delete_cells),
        cmocka_unit_test(test_clear_cells_with_default_pen_truncates),
        cmocka_unit_test(test_wide_cell_split_by_clear_is_blanked),
        cmocka_unit_test(test_resize_truncates_and_extends),
        cmocka_unit_test(test_pull_history_restores_lines_on_top),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
