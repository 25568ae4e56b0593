/* test_vt_text.c - text as xterm shows it: HT with a wrap pending (xterm keeps the
 * wrap pending: mattiase/wraptest's results, "TAB cancels wrap: n" for XTerm), and
 * invalid UTF-8 replaced by one U+FFFD per maximal subpart (Unicode 15, section 3.9,
 * "U+FFFD Substitution of Maximal Subparts", its table 3-8 example). */
#include "test_vt_helpers.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ht_at_pending_wrap_keeps_it),
        cmocka_unit_test(test_ht_at_pending_wrap_on_the_right_margin),
        cmocka_unit_test(test_maximal_subparts_as_unicode_table_3_8),
        cmocka_unit_test(test_maximal_subparts_more_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
