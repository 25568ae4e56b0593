/* test_vt_text.c - text as xterm shows it: HT with a wrap pending (xterm keeps the
 * wrap pending: mattiase/wraptest's results, "TAB cancels wrap: n" for XTerm), and
 * invalid UTF-8 replaced by one U+FFFD per maximal subpart (Unicode 15, section 3.9,
 * "U+FFFD Substitution of Maximal Subparts", its table 3-8 example), and several
 * combining marks on one cell. */
#include "test_vt_helpers.h"

#include "utf8.h"

/* At the last column with a wrap pending, HT leaves the cursor there and the wrap
 * pending: the next character goes to the start of the next line. */
static void test_ht_at_pending_wrap_keeps_it(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "0123456789\tX");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 1, "X");
    ASSERT_CURSOR(t, 1, 1);
    /* CHT too; and HT before the last column still moves to the next stop. */
    feed(t, "\r\n0123456789\033[2IY\r\nab\tZ");
    ASSERT_ROW(t, 0, "0123456789"); /* scrolled twice: "X" went up into history */
    ASSERT_ROW(t, 1, "Y");
    ASSERT_ROW(t, 2, "ab      Z");
    term_free(t);
}

/* With the wrap pending, HT at a right margin: the same. */
static void test_ht_at_pending_wrap_on_the_right_margin(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?69h\033[2;6s\033[1;2Habcde\tZ");
    ASSERT_ROW(t, 0, " abcde");
    ASSERT_ROW(t, 1, " Z");
    term_free(t);
}

/* Unicode's example: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 is
 * a FFFD FFFD FFFD b FFFD c FFFD FFFD d. */
static void test_maximal_subparts_as_unicode_table_3_8(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\x61\xf1\x80\x80\xe1\x80\xc2\x62\x80\x63\x80\xbf\x64");
    ASSERT_ROW(t, 0, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd"
                     "c\xef\xbf\xbd\xef\xbf\xbd" "d");
    term_free(t);
}

/* More cases of the same rule: an impossible second byte ends the subpart at the lead
 * (E0 80, ED A0 surrogate half, F4 90 above U+10FFFF: two replacements and the rest
 * each one); a truncated sequence followed by ASCII is one replacement. */
static void test_maximal_subparts_more_cases(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int fffd;
        const char *rest;
    } cases[] = {
        { "\xe0\x80\x80z", 3, "z" },
        { "\xed\xa0\x80z", 3, "z" },
        { "\xf4\x90\x80\x80z", 4, "z" },
        { "\xf0\x9f\x98z", 1, "z" },
        { "\xc0\xafz", 2, "z" },
        { "\xf5z", 1, "z" },
        { "\xe2\x82z", 1, "z" },
        { "\xe2\x82\x1b[1Cz", 1, " z" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct term *t = term_new(20, 3, 100);
        feed(t, cases[i].in);
        char want[64] = "";
        for (int k = 0; k < cases[i].fffd; k++)
            strcat(want, "\xef\xbf\xbd");
        strcat(want, cases[i].rest);
        ASSERT_ROW(t, 0, want);
        term_free(t);
    }
}

#define ACUTE "\xcc\x81"     /* U+0301 */
#define DOT_BELOW "\xcc\xa3" /* U+0323 */
#define TILDE "\xcc\x83"     /* U+0303 */

/* Every mark stays on its cell, in order; the same marks make the same sequence. */
static void test_several_combining_marks_are_kept(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "e" ACUTE DOT_BELOW "x" ACUTE "a" ACUTE DOT_BELOW TILDE "o" ACUTE DOT_BELOW);
    ASSERT_ROW(t, 0, "e" ACUTE DOT_BELOW "x" ACUTE "a" ACUTE DOT_BELOW TILDE "o" ACUTE DOT_BELOW);
    assert_int_equal(CELL(t, 1, 0)->comb, 0x301);            /* one mark: as before */
    assert_true(CELL(t, 0, 0)->comb & GRID_COMB_SEQ);          /* two: a sequence */
    assert_int_equal(CELL(t, 0, 0)->comb, CELL(t, 3, 0)->comb); /* the same two */
    assert_int_not_equal(CELL(t, 0, 0)->comb, CELL(t, 2, 0)->comb);
    ASSERT_CURSOR(t, 4, 0);
    /* A wide character takes them too; at most eight on a cell. */
    feed(t, "\r\n\xe6\x97\xa5" ACUTE DOT_BELOW);
    ASSERT_ROW(t, 1, "\xe6\x97\xa5" ACUTE DOT_BELOW);
    feed(t, "\r\nu");
    for (int i = 0; i < 12; i++)
        feed(t, ACUTE);
    char want[64] = "u";
    for (int i = 0; i < 8; i++)
        strcat(want, ACUTE);
    ASSERT_ROW(t, 2, want);
    term_free(t);
}

/* The marks go into history and come back, survive reflow, and RIS starts the table
 * afresh. */
static void test_combining_marks_through_history_reflow_and_ris(void **state)
{
    (void)state;
    struct term *t = term_new(6, 2, 100);
    feed(t, "ab" "e" ACUTE DOT_BELOW "cdefg\r\nz\r\n");
    ASSERT_ROW(t, -2, "ab" "e" ACUTE DOT_BELOW "cde"); /* history: the wrapped line */
    vt_resize(t->vt, 3, 2);
    vt_resize(t->vt, 10, 4);
    ASSERT_ROW(t, 0, "ab" "e" ACUTE DOT_BELOW "cdefg");
    uint32_t seq = CELL(t, 2, 0)->comb;
    feed(t, "\033c" "i" TILDE ACUTE);
    ASSERT_ROW(t, 0, "i" TILDE ACUTE);
    assert_int_equal(CELL(t, 0, 0)->comb, seq); /* the table was emptied: number 0 again */
    term_free(t);
}

/* A full table: the cells already holding sequences keep them, new ones keep their
 * first mark only; nothing grows past the bound. */
static void test_combining_table_is_bounded(void **state)
{
    (void)state;
    struct term *t = term_new(80, 2, 0);
    char buf[16];
    int made = 0;
    for (uint32_t a = 0x300; a < 0x370 && made < 4200; a++) {
        for (uint32_t b = 0x300; b < 0x370 && made < 4200; b++, made++) {
            int n = snprintf(buf, sizeof buf, "\ra");
            n += utf8_encode(a, buf + n);
            n += utf8_encode(b, buf + n);
            vt_feed(t->vt, buf, (size_t)n);
        }
    }
    /* The last one did not fit: one mark kept. */
    char want[16];
    int n = snprintf(want, sizeof want, "a");
    struct grid_cell c = *CELL(t, 0, 0);
    assert_false(c.comb & GRID_COMB_SEQ);
    n += utf8_encode(c.comb, want + n);
    want[n] = '\0';
    ASSERT_ROW(t, 0, want);
    feed(t, "\r\nb" ACUTE DOT_BELOW); /* a sequence made before: still found */
    assert_true(CELL(t, 0, 1)->comb & GRID_COMB_SEQ);
    ASSERT_ROW(t, 1, "b" ACUTE DOT_BELOW);
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ht_at_pending_wrap_keeps_it),
        cmocka_unit_test(test_ht_at_pending_wrap_on_the_right_margin),
        cmocka_unit_test(test_maximal_subparts_as_unicode_table_3_8),
        cmocka_unit_test(test_maximal_subparts_more_cases),
        cmocka_unit_test(test_several_combining_marks_are_kept),
        cmocka_unit_test(test_combining_marks_through_history_reflow_and_ris),
        cmocka_unit_test(test_combining_table_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
