/* test_vt_reflow.c - resizing keeps content: lines continued by autowrap are joined
 * and cut again at the new width (main screen and history), the cursor stays on its
 * character, the alternate screen is only cut; tab stops survive a narrowing. */
#include "test_vt_helpers.h"

static void test_narrow_then_widen_rewraps(void **state)
{
    (void)state;
    struct term *t = term_new(10, 4, 100);
    feed(t, "abcdefghijklm");
    ASSERT_CURSOR(t, 3, 1);
    vt_resize(t->vt, 5, 4);
    /* As tmux: the screen shows the last four lines of the rewrapped text and the blank
     * lines under it, so "abcde" goes to history and the cursor keeps its row. */
    assert_int_equal(HISTORY(t), 1);
    ASSERT_ROW(t, 0, "fghij");
    ASSERT_ROW(t, 1, "klm");
    ASSERT_CURSOR(t, 3, 1);
    vt_resize(t->vt, 10, 4);
    ASSERT_ROW(t, 0, "abcdefghij");
    ASSERT_ROW(t, 1, "klm");
    ASSERT_ROW(t, 2, "");
    ASSERT_CURSOR(t, 3, 1);
    feed(t, "n"); /* the cursor is where the text continues */
    ASSERT_ROW(t, 1, "klmn");
    assert_int_equal(HISTORY(t), 0);
    term_free(t);
}

static void test_widen_joins_and_hard_newlines_stay(void **state)
{
    (void)state;
    struct term *t = term_new(5, 4, 100);
    feed(t, "ab\r\ncdefgh");
    vt_resize(t->vt, 10, 4);
    ASSERT_ROW(t, 0, "ab");
    ASSERT_ROW(t, 1, "cdefgh");
    ASSERT_ROW(t, 2, "");
    ASSERT_CURSOR(t, 6, 1);
    term_free(t);
}

static void test_pending_wrap_cursor_follows_text(void **state)
{
    (void)state;
    struct term *t = term_new(5, 3, 100);
    feed(t, "abcde");
    ASSERT_CURSOR(t, 4, 0);
    vt_resize(t->vt, 10, 3);
    ASSERT_CURSOR(t, 5, 0);
    feed(t, "f");
    ASSERT_ROW(t, 0, "abcdef");
    term_free(t);
}

static void test_history_lines_rewrap(void **state)
{
    (void)state;
    struct term *t = term_new(5, 2, 100);
    feed(t, "abcdefghij\r\nxy");
    assert_int_equal(HISTORY(t), 1);
    ASSERT_ROW(t, -1, "abcde");
    vt_resize(t->vt, 10, 2);
    ASSERT_ROW(t, 0, "abcdefghij");
    ASSERT_ROW(t, 1, "xy");
    assert_int_equal(HISTORY(t), 0);
    ASSERT_CURSOR(t, 2, 1);
    term_free(t);
}

/* Empty lines in history (blank lines scrolled off) survive a reflow as empty lines:
 * found by tests/fuzz/vt_fuzz (an empty line made the rewrap offset a null pointer). */
static void test_empty_history_lines_reflow(void **state)
{
    (void)state;
    struct term *t = term_new(6, 2, 100);
    feed(t, "\r\n\r\nab\r\ncd\r\nef");
    assert_int_equal(HISTORY(t), 3);
    ASSERT_ROW(t, -3, "");
    ASSERT_ROW(t, -1, "ab");
    vt_resize(t->vt, 3, 2);
    vt_resize(t->vt, 9, 2);
    assert_int_equal(HISTORY(t), 3);
    ASSERT_ROW(t, -3, "");
    ASSERT_ROW(t, -2, "");
    ASSERT_ROW(t, -1, "ab");
    ASSERT_ROW(t, 0, "cd");
    term_free(t);
}

static void test_narrow_full_screen_pushes_to_history(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 10);
    feed(t, "0123456789abc");
    vt_resize(t->vt, 5, 2);
    assert_int_equal(HISTORY(t), 1);
    ASSERT_ROW(t, -1, "01234");
    ASSERT_ROW(t, 0, "56789");
    ASSERT_ROW(t, 1, "abc");
    ASSERT_CURSOR(t, 3, 1);
    vt_resize(t->vt, 20, 2); /* the history comes back joined */
    assert_int_equal(HISTORY(t), 0);
    ASSERT_ROW(t, 0, "0123456789abc");
    ASSERT_CURSOR(t, 13, 0);
    term_free(t);
}

static void test_wide_char_never_split(void **state)
{
    (void)state;
    struct term *t = term_new(6, 3, 100);
    feed(t, "abcd\xe4\xb8\xad" "e");
    ASSERT_ROW(t, 0, "abcd\xe4\xb8\xad");
    vt_resize(t->vt, 5, 3);
    ASSERT_ROW(t, 0, "abcd");
    ASSERT_ROW(t, 1, "\xe4\xb8\xad" "e");
    assert_int_equal(grid_cell_width(CELL(t, 0, 1)), 2);
    ASSERT_CURSOR(t, 3, 1);
    vt_resize(t->vt, 1, 3); /* too narrow for it: blanked, no crash */
    vt_resize(t->vt, 8, 3);
    term_free(t);
}

static void test_main_reflows_under_alt_screen(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "abcdefghijkl");
    feed(t, "\033[?1049h\033[HALT");
    vt_resize(t->vt, 5, 3);
    ASSERT_ROW(t, 0, "ALT");
    feed(t, "\033[?1049l");
    ASSERT_ROW(t, 0, "fghij"); /* "abcde" went to history, as on the main screen */
    ASSERT_ROW(t, 1, "kl");
    ASSERT_CURSOR(t, 2, 1);
    term_free(t);
}

static void test_saved_cursor_follows_text(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "abcdefghijkl\0337\r\n");
    vt_resize(t->vt, 5, 3);
    feed(t, "\0338X"); /* the screen scrolled one line to keep the cursor on it */
    ASSERT_ROW(t, 1, "klX");
    term_free(t);
}

static void test_many_resizes_keep_text(void **state)
{
    (void)state;
    struct term *t = term_new(40, 10, 1000);
    for (int i = 0; i < 50; i++) {
        char line[64];
        snprintf(line, sizeof line, "line %02d the quick brown fox jumps\r\n", i);
        feed(t, line);
    }
    for (int w = 39; w >= 7; w -= 3)
        vt_resize(t->vt, w, 10);
    vt_resize(t->vt, 40, 10);
    /* Every line came back whole: the last ones are on the screen. */
    ASSERT_ROW(t, 8, "line 49 the quick brown fox jumps");
    ASSERT_ROW(t, 7, "line 48 the quick brown fox jumps");
    ASSERT_ROW(t, 0, "line 41 the quick brown fox jumps");
    ASSERT_ROW(t, -1, "line 40 the quick brown fox jumps");
    ASSERT_ROW(t, -41, "line 00 the quick brown fox jumps");
    ASSERT_CURSOR(t, 0, 9);
    term_free(t);
}

static void test_tab_stops_survive_narrowing(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033[1;14H\033H");
    vt_resize(t->vt, 10, 3);
    vt_resize(t->vt, 20, 3);
    feed(t, "\033[2;1H\t\tX");
    ASSERT_CURSOR(t, 14, 1); /* stops at 8 and 13 */
    term_free(t);
}

static void test_history_limit_respected_by_reflow(void **state)
{
    (void)state;
    struct term *t = term_new(20, 2, 3);
    for (int i = 0; i < 10; i++)
        feed(t, "0123456789012345\r\n");
    vt_resize(t->vt, 4, 2);
    assert_int_equal(HISTORY(t), 3);
    ASSERT_CURSOR(t, 0, 1);
    term_free(t);
}

/* Random text, controls and sequences with random resizes in between: no crash
 * (ASan), the cursor always on the screen, history within its limit. */
static void test_random_input_and_resizes(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "hello world ", "\r\n", "\n", "\t", "\b", "\033[2J", "\033[?1049h", "\033[?1049l",
        "\xe4\xb8\xad\xe6\x96\x87", "e\xcc\x81", "\033[5;3r", "\033[r", "\0337", "\0338",
        "\033[3L", "\033[2M", "\033[10@", "\033[4P", "\033[H", "\033[99;99H", "\033[?7l",
        "\033[?7h", "\033[?45h", "\033[4h", "\033[4l", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "\033[S", "\033[T", "\033M", "\033[3J", "\033c", "\033[1;1;3;3$v",
    };
    uint32_t seed = 12345;
    struct term *t = term_new(30, 8, 50);
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        uint32_t r = seed >> 16;
        if (r % 23 == 0) {
            vt_resize(t->vt, 1 + (int)(r / 23 % 60), 1 + (int)(r / 1400 % 20));
        } else {
            feed(t, pieces[r % (sizeof pieces / sizeof pieces[0])]);
        }
        int x, y;
        vt_cursor(t->vt, &x, &y);
        assert_true(x >= 0 && x < vt_cols(t->vt) && y >= 0 && y < vt_rows(t->vt));
        assert_true(HISTORY(t) <= 50);
    }
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_narrow_then_widen_rewraps),
        cmocka_unit_test(test_empty_history_lines_reflow),
        cmocka_unit_test(test_widen_joins_and_hard_newlines_stay),
        cmocka_unit_test(test_pending_wrap_cursor_follows_text),
        cmocka_unit_test(test_history_lines_rewrap),
        cmocka_unit_test(test_narrow_full_screen_pushes_to_history),
        cmocka_unit_test(test_wide_char_never_split),
        cmocka_unit_test(test_main_reflows_under_alt_screen),
        cmocka_unit_test(test_saved_cursor_follows_text),
        cmocka_unit_test(test_many_resizes_keep_text),
        cmocka_unit_test(test_tab_stops_survive_narrowing),
        cmocka_unit_test(test_history_limit_respected_by_reflow),
        cmocka_unit_test(test_random_input_and_resizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
