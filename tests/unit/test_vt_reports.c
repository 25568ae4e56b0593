/* test_vt_reports.c - the terminal's answers, each against xterm's ctlseqs (DSR,
 * DECRQM, XTWINOPS, DA) and the VT510 manual (DECCOLM), and tmux's passthrough
 * (DCS tmux; ... ST, allow-passthrough). */
#include "test_vt_helpers.h"

/* CSI ? Ps n: every DEC status report xterm answers, one reply each. */
static void test_dec_status_reports(void **state)
{
    (void)state;
    static const struct {
        const char *ask, *answer;
    } cases[] = {
        { "\033[?15n", "\033[?13n" },          /* no printer */
        { "\033[?25n", "\033[?20n" },          /* UDK unlocked */
        { "\033[?26n", "\033[?27;1;0;0n" },    /* North American, ready, LK201 */
        { "\033[?53n", "\033[?50n" },          /* no locator */
        { "\033[?55n", "\033[?50n" },
        { "\033[?56n", "\033[?57;0n" },        /* locator type unknown */
        { "\033[?62n", "\033[0*{" },           /* DECMSR: no macro space */
        { "\033[?63;7n", "\033P7!~0000\033\\" }, /* DECCKSR for request 7 */
        { "\033[?63n", "\033P0!~0000\033\\" },
        { "\033[?75n", "\033[?70n" },          /* data integrity */
        { "\033[?85n", "\033[?83n" },          /* not multi-session */
        { "\033[?5n", "" },                    /* only the ANSI form has 5 */
        { "\033[?99n", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct term *t = term_new(10, 5, 100);
        feed(t, cases[i].ask);
        ASSERT_REPLY(t, cases[i].answer);
        term_free(t);
    }
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[3;5H\033[?6n\033[6n");
    ASSERT_REPLY(t, "\033[?3;5R\033[3;5R"); /* DECXCPR has no page number */
    term_free(t);
}

static const char *rqm(struct term *t, const char *ask)
{
    clear_reply(t);
    feed(t, ask);
    return t->reply;
}

/* DECRQM: 1 / 2 for the modes tmx implements, 3 / 4 for those fixed here, 0 only for
 * the unknown. */
static void test_decrqm_every_kind_of_answer(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    assert_string_equal(rqm(t, "\033[?7$p"), "\033[?7;1$y");
    assert_string_equal(rqm(t, "\033[?3$p"), "\033[?3;2$y");
    feed(t, "\033[?3h");
    assert_string_equal(rqm(t, "\033[?3$p"), "\033[?3;1$y");
    assert_string_equal(rqm(t, "\033[?2$p"), "\033[?2;3$y");
    assert_string_equal(rqm(t, "\033[?8$p"), "\033[?8;3$y");
    assert_string_equal(rqm(t, "\033[?4$p"), "\033[?4;4$y");
    assert_string_equal(rqm(t, "\033[?67$p"), "\033[?67;4$y");
    assert_string_equal(rqm(t, "\033[?2027$p"), "\033[?2027;4$y");
    assert_string_equal(rqm(t, "\033[?1048$p"), "\033[?1048;2$y");
    feed(t, "\0337");
    assert_string_equal(rqm(t, "\033[?1048$p"), "\033[?1048;1$y");
    assert_string_equal(rqm(t, "\033[?31337$p"), "\033[?31337;0$y");
    assert_string_equal(rqm(t, "\033[4$p"), "\033[4;2$y");
    assert_string_equal(rqm(t, "\033[2$p"), "\033[2;4$y");
    assert_string_equal(rqm(t, "\033[12$p"), "\033[12;3$y");
    assert_string_equal(rqm(t, "\033[1$p"), "\033[1;4$y");
    assert_string_equal(rqm(t, "\033[3$p"), "\033[3;0$y");
    term_free(t);
}

/* DECCOLM, set or reset: the width stays, the screen is cleared, margins reset,
 * cursor home. */
static void test_deccolm_clears_and_homes(void **state)
{
    (void)state;
    struct term *t = term_new(10, 4, 100);
    feed(t, "abc\r\ndef\033[2;3r\033[?69h\033[2;5s\033[3;4H");
    feed(t, "\033[?3h");
    ASSERT_ROW(t, 0, "");
    ASSERT_ROW(t, 1, "");
    ASSERT_CURSOR(t, 0, 0);
    assert_int_equal(vt_cols(t->vt), 10);
    clear_reply(t);
    feed(t, "\033P$qr\033\\\033P$qs\033\\");
    ASSERT_REPLY(t, "\033P1$r1;4r\033\\\033P1$r1;10s\033\\");
    feed(t, "xy\033[?3l");
    ASSERT_ROW(t, 0, "");
    ASSERT_CURSOR(t, 0, 0);
    term_free(t);
}

/* XTWINOPS reports: state, position, sizes; title reports only when allowed. */
static void test_window_reports_and_title_reports_off_by_default(void **state)
{
    (void)state;
    struct term *t = term_new(80, 24, 100);
    feed(t, "\033[11t\033[13t\033[13;2t\033[14t\033[14;2t\033[15t\033[16t\033[18t\033[19t");
    ASSERT_REPLY(t, "\033[1t\033[3;0;0t\033[3;0;0t\033[4;384;640t\033[4;384;640t"
                    "\033[5;384;640t\033[6;16;8t\033[8;24;80t\033[9;24;80t");
    clear_reply(t);
    feed(t, "\033]2;secret\007\033[20t\033[21t");
    ASSERT_REPLY(t, "");
    vt_set_title_reports(t->vt, true);
    feed(t, "\033[21t\033[20t");
    ASSERT_REPLY(t, "\033]lsecret\033\\\033]Lsecret\033\\");
    term_free(t);
}

/* The title stack: 22 pushes (0 and 2; 1 is the icon's alone, not kept), 23 pops. */
static void test_title_stack_push_pop(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033]2;one\007\033[22;0t\033]2;two\007\033[22;2t\033]2;three\007");
    feed(t, "\033[22;1t\033[23;1t");
    assert_string_equal(vt_title(t->vt), "three");
    feed(t, "\033[23;2t");
    assert_string_equal(vt_title(t->vt), "two");
    feed(t, "\033[23;0t");
    assert_string_equal(vt_title(t->vt), "one");
    feed(t, "\033[23t");
    assert_string_equal(vt_title(t->vt), "one");
    term_free(t);
}

struct pass {
    struct term *t;
    char data[8192];
    size_t len;
    int calls;
};

static void on_passthrough(void *arg, const char *data, size_t len)
{
    struct pass *p = arg;
    p->calls++;
    if (len < sizeof p->data) {
        memcpy(p->data, data, len);
        p->len = len;
    }
}

static void on_reply(void *arg, const char *buf, size_t len)
{
    capture_reply(((struct pass *)arg)->t, buf, len);
}

static const struct vt_ops pass_ops = { .reply = on_reply, .passthrough = on_passthrough };

/* DCS tmux; data ST: the data with its doubled ESCs made single, only when allowed;
 * a string cut at the limit is dropped; ESC followed by anything but ESC or \ still
 * ends a DCS as before. */
static void test_tmux_passthrough(void **state)
{
    (void)state;
    struct pass p = { .t = term_new(10, 3, 100) };
    vt_set_ops(p.t->vt, &pass_ops, &p);
    feed(p.t, "\033Ptmux;\033\033]52;c;aGk=\007\033\\x");
    assert_int_equal(p.calls, 0); /* allow-passthrough off */
    ASSERT_ROW(p.t, 0, "x");
    vt_set_passthrough(p.t->vt, true);
    feed(p.t, "\033Ptmux;\033\033]1337;A\033\033\\\033\\y");
    assert_int_equal(p.calls, 1);
    assert_int_equal(p.len, strlen("\033]1337;A\033\\"));
    assert_memory_equal(p.data, "\033]1337;A\033\\", p.len);
    ASSERT_ROW(p.t, 0, "xy");
    /* A long one (over the 4096 bytes other strings keep) goes out whole. */
    char big[6000];
    size_t n = (size_t)snprintf(big, sizeof big, "\033Ptmux;");
    while (n < 5000)
        big[n++] = 'a';
    memcpy(big + n, "\033\\", 3);
    feed(p.t, big);
    assert_int_equal(p.calls, 2);
    assert_int_equal(p.len, 5000 - strlen("\033Ptmux;"));
    /* One past the limit: dropped whole, and the screen goes on. */
    size_t huge = 1024 * 1024 + 16;
    char *h = malloc(huge + 16);
    n = (size_t)snprintf(h, huge, "\033Ptmux;");
    memset(h + n, 'b', huge - n);
    memcpy(h + huge, "\033\\z", 4);
    feed(p.t, h);
    free(h);
    assert_int_equal(p.calls, 2);
    ASSERT_ROW(p.t, 0, "xyz");
    /* A long one aborted by CAN: nothing goes out, the text after it prints. */
    n = (size_t)snprintf(big, sizeof big, "\033Ptmux;");
    while (n < 5000)
        big[n++] = 'c';
    memcpy(big + n, "\030w", 3);
    feed(p.t, big);
    assert_int_equal(p.calls, 2);
    ASSERT_ROW(p.t, 0, "xyzw");
    clear_reply(p.t);
    /* DECRQSS still ends at ESC \ and at ESC followed by another sequence. */
    feed(p.t, "\033P$qm\033\\");
    ASSERT_REPLY(p.t, "\033P1$r0m\033\\");
    clear_reply(p.t);
    feed(p.t, "\033P$qr\033[H!");
    ASSERT_REPLY(p.t, "\033P1$r1;3r\033\\");
    ASSERT_ROW(p.t, 0, "!yzw");
    term_free(p.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dec_status_reports),
        cmocka_unit_test(test_decrqm_every_kind_of_answer),
        cmocka_unit_test(test_deccolm_clears_and_homes),
        cmocka_unit_test(test_window_reports_and_title_reports_off_by_default),
        cmocka_unit_test(test_title_stack_push_pop),
        cmocka_unit_test(test_tmux_passthrough),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
