/* test_vt_palette.c - colour control (OSC 4 / 104, OSC 10-19 / 110-119): set, query,
 * reset, OSC 5 / 105 special colours, with xterm's replies (ctlseqs: "Operating System Commands"; the answer to a
 * query is the colour as rgb:RRRR/GGGG/BBBB, ended as the query was), and the owner's
 * colours (tmux's pane-colours, window-style). */
#include "test_vt_helpers.h"

/* Each query gets exactly one reply, ended as it was (BEL or ST). */
static void test_queries_answer_once_with_the_query_terminator(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033]4;1;?\007");
    ASSERT_REPLY(t, "\033]4;1;rgb:cdcd/0000/0000\007");
    clear_reply(t);
    feed(t, "\033]4;232;?\033\\");
    ASSERT_REPLY(t, "\033]4;232;rgb:0808/0808/0808\033\\");
    clear_reply(t);
    feed(t, "\033]12;?\007\033]13;?\007\033]14;?\007\033]17;?\007\033]19;?\007");
    ASSERT_REPLY(t, "\033]12;rgb:ffff/ffff/ffff\007\033]13;rgb:ffff/ffff/ffff\007"
                    "\033]14;rgb:0000/0000/0000\007\033]17;rgb:ffff/ffff/ffff\007"
                    "\033]19;rgb:0000/0000/0000\007");
    clear_reply(t);
    /* A bad index, a bad spec, an index past 260 (256-260: the special colours): no
     * answer, nothing set. */
    feed(t, "\033]4;261;?\007\033]4;x;?\007\033]4;1;nocolour\007\033]4;1;?\007");
    ASSERT_REPLY(t, "\033]4;1;rgb:cdcd/0000/0000\007");
    term_free(t);
}

/* Every form of colour specification xterm takes (XParseColor). */
static void test_set_then_query_every_spec_form(void **state)
{
    (void)state;
    static const struct {
        const char *spec, *answer;
    } cases[] = {
        { "rgb:12/34/56", "rgb:1212/3434/5656" },
        { "rgb:f/0/8", "rgb:ffff/0000/8888" },          /* 1 digit: scaled (8 -> 0x88) */
        { "rgb:1234/abcd/ffff", "rgb:1212/abab/ffff" },
        { "rgb:fff/000/800", "rgb:ffff/0000/8080" },     /* 3 digits: 0x800 -> 0x80 */
        { "#123456", "rgb:1212/3434/5656" },
        { "#f08", "rgb:f0f0/0000/8080" },                 /* #: the high bits */
        { "#111222333", "rgb:1111/2222/3333" },
        { "#aaaabbbbcccc", "rgb:aaaa/bbbb/cccc" },
        { "rgbi:1/0/0.5", "rgb:ffff/0000/8080" },
        { "red", "rgb:ffff/0000/0000" },
        { "Alice Blue", "rgb:f0f0/f8f8/ffff" },
        { "DarkSlateGray4", "rgb:5252/8b8b/8b8b" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct term *t = term_new(10, 5, 100);
        char buf[128], want[128];
        snprintf(buf, sizeof buf, "\033]4;7;%s\007\033]4;7;?\007", cases[i].spec);
        feed(t, buf);
        snprintf(want, sizeof want, "\033]4;7;%s\007", cases[i].answer);
        ASSERT_REPLY(t, want);
        term_free(t);
    }
    /* Forms it refuses leave the colour as it was. */
    static const char *const bad[] = { "rgb:1/2", "rgb:12345/0/0", "#12", "#1234", "rgbi:2/0/0",
                                       "rgb:g/0/0", "", "re d!" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct term *t = term_new(10, 5, 100);
        char buf[128];
        snprintf(buf, sizeof buf, "\033]4;7;%s\007\033]4;7;?\007", bad[i]);
        feed(t, buf);
        ASSERT_REPLY(t, "\033]4;7;rgb:e5e5/e5e5/e5e5\007");
        term_free(t);
    }
}

/* OSC 4 with several pairs; OSC 10 ; a ; b sets 10 then 11; queries mixed in. */
static void test_several_pairs_and_following_dynamic_colours(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033]4;1;#010203;2;?;3;#040506\007");
    ASSERT_REPLY(t, "\033]4;2;rgb:0000/cdcd/0000\007");
    clear_reply(t);
    feed(t, "\033]4;3;?;1;?\033\\");
    ASSERT_REPLY(t, "\033]4;3;rgb:0404/0505/0606\033\\\033]4;1;rgb:0101/0202/0303\033\\");
    clear_reply(t);
    feed(t, "\033]10;#aabbcc;#112233;?\007");
    ASSERT_REPLY(t, "\033]12;rgb:aaaa/bbbb/cccc\007"); /* the cursor follows the foreground */
    clear_reply(t);
    feed(t, "\033]11;?\007\033]10;?\007");
    ASSERT_REPLY(t, "\033]11;rgb:1111/2222/3333\007\033]10;rgb:aaaa/bbbb/cccc\007");
    clear_reply(t);
    /* Past 19 the list stops. */
    feed(t, "\033]19;?;?\007");
    ASSERT_REPLY(t, "\033]19;rgb:0000/0000/0000\007");
    term_free(t);
}

/* OSC 104 ; n resets n, OSC 104 alone (or with an empty list) every indexed colour;
 * OSC 110-119 one dynamic colour. RIS resets them all. */
static void test_resets(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033]4;1;#010101;2;#020202;3;#030303\007\033]104;1;3\007");
    feed(t, "\033]4;1;?;2;?;3;?\007");
    ASSERT_REPLY(t, "\033]4;1;rgb:cdcd/0000/0000\007\033]4;2;rgb:0202/0202/0202\007"
                    "\033]4;3;rgb:cdcd/cdcd/0000\007");
    clear_reply(t);
    feed(t, "\033]104\007\033]4;2;?\007");
    ASSERT_REPLY(t, "\033]4;2;rgb:0000/cdcd/0000\007");
    clear_reply(t);
    feed(t, "\033]4;2;#020202\007\033]104;\033\\\033]4;2;?\007");
    ASSERT_REPLY(t, "\033]4;2;rgb:0000/cdcd/0000\007");
    clear_reply(t);
    feed(t, "\033]10;#010203\007\033]11;#040506\007\033]110\007\033]10;?\007\033]11;?\007");
    ASSERT_REPLY(t, "\033]10;rgb:ffff/ffff/ffff\007\033]11;rgb:0404/0505/0606\007");
    clear_reply(t);
    feed(t, "\033]111;\007\033]11;?\007");
    ASSERT_REPLY(t, "\033]11;rgb:0000/0000/0000\007");
    clear_reply(t);
    feed(t, "\033]4;9;#090909\007\033]12;#0c0c0c\007\033c\033]4;9;?\007\033]12;?\007");
    ASSERT_REPLY(t, "\033]4;9;rgb:ffff/0000/0000\007\033]12;rgb:ffff/ffff/ffff\007");
    term_free(t);
}

/* The owner's colours (pane-colours, window-style) answer until the program sets its
 * own, and come back when it resets them. Drawing gets the map of changed entries. */
static void test_owner_colours_and_the_drawing_map(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    assert_null(vt_palette_map(t->vt));
    vt_set_owner_colour(t->vt, 5, 0x102030);
    vt_set_owner_colour(t->vt, VT_COLOUR_BG, 0x800000);
    feed(t, "\033]4;5;?\007\033]11;?\007");
    ASSERT_REPLY(t, "\033]4;5;rgb:1010/2020/3030\007\033]11;rgb:8080/0000/0000\007");
    clear_reply(t);
    const uint32_t *map = vt_palette_map(t->vt);
    assert_non_null(map);
    assert_int_equal(map[5], COLOUR_RGB | 0x102030);
    assert_int_equal(map[4], 0);
    feed(t, "\033]4;5;#aabbcc\007");
    assert_int_equal(vt_palette_map(t->vt)[5], COLOUR_RGB | 0xaabbcc);
    assert_int_equal(vt_program_colour(t->vt, 1), COLOUR_DEFAULT);
    feed(t, "\033]11;#010203\007");
    assert_int_equal(vt_program_colour(t->vt, 1), COLOUR_RGB | 0x010203);
    feed(t, "\033]104;5\007\033]4;5;?\007");
    ASSERT_REPLY(t, "\033]4;5;rgb:1010/2020/3030\007");
    vt_set_owner_colour(t->vt, 5, -1);
    vt_set_owner_colour(t->vt, VT_COLOUR_BG, -1);
    assert_null(vt_palette_map(t->vt));
    term_free(t);
}

/* A query in a string cut at the length limit, a flood of queries: answers stay
 * bounded by what was sent (one per query). */
/* OSC 5 / 105: xterm's five special colours (bold, underline, blink, reverse, italic),
 * also OSC 4 ; 256+c. Unset, each is the foreground (xterm's default for colorBD...);
 * a query answers in the form it was asked; 105 resets the listed ones, or all. */
static void test_special_colours(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033]5;0;?\007");
    ASSERT_REPLY(t, "\033]5;0;rgb:ffff/ffff/ffff\007");
    clear_reply(t);
    feed(t, "\033]10;#102030\007\033]5;4;?\033\\");
    ASSERT_REPLY(t, "\033]5;4;rgb:1010/2020/3030\033\\");
    clear_reply(t);
    feed(t, "\033]5;1;red;2;#00ff00\007\033]5;1;?;2;?\007\033]4;257;?\007");
    ASSERT_REPLY(t, "\033]5;1;rgb:ffff/0000/0000\007\033]5;2;rgb:0000/ffff/0000\007"
                    "\033]4;257;rgb:ffff/0000/0000\007");
    clear_reply(t);
    feed(t, "\033]4;260;blue\007\033]5;4;?\007");
    ASSERT_REPLY(t, "\033]5;4;rgb:0000/0000/ffff\007");
    clear_reply(t);
    /* Out of range: no answer, nothing set; indexed colours untouched. */
    feed(t, "\033]5;5;?\007\033]5;5;red\007\033]4;261;?\007\033]4;1;?\007");
    ASSERT_REPLY(t, "\033]4;1;rgb:cdcd/0000/0000\007");
    clear_reply(t);
    feed(t, "\033]105;1\007\033]5;1;?;2;?\007");
    ASSERT_REPLY(t, "\033]5;1;rgb:1010/2020/3030\007\033]5;2;rgb:0000/ffff/0000\007");
    clear_reply(t);
    /* OSC 104 alone leaves the special colours; OSC 105 alone resets them all. */
    feed(t, "\033]104\007\033]5;2;?\007\033]105\007\033]5;2;?;4;?\007");
    ASSERT_REPLY(t, "\033]5;2;rgb:0000/ffff/0000\007\033]5;2;rgb:1010/2020/3030\007"
                    "\033]5;4;rgb:1010/2020/3030\007");
    clear_reply(t);
    /* RIS resets them with the rest. */
    feed(t, "\033]5;3;red\007\033c\033]5;3;?\007");
    ASSERT_REPLY(t, "\033]5;3;rgb:ffff/ffff/ffff\007");
    term_free(t);
}

static void test_many_queries_stay_bounded(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    char buf[9000];
    size_t n = 0;
    n += (size_t)snprintf(buf + n, sizeof buf - n, "\033]4");
    while (n < sizeof buf - 16)
        n += (size_t)snprintf(buf + n, sizeof buf - n, ";1;?");
    snprintf(buf + n, sizeof buf - n, "\007");
    feed(t, buf);
    /* At most 4096 bytes of the string are kept: about 1000 queries, one reply each. */
    size_t one = strlen("\033]4;1;rgb:cdcd/0000/0000\007");
    assert_true(t->reply_len <= sizeof t->reply - 1);
    assert_int_equal(t->reply_len % one, 0);
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_queries_answer_once_with_the_query_terminator),
        cmocka_unit_test(test_set_then_query_every_spec_form),
        cmocka_unit_test(test_several_pairs_and_following_dynamic_colours),
        cmocka_unit_test(test_resets),
        cmocka_unit_test(test_owner_colours_and_the_drawing_map),
        cmocka_unit_test(test_special_colours),
        cmocka_unit_test(test_many_queries_stay_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
