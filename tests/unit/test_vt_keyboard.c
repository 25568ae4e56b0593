/* test_vt_keyboard.c - the keyboard a program asks the vt for: xterm's modifyOtherKeys
 * (CSI > 4 ; n m, CSI > 4 n) and the kitty protocol's flags (CSI > u push, CSI < u pop,
 * CSI = u set, CSI ? u query), a bounded stack for each screen. */
#include "test_vt_helpers.h"

static void assert_query(struct term *t, const char *want)
{
    clear_reply(t);
    feed(t, "\033[?u");
    assert_string_equal(t->reply, want);
}

static void test_modify_other_keys_on_and_off(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 0);
    assert_int_equal(vt_modify_other_keys(t->vt), 0);
    feed(t, "\033[>4;1m");
    assert_int_equal(vt_modify_other_keys(t->vt), 1);
    feed(t, "\033[>4;2m");
    assert_int_equal(vt_modify_other_keys(t->vt), 2);
    feed(t, "\033[>4n");
    assert_int_equal(vt_modify_other_keys(t->vt), 0);
    feed(t, "\033[>4;1m\033[>0m");
    assert_int_equal(vt_modify_other_keys(t->vt), 0);
    feed(t, "\033[>4;1m\033[>4;0m");
    assert_int_equal(vt_modify_other_keys(t->vt), 0);
    feed(t, "\033[>4;1m\033[>4m");
    assert_int_equal(vt_modify_other_keys(t->vt), 0);
    feed(t, "\033[>4;7m\033[>1;1m"); /* unknown values and resources: nothing */
    assert_int_equal(vt_modify_other_keys(t->vt), 0);
    term_free(t);
}

static void test_extended_keys_always_holds_the_mode(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 0);
    vt_set_extended_keys_always(t->vt, true, false);
    assert_int_equal(vt_modify_other_keys(t->vt), 0); /* an existing pane: as it was */
    vt_set_extended_keys_always(t->vt, true, true);
    assert_int_equal(vt_modify_other_keys(t->vt), 2);
    feed(t, "\033[>4;0m\033[>4n");
    assert_int_equal(vt_modify_other_keys(t->vt), 2);
    feed(t, "\033c"); /* RIS: on again, as a new screen */
    assert_int_equal(vt_modify_other_keys(t->vt), 2);
    vt_set_extended_keys_always(t->vt, false, false);
    feed(t, "\033[>4n");
    assert_int_equal(vt_modify_other_keys(t->vt), 0);
    term_free(t);
}

static void test_kitty_push_pop_set_and_query(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 0);
    assert_query(t, "\033[?0u");
    feed(t, "\033[>1u");
    assert_int_equal(vt_kitty_flags(t->vt), 1);
    feed(t, "\033[>31u");
    assert_query(t, "\033[?31u");
    feed(t, "\033[=4;3u"); /* reset bit 4 */
    assert_query(t, "\033[?27u");
    feed(t, "\033[=4;2u"); /* set it again */
    assert_query(t, "\033[?31u");
    feed(t, "\033[=2u"); /* mode 1 (default): exactly these */
    assert_query(t, "\033[?2u");
    feed(t, "\033[=255;1u"); /* undefined bits dropped */
    assert_query(t, "\033[?31u");
    feed(t, "\033[<u");
    assert_query(t, "\033[?1u");
    feed(t, "\033[<u");
    assert_query(t, "\033[?0u");
    feed(t, "\033[<5u"); /* popping an empty stack: all flags off */
    assert_query(t, "\033[?0u");
    feed(t, "\033[>u"); /* push without flags: 0 */
    assert_query(t, "\033[?0u");
    term_free(t);
}

static void test_kitty_stacks_are_per_screen(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 0);
    feed(t, "\033[>1u");
    feed(t, "\033[?1049h");
    assert_query(t, "\033[?0u");
    feed(t, "\033[>11u");
    assert_query(t, "\033[?11u");
    feed(t, "\033[?1049l");
    assert_query(t, "\033[?1u");
    feed(t, "\033[?1049h");
    assert_query(t, "\033[?11u");
    feed(t, "\033[<u\033[?1049l");
    assert_query(t, "\033[?1u");
    feed(t, "\033c"); /* RIS: both stacks gone */
    assert_query(t, "\033[?0u");
    feed(t, "\033[<u");
    assert_query(t, "\033[?0u");
    term_free(t);
}

static void test_kitty_stack_is_bounded(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 0);
    /* 1000 pushes keep the newest entries only; popping them all comes back to the
     * flags pushed 16 before the last, then to 0. */
    char seq[32];
    for (int i = 1; i <= 1000; i++) {
        snprintf(seq, sizeof seq, "\033[>%du", i % 32);
        feed(t, seq);
    }
    assert_int_equal(vt_kitty_flags(t->vt), 1000 % 32);
    feed(t, "\033[<16u");
    assert_int_equal(vt_kitty_flags(t->vt), (1000 - 16) % 32);
    feed(t, "\033[<u");
    assert_int_equal(vt_kitty_flags(t->vt), 0);
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_modify_other_keys_on_and_off),
        cmocka_unit_test(test_extended_keys_always_holds_the_mode),
        cmocka_unit_test(test_kitty_push_pop_set_and_query),
        cmocka_unit_test(test_kitty_stacks_are_per_screen),
        cmocka_unit_test(test_kitty_stack_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
