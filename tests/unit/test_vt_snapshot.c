/* test_vt_snapshot.c - a vt's state and lines saved as bytes (vt_snapshot.h) come back
 * the same in a fresh vt: every cell of both screens and of history (characters, wide
 * characters, marks, colours, attributes, wrapped flags), the cursor and saved cursors,
 * modes, scroll region, tab stops, charsets, title and directory; and bytes that are not
 * a valid line or state (cut anywhere, a control character in a cell, a position off
 * the screen) are refused without touching the vt. */
#include "test_vt_helpers.h"

#include "links.h"
#include "vt_modes.h"
#include "vt_snapshot.h"

#define COLS 30
#define ROWS 6

/* Everything the encoder writes of t, in the order a restore reads it. */
struct saved {
    struct sbuf state, hist, main, alt;
    int nhist;
};

/* A row of an alternate screen never shown (vt_snapshot_alt_grid is NULL): blank. */
static const struct grid_line blank_row = {.plain = true};

static const struct grid_line *alt_row(const struct grid *alt, int y)
{
    return alt != NULL ? grid_line_const(alt, y) : &blank_row;
}

static void save(struct term *t, struct saved *sv)
{
    memset(sv, 0, sizeof *sv);
    vt_snapshot_put_state(&sv->state, t->vt);
    const struct grid *main = vt_main_grid(t->vt), *alt = vt_snapshot_alt_grid(t->vt);
    sv->nhist = grid_history_size(main);
    for (int i = 0; i < sv->nhist; i++)
        vt_snapshot_put_line(&sv->hist, t->vt, grid_history_line(main, i));
    for (int y = 0; y < ROWS; y++) {
        vt_snapshot_put_line(&sv->main, t->vt, grid_line_const(main, y));
        vt_snapshot_put_line(&sv->alt, t->vt, alt_row(alt, y));
    }
}

static struct term *restore(struct saved *sv)
{
    struct term *t = term_new(COLS, ROWS, 100);
    struct grid_line l = {0};
    struct sbuf_reader r;
    sbuf_reader_init(&r, sv->hist.p, sv->hist.len);
    for (int i = 0; i < sv->nhist; i++) {
        assert_true(vt_snapshot_get_line(&r, t->vt, &l));
        vt_snapshot_push_history(t->vt, &l);
    }
    sbuf_reader_init(&r, sv->main.p, sv->main.len);
    for (int y = 0; y < ROWS; y++) {
        assert_true(vt_snapshot_get_line(&r, t->vt, &l));
        vt_snapshot_set_line(t->vt, false, y, &l);
    }
    sbuf_reader_init(&r, sv->alt.p, sv->alt.len);
    for (int y = 0; y < ROWS; y++) {
        assert_true(vt_snapshot_get_line(&r, t->vt, &l));
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
        assert_lines_equal(alt_row(vt_snapshot_alt_grid(a->vt), y),
                           alt_row(vt_snapshot_alt_grid(b->vt), y));
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

/* A screen whose program never showed the alternate screen comes back without one
 * made (its rows are blank: nothing to hold), and one shown later starts blank. */
static void test_no_alternate_screen_is_made_by_a_restore(void **state)
{
    (void)state;
    struct term *a = term_new(COLS, ROWS, 100);
    feed(a, "a shell\r\n$ ");
    assert_null(vt_snapshot_alt_grid(a->vt));
    struct saved sv;
    save(a, &sv);
    struct term *b = restore(&sv);
    assert_same(a, b);
    assert_null(vt_snapshot_alt_grid(b->vt));
    feed(b, "\033[?1049h");
    assert_non_null(vt_snapshot_alt_grid(b->vt));
    assert_ptr_equal(vt_snapshot_alt_grid(b->vt), vt_grid(b->vt));
    saved_free(&sv);
    term_free(a);
    term_free(b);
}

/* What programs leave in a vt beyond cells and cursor: hyperlinks (on the screen, in
 * history, one still open), several combining marks on a cell, OSC 133 marks, the
 * colours the program set, the title stack, the kitty keyboard flags and their stack,
 * modifyOtherKeys, DECCOLM. */
static const char extra[] =
    "\033]133;A\007$ \033]133;B\007ls\r\n\033]133;C\007"
    "\033]8;id=x;https://example.com/a\007linked\033]8;;\007 text\r\n"
    "e\xcc\x81\xcc\x82\xcc\x83 marks\r\n"
    "\033]8;;file:///old\007old link\033]8;;\007\r\n"
    "1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n"
    "\033]4;1;rgb:12/34/56\007\033]11;rgb:01/02/03\007"
    "\033]2;first\007\033[22t\033]2;second\007\033[22t\033]2;now\007"
    "\033[>5u\033[>1u\033[>4;2m\033[?3h"
    "\033]8;;https://open.example/\007";

static void assert_links_equal(struct term *a, struct term *b, const struct grid_line *la,
                               const struct grid_line *lb)
{
    assert_int_equal(la->mark, lb->mark);
    for (int x = 0; x < la->used && x < lb->used; x++) {
        const char *ua = links_uri(vt_links(a->vt), grid_cell_link(&la->cells[x]));
        const char *ub = links_uri(vt_links(b->vt), grid_cell_link(&lb->cells[x]));
        if (ua == NULL || ub == NULL)
            assert_true(ua == ub);
        else {
            assert_string_equal(ua, ub);
            assert_string_equal(links_id(vt_links(a->vt), grid_cell_link(&la->cells[x])),
                                links_id(vt_links(b->vt), grid_cell_link(&lb->cells[x])));
        }
        char ma[GRID_MARKS_UTF8_MAX], mb[GRID_MARKS_UTF8_MAX];
        int na = grid_cell_marks_utf8(vt_main_grid(a->vt), &la->cells[x], ma);
        int nb = grid_cell_marks_utf8(vt_main_grid(b->vt), &lb->cells[x], mb);
        assert_int_equal(na, nb);
        assert_memory_equal(ma, mb, (size_t)na);
    }
}

static void test_links_marks_colours_titles_and_keys_come_back(void **state)
{
    (void)state;
    struct term *a = term_new(COLS, ROWS, 100);
    feed(a, extra);
    struct saved sv;
    save(a, &sv);
    struct term *b = restore(&sv);
    /* (assert_same compares comb numbers, which are per vt: marks are compared here) */
    const struct grid *ma = vt_main_grid(a->vt), *mb = vt_main_grid(b->vt);
    assert_int_equal(grid_history_size(ma), grid_history_size(mb));
    struct grid_line la = {0}, lb = {0};
    int linked = 0, marked = 0;
    for (int i = 0; i < grid_history_size(ma); i++) {
        grid_history_copy(ma, i, &la);
        grid_history_copy(mb, i, &lb);
        assert_links_equal(a, b, &la, &lb);
        linked += la.used > 0 && grid_cell_link(&la.cells[0]) != 0;
        char m[GRID_MARKS_UTF8_MAX];
        marked += la.used > 0 && grid_cell_marks_utf8(mb, &lb.cells[0], m) == 6;
    }
    assert_int_equal(linked, 2); /* "linked" and "old link" went to history linked */
    assert_int_equal(marked, 1); /* e and its three marks */
    grid_history_copy(mb, 0, &lb);
    assert_int_equal(lb.mark, GRID_MARK_PROMPT | GRID_MARK_COMMAND);
    grid_history_copy(mb, 1, &lb);
    assert_int_equal(lb.mark, GRID_MARK_OUTPUT);
    for (int y = 0; y < ROWS; y++)
        assert_links_equal(a, b, grid_line_const(ma, y), grid_line_const(mb, y));
    grid_line_release(&la);
    grid_line_release(&lb);
    assert_int_equal(vt_modes(a->vt), vt_modes(b->vt));
    assert_true((vt_modes(b->vt) & VT_MODE_COLUMN_132) != 0);
    assert_int_equal(vt_colour(b->vt, 1), 0x123456);
    assert_int_equal(vt_colour(b->vt, VT_COLOUR_BG), 0x010203);
    assert_int_equal(vt_kitty_flags(b->vt), 1);
    assert_int_equal(vt_modify_other_keys(b->vt), 2);
    assert_string_equal(vt_title(b->vt), "now");
    /* The stacks: popped, the older titles come back in order, and the kitty flags. */
    feed(b, "\033[23t");
    assert_string_equal(vt_title(b->vt), "second");
    feed(b, "\033[23t");
    assert_string_equal(vt_title(b->vt), "first");
    feed(b, "\033[<u");
    assert_int_equal(vt_kitty_flags(b->vt), 5);
    /* The link still open goes on linking what is printed next. */
    feed(b, "after");
    int cx, cy;
    vt_cursor(b->vt, &cx, &cy);
    const char *uri = links_uri(vt_links(b->vt), grid_cell_link(vt_cell(b->vt, 0, cy)));
    assert_non_null(uri);
    assert_string_equal(uri, "https://open.example/");
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
    vt_snapshot_put_line(&b, a->vt, grid_line_const(vt_main_grid(a->vt), 0));
    struct grid_line l = {0};
    for (size_t n = 0; n < b.len; n++) {
        uint8_t *copy = malloc(n + 1);
        memcpy(copy, b.p, n);
        struct sbuf_reader r;
        sbuf_reader_init(&r, copy, n);
        assert_false(vt_snapshot_get_line(&r, a->vt, &l));
        free(copy);
    }
    struct sbuf_reader r;
    sbuf_reader_init(&r, b.p, b.len);
    assert_true(vt_snapshot_get_line(&r, a->vt, &l));
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
        {1, 0, 0x09},                              /* unknown token */
        {1, 0, 0x03, 0x80, 0x80, 0x80, 0x30, 0, 0, 0, 'a'}, /* colour kind 3 */
        {2, 0, 0x02, 0x80, 0x40},                  /* wide character... */
        {1, 0x20, 'a'},                            /* unknown flag */
        {1, 0, 0x04, 2},                           /* more blanks than cells */
        {2, 0, 0x07, 'e', 1, 9, 0x80, 0x06},       /* nine marks on a cell */
        {1, 0, 0x07, 'e', 1, 2, 0x81, 0x06, 0x1b}, /* a control among the marks */
        {1, 0, 0x07, 'e', 1, 1, 0x81, 0x06},       /* one "several" mark */
    };
    size_t lens[] = {6, 5, 6, 6, 6, 3, 11, 5, 3, 4, 8, 9, 8};
    struct grid_line l = {0};
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        struct sbuf_reader r;
        sbuf_reader_init(&r, bad[i], lens[i]);
        if (i == 7) {
            /* ...is fine when it fits: U+2000 at width 2 takes both cells. */
            assert_true(vt_snapshot_get_line(&r, NULL, &l));
            assert_int_equal(l.used, 2);
            continue;
        }
        if (vt_snapshot_get_line(&r, NULL, &l))
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
        cmocka_unit_test(test_links_marks_colours_titles_and_keys_come_back),
        cmocka_unit_test(test_no_alternate_screen_is_made_by_a_restore),
        cmocka_unit_test(test_cut_lines_are_refused),
        cmocka_unit_test(test_hostile_lines_are_refused),
        cmocka_unit_test(test_bad_states_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
