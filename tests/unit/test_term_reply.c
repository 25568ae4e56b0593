/* test_term_reply.c - a terminal's answers to what the server asks it at attach, as
 * common/term_reply reads them out of its keys: DA2 (its kind) and XTVERSION (its name),
 * whole, cut short, or not answers at all (keys that begin the same way). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "term_reply.h"

static long da2(const char *s, int *kind)
{
    *kind = -2;
    return term_reply_da2(s, strlen(s), kind);
}

static void test_da2_answers_give_their_kind(void **state)
{
    (void)state;
    int kind;
    assert_int_equal(da2("\033[>84;0;0c", &kind), 10); /* tmux, and tmx */
    assert_int_equal(kind, 84);
    assert_int_equal(da2("\033[>77;30700;0cx", &kind), 14); /* mintty, then a key */
    assert_int_equal(kind, 'M');
    assert_int_equal(da2("\033[>41;379;0c", &kind), 12); /* xterm: a VT420 */
    assert_int_equal(kind, 41);
    assert_int_equal(da2("\033[>c", &kind), 4); /* no parameters */
    assert_int_equal(kind, -1);
    assert_int_equal(da2("\033[?64;1;2c", &kind), 10); /* the DA1 form: taken, no kind */
    assert_int_equal(kind, -1);
}

static void test_da2_cut_short_waits(void **state)
{
    (void)state;
    int kind;
    assert_int_equal(da2("\033", &kind), 0);
    assert_int_equal(da2("\033[", &kind), 0);
    assert_int_equal(da2("\033[>", &kind), 0);
    assert_int_equal(da2("\033[>84;0", &kind), 0);
    assert_int_equal(kind, -2); /* nothing said yet */
}

static void test_keys_are_no_da2_answer(void **state)
{
    (void)state;
    int kind;
    assert_int_equal(da2("\033[A", &kind), -1);          /* Up */
    assert_int_equal(da2("\033[<0;1;1M", &kind), -1);    /* an SGR mouse click */
    assert_int_equal(da2("\033[?1u", &kind), -1);        /* the kitty keyboard's answer */
    assert_int_equal(da2("\033[?1;2$y", &kind), -1);     /* DECRPM */
    assert_int_equal(da2("\033P>|tmux\033\\", &kind), -1); /* XTVERSION's */
    assert_int_equal(da2("x", &kind), -1);
    char longer[80] = "\033[>";
    memset(longer + 3, '1', 70);
    longer[73] = 'c';
    longer[74] = '\0';
    assert_int_equal(da2(longer, &kind), -1); /* more than 64 between: not an answer */
}

static void test_xtversion_answer_gives_the_name(void **state)
{
    (void)state;
    char name[TERM_REPLY_NAME_MAX + 1];
    const char *s = "\033P>|tmux 3.3a\033\\";
    assert_int_equal(term_reply_xtversion(s, strlen(s), name), (long)strlen(s));
    assert_string_equal(name, "tmux 3.3a");
    assert_int_equal(term_reply_xtversion(s, 6, name), 0);
    assert_int_equal(term_reply_xtversion("\033[>84;0;0c", 10, name), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_da2_answers_give_their_kind),
        cmocka_unit_test(test_da2_cut_short_waits),
        cmocka_unit_test(test_keys_are_no_da2_answer),
        cmocka_unit_test(test_xtversion_answer_gives_the_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
