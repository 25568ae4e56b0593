/* test_vt_snapshot.c - a vt's state and lines saved as bytes (vt_snapshot.h) come back
 * the same in a fresh vt: every cell of both screens and of history (characters, wide
 * characters, marks, colours, attributes, wrapped flags), the cursor and saved cursors,
 * modes, scroll region, tab stops, charsets, title and directory; and bytes that are not
 * a valid line or state (cut anywhere, a control character in a cell, a position off
 * the screen) are refused without touching the vt. */
#include "test_vt_helpers.h"

#include "vt_snapshot.h"

#define COLS 30
#define ROWS 6

/* Everything the encoder writes of t, in the order a restore reads it. */
struct saved {
    struct sbuf state, hist, main, alt;
    int nhist;
};

static void save(struct term *t, struct saved *sv)
{
    memset(sv, 0, sizeof *sv);
    vt_snapshot_put_state(&sv->state, t->vt);
    const struct grid *main = vt_main_grid(t->vt), *alt = vt_snapshot_alt_grid(t->vt);
    sv->nhist = grid_history_size(main);
    for (int i = 0; i < sv->nhist; i++)
        vt_snapshot_put_line(&sv->hist, grid_history_line(main, i));
    for (int y = 0; y < ROWS; y++) {
        vt_snapshot_put_line(&sv->main, grid_line_const(main, y));
        vt_snapshot_put_line(&sv->alt, grid_line_const(alt, y));
    }
}

static struct term *restore(struct saved *sv)
{
    struct term *t = term_new(COLS, ROWS, 100);
    struct grid_line l = {0};
    struct sbuf_reader r;
    sbuf_reader_init(&r, sv->hist.p, sv->hist.len);
    for (int i = 0; i < sv->nhist; i++) {
        assert_true(vt_snapshot_get_line(&r, &l));
        vt_snapshot_push_history(t->vt, &l);
    }
    sbuf_reader_init(&r, sv->main.p, sv->main.len);
    for (int y = 0; y < ROWS; y++) {
        assert_true(vt_snapshot_get_line(&r, &l));
        vt_snapshot_set_line(t->vt, false, y, &l);
    }
    sbuf_reader_init(&r, sv->alt.p, sv->alt.len);
    for (int y = 0; y < ROWS; y++) {
        assert_true(vt_snapshot_get_line(&r, &l));
        vt_snapshot_set_line(t->vt, true, y, &l);
    }
    grid_line_release(&l);
    sbuf_reader_init(&r, sv->state.p, sv->state.len);
    assert_true(vt_snapshot_get_state(&r, t->vt));
    assert_true(sbuf_reader_done(&r) && !r.bad);
    return t;
}

static void saved_free(struct saved *sv)
{
    sbuf_free(&sv->state);
    sbuf_free(&sv->hist);
    sbuf_free(&sv->main);
    sbuf_free(&sv->alt);
}

static void assert_lines_equal(const struct grid_line *a, const struct grid_line *b)
{
    int n = a->used > b->used ? a->used : b->used;
    for (int x = 0; x < n; x++) {
        const struct grid_cell *ca = x < a->used ? &a->cells[x] : &grid_blank_cell;
        const struct grid_cell *cb = x < b->used ? &b->cells[x] : &grid_blank_cell;
        assert_int_equal(ca->ch, cb->ch);
        assert_int_equal(ca->comb, cb->comb);
        assert_int_equal(ca->fg, cb->fg);
        assert_int_equal(ca->bg, cb->bg);
        assert_int_equal(ca->attr, cb->attr);
        assert_int_equal(ca->ul, cb->ul);
        assert_int_equal(grid_cell_width(ca), grid_cell_width(cb));
    }
    assert_int_equal(a->wrapped, b->wrapped);
}

static void assert_same(struct term *a, struct term *b)
{
    const struct grid *ma = vt_main_grid(a->vt), *mb = vt_main_grid(b->vt);
    assert_int_equal(grid_history_size(ma), grid_history_size(mb));
    struct grid_line la = {0}, lb = {0};
    for (int i = 0; i < grid_history_size(ma); i++) {
        grid_history_copy(ma, i, &la);
        grid_history_copy(mb, i, &lb);
        assert_lines_equal(&la, &lb);
    }
    grid_line_release(&la);
    grid_line_release(&lb);
    for (int y = 0; y < ROWS; y++) {
        assert_lines_equal(grid_line_const(ma, y), grid_line_const(mb, y));
        assert_lines_equal(grid_line_const(vt_snapshot_alt_grid(a->vt), y),
                           grid_line_const(vt_snapshot_alt_grid(b->vt), y));
    }
    int ax, ay, bx, by;
    vt_cursor(a->vt, &ax, &ay);
    vt_cursor(b->vt, &bx, &by);
    assert_int_equal(ax, bx);
    assert_int_equal(ay, by);
    assert_int_equal(vt_modes(a->vt), vt_modes(b->vt));
    assert_string_equal(vt_title(a->vt), vt_title(b->vt));
    assert_string_equal(vt_cwd(a->vt), vt_cwd(b->vt));
    assert_int_equal(vt_cursor_style(a->vt), vt_cursor_style(b->vt));
    int at, ab, bt, bb;
    vt_scroll_region(a->vt, &at, &ab);
    vt_scroll_region(b->vt, &bt, &bb);
    assert_int_equal(at, bt);
    assert_int_equal(ab, bb);
    for (int x = 0; x < COLS; x++)
        assert_int_equal(vt_tab_stop(a->vt, x), vt_tab_stop(b->vt, x));
}

static const char rich[] =
    "plain line\r\n"
    "\033[1;31mbold red\033[0m \033[38;2;1;2;3mrgb\033[48;5;200m bg\033[0m\r\n"
    "wide \xe4\xb8\xad\xe6\x96\x87 and e\xcc\x81 mark\r\n"
    "\033[4:3;58;5;9mcurly\033[0m \033[7mreverse\033[0m\r\n"
    "a line long enough to wrap onto the next row of the screen\r\n"
    "1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n7\r\n"
    "\033]2;the title\007\033]7;file:///tmp/some%20dir\007"
    "\033[3g\033[1;5H\033H\033[1;13H\033H"  /* tab stops at 4 and 12 only */
    "\033[2;5r\033[?1h\033=\033[?2004h\033[?1006h\033[?1002h\033[4 q"
    "\033[3;7H\0337"                           /* saved cursor */
    "\033(0\033[?1049h\033[2;2Halt \033[32mscreen\033[0m\033[4;9H";

static void test_a_rich_screen_comes_back_the_same(void **state)
{
    (void)state;
    struct term *a = term_new(COLS, ROWS, 100);
    feed(a, rich);
    struct saved sv;
    save(a, &sv);
    struct term *b = restore(&sv);
    assert_same(a, b);
    /* Leaving the alternate screen restores the same saved cursor, the charset too. */
    feed(a, "\033[?1049lq");
    feed(b, "\033[?1049lq");
    assert_same(a, b);
    saved_free(&sv);
    term_free(a);
    term_free(b);
}

/* Every prefix of a valid line is refused (it is cut), never read past. */
static void test_cut_lines_are_refused(void **state)
{
    (void)state;
    struct term *a = term_new(COLS, ROWS, 100);
    feed(a, "\033[31mred \xe4\xb8\xad e\xcc\x81\033[0m   x");
    struct sbuf b = {0};
    vt_snapshot_put_line(&b, grid_line_const(vt_main_grid(a->vt), 0));
    struct grid_line l = {0};
    for (size_t n = 0; n < b.len; n++) {
        uint8_t *copy = malloc(n + 1);
        memcpy(copy, b.p, n);
        struct sbuf_reader r;
        sbuf_reader_init(&r, copy, n);
        assert_false(vt_snapshot_get_line(&r, &l));
        free(copy);
    }
    struct sbuf_reader r;
    sbuf_reader_init(&r, b.p, b.len);
    assert_true(vt_snapshot_get_line(&r, &l));
    grid_line_release(&l);
    sbuf_free(&b);
    term_free(a);
}

/* Cells a snapshot cannot smuggle in: a C0/C1 control (ESC would reach the user's
 * terminal through the renderer), a surrogate, a width of 3, an unknown token, a
 * colour of no kind. */
static void test_hostile_lines_are_refused(void **state)
{
    (void)state;
    static const uint8_t bad[][12] = {
        {3, 0, 0x01, 0x1b, 'a', 'b'},              /* ESC as a character */
        {1, 0, 0x01, 0x9b, 0x01},                  /* CSI (C1) */
        {1, 0, 0x01, 0x80, 0xb0, 0x03},            /* a surrogate */
        {1, 0, 0x05, 'a', 0, 3},                   /* width 3 */
        {1, 0, 0x05, 0, 0x1b, 1},                  /* a control as a mark */
        {1, 0, 0x07},                              /* unknown token */
        {1, 0, 0x03, 0x80, 0x80, 0x80, 0x30, 0, 0, 0, 'a'}, /* colour kind 3 */
        {2, 0, 0x02, 0x80, 0x40},                  /* wide character... */
        {1, 2, 'a'},                               /* unknown flag */
        {1, 0, 0x04, 2},                           /* more blanks than cells */
    };
    size_t lens[] = {6, 5, 6, 6, 6, 3, 11, 5, 3, 4};
    struct grid_line l = {0};
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        struct sbuf_reader r;
        sbuf_reader_init(&r, bad[i], lens[i]);
        if (i == 7) {
            /* ...is fine when it fits: U+2000 at width 2 takes both cells. */
            assert_true(vt_snapshot_get_line(&r, &l));
            assert_int_equal(l.used, 2);
            continue;
        }
        if (vt_snapshot_get_line(&r, &l))
            fail_msg("bad line %zu was taken", i);
    }
    grid_line_release(&l);
}

/* A state of another size, or a cursor off the screen, is refused and nothing of it
 * applied. */
static void test_bad_states_are_refused(void **state)
{
    (void)state;
    struct term *a = term_new(COLS, ROWS, 100);
    feed(a, "\033[3;4H\033]2;kept\007");
    struct sbuf b = {0};
    vt_snapshot_put_state(&b, a->vt);
    struct term *small = term_new(COLS - 1, ROWS, 100);
    struct sbuf_reader r;
    sbuf_reader_init(&r, b.p, b.len);
    assert_false(vt_snapshot_get_state(&r, small->vt));
    ASSERT_CURSOR(small, 0, 0);
    for (size_t n = 0; n < b.len; n++) {
        struct term *t = term_new(COLS, ROWS, 100);
        sbuf_reader_init(&r, b.p, n);
        assert_false(vt_snapshot_get_state(&r, t->vt));
        ASSERT_CURSOR(t, 0, 0);
        assert_string_equal(vt_title(t->vt), "");
        term_free(t);
    }
    sbuf_free(&b);
    term_free(small);
    term_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_rich_screen_comes_back_the_same),
        cmocka_unit_test(test_cut_lines_are_refused),
        cmocka_unit_test(test_hostile_lines_are_refused),
        cmocka_unit_test(test_bad_states_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
