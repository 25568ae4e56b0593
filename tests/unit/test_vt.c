/* test_vt.c - behaviour of the virtual terminal: bytes in, cells, cursor, modes and
 * replies out. Each test feeds a string and checks rows, cells or the cursor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_vt_helpers.h"
#include "vt_snapshot.h"

/* ---- helpers (the shared ones are in test_vt_helpers.h) ---- */

static void feed_bytewise(struct term *t, const char *s)
{
    for (; *s != '\0'; s++)
        vt_feed(t->vt, s, 1);
}

/* ---- printing, wrapping, wide and combining characters ---- */

static void test_prints_plain_text(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "hello world");
    ASSERT_ROW(t, 0, "hello world");
    ASSERT_CURSOR(t, 11, 0);
    assert_int_equal(CELL(t, 0, 0)->ch, 'h');
    assert_int_equal(grid_cell_width(CELL(t, 0, 0)), 1);
    term_free(t);
}

static void test_crlf_moves_to_next_line(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "one\r\ntwo\nx\rY");
    ASSERT_ROW(t, 0, "one");
    ASSERT_ROW(t, 1, "two");
    ASSERT_ROW(t, 2, "Y  x");
    ASSERT_CURSOR(t, 1, 2);
    term_free(t);
}

static void test_vt_and_ff_act_as_linefeed(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "a\vb\fc");
    ASSERT_ROW(t, 1, " b");
    ASSERT_ROW(t, 2, "  c");
    term_free(t);
}

static void test_autowrap_wraps_at_right_margin(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "0123456789abc");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 1, "abc");
    assert_true(grid_line_const(vt_grid(t->vt), 0)->wrapped);
    assert_false(grid_line_const(vt_grid(t->vt), 1)->wrapped);
    ASSERT_CURSOR(t, 3, 1);
    term_free(t);
}

static void test_pending_wrap_holds_cursor_at_last_column(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "0123456789");
    ASSERT_CURSOR(t, 9, 0);
    feed(t, "X");
    ASSERT_ROW(t, 1, "X");
    term_free(t);
}

static void test_pending_wrap_cancelled_by_cr_and_cursor_motion(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "0123456789\r\nA");
    ASSERT_ROW(t, 1, "A");
    ASSERT_ROW(t, 2, "");
    feed(t, "\033[1;1H0123456789\033[DZ");
    ASSERT_ROW(t, 0, "01234567Z9");
    ASSERT_CURSOR(t, 9, 0);
    term_free(t);
}

static void test_no_autowrap_overwrites_last_column(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[?7l0123456789abc");
    ASSERT_ROW(t, 0, "012345678c");
    ASSERT_ROW(t, 1, "");
    ASSERT_CURSOR(t, 9, 0);
    assert_false(MODES(t) & VT_MODE_WRAP);
    feed(t, "\033[?7h");
    assert_true(MODES(t) & VT_MODE_WRAP);
    term_free(t);
}

static void test_wide_char_occupies_two_cells(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "a\xe4\xb8\xad" "b"); /* a中b */
    assert_int_equal(CELL(t, 1, 0)->ch, 0x4e2d);
    assert_int_equal(grid_cell_width(CELL(t, 1, 0)), 2);
    assert_int_equal(grid_cell_width(CELL(t, 2, 0)), 0);
    assert_int_equal(CELL(t, 3, 0)->ch, 'b');
    ASSERT_ROW(t, 0, "a\xe4\xb8\xad" "b");
    ASSERT_CURSOR(t, 4, 0);
    term_free(t);
}

static void test_wide_char_at_last_column_wraps(void **state)
{
    (void)state;
    struct term *t = term_new(5, 3, 100);
    feed(t, "abcd\xe4\xb8\xad");
    ASSERT_ROW(t, 0, "abcd");
    assert_int_equal(CELL(t, 4, 0)->ch, 0);
    assert_int_equal(CELL(t, 0, 1)->ch, 0x4e2d);
    assert_int_equal(grid_cell_width(CELL(t, 1, 1)), 0);
    ASSERT_CURSOR(t, 2, 1);
    term_free(t);
}

static void test_overwriting_half_of_wide_char_blanks_it(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\xe4\xb8\xad\xe4\xb8\xad\033[1;2Hx");
    /* The first wide char lost its right half: it is blanked entirely. */
    assert_int_equal(CELL(t, 0, 0)->ch, 0);
    assert_int_equal(grid_cell_width(CELL(t, 0, 0)), 1);
    assert_int_equal(CELL(t, 1, 0)->ch, 'x');
    assert_int_equal(grid_cell_width(CELL(t, 2, 0)), 2);
    feed(t, "\033[1;3Hy");
    assert_int_equal(CELL(t, 2, 0)->ch, 'y');
    assert_int_equal(grid_cell_width(CELL(t, 3, 0)), 1);
    assert_int_equal(CELL(t, 3, 0)->ch, 0);
    term_free(t);
}

static void test_combining_mark_attaches_to_previous_cell(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "e\xcc\x81x"); /* e + U+0301 */
    assert_int_equal(CELL(t, 0, 0)->ch, 'e');
    assert_int_equal(CELL(t, 0, 0)->comb, 0x301);
    assert_int_equal(CELL(t, 1, 0)->ch, 'x');
    ASSERT_ROW(t, 0, "e\xcc\x81x");
    ASSERT_CURSOR(t, 2, 0);
    term_free(t);
}

static void test_combining_after_wide_char_attaches_to_wide_cell(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\xe4\xb8\xad\xcc\x81");
    assert_int_equal(CELL(t, 0, 0)->comb, 0x301);
    term_free(t);
}

static void test_combining_in_pending_wrap_attaches_to_last_column(void **state)
{
    (void)state;
    struct term *t = term_new(3, 3, 100);
    feed(t, "abc\xcc\x81");
    assert_int_equal(CELL(t, 2, 0)->comb, 0x301);
    ASSERT_CURSOR(t, 2, 0);
    term_free(t);
}

static void test_split_utf8_across_feeds(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\xf0\x9f");
    feed(t, "\x98");
    feed(t, "\x80!"); /* U+1F600 */
    assert_int_equal(CELL(t, 0, 0)->ch, 0x1f600);
    assert_int_equal(grid_cell_width(CELL(t, 0, 0)), 2);
    assert_int_equal(CELL(t, 2, 0)->ch, '!');
    term_free(t);
}

static void test_invalid_utf8_gives_replacement_without_eating_next_byte(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\xe4\xb8" "A\xff" "B\x80" "C");
    ASSERT_ROW(t, 0, "\xef\xbf\xbd" "A\xef\xbf\xbd" "B\xef\xbf\xbd" "C");
    term_free(t);
}

static void test_overlong_utf8_is_replaced(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\xc0\xaf" "x");  /* overlong '/' */
    assert_int_not_equal(CELL(t, 0, 0)->ch, '/');
    assert_int_equal(CELL(t, 0, 0)->ch, 0xfffd);
    assert_int_equal(CELL(t, 2, 0)->ch, 'x');
    term_free(t);
}

static void test_escape_interrupting_utf8_is_processed(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\xe4\033[2;1Hz");
    assert_int_equal(CELL(t, 0, 0)->ch, 0xfffd);
    ASSERT_ROW(t, 1, "z");
    term_free(t);
}

/* ---- parser robustness ---- */

static void test_split_escape_sequence_across_feeds(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed_bytewise(t, "\033[3;5H\033[1;38;2;10;20;30mX\033]2;ti\xc3\xa9\033\\");
    ASSERT_CURSOR(t, 5, 2);
    assert_int_equal(CELL(t, 4, 2)->ch, 'X');
    assert_true(CELL(t, 4, 2)->attr & ATTR_BOLD);
    assert_int_equal(CELL(t, 4, 2)->fg, COLOUR_RGB | 0x0a141e);
    assert_string_equal(vt_title(t->vt), "ti\xc3\xa9");
    term_free(t);
}

/* The parser takes a whole CSI of digits and ';' in one pass (csi_fast) and anything
 * else byte by byte through its tables: the same input fed whole and one byte at a time
 * (which never takes the one-pass path) leaves the same screen, pen, cursor and
 * replies, whatever the CSI holds. */
static void test_whole_and_bytewise_csi_agree(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "\033[1;31mred\033[0m \033[38;5;200mx\033[48;2;1;2;3my\033[m\033[2;3Hz",
        "\033[?25l\033[?1049h\033[?1049lq\033[>0c\033[6n\033[?6n\033[=c",
        "\033[;;5H\033[;m\033[1;;4mA\033[H\033[5C\033[38:2::9:8:7mB",        /* empty, ':' */
        ("\033[65535Cw\033[65536Cv\033[99999999m!\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16"
         ";17;18;19;20;21;22;23;24;25;26;27;28;29;30;31;1m?\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;"
         "15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30;31;32;1m."),             /* limits */
        "\033[1\n;5Hk\033[2\177Cl\033[1 qm\033[?1$pn\033[1\030o\033[3\033[4Cp",   /* C0, DEL... */
        ("\033[?;1Hq\033[<1;2;3Mr\033[1?2hs\033[4ht\033[4lu\033[\x9b" "1m\xc3\xa9"),
        "\033[", /* cut at the end */
    };
    for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++) {
        struct term *a = term_new(20, 6, 10), *b = term_new(20, 6, 10);
        feed(a, inputs[k]);
        feed(a, "E");
        feed_bytewise(b, inputs[k]);
        feed_bytewise(b, "E");
        for (int y = 0; y < 6; y++) {
            assert_string_equal(row_text(a, y), row_text(b, y));
            for (int x = 0; x < 20; x++)
                assert_memory_equal(CELL(a, x, y), CELL(b, x, y), sizeof *CELL(a, x, y));
        }
        int ax, ay, bx, by;
        vt_cursor(a->vt, &ax, &ay);
        vt_cursor(b->vt, &bx, &by);
        assert_int_equal(ax, bx);
        assert_int_equal(ay, by);
        assert_int_equal(vt_modes(a->vt), vt_modes(b->vt));
        assert_string_equal(a->reply, b->reply);
        term_free(a);
        term_free(b);
    }
}

/* Two vts fed the same bytes in different pieces must hold the same screen: every
 * cell, the cursor, the replies, and every line of history cell by cell. */
static void assert_terms_agree(struct term *a, struct term *b)
{
    int cols = vt_cols(a->vt), rows = vt_rows(a->vt);
    assert_int_equal(cols, vt_cols(b->vt));
    assert_int_equal(rows, vt_rows(b->vt));
    for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++)
            assert_cells_equal("screen", CELL(a, x, y), CELL(b, x, y), 1);
    }
    int ax, ay, bx, by;
    vt_cursor(a->vt, &ax, &ay);
    vt_cursor(b->vt, &bx, &by);
    assert_int_equal(ax, bx);
    assert_int_equal(ay, by);
    assert_string_equal(a->reply, b->reply);
    const struct grid *ga = vt_main_grid(a->vt), *gb = vt_main_grid(b->vt);
    assert_int_equal(grid_history_size(ga), grid_history_size(gb));
    for (int i = 0; i < grid_history_size(ga); i++) {
        const struct grid_line *la = grid_history_line(ga, i);
        int used = la->used, wrapped = la->wrapped;
        struct grid_cell *cells = malloc(((size_t)used + 1) * sizeof *cells);
        memcpy(cells, la->cells, (size_t)used * sizeof *cells);
        const struct grid_line *lb = grid_history_line(gb, i); /* la is gone now */
        assert_int_equal(used, lb->used);
        assert_int_equal(wrapped, lb->wrapped);
        assert_cells_equal("history", cells, lb->cells, used);
        free(cells);
    }
}

/* A whole, well-formed UTF-8 character is decoded at once (parser.c, utf8_whole), any
 * other byte sequence, or one cut by the end of the buffer, byte by byte: the same
 * bytes fed whole and one at a time (which never takes the whole-character path) give
 * the same cells, broken sequences included (U+FFFD where the decoder gives it). */
static void test_whole_and_bytewise_utf8_agree(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80 \xed\x95\x9c e\xcc\x81\xcc\x82!",
        "\xc0\xaf \xc1\xbf \xe0\x80\xaf \xe0\x9f\xbf \xed\xa0\x80 \xed\xbf\xbf x",   /* overlong, surrogates */
        "\xf0\x8f\xbf\xbf \xf4\x90\x80\x80 \xf5\x80\x80\x80 \xff\xfe \x80\xbf y",    /* past U+10FFFF, stray */
        "\xe4\xb8z \xf0\x9f\x98\033[1mB\xc3\xc3\xa9 \xe4\r\n\xc2\x9b\xc2\x85 \xef\xbf\xbd",
        ("\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
         "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"),             /* wide ones wrap */
        "\033(0qx\xe2\x94\x80\033(B\xe2\x94\x80\033[4h\xc3\xa9\xe4\xb8\xad\033[4l\033[2b",
        "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd \xe2\x9d\xa4\xef\xb8\x8f \xe0\xa4\x95\xe0\xa5\x8d",
        "end \xe4\xb8", /* cut at the end */
    };
    for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++) {
        struct term *a = term_new(9, 4, 20), *b = term_new(9, 4, 20);
        for (int twice = 0; twice < 2; twice++) {
            feed(a, inputs[k]);
            feed_bytewise(b, inputs[k]);
        }
        feed(a, "E\r\n\r\n\r\n\r\n");
        feed_bytewise(b, "E\r\n\r\n\r\n\r\n");
        assert_terms_agree(a, b);
        term_free(a);
        term_free(b);
    }
}

static uint32_t agree_rng(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* Random text of the kinds the fast paths take (ASCII runs, UTF-8 of every length,
 * CJK, emoji, combining marks, SGR in colours, CSI, wrapping lines, scrolling into
 * history) and of the kinds they must leave to the tables (broken UTF-8, cut
 * sequences), fed in random pieces and one byte at a time: the same screen and the
 * same history, cell by cell. */
static void test_random_text_whole_and_bytewise_agree(void **state)
{
    (void)state;
    static const char *const fragments[] = {
        "lorem ", "ipsum dolor ", "sit", "\r\n", "\033[1;31m", "\033[0m", "\033[38;5;200m",
        "\033[48;2;1;2;3m", "\033[m", "\033[4:3m", "\033[K", "\033[2;5H", "\033[7m",
        "\xc3\xa9", "\xe4\xb8\xad", "\xe6\x96\x87", "\xf0\x9f\x98\x80", "\xed\x95\x9c",
        "\xcc\x81", "\xe2\x80\x8b", "\xef\xbc\xa1", "\xe4\xb8", "\xf0\x9f", "\xc3",
        "\x80", "\xed\xa0\x80", "\xe0\x80\xaf", "\t", "\b", "\033]8;;x\033\\", "\033]8;;\033\\",
    };
    const size_t nfrag = sizeof fragments / sizeof fragments[0];
    struct term *a = term_new(23, 7, 300), *b = term_new(23, 7, 300);
    uint32_t seed = 0x9e3779b9;
    static char text[60000];
    size_t len = 0;
    while (len < sizeof text - 64) {
        const char *f = fragments[agree_rng(&seed) % nfrag];
        size_t fl = strlen(f);
        memcpy(text + len, f, fl);
        len += fl;
    }
    for (size_t off = 0; off < len;) {
        size_t n = 1 + agree_rng(&seed) % 700;
        if (n > len - off)
            n = len - off;
        vt_feed(a->vt, text + off, n);
        off += n;
    }
    for (size_t i = 0; i < len; i++)
        vt_feed(b->vt, text + i, 1);
    assert_true(HISTORY(a) > 100);
    assert_terms_agree(a, b);
    term_free(a);
    term_free(b);
}

/* The screen keeps the widths of characters past ASCII in a small cache indexed by
 * the character's low bits: characters sharing a slot (U+4E00 wide, U+0100 narrow,
 * U+0300 combining, U+1F600 wide emoji: all ...00) replace each other there and each
 * still gets its own width. */
static void test_width_cache_slot_shared(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 10);
    for (int i = 0; i < 2; i++) /* the second time from the cache */
        feed(t, "\xe4\xb8\x80\xc4\x80\xcc\x80\xf0\x9f\x98\x80\xe4\xb8\x80\xc4\x80");
    static const uint32_t ch[] = {0x4e00, 0, 0x100, 0x1f600, 0, 0x4e00, 0, 0x100};
    static const unsigned w[] = {2, 0, 1, 2, 0, 2, 0, 1};
    for (int round = 0; round < 2; round++) {
        for (int x = 0; x < 8; x++) {
            const struct grid_cell *c = CELL(t, round * 8 + x, 0);
            assert_int_equal(c->ch, ch[x]);
            assert_int_equal(grid_cell_width(c), w[x]);
            assert_int_equal(c->comb, x == 2 ? 0x300u : 0u);
        }
    }
    ASSERT_CURSOR(t, 16, 0);
    term_free(t);
}

static void test_c0_executed_inside_csi(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "abc\033[\r2C!");
    ASSERT_ROW(t, 0, "ab!");
    feed(t, "\033[1\n;5H"); /* LF inside CSI executes, then CUP 1;5 */
    ASSERT_CURSOR(t, 4, 0);
    term_free(t);
}

static void test_can_and_sub_abort_sequence(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033[31\030m\033[5\032Hx");
    ASSERT_ROW(t, 0, "mHx");
    assert_int_equal(CELL(t, 0, 0)->fg, COLOUR_DEFAULT);
    term_free(t);
}

static void test_unknown_sequences_consumed_whole(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033[99;99y\033[?999h\033[>5;6x\033#9\033 Z\033[1;2$|A");
    ASSERT_ROW(t, 0, "A");
    term_free(t);
}

static void test_too_many_params_ignored(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    char buf[1024] = "\033[";
    for (int i = 0; i < 200; i++)
        strcat(buf, "2;");
    strcat(buf, "3Hok");
    feed(t, buf);
    ASSERT_CURSOR(t, 2, 0);
    ASSERT_ROW(t, 0, "ok");
    term_free(t);
}

static void test_huge_param_value_ignored(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033[99999999999999999999999999C\033[4294967297Gx");
    ASSERT_CURSOR(t, 1, 0);
    ASSERT_ROW(t, 0, "x");
    feed(t, "\033[65535C");  /* the largest accepted value clamps */
    ASSERT_CURSOR(t, 19, 0);
    term_free(t);
}

static void test_colon_sgr_overflow_ignored(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    char buf[1024] = "\033[1;38:2";
    for (int i = 0; i < 100; i++)
        strcat(buf, ":1");
    strcat(buf, "mA\033[4:3:2:1:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0mB");
    feed(t, buf);
    ASSERT_ROW(t, 0, "AB");
    assert_int_equal(CELL(t, 0, 0)->attr, 0);
    assert_int_equal(CELL(t, 0, 0)->fg, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 1, 0)->attr, 0);
    term_free(t);
}

static void test_colon_params_ignored_outside_sgr(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033[2:3Hx");
    ASSERT_ROW(t, 0, "x");
    term_free(t);
}

static void test_osc_title_set_by_bel_and_st(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    assert_string_equal(vt_title(t->vt), "");
    feed(t, "\033]0;first\007");
    assert_string_equal(vt_title(t->vt), "first");
    feed(t, "\033]2;second\033\\after");
    assert_string_equal(vt_title(t->vt), "second");
    ASSERT_ROW(t, 0, "after");
    term_free(t);
}

static void test_title_control_chars_stripped(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033]2;a\001b\tc\x7f" "d\xc2\x85" "e\xff" "f\007");
    assert_string_equal(vt_title(t->vt), "abcdef");
    term_free(t);
}

static void test_osc_overflow_truncated_without_crash(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    size_t n = 20000;
    char *buf = malloc(n + 16);
    memcpy(buf, "\033]2;", 4);
    memset(buf + 4, 'x', n);
    memcpy(buf + 4 + n, "\007ok", 4);
    feed(t, buf);
    free(buf);
    assert_true(strlen(vt_title(t->vt)) > 0);
    assert_true(strlen(vt_title(t->vt)) < 4096);
    ASSERT_ROW(t, 0, "ok");
    term_free(t);
}

static void test_other_osc_ignored(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033]52;c;aGVsbG8=\007\033]1;icon\007\033]8;;http://x\033\\link\033]garbage\007");
    ASSERT_ROW(t, 0, "link");
    assert_string_equal(vt_title(t->vt), "");
    term_free(t);
}

static void test_can_aborts_osc_without_setting_title(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033]2;nope\030x");
    assert_string_equal(vt_title(t->vt), "");
    ASSERT_ROW(t, 0, "x");
    term_free(t);
}

/* ---- ESC k name ST: screen's window name ---- */

static void test_window_name_is_stored_and_not_printed(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    assert_string_equal(vt_window_name(t->vt), "");
    assert_int_equal(take_window_names(t), 0);
    feed(t, "ab\033kmy shell\033\\");
    assert_string_equal(vt_window_name(t->vt), "my shell");
    ASSERT_ROW(t, 0, "ab");
    ASSERT_CURSOR(t, 2, 0);
    feed(t, "cd");
    ASSERT_ROW(t, 0, "abcd");
    /* Not a title. */
    assert_string_equal(vt_title(t->vt), "");
    term_free(t);
}

static void test_window_name_changed_reported_once_per_set(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033kvim\007");
    assert_int_equal(take_window_names(t), 1);
    assert_int_equal(take_window_names(t), 0);
    /* The same name again is a set too. */
    feed(t, "\033kvim\007");
    assert_int_equal(take_window_names(t), 1);
    assert_int_equal(take_window_names(t), 0);
    /* So is an empty one (tmux: back to automatic naming). */
    feed(t, "\033k\033\\");
    assert_string_equal(vt_window_name(t->vt), "");
    assert_int_equal(take_window_names(t), 1);
    /* Other sequences and RIS do not touch it. */
    feed(t, "\033kkept\007\033]2;title\007\033c");
    assert_int_equal(take_window_names(t), 1);
    assert_string_equal(vt_window_name(t->vt), "kept");
    feed(t, "text\033[2J");
    assert_int_equal(take_window_names(t), 0);
    term_free(t);
}

static void test_window_name_ended_by_bel_or_st(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033kone\007x");
    assert_string_equal(vt_window_name(t->vt), "one");
    feed(t, "\033ktwo\033\\y");
    assert_string_equal(vt_window_name(t->vt), "two");
    ASSERT_ROW(t, 0, "xy");
    ASSERT_CURSOR(t, 2, 0);
    /* Any ESC ends it (as an OSC); the ESC then starts the next sequence. */
    feed(t, "\033kthree\033[2Cz");
    assert_string_equal(vt_window_name(t->vt), "three");
    ASSERT_ROW(t, 0, "xy  z");
    term_free(t);
}

static void test_window_name_split_across_feeds(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    const char *s = "\033kcaf\xc3\xa9 ed";
    /* One byte at a time (the UTF-8 character too): nothing set before the end. */
    for (size_t i = 0; s[i] != '\0'; i++) {
        vt_feed(t->vt, s + i, 1);
        assert_int_equal(take_window_names(t), 0);
        assert_string_equal(vt_window_name(t->vt), "");
        ASSERT_CURSOR(t, 0, 0);
    }
    feed(t, "\033");
    feed(t, "\\");
    feed(t, "!");
    assert_int_equal(take_window_names(t), 1);
    assert_string_equal(vt_window_name(t->vt), "caf\xc3\xa9 ed");
    ASSERT_ROW(t, 0, "!");
    ASSERT_CURSOR(t, 1, 0);
    feed(t, "\033");
    feed(t, "k");
    feed(t, "ab");
    feed(t, "c\007");
    assert_string_equal(vt_window_name(t->vt), "abc");
    ASSERT_ROW(t, 0, "!");
    term_free(t);
}

static void test_window_name_control_chars_not_stored(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033ka\001b\tc\r\nd\x7f" "e\xc2\x85" "f\xff" "g\007");
    assert_string_equal(vt_window_name(t->vt), "abcdefg");
    /* The controls inside were not executed either. */
    ASSERT_CURSOR(t, 0, 0);
    assert_int_equal(take_bells(t), 0);
    term_free(t);
}

static void test_window_name_overlong_is_capped(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    char buf[8192];
    size_t n = 0;
    n += (size_t)sprintf(buf, "\033k");
    for (int i = 0; i < 5000; i++)
        buf[n++] = 'a';
    n += (size_t)sprintf(buf + n, "\033\\ok");
    vt_feed(t->vt, buf, n);
    assert_int_equal(strlen(vt_window_name(t->vt)), 255);
    assert_int_equal(strspn(vt_window_name(t->vt), "a"), 255);
    ASSERT_ROW(t, 0, "ok");
    ASSERT_CURSOR(t, 2, 0);
    /* Two-byte characters are never cut: 127 of them fit. */
    n = (size_t)sprintf(buf, "\033k");
    for (int i = 0; i < 200; i++)
        n += (size_t)sprintf(buf + n, "\xc3\xa9");
    buf[n++] = '\007';
    vt_feed(t->vt, buf, n);
    assert_int_equal(strlen(vt_window_name(t->vt)), 254);
    term_free(t);
}

static void test_window_name_aborted_by_can_and_sub(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033kold\007");
    assert_int_equal(take_window_names(t), 1);
    feed(t, "\033knope\030x");
    assert_string_equal(vt_window_name(t->vt), "old");
    assert_int_equal(take_window_names(t), 0);
    feed(t, "\033knope\032y");
    assert_string_equal(vt_window_name(t->vt), "old");
    assert_int_equal(take_window_names(t), 0);
    /* The rest of the aborted string is printed as text, as after an aborted OSC. */
    ASSERT_ROW(t, 0, "xy");
    term_free(t);
}

static void test_dcs_ignored_until_st(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033Pq#0;1;2;3\r\nabc\033\\after\033P$q\"p\033\\!");
    ASSERT_ROW(t, 0, "after!");
    ASSERT_CURSOR(t, 6, 0);
    term_free(t);
}

static void test_sos_pm_apc_ignored(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033Xsos\033\\a\033^pm\007still\033\\b\033_Gapc=1\033\\c");
    ASSERT_ROW(t, 0, "abc");
    term_free(t);
}

static void test_del_ignored(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "a\x7f" "b\033[\x7f" "2Cc");
    ASSERT_ROW(t, 0, "ab  c");
    term_free(t);
}

/* The parser takes printable text sixteen (SSE2) or eight bytes at a time: a run must
 * end exactly at the first other byte wherever it falls in a block, and keep ' ' and
 * '~' (the ends of the printable range). */
static void test_printable_runs_end_at_the_first_other_byte(void **state)
{
    (void)state;
    static const char text[] = "ab d~fghijklmnop rstu~wxyz ABCDEFGHIJ~LMNOPQR TUVWXYZ";
    static const struct {
        uint8_t byte;
        const char *shown;
    } others[] = {
        { 0x7f, "" }, { 0x1f, "" }, { 0x00, "" },
        { 0x80, "\xef\xbf\xbd" }, { 0xff, "\xef\xbf\xbd" }, /* invalid UTF-8: U+FFFD */
    };
    size_t n = sizeof text - 1;
    for (size_t o = 0; o < sizeof others / sizeof others[0]; o++) {
        for (size_t k = 0; k <= n; k++) {
            char in[96], want[96];
            memcpy(in, text, k);
            in[k] = (char)others[o].byte;
            memcpy(in + k + 1, text + k, n - k);
            snprintf(want, sizeof want, "%.*s%s%s", (int)k, text, others[o].shown, text + k);
            struct term *t = term_new(80, 3, 0);
            vt_feed(t->vt, in, n + 1);
            if (strcmp(row_text(t, 0), want) != 0)
                fail_msg("byte %02x at %zu: row is \"%s\", want \"%s\"", others[o].byte, k,
                         row_text(t, 0), want);
            term_free(t);
        }
    }
}

/* ---- cursor motion ---- */

static void test_cup_and_hvp(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\033[5;10H");
    ASSERT_CURSOR(t, 9, 4);
    feed(t, "\033[2;3f");
    ASSERT_CURSOR(t, 2, 1);
    feed(t, "\033[H");
    ASSERT_CURSOR(t, 0, 0);
    feed(t, "\033[;7H");
    ASSERT_CURSOR(t, 6, 0);
    feed(t, "\033[999;999H");
    ASSERT_CURSOR(t, 19, 9);
    term_free(t);
}

static void test_cursor_relative_moves_clamp(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\033[5;5H\033[2A");
    ASSERT_CURSOR(t, 4, 2);
    feed(t, "\033[3B");
    ASSERT_CURSOR(t, 4, 5);
    feed(t, "\033[C");
    ASSERT_CURSOR(t, 5, 5);
    feed(t, "\033[0D");
    ASSERT_CURSOR(t, 4, 5);
    feed(t, "\033[100A\033[100D");
    ASSERT_CURSOR(t, 0, 0);
    feed(t, "\033[100B\033[100C");
    ASSERT_CURSOR(t, 19, 9);
    feed(t, "\033[3;3H\033[2a\033[2e");
    ASSERT_CURSOR(t, 4, 4);
    term_free(t);
}

static void test_cnl_cpl(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\033[5;5H\033[2E");
    ASSERT_CURSOR(t, 0, 6);
    feed(t, "\033[4;4H\033[3F");
    ASSERT_CURSOR(t, 0, 0);
    term_free(t);
}

static void test_cha_hpa_vpa(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\033[3;3H\033[10G");
    ASSERT_CURSOR(t, 9, 2);
    feed(t, "\033[5`");
    ASSERT_CURSOR(t, 4, 2);
    feed(t, "\033[8d");
    ASSERT_CURSOR(t, 4, 7);
    feed(t, "\033[G\033[d");
    ASSERT_CURSOR(t, 0, 0);
    term_free(t);
}

static void test_backspace_stops_at_column_zero(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "ab\b\b\bX");
    ASSERT_ROW(t, 0, "Xb");
    term_free(t);
}

static void test_tab_stops_every_8(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\tA\tB\tC");
    ASSERT_ROW(t, 0, "        A       B  C");
    ASSERT_CURSOR(t, 19, 0);
    term_free(t);
}

static void test_hts_and_tbc(void **state)
{
    (void)state;
    struct term *t = term_new(30, 10, 100);
    feed(t, "\033[4G\033H\r\tx");
    ASSERT_CURSOR(t, 4, 0);
    feed(t, "\033[4G\033[g\r\tx");
    ASSERT_CURSOR(t, 9, 0);
    feed(t, "\033[3g\r\t");
    ASSERT_CURSOR(t, 29, 0);
    term_free(t);
}

static void test_cht_cbt(void **state)
{
    (void)state;
    struct term *t = term_new(40, 10, 100);
    feed(t, "\033[2I");
    ASSERT_CURSOR(t, 16, 0);
    feed(t, "\033[Z");
    ASSERT_CURSOR(t, 8, 0);
    feed(t, "\033[5Z");
    ASSERT_CURSOR(t, 0, 0);
    term_free(t);
}

static void test_decsc_decrc_restore_position_and_attrs(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\033[3;4H\033[1;31m\0337\033[0m\033[H\0338X");
    ASSERT_CURSOR(t, 4, 2);
    assert_int_equal(CELL(t, 3, 2)->ch, 'X');
    assert_true(CELL(t, 3, 2)->attr & ATTR_BOLD);
    assert_int_equal(CELL(t, 3, 2)->fg, COLOUR_PALETTE | 1);
    term_free(t);
}

static void test_csi_s_u_save_restore(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\033[6;7H\033[s\033[H\033[u");
    ASSERT_CURSOR(t, 6, 5);
    term_free(t);
}

static void test_restore_without_save_goes_home(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\033[6;7H\033[1m\0338x");
    ASSERT_CURSOR(t, 1, 0);
    assert_int_equal(CELL(t, 0, 0)->attr, 0);
    term_free(t);
}

static void test_ind_nel_ri(void **state)
{
    (void)state;
    struct term *t = term_new(20, 10, 100);
    feed(t, "\033[3;5H\033D");
    ASSERT_CURSOR(t, 4, 3);
    feed(t, "\033E");
    ASSERT_CURSOR(t, 0, 4);
    feed(t, "\033M\033M");
    ASSERT_CURSOR(t, 0, 2);
    term_free(t);
}

static void test_ri_at_top_scrolls_down(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "a\r\nb\r\nc\033[H\033Mz");
    ASSERT_ROW(t, 0, "z");
    ASSERT_ROW(t, 1, "a");
    ASSERT_ROW(t, 2, "b");
    term_free(t);
}

static void test_linefeed_at_bottom_scrolls(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "a\r\nb\r\nc\r\nd");
    ASSERT_ROW(t, 0, "b");
    ASSERT_ROW(t, 2, "d");
    ASSERT_CURSOR(t, 1, 2);
    term_free(t);
}

/* ---- erasing and editing ---- */

static void fill_abc(struct term *t)
{
    feed(t, "\033[H\033[2Jabcdefghij\r\nklmnopqrst\r\nuvwxyz0123");
}

static void test_ed_below_above_all(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    fill_abc(t);
    feed(t, "\033[2;4H\033[J");
    ASSERT_ROW(t, 0, "abcdefghij");
    ASSERT_ROW(t, 1, "klm");
    ASSERT_ROW(t, 2, "");
    fill_abc(t);
    feed(t, "\033[2;4H\033[1J");
    ASSERT_ROW(t, 0, "");
    ASSERT_ROW(t, 1, "    opqrst");
    ASSERT_ROW(t, 2, "uvwxyz0123");
    fill_abc(t);
    feed(t, "\033[2;4H\033[2J");
    for (int y = 0; y < 3; y++)
        ASSERT_ROW(t, y, "");
    ASSERT_CURSOR(t, 3, 1);
    term_free(t);
}

static void test_ed_3_clears_history(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, "1\r\n2\r\n3\r\n4");
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 2);
    feed(t, "\033[3J");
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 0);
    ASSERT_ROW(t, 1, "4");
    term_free(t);
}

static void test_el_right_left_all(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    fill_abc(t);
    feed(t, "\033[1;4H\033[K");
    ASSERT_ROW(t, 0, "abc");
    feed(t, "\033[2;4H\033[1K");
    ASSERT_ROW(t, 1, "    opqrst");
    feed(t, "\033[3;4H\033[2K");
    ASSERT_ROW(t, 2, "");
    ASSERT_CURSOR(t, 3, 2);
    term_free(t);
}

static void test_ech_erases_without_moving(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    fill_abc(t);
    feed(t, "\033[1;3H\033[3X");
    ASSERT_ROW(t, 0, "ab   fghij");
    ASSERT_CURSOR(t, 2, 0);
    feed(t, "\033[1;9H\033[50X");
    ASSERT_ROW(t, 0, "ab   fgh");
    term_free(t);
}

static void test_ich_dch(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    fill_abc(t);
    feed(t, "\033[1;3H\033[2@");
    ASSERT_ROW(t, 0, "ab  cdefgh");
    feed(t, "\033[3P");
    ASSERT_ROW(t, 0, "abdefgh");
    feed(t, "\033[99P");
    ASSERT_ROW(t, 0, "ab");
    feed(t, "\033[2;9H\033[5@");
    ASSERT_ROW(t, 1, "klmnopqr");
    term_free(t);
}

static void test_il_dl(void **state)
{
    (void)state;
    struct term *t = term_new(10, 4, 100);
    feed(t, "1\r\n2\r\n3\r\n4\033[2;5H\033[L");
    ASSERT_ROW(t, 0, "1");
    ASSERT_ROW(t, 1, "");
    ASSERT_ROW(t, 2, "2");
    ASSERT_ROW(t, 3, "3");
    ASSERT_CURSOR(t, 0, 1);
    feed(t, "\033[2M");
    ASSERT_ROW(t, 1, "3");
    ASSERT_ROW(t, 2, "");
    ASSERT_ROW(t, 3, "");
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 0);
    term_free(t);
}

static void test_su_sd(void **state)
{
    (void)state;
    struct term *t = term_new(10, 4, 100);
    feed(t, "1\r\n2\r\n3\r\n4\033[2S");
    ASSERT_ROW(t, 0, "3");
    ASSERT_ROW(t, 1, "4");
    ASSERT_ROW(t, 2, "");
    ASSERT_CURSOR(t, 1, 3);
    feed(t, "\033[T");
    ASSERT_ROW(t, 0, "");
    ASSERT_ROW(t, 1, "3");
    term_free(t);
}

static void test_rep_repeats_last_char(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "ab\033[3bc");
    ASSERT_ROW(t, 0, "abbbbc");
    feed(t, "\r\n\033[20b");
    ASSERT_ROW(t, 1, "cccccccccc");
    ASSERT_ROW(t, 2, "cccccccccc");
    term_free(t);
}

static void test_erase_uses_background_colour(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "abc\033[44m\033[1;2H\033[K");
    assert_int_equal(CELL(t, 0, 0)->bg, COLOUR_DEFAULT);
    for (int x = 1; x < 10; x++)
        assert_int_equal(CELL(t, x, 0)->bg, COLOUR_PALETTE | 4);
    feed(t, "\033[2J");
    assert_int_equal(CELL(t, 9, 2)->bg, COLOUR_PALETTE | 4);
    feed(t, "\033[0m\033[2;1H\033[2X");
    assert_int_equal(CELL(t, 0, 1)->bg, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 2, 1)->bg, COLOUR_PALETTE | 4);
    term_free(t);
}

static void test_decaln_fills_with_e(void **state)
{
    (void)state;
    struct term *t = term_new(4, 2, 100);
    feed(t, "\033#8");
    ASSERT_ROW(t, 0, "EEEE");
    ASSERT_ROW(t, 1, "EEEE");
    term_free(t);
}

/* ---- scroll regions and origin mode ---- */

static void test_scroll_region_confines_linefeed(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "top\033[5;1Hbottom\033[2;4r");
    ASSERT_CURSOR(t, 0, 0);
    feed(t, "\033[2;1Ha\r\nb\r\nc\r\nd");
    ASSERT_ROW(t, 0, "top");
    ASSERT_ROW(t, 1, "b");
    ASSERT_ROW(t, 2, "c");
    ASSERT_ROW(t, 3, "d");
    ASSERT_ROW(t, 4, "bottom");
    term_free(t);
}

/* A region from the top row feeds history with what scrolls off it, as xterm and tmux
 * (apt's progress bar keeps its last row out of the region); one lower does not (as
 * xterm; tmux keeps those too). */
static void test_scroll_region_from_the_top_feeds_history(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[1;3r1\r\n2\r\n3\r\n4\r\n5");
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 2);
    ASSERT_ROW(t, 0, "3");
    const struct grid_line *l = grid_history_line(vt_main_grid(t->vt), 0);
    assert_int_equal(l->cells[0].ch, '1');
    term_free(t);

    t = term_new(10, 5, 100);
    feed(t, "\033[2;4r\033[2;1H1\r\n2\r\n3\r\n4\r\n5");
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 0);
    ASSERT_ROW(t, 1, "3");
    term_free(t);

    t = term_new(10, 5, 100); /* the alternate screen keeps no history */
    feed(t, "\033[?1049h\033[1;3r1\r\n2\r\n3\r\n4\r\n5");
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 0);
    term_free(t);
}

static void test_cursor_up_stops_at_region_top(void **state)
{
    (void)state;
    struct term *t = term_new(10, 10, 100);
    feed(t, "\033[3;6r\033[5;1H\033[10A");
    ASSERT_CURSOR(t, 0, 2);
    feed(t, "\033[10B");
    ASSERT_CURSOR(t, 0, 5);
    term_free(t);
}

static void test_origin_mode_relative_cursor(void **state)
{
    (void)state;
    struct term *t = term_new(10, 10, 100);
    feed(t, "\033[3;6r\033[?6h");
    ASSERT_CURSOR(t, 0, 2);
    assert_true(MODES(t) & VT_MODE_ORIGIN);
    feed(t, "\033[2;2H");
    ASSERT_CURSOR(t, 1, 3);
    feed(t, "\033[99;1H");
    ASSERT_CURSOR(t, 0, 5);
    feed(t, "\033[?6l");
    ASSERT_CURSOR(t, 0, 0);
    term_free(t);
}

static void test_invalid_scroll_region_ignored(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[4;2r\033[3;3r\033[5;1H1\r\n2");
    ASSERT_ROW(t, 3, "1");
    ASSERT_ROW(t, 4, "2");
    term_free(t);
}

/* ---- SGR ---- */

static void test_sgr_attributes_set_and_reset(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[1;2;3;4;5;7;8;9mA\033[22;23;24;25;27;28;29mB\033[21mC\033[4:0mD\033[4:3mE");
    assert_int_equal(CELL(t, 0, 0)->attr, ATTR_BOLD | ATTR_DIM | ATTR_ITALIC | ATTR_UNDERLINE |
                                              ATTR_BLINK | ATTR_REVERSE | ATTR_HIDDEN |
                                              ATTR_STRIKE);
    assert_int_equal(CELL(t, 1, 0)->attr, 0);
    /* 21 is a double underline, 4:3 a curly one */
    assert_int_equal(CELL(t, 2, 0)->attr, ATTR_UNDERLINE | 2 << ATTR_UNDERLINE_STYLE_SHIFT);
    assert_int_equal(CELL(t, 3, 0)->attr, 0);
    assert_int_equal(CELL(t, 4, 0)->attr, ATTR_UNDERLINE | 3 << ATTR_UNDERLINE_STYLE_SHIFT);
    term_free(t);
}

static void test_sgr_basic_and_bright_colours(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[31;42mA\033[97;104mB\033[39mC\033[49mD\033[30;40mE");
    assert_int_equal(CELL(t, 0, 0)->fg, COLOUR_PALETTE | 1);
    assert_int_equal(CELL(t, 0, 0)->bg, COLOUR_PALETTE | 2);
    assert_int_equal(CELL(t, 1, 0)->fg, COLOUR_PALETTE | 15);
    assert_int_equal(CELL(t, 1, 0)->bg, COLOUR_PALETTE | 12);
    assert_int_equal(CELL(t, 2, 0)->fg, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 2, 0)->bg, COLOUR_PALETTE | 12);
    assert_int_equal(CELL(t, 3, 0)->bg, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 4, 0)->fg, COLOUR_PALETTE | 0);
    assert_int_equal(CELL(t, 4, 0)->bg, COLOUR_PALETTE | 0);
    term_free(t);
}

static void test_sgr_256_colour(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[38;5;200;48;5;17mA\033[38:5:9mB\033[38;5;256mC");
    assert_int_equal(CELL(t, 0, 0)->fg, COLOUR_PALETTE | 200);
    assert_int_equal(CELL(t, 0, 0)->bg, COLOUR_PALETTE | 17);
    assert_int_equal(CELL(t, 1, 0)->fg, COLOUR_PALETTE | 9);
    assert_int_equal(CELL(t, 2, 0)->fg, COLOUR_PALETTE | 9); /* out of range: unchanged */
    term_free(t);
}

static void test_sgr_rgb_semicolon(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[38;2;1;2;3;48;2;255;128;0;1mA");
    assert_int_equal(CELL(t, 0, 0)->fg, COLOUR_RGB | 0x010203);
    assert_int_equal(CELL(t, 0, 0)->bg, COLOUR_RGB | 0xff8000);
    assert_int_equal(CELL(t, 0, 0)->attr, ATTR_BOLD);
    term_free(t);
}

static void test_sgr_rgb_colon_forms(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[38:2::10:20:30mA\033[48:2:0:1:2:3mB\033[38:2:4:5:6;1mC");
    assert_int_equal(CELL(t, 0, 0)->fg, COLOUR_RGB | 0x0a141e);
    assert_int_equal(CELL(t, 1, 0)->bg, COLOUR_RGB | 0x010203);
    assert_int_equal(CELL(t, 2, 0)->fg, COLOUR_RGB | 0x040506);
    assert_int_equal(CELL(t, 2, 0)->attr, ATTR_BOLD);
    term_free(t);
}

static void test_sgr_underline_colour_consumed(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[58;2;1;2;3;1mA\033[58:5:4;3mB");
    assert_int_equal(CELL(t, 0, 0)->attr, ATTR_BOLD);
    assert_int_equal(CELL(t, 0, 0)->fg, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 1, 0)->attr, ATTR_BOLD | ATTR_ITALIC);
    term_free(t);
}

static void test_sgr_empty_resets(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[1;31;44mA\033[mB\033[1;31m\033[0mC");
    assert_int_equal(CELL(t, 1, 0)->attr, 0);
    assert_int_equal(CELL(t, 1, 0)->fg, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 1, 0)->bg, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 2, 0)->attr, 0);
    term_free(t);
}

/* ---- modes ---- */

static void test_decckm_and_keypad_modes(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    assert_false(MODES(t) & VT_MODE_CURSOR_KEYS);
    feed(t, "\033[?1h\033=");
    assert_true(MODES(t) & VT_MODE_CURSOR_KEYS);
    assert_true(MODES(t) & VT_MODE_KEYPAD);
    feed(t, "\033[?1l\033>");
    assert_false(MODES(t) & VT_MODE_CURSOR_KEYS);
    assert_false(MODES(t) & VT_MODE_KEYPAD);
    term_free(t);
}

static void test_cursor_visibility_mode_25(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    assert_true(MODES(t) & VT_MODE_CURSOR_VISIBLE);
    feed(t, "\033[?25l");
    assert_false(MODES(t) & VT_MODE_CURSOR_VISIBLE);
    feed(t, "\033[?25h");
    assert_true(MODES(t) & VT_MODE_CURSOR_VISIBLE);
    term_free(t);
}

static void test_bracketed_paste_focus_and_mouse_modes(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[?2004;1004;1006;1000h");
    assert_true(MODES(t) & VT_MODE_BRACKETED_PASTE);
    assert_true(MODES(t) & VT_MODE_FOCUS);
    assert_true(MODES(t) & VT_MODE_MOUSE_SGR);
    assert_true(MODES(t) & VT_MODE_MOUSE);
    assert_false(MODES(t) & (VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY));
    feed(t, "\033[?1002h");
    assert_true(MODES(t) & VT_MODE_MOUSE_BUTTON);
    feed(t, "\033[?1003h");
    assert_true(MODES(t) & VT_MODE_MOUSE_ANY);
    assert_false(MODES(t) & VT_MODE_MOUSE_BUTTON);
    feed(t, "\033[?1003l\033[?2004l\033[?1004l\033[?1006l");
    assert_int_equal(MODES(t) & (VT_MODE_MOUSE | VT_MODE_MOUSE_ANY | VT_MODE_BRACKETED_PASTE |
                                 VT_MODE_FOCUS | VT_MODE_MOUSE_SGR), 0);
    term_free(t);
}

static void test_insert_mode_shifts_text_right(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "abcdef\033[1;2H\033[4hXY");
    assert_true(MODES(t) & VT_MODE_INSERT);
    ASSERT_ROW(t, 0, "aXYbcdef");
    feed(t, "\033[4lZ");
    ASSERT_ROW(t, 0, "aXYZcdef");
    assert_false(MODES(t) & VT_MODE_INSERT);
    term_free(t);
}

static void test_decscusr_cursor_style(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    assert_int_equal(vt_cursor_style(t->vt), 0);
    feed(t, "\033[5 q");
    assert_int_equal(vt_cursor_style(t->vt), 5);
    feed(t, "\033[ q");
    assert_int_equal(vt_cursor_style(t->vt), 0);
    feed(t, "\033[2 q\033[9 q");
    assert_int_equal(vt_cursor_style(t->vt), 2);
    term_free(t);
}

/* ---- alternate screen ---- */

static void test_alt_screen_1049_saves_and_restores(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "main\033[2;3H\033[?1049h");
    assert_true(MODES(t) & VT_MODE_ALT_SCREEN);
    ASSERT_ROW(t, 0, "");
    feed(t, "\033[Halt");
    ASSERT_ROW(t, 0, "alt");
    assert_true(vt_grid(t->vt) != vt_main_grid(t->vt));
    feed(t, "\033[?1049l");
    assert_false(MODES(t) & VT_MODE_ALT_SCREEN);
    ASSERT_ROW(t, 0, "main");
    ASSERT_CURSOR(t, 2, 1);
    /* Entering again shows a cleared alternate screen. */
    feed(t, "\033[?1049h");
    ASSERT_ROW(t, 0, "");
    term_free(t);
}

/* The alternate screen is made when a program first shows it (a shell never does: its
 * grid was 1.5 KiB of every pane), at the size the pane has then, and a full reset or a
 * resize before that makes none. */
static void test_alt_screen_made_at_first_use(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "shellc[?1049l");
    vt_resize(t->vt, 8, 4);
    assert_null(vt_snapshot_alt_grid(t->vt));
    feed(t, "[?1049hfull");
    const struct grid *alt = vt_snapshot_alt_grid(t->vt);
    assert_non_null(alt);
    assert_ptr_equal(vt_grid(t->vt), alt);
    assert_int_equal(grid_cols(alt), 8);
    assert_int_equal(grid_rows(alt), 4);
    ASSERT_ROW(t, 0, "full");
    feed(t, "[?1049l");
    ASSERT_ROW(t, 0, "");
    feed(t, "[?47h");
    ASSERT_ROW(t, 0, "full");
    term_free(t);
}

static void test_alt_screen_has_no_history(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?1049h");
    for (int i = 0; i < 10; i++)
        feed(t, "line\r\n");
    assert_int_equal(grid_history_size(vt_grid(t->vt)), 0);
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 0);
    char buf[64];
    assert_int_equal(vt_line_text(t->vt, -1, buf, sizeof buf), 0);
    term_free(t);
}

static void test_alt_screen_47_keeps_contents(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?47hkeep\033[?47l");
    ASSERT_ROW(t, 0, "");
    feed(t, "\033[?47h");
    ASSERT_ROW(t, 0, "keep");
    term_free(t);
}

static void test_alt_screen_1047_clears_on_leave(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?1047hgone\033[?1047l\033[?47h");
    ASSERT_ROW(t, 0, "");
    term_free(t);
}

static void test_1048_saves_and_restores_cursor(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[3;4H\033[?1048h\033[H\033[?1048l");
    ASSERT_CURSOR(t, 3, 2);
    term_free(t);
}

/* ---- character sets ---- */

static void test_dec_graphics_g0(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033(0lqkx\033(Bq");
    assert_int_equal(CELL(t, 0, 0)->ch, 0x250c);
    assert_int_equal(CELL(t, 1, 0)->ch, 0x2500);
    assert_int_equal(CELL(t, 2, 0)->ch, 0x2510);
    assert_int_equal(CELL(t, 3, 0)->ch, 0x2502);
    assert_int_equal(CELL(t, 4, 0)->ch, 'q');
    term_free(t);
}

static void test_dec_graphics_g1_shift_out(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033)0a\016jm\017j");
    assert_int_equal(CELL(t, 0, 0)->ch, 'a');
    assert_int_equal(CELL(t, 1, 0)->ch, 0x2518);
    assert_int_equal(CELL(t, 2, 0)->ch, 0x2514);
    assert_int_equal(CELL(t, 3, 0)->ch, 'j');
    term_free(t);
}

/* ---- replies ---- */

static void test_da1_reply(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[c");
    ASSERT_REPLY(t, "\033[?64;6;21;22;28c");
    t->reply_len = 0;
    feed(t, "\033[0c");
    ASSERT_REPLY(t, "\033[?64;6;21;22;28c");
    term_free(t);
}

static void test_decid_replies_like_da1(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033Z");
    ASSERT_REPLY(t, "\033[?64;6;21;22;28c");
    term_free(t);
}

static void test_da2_reply(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[>c");
    ASSERT_REPLY(t, "\033[>84;0;0c");
    term_free(t);
}

static void test_dsr_status_reply(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[5n");
    ASSERT_REPLY(t, "\033[0n");
    term_free(t);
}

static void test_cpr_reply(void **state)
{
    (void)state;
    struct term *t = term_new(80, 24, 100);
    feed(t, "\033[12;34H\033[6n");
    ASSERT_REPLY(t, "\033[12;34R");
    t->reply_len = 0;
    feed(t, "\033[?6n");
    ASSERT_REPLY(t, "\033[?12;34R");
    term_free(t);
}

static void test_cpr_respects_origin_mode(void **state)
{
    (void)state;
    struct term *t = term_new(80, 24, 100);
    feed(t, "\033[5;20r\033[?6h\033[3;7H\033[6n");
    ASSERT_REPLY(t, "\033[3;7R");
    term_free(t);
}

static void test_synchronized_output_mode_is_tracked_and_reported(void **state)
{
    (void)state;
    struct term *t = term_new(80, 24, 100);
    assert_false(vt_modes(t->vt) & VT_MODE_SYNC);
    feed(t, "\033[?2026h");
    assert_true(vt_modes(t->vt) & VT_MODE_SYNC);
    feed(t, "\033[?2026$p");
    ASSERT_REPLY(t, "\033[?2026;1$y");
    feed(t, "\033[?2026l");
    assert_false(vt_modes(t->vt) & VT_MODE_SYNC);
    term_free(t);
}

static void test_synchronized_output_changes_are_events(void **state)
{
    (void)state;
    struct term *t = term_new(80, 24, 100);
    feed(t, "\033[?2026h\033[?2026h"); /* set twice: one change */
    assert_int_equal(t->sync_on, 1);
    assert_int_equal(t->sync_off, 0);
    feed(t, "\033[?2026l\033[?2026l");
    assert_int_equal(t->sync_on, 1);
    assert_int_equal(t->sync_off, 1);
    /* DECSTR keeps it; RIS ends it, once. */
    feed(t, "\033[?2026h\033[!p");
    assert_int_equal(t->sync_on, 2);
    assert_int_equal(t->sync_off, 1);
    feed(t, "\033c\033c");
    assert_int_equal(t->sync_off, 2);
    assert_false(vt_modes(t->vt) & VT_MODE_SYNC);
    term_free(t);
}

static void test_decrqm_reply(void **state)
{
    (void)state;
    struct term *t = term_new(80, 24, 100);
    feed(t, "\033[?2004h\033[?2004$p");
    ASSERT_REPLY(t, "\033[?2004;1$y");
    t->reply_len = 0;
    feed(t, "\033[?1$p");
    ASSERT_REPLY(t, "\033[?1;2$y");
    t->reply_len = 0;
    feed(t, "\033[?4242$p");
    ASSERT_REPLY(t, "\033[?4242;0$y");
    t->reply_len = 0;
    feed(t, "\033[4$p");
    ASSERT_REPLY(t, "\033[4;2$y");
    term_free(t);
}

static void test_no_reply_callback_is_fine(void **state)
{
    (void)state;
    struct vt *vt = vt_create(10, 3, 0);
    vt_feed(vt, "\033[c\033[6n", 7);
    vt_free(vt);
}

/* ---- resets ---- */

static void test_ris_resets_everything(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "text\033[1;31m\033[?1h\033[?25l\033[2;3r\033[4h\033(0\033[?1049h\033c");
    ASSERT_ROW(t, 0, "");
    ASSERT_CURSOR(t, 0, 0);
    assert_int_equal(MODES(t), VT_MODE_WRAP | VT_MODE_CURSOR_VISIBLE);
    feed(t, "q\r\n\r\n\r\nx");
    ASSERT_ROW(t, 0, "");
    ASSERT_ROW(t, 2, "x"); /* region reset: the whole screen scrolled */
    assert_int_equal(CELL(t, 0, 2)->attr, 0);
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 1);
    ASSERT_ROW(t, -1, "q"); /* DEC graphics charset reset too */
    term_free(t);
}

static void test_decstr_soft_reset_keeps_text(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "text\033[1m\033[4h\033[?6h\033[?7l\033[?25l\033[!p");
    ASSERT_ROW(t, 0, "text");
    assert_int_equal(MODES(t) & (VT_MODE_INSERT | VT_MODE_ORIGIN), 0);
    assert_true(MODES(t) & VT_MODE_WRAP);
    assert_true(MODES(t) & VT_MODE_CURSOR_VISIBLE);
    feed(t, "\033[3;1Hx");
    assert_int_equal(CELL(t, 0, 2)->attr, 0);
    term_free(t);
}

/* ---- history, line text, bells ---- */

static void test_history_receives_scrolled_lines(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, "one\r\ntwo\r\nthree\r\nfour");
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 2);
    ASSERT_ROW(t, -1, "two");
    ASSERT_ROW(t, -2, "one");
    ASSERT_ROW(t, -3, "");
    ASSERT_ROW(t, 0, "three");
    term_free(t);
}

static void test_history_limit_is_respected(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 3);
    for (int i = 0; i < 20; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d\r\n", i);
        feed(t, buf);
    }
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 3);
    ASSERT_ROW(t, -1, "18");
    ASSERT_ROW(t, -3, "16");
    term_free(t);
}

static void test_line_text_trims_and_skips_wide_continuation(void **state)
{
    (void)state;
    struct term *t = term_new(20, 2, 100);
    feed(t, "  a\xe4\xb8\xad" "b   \033[1;12Hc   ");
    ASSERT_ROW(t, 0, "  a\xe4\xb8\xad" "b     c");
    char small[6];
    size_t n = vt_line_text(t->vt, 0, small, sizeof small);
    assert_int_equal(n, 3); /* "  a": the 3-byte char does not fit whole */
    assert_string_equal(small, "  a");
    assert_int_equal(vt_line_text(t->vt, 5, small, sizeof small), 0);
    term_free(t);
}

static void test_bell_counted(void **state)
{
    (void)state;
    struct term *t = term_new(20, 2, 100);
    feed(t, "\a\a\033[\a1m");
    assert_int_equal(take_bells(t), 3);
    assert_int_equal(take_bells(t), 0);
    term_free(t);
}

/* ---- resize ---- */

static void test_resize_shrink_pushes_to_history_keeping_cursor_line(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "1\r\n2\r\n3\r\n4\r\n5");
    vt_resize(t->vt, 10, 3);
    assert_int_equal(vt_rows(t->vt), 3);
    ASSERT_ROW(t, 0, "3");
    ASSERT_ROW(t, 2, "5");
    ASSERT_CURSOR(t, 1, 2);
    ASSERT_ROW(t, -1, "2");
    ASSERT_ROW(t, -2, "1");
    term_free(t);
}

static void test_resize_shrink_drops_lines_below_cursor(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "1\r\n2\033[H");
    vt_resize(t->vt, 10, 3);
    ASSERT_ROW(t, 0, "1");
    ASSERT_CURSOR(t, 0, 0);
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 0);
    term_free(t);
}

static void test_resize_grow_pulls_history_back(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "1\r\n2\r\n3\r\n4\r\n5");
    vt_resize(t->vt, 10, 5);
    ASSERT_ROW(t, 0, "1");
    ASSERT_ROW(t, 4, "5");
    ASSERT_CURSOR(t, 1, 4);
    assert_int_equal(grid_history_size(vt_main_grid(t->vt)), 0);
    term_free(t);
}

static void test_resize_narrow_truncates_and_clamps_cursor(void **state)
{
    (void)state;
    /* The alternate screen is not reflowed: lines are cut, the cursor clamped. */
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?1049h");
    feed(t, "abcd\xe4\xb8\xad" "efgh");
    vt_resize(t->vt, 5, 3);
    assert_int_equal(vt_cols(t->vt), 5);
    ASSERT_ROW(t, 0, "abcd"); /* the wide char cut in half is blanked */
    ASSERT_CURSOR(t, 4, 0);
    feed(t, "\tX");
    ASSERT_ROW(t, 0, "abcdX");
    vt_resize(t->vt, 12, 3);
    feed(t, "\033[1;1H\t\tY");
    ASSERT_CURSOR(t, 11, 0); /* new tab stop at 8, then last column */
    term_free(t);
}

static void test_resize_resets_scroll_region(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[2;3r");
    vt_resize(t->vt, 10, 6);
    feed(t, "\033[6;1Hx\r\ny");
    ASSERT_ROW(t, 4, "x");
    ASSERT_ROW(t, 5, "y");
    term_free(t);
}

static void test_resize_while_on_alt_screen(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "a\r\nb\r\nc\r\nd\r\ne\033[?1049h\033[5;1Halt");
    vt_resize(t->vt, 8, 3);
    ASSERT_ROW(t, 2, "alt");
    ASSERT_CURSOR(t, 3, 2);
    feed(t, "\033[?1049l");
    ASSERT_ROW(t, 2, "e");
    ASSERT_CURSOR(t, 1, 2);
    term_free(t);
}

/* ---- robustness ---- */

static uint32_t rng_next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* Several MB of random bytes mixed with escape fragments, fed in random chunks,
 * with occasional resizes: nothing may crash and the cursor stays inside. */
static void test_random_bytes_keep_cursor_inside(void **state)
{
    (void)state;
    static const char *const fragments[] = {
        "\033[", "\033]", "\033P", "\033", ";", ":", "?", "1049h", "1049l", "38;2;",
        "99999", "\xe4\xb8\xad", "\xcc\x81", "\xf0\x9f\x98", "\r\n", "\t", "H", "m",
        "r", "\033(0", "\016", "\017", "\033#8", "\007", "\033\\", "4h", "L", "M",
        "@", "P", "X", "S", "T", "b", "\033c", "\033[2;5r", "\033[?6h", "\033[?7l",
    };
    const size_t nfrag = sizeof fragments / sizeof fragments[0];
    struct term *t = term_new(37, 13, 50);
    uint32_t seed = 0x12345678;
    static uint8_t chunk[8192];
    size_t total = 0;
    while (total < (size_t)4 << 20) {
        size_t n = 1 + rng_next(&seed) % sizeof chunk;
        size_t i = 0;
        while (i < n) {
            uint32_t r = rng_next(&seed);
            if (r % 4 == 0) {
                const char *f = fragments[(r >> 8) % nfrag];
                size_t fl = strlen(f);
                if (i + fl > n)
                    break;
                memcpy(chunk + i, f, fl);
                i += fl;
            } else if (r % 4 == 1) {
                chunk[i++] = (uint8_t)('0' + (r >> 8) % 10);
            } else {
                chunk[i++] = (uint8_t)(r >> 8);
            }
        }
        vt_feed(t->vt, chunk, i);
        total += i;
        int x, y;
        vt_cursor(t->vt, &x, &y);
        assert_true(x >= 0 && x < vt_cols(t->vt));
        assert_true(y >= 0 && y < vt_rows(t->vt));
        if (rng_next(&seed) % 64 == 0)
            vt_resize(t->vt, 1 + rng_next(&seed) % 90, 1 + rng_next(&seed) % 40);
        if (rng_next(&seed) % 16 == 0) {
            char buf[512];
            for (int l = -3; l < vt_rows(t->vt); l++)
                vt_line_text(t->vt, l, buf, sizeof buf);
        }
    }
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prints_plain_text),
        cmocka_unit_test(test_crlf_moves_to_next_line),
        cmocka_unit_test(test_printable_runs_end_at_the_first_other_byte),
        cmocka_unit_test(test_vt_and_ff_act_as_linefeed),
        cmocka_unit_test(test_autowrap_wraps_at_right_margin),
        cmocka_unit_test(test_pending_wrap_holds_cursor_at_last_column),
        cmocka_unit_test(test_pending_wrap_cancelled_by_cr_and_cursor_motion),
        cmocka_unit_test(test_no_autowrap_overwrites_last_column),
        cmocka_unit_test(test_wide_char_occupies_two_cells),
        cmocka_unit_test(test_wide_char_at_last_column_wraps),
        cmocka_unit_test(test_overwriting_half_of_wide_char_blanks_it),
        cmocka_unit_test(test_combining_mark_attaches_to_previous_cell),
        cmocka_unit_test(test_combining_after_wide_char_attaches_to_wide_cell),
        cmocka_unit_test(test_combining_in_pending_wrap_attaches_to_last_column),
        cmocka_unit_test(test_split_utf8_across_feeds),
        cmocka_unit_test(test_invalid_utf8_gives_replacement_without_eating_next_byte),
        cmocka_unit_test(test_overlong_utf8_is_replaced),
        cmocka_unit_test(test_escape_interrupting_utf8_is_processed),
        cmocka_unit_test(test_split_escape_sequence_across_feeds),
        cmocka_unit_test(test_whole_and_bytewise_csi_agree),
        cmocka_unit_test(test_whole_and_bytewise_utf8_agree),
        cmocka_unit_test(test_random_text_whole_and_bytewise_agree),
        cmocka_unit_test(test_width_cache_slot_shared),
        cmocka_unit_test(test_c0_executed_inside_csi),
        cmocka_unit_test(test_can_and_sub_abort_sequence),
        cmocka_unit_test(test_unknown_sequences_consumed_whole),
        cmocka_unit_test(test_too_many_params_ignored),
        cmocka_unit_test(test_huge_param_value_ignored),
        cmocka_unit_test(test_colon_sgr_overflow_ignored),
        cmocka_unit_test(test_colon_params_ignored_outside_sgr),
        cmocka_unit_test(test_osc_title_set_by_bel_and_st),
        cmocka_unit_test(test_title_control_chars_stripped),
        cmocka_unit_test(test_osc_overflow_truncated_without_crash),
        cmocka_unit_test(test_other_osc_ignored),
        cmocka_unit_test(test_can_aborts_osc_without_setting_title),
        cmocka_unit_test(test_window_name_is_stored_and_not_printed),
        cmocka_unit_test(test_window_name_changed_reported_once_per_set),
        cmocka_unit_test(test_window_name_ended_by_bel_or_st),
        cmocka_unit_test(test_window_name_split_across_feeds),
        cmocka_unit_test(test_window_name_control_chars_not_stored),
        cmocka_unit_test(test_window_name_overlong_is_capped),
        cmocka_unit_test(test_window_name_aborted_by_can_and_sub),
        cmocka_unit_test(test_dcs_ignored_until_st),
        cmocka_unit_test(test_sos_pm_apc_ignored),
        cmocka_unit_test(test_del_ignored),
        cmocka_unit_test(test_cup_and_hvp),
        cmocka_unit_test(test_cursor_relative_moves_clamp),
        cmocka_unit_test(test_cnl_cpl),
        cmocka_unit_test(test_cha_hpa_vpa),
        cmocka_unit_test(test_backspace_stops_at_column_zero),
        cmocka_unit_test(test_tab_stops_every_8),
        cmocka_unit_test(test_hts_and_tbc),
        cmocka_unit_test(test_cht_cbt),
        cmocka_unit_test(test_decsc_decrc_restore_position_and_attrs),
        cmocka_unit_test(test_csi_s_u_save_restore),
        cmocka_unit_test(test_restore_without_save_goes_home),
        cmocka_unit_test(test_ind_nel_ri),
        cmocka_unit_test(test_ri_at_top_scrolls_down),
        cmocka_unit_test(test_linefeed_at_bottom_scrolls),
        cmocka_unit_test(test_ed_below_above_all),
        cmocka_unit_test(test_ed_3_clears_history),
        cmocka_unit_test(test_el_right_left_all),
        cmocka_unit_test(test_ech_erases_without_moving),
        cmocka_unit_test(test_ich_dch),
        cmocka_unit_test(test_il_dl),
        cmocka_unit_test(test_su_sd),
        cmocka_unit_test(test_rep_repeats_last_char),
        cmocka_unit_test(test_erase_uses_background_colour),
        cmocka_unit_test(test_decaln_fills_with_e),
        cmocka_unit_test(test_scroll_region_confines_linefeed),
        cmocka_unit_test(test_scroll_region_from_the_top_feeds_history),
        cmocka_unit_test(test_cursor_up_stops_at_region_top),
        cmocka_unit_test(test_origin_mode_relative_cursor),
        cmocka_unit_test(test_invalid_scroll_region_ignored),
        cmocka_unit_test(test_sgr_attributes_set_and_reset),
        cmocka_unit_test(test_sgr_basic_and_bright_colours),
        cmocka_unit_test(test_sgr_256_colour),
        cmocka_unit_test(test_sgr_rgb_semicolon),
        cmocka_unit_test(test_sgr_rgb_colon_forms),
        cmocka_unit_test(test_sgr_underline_colour_consumed),
        cmocka_unit_test(test_sgr_empty_resets),
        cmocka_unit_test(test_decckm_and_keypad_modes),
        cmocka_unit_test(test_cursor_visibility_mode_25),
        cmocka_unit_test(test_bracketed_paste_focus_and_mouse_modes),
        cmocka_unit_test(test_insert_mode_shifts_text_right),
        cmocka_unit_test(test_decscusr_cursor_style),
        cmocka_unit_test(test_alt_screen_1049_saves_and_restores),
        cmocka_unit_test(test_alt_screen_made_at_first_use),
        cmocka_unit_test(test_alt_screen_has_no_history),
        cmocka_unit_test(test_alt_screen_47_keeps_contents),
        cmocka_unit_test(test_alt_screen_1047_clears_on_leave),
        cmocka_unit_test(test_1048_saves_and_restores_cursor),
        cmocka_unit_test(test_dec_graphics_g0),
        cmocka_unit_test(test_dec_graphics_g1_shift_out),
        cmocka_unit_test(test_da1_reply),
        cmocka_unit_test(test_decid_replies_like_da1),
        cmocka_unit_test(test_da2_reply),
        cmocka_unit_test(test_dsr_status_reply),
        cmocka_unit_test(test_cpr_reply),
        cmocka_unit_test(test_cpr_respects_origin_mode),
        cmocka_unit_test(test_decrqm_reply),
        cmocka_unit_test(test_synchronized_output_mode_is_tracked_and_reported),
        cmocka_unit_test(test_synchronized_output_changes_are_events),
        cmocka_unit_test(test_no_reply_callback_is_fine),
        cmocka_unit_test(test_ris_resets_everything),
        cmocka_unit_test(test_decstr_soft_reset_keeps_text),
        cmocka_unit_test(test_history_receives_scrolled_lines),
        cmocka_unit_test(test_history_limit_is_respected),
        cmocka_unit_test(test_line_text_trims_and_skips_wide_continuation),
        cmocka_unit_test(test_bell_counted),
        cmocka_unit_test(test_resize_shrink_pushes_to_history_keeping_cursor_line),
        cmocka_unit_test(test_resize_shrink_drops_lines_below_cursor),
        cmocka_unit_test(test_resize_grow_pulls_history_back),
        cmocka_unit_test(test_resize_narrow_truncates_and_clamps_cursor),
        cmocka_unit_test(test_resize_resets_scroll_region),
        cmocka_unit_test(test_resize_while_on_alt_screen),
        cmocka_unit_test(test_random_bytes_keep_cursor_inside),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
