/* test_vt_xterm.c - the xterm-grade additions: replies (DA3, XTVERSION, DECRQSS,
 * XTGETTCAP, window sizes, OSC colour queries, DECRQCRA), modes (LNM, reverse wrap,
 * DECSCNM, mouse 9/1005/1015), OSC 7 and 52, SGR underline styles, underline colour
 * and overline, DECSCA and selective erase, VT420 rectangles, UK charset, resets. */
#include "test_vt_helpers.h"

static void test_da3_and_xtversion(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[=c");
    ASSERT_REPLY(t, "\033P!|00000000\033\\");
    clear_reply(t);
    feed(t, "\033[>q");
    ASSERT_REPLY(t, "\033P>|tmx 0.1\033\\");
    clear_reply(t);
    feed(t, "\033[>0q");
    ASSERT_REPLY(t, "\033P>|tmx 0.1\033\\");
    term_free(t);
}

static void test_decrqss_sgr_region_cursor_style(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[1;4:3;53;38;5;100;48;2;1;2;3;58:2::4:5:6m\033P$qm\033\\");
    ASSERT_REPLY(t, "\033P1$r0;1;53;4:3;38:5:100;48:2::1:2:3;58:2::4:5:6m\033\\");
    clear_reply(t);
    feed(t, "\033[0;92;101m\033P$qm\033\\");
    ASSERT_REPLY(t, "\033P1$r0;92;101m\033\\");
    clear_reply(t);
    feed(t, "\033[2;4r\033P$qr\033\\");
    ASSERT_REPLY(t, "\033P1$r2;4r\033\\");
    clear_reply(t);
    feed(t, "\033[5 q\033P$q q\033\\");
    ASSERT_REPLY(t, "\033P1$r5 q\033\\");
    clear_reply(t);
    feed(t, "\033[1\"q\033P$q\"q\033\\");
    ASSERT_REPLY(t, "\033P1$r1\"q\033\\");
    clear_reply(t);
    feed(t, "\033P$qw\033\\");
    ASSERT_REPLY(t, "\033P0$r\033\\");
    term_free(t);
}

static void test_decrqss_split_across_feeds(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    const char *s = "\033P$qr\033\\x";
    for (; *s != '\0'; s++)
        vt_feed(t->vt, s, 1);
    ASSERT_REPLY(t, "\033P1$r1;5r\033\\");
    ASSERT_ROW(t, 0, "x");
    term_free(t);
}

static void test_xtgettcap_answers_unknown(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033P+q544e;436f\033\\");
    ASSERT_REPLY(t, "\033P0+r544e\033\\\033P0+r436f\033\\");
    term_free(t);
}

static void test_window_size_reports(void **state)
{
    (void)state;
    struct term *t = term_new(80, 24, 100);
    feed(t, "\033[14t\033[16t\033[18t\033[19t\033[8;10;10t\033[22;0t");
    ASSERT_REPLY(t, "\033[4;384;640t\033[6;16;8t\033[8;24;80t\033[9;24;80t");
    assert_int_equal(vt_cols(t->vt), 80);
    term_free(t);
}

/* XTWINOPS 22/23: a program saves the title, sets its own, and restores the saved one
 * when it leaves (vim does); 1 (the icon title, not kept) saves nothing; the stack
 * keeps the last ten; popping an empty stack changes nothing. */
static void test_title_stack(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033]2;shell\007\033[22;0t\033]2;vim\007");
    assert_string_equal(vt_title(t->vt), "vim");
    feed(t, "\033[22;1t\033[23;1t"); /* icon only: nothing saved or restored */
    assert_string_equal(vt_title(t->vt), "vim");
    feed(t, "\033[23;0t");
    assert_string_equal(vt_title(t->vt), "shell");
    feed(t, "\033[23t"); /* empty stack */
    assert_string_equal(vt_title(t->vt), "shell");
    feed(t, "\033]2;\007\033[22;2t\033]2;x\007\033[23;2t"); /* an empty title too */
    assert_string_equal(vt_title(t->vt), "");
    for (int i = 0; i < 12; i++) {
        char seq[32];
        snprintf(seq, sizeof seq, "\033]2;t%d\007\033[22t", i);
        feed(t, seq);
    }
    for (int i = 11; i >= 2; i--) {
        char want[16];
        snprintf(want, sizeof want, "t%d", i);
        feed(t, "\033[23t");
        assert_string_equal(vt_title(t->vt), want);
    }
    feed(t, "\033]2;last\007\033[23t"); /* t0 and t1 were dropped */
    assert_string_equal(vt_title(t->vt), "last");
    ASSERT_REPLY(t, "");
    term_free(t);
}

static void test_osc_colour_queries(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033]10;?\007");
    ASSERT_REPLY(t, "\033]10;rgb:ffff/ffff/ffff\007");
    clear_reply(t);
    feed(t, "\033]11;?\033\\");
    ASSERT_REPLY(t, "\033]11;rgb:0000/0000/0000\033\\");
    clear_reply(t);
    feed(t, "\033]10;?;?\007"); /* 10 then 11 */
    ASSERT_REPLY(t, "\033]10;rgb:ffff/ffff/ffff\007\033]11;rgb:0000/0000/0000\007");
    clear_reply(t);
    feed(t, "\033]4;1;?;16;?;196;?;255;?\007");
    ASSERT_REPLY(t, "\033]4;1;rgb:cdcd/0000/0000\007\033]4;16;rgb:0000/0000/0000\007"
                    "\033]4;196;rgb:ffff/0000/0000\007\033]4;255;rgb:eeee/eeee/eeee\007");
    clear_reply(t);
    feed(t, "\033]4;1;red\007\033]10;blue\007\033]104\007\033]110\007\033]111;\007\033]112\007");
    ASSERT_REPLY(t, "");
    term_free(t);
}

static void test_osc7_cwd(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    assert_string_equal(vt_cwd(t->vt), "");
    feed(t, "\033]7;file://host.example/home/me/a%20b\007");
    assert_string_equal(vt_cwd(t->vt), "/home/me/a b");
    feed(t, "\033]7;/plain/path\033\\");
    assert_string_equal(vt_cwd(t->vt), "/plain/path");
    feed(t, "\033]7;file://h/x%0ay\007"); /* a decoded control character is dropped */
    assert_string_equal(vt_cwd(t->vt), "/xy");
    assert_string_equal(vt_title(t->vt), "");
    term_free(t);
}

struct clip {
    int calls;
    char sel[32], data[256];
    struct term *t; /* replies still go to it */
};

static void on_clip(void *arg, const char *sel, const char *data)
{
    struct clip *c = arg;
    c->calls++;
    snprintf(c->sel, sizeof c->sel, "%s", sel);
    snprintf(c->data, sizeof c->data, "%s", data);
}

static void clip_reply(void *arg, const char *buf, size_t len)
{
    struct clip *c = arg;
    capture_reply(c->t, buf, len);
}

static const struct vt_ops clip_ops = { .reply = clip_reply, .clipboard = on_clip };

static void test_osc52_clipboard_set_only(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033]52;c;aGVsbG8=\007"); /* no callback: ignored */
    struct clip c = { .t = t };
    vt_set_ops(t->vt, &clip_ops, &c);
    feed(t, "\033]52;c;aGVsbG8=\007");
    assert_int_equal(c.calls, 1);
    assert_string_equal(c.sel, "c");
    assert_string_equal(c.data, "aGVsbG8=");
    feed(t, "\033]52;;d29ybGQ=\033\\");
    assert_int_equal(c.calls, 2);
    assert_string_equal(c.sel, "");
    feed(t, "\033]52;c;?\007");         /* query: never answered */
    feed(t, "\033]52;c;not base64!\007"); /* not base64: ignored */
    feed(t, "\033]52;c\007");
    assert_int_equal(c.calls, 2);
    ASSERT_REPLY(t, "");
    term_free(t);
}

static void test_osc8_hyperlink_text_printed(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033]8;id=1;http://example.com/\033\\link\033]8;;\033\\ after");
    ASSERT_ROW(t, 0, "link after");
    term_free(t);
}

static void test_sgr_underline_styles_colour_overline(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033[4:2mA\033[4:4mB\033[4:5mC\033[4mD\033[24mE");
    assert_int_equal(CELL(t, 0, 0)->attr, ATTR_UNDERLINE | 2 << ATTR_UNDERLINE_STYLE_SHIFT);
    assert_int_equal(ATTR_UNDERLINE_STYLE(CELL(t, 1, 0)->attr), 4);
    assert_int_equal(ATTR_UNDERLINE_STYLE(CELL(t, 2, 0)->attr), 5);
    assert_int_equal(CELL(t, 3, 0)->attr, ATTR_UNDERLINE);
    assert_int_equal(CELL(t, 4, 0)->attr, 0);
    feed(t, "\033[58;5;99;53mF\033[58:2::1:2:3mG\033[59;55mH");
    assert_int_equal(CELL(t, 5, 0)->ul, COLOUR_PALETTE | 99);
    assert_true(CELL(t, 5, 0)->attr & ATTR_OVERLINE);
    assert_int_equal(CELL(t, 6, 0)->ul, COLOUR_RGB | 0x010203);
    assert_int_equal(CELL(t, 7, 0)->ul, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 7, 0)->attr, 0);
    feed(t, "\033[58;2;1;2;3;31mI");
    assert_int_equal(CELL(t, 8, 0)->fg, COLOUR_PALETTE | 1); /* parsing went on */
    term_free(t);
}

static void test_decsca_and_selective_erase(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "ab\033[1\"qCD\033[0mE\033[2\"qfg\r\n12\033[1\"q3\033[0\"q4");
    assert_true(CELL(t, 2, 0)->attr & ATTR_PROTECTED);
    assert_true(CELL(t, 4, 0)->attr & ATTR_PROTECTED); /* SGR 0 keeps DECSCA */
    assert_false(CELL(t, 5, 0)->attr & ATTR_PROTECTED);
    feed(t, "\033[1;6H\033[?1K"); /* DECSEL to the cursor (inclusive) */
    ASSERT_ROW(t, 0, "  CDE g");
    feed(t, "\033[?2J");
    ASSERT_ROW(t, 0, "  CDE");
    ASSERT_ROW(t, 1, "  3");
    feed(t, "\033[2;1H\033[K"); /* EL erases protected cells too */
    ASSERT_ROW(t, 1, "");
    feed(t, "\033[$z"); /* DECERA (the whole screen) as well */
    ASSERT_ROW(t, 0, "");
    term_free(t);
}

static void test_decsera_keeps_protected(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "ab\033[1\"qc\033[0\"qde\033[1;2;1;5${");
    ASSERT_ROW(t, 0, "a c");
    term_free(t);
}

static void test_decfra_uses_pen_and_origin(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[2;4r\033[?6h\033[31m\033[42;1;1;2;3$x");
    ASSERT_ROW(t, 0, "");
    ASSERT_ROW(t, 1, "***");
    ASSERT_ROW(t, 2, "***");
    assert_int_equal(CELL(t, 0, 1)->fg, COLOUR_PALETTE | 1);
    feed(t, "\033[10;1;1;2;2$x\033[42;9;9;9;9$x"); /* bad char; outside: ignored */
    ASSERT_ROW(t, 1, "***");
    term_free(t);
}

static void test_deccra_overlapping(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "abcdef\033[1;1;1;6;1;1;3;1$v");
    ASSERT_ROW(t, 0, "ababcdef");
    term_free(t);
}

static void test_deccara_decrara_stream_and_rectangle(void **state)
{
    (void)state;
    struct term *t = term_new(5, 3, 100);
    feed(t, "aaaaa\r\nbbbbb\r\nccccc");
    feed(t, "\033[1;4;2;2;1$r"); /* stream: from (1,4) to (2,2) */
    assert_false(CELL(t, 2, 0)->attr & ATTR_BOLD);
    assert_true(CELL(t, 3, 0)->attr & ATTR_BOLD);
    assert_true(CELL(t, 4, 0)->attr & ATTR_BOLD);
    assert_true(CELL(t, 0, 1)->attr & ATTR_BOLD);
    assert_true(CELL(t, 1, 1)->attr & ATTR_BOLD);
    assert_false(CELL(t, 2, 1)->attr & ATTR_BOLD);
    feed(t, "\033[2*x\033[2;2;3;3;4$r"); /* rectangle */
    assert_true(CELL(t, 1, 2)->attr & ATTR_UNDERLINE);
    assert_false(CELL(t, 0, 2)->attr & ATTR_UNDERLINE);
    assert_false(CELL(t, 3, 2)->attr & ATTR_UNDERLINE);
    feed(t, "\033[2;2;3;3;0$r"); /* 0 clears them all */
    assert_int_equal(CELL(t, 1, 1)->attr, 0);
    feed(t, "\033[3;1;3;1;7$t\033[3;1;3;1;7$t\033[3;1;3;1;7$t"); /* toggled 3 times */
    assert_true(CELL(t, 0, 2)->attr & ATTR_REVERSE);
    term_free(t);
}

static void test_decrqcra_checksum(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, "AB\033[1;1;1;1;1;2*y");
    ASSERT_REPLY(t, "\033P1!~FF7D\033\\");
    clear_reply(t);
    feed(t, "\033[1;1;1;1;1;1*y\033[1m"); /* 'A' only */
    ASSERT_REPLY(t, "\033P1!~FFBF\033\\");
    clear_reply(t);
    feed(t, "\033[2;1*y"); /* the whole screen; blanks count as spaces: 20 cells */
    char want[32];
    snprintf(want, sizeof want, "\033P2!~%04X\033\\", (0x10000 - ('A' + 'B' + 18 * 32)) & 0xffff);
    ASSERT_REPLY(t, want);
    term_free(t);
}

static void test_lnm_linefeed_returns(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[20hab\ncd");
    ASSERT_ROW(t, 1, "cd");
    assert_true(MODES(t) & VT_MODE_LNM);
    feed(t, "\033[20l\ne");
    ASSERT_ROW(t, 2, "  e");
    term_free(t);
}

static void test_reverse_wrap(void **state)
{
    (void)state;
    struct term *t = term_new(5, 3, 100);
    feed(t, "\033[2;1H\b");
    ASSERT_CURSOR(t, 0, 1); /* off: stays */
    feed(t, "\033[?45h\b");
    ASSERT_CURSOR(t, 4, 0);
    feed(t, "\033[2;2H\033[2D");
    ASSERT_CURSOR(t, 4, 0);
    feed(t, "\033[1;1H\b");
    ASSERT_CURSOR(t, 0, 0); /* stops at the top-left corner */
    feed(t, "\033[?7l\033[2;1H\b");
    ASSERT_CURSOR(t, 0, 1); /* needs autowrap */
    term_free(t);
}

static void test_mouse_modes_and_encodings(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?9h");
    assert_int_equal(MODES(t) & (VT_MODE_MOUSE | VT_MODE_MOUSE_X10),
                     VT_MODE_MOUSE | VT_MODE_MOUSE_X10);
    feed(t, "\033[?1000h");
    assert_false(MODES(t) & VT_MODE_MOUSE_X10);
    assert_true(MODES(t) & VT_MODE_MOUSE);
    feed(t, "\033[?1005h");
    assert_true(MODES(t) & VT_MODE_MOUSE_UTF8);
    feed(t, "\033[?1006h");
    assert_int_equal(MODES(t) & (VT_MODE_MOUSE_UTF8 | VT_MODE_MOUSE_SGR | VT_MODE_MOUSE_URXVT),
                     VT_MODE_MOUSE_SGR);
    feed(t, "\033[?1015h\033[?1006$p\033[?1015$p\033[?9$p\033[?1000$p");
    ASSERT_REPLY(t, "\033[?1006;2$y\033[?1015;1$y\033[?9;2$y\033[?1000;1$y");
    feed(t, "\033[?1015l");
    assert_int_equal(MODES(t) & (VT_MODE_MOUSE_UTF8 | VT_MODE_MOUSE_SGR | VT_MODE_MOUSE_URXVT), 0);
    term_free(t);
}

static void test_decscnm_and_decnkm(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?5h\033[?66h\033[?5$p\033[?66$p");
    assert_true(MODES(t) & VT_MODE_REVERSE_VIDEO);
    assert_true(MODES(t) & VT_MODE_KEYPAD);
    ASSERT_REPLY(t, "\033[?5;1$y\033[?66;1$y");
    feed(t, "\033>");
    assert_false(MODES(t) & VT_MODE_KEYPAD);
    term_free(t);
}

static void test_uk_charset(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033)A#\016#\017#");
    ASSERT_ROW(t, 0, "#\xc2\xa3#");
    term_free(t);
}

static void test_decstr_as_xterm(void **state)
{
    (void)state;
    struct term *t = term_new(20, 5, 100);
    feed(t, "\033[1;6H\033H"); /* a tab stop at 5 */
    feed(t, "\033[?45h\033[?1049h\033[?1000h\033[?2004h\033[4 q\033[1\"q\033[3;4H\0337");
    feed(t, "\033[!p");
    assert_false(MODES(t) & VT_MODE_REVERSE_WRAP);
    assert_true(MODES(t) & VT_MODE_ALT_SCREEN);      /* kept */
    assert_true(MODES(t) & VT_MODE_MOUSE);           /* kept */
    assert_true(MODES(t) & VT_MODE_BRACKETED_PASTE); /* kept */
    assert_int_equal(vt_cursor_style(t->vt), 0);
    ASSERT_CURSOR(t, 3, 2); /* not moved */
    feed(t, "X\0338");
    assert_false(CELL(t, 3, 2)->attr & ATTR_PROTECTED);
    ASSERT_CURSOR(t, 0, 0); /* the saved cursor went home */
    feed(t, "\r\t");
    ASSERT_CURSOR(t, 5, 0); /* tab stops kept */
    term_free(t);
}

static void test_ris_clears_history_and_modes(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, "a\r\nb\r\nc\033[?45h\033[20h\033[?1006h\033[?2004h\033[?5h\033c");
    assert_int_equal(HISTORY(t), 0);
    assert_int_equal(MODES(t), VT_MODE_WRAP | VT_MODE_CURSOR_VISIBLE);
    ASSERT_ROW(t, 0, "");
    term_free(t);
}

static void test_pathological_sequences(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    char buf[8192];
    size_t n = 0;
    n += (size_t)snprintf(buf + n, sizeof buf - n, "\033[");
    for (int i = 0; i < 1000; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%d;", i);
    n += (size_t)snprintf(buf + n, sizeof buf - n, "HX");
    vt_feed(t->vt, buf, n);
    ASSERT_ROW(t, 0, "X");
    feed(t, "\033[1099511627776;1099511627776HY");
    ASSERT_ROW(t, 0, "XY");
    /* An OSC / DCS that never ends: megabytes swallowed, nothing kept but 4 KiB. */
    feed(t, "\033]2;");
    memset(buf, 'A', sizeof buf);
    for (int i = 0; i < 512; i++)
        vt_feed(t->vt, buf, sizeof buf);
    feed(t, "\007\033P$q");
    for (int i = 0; i < 512; i++)
        vt_feed(t->vt, buf, sizeof buf);
    feed(t, "\033\\Z");
    assert_true(strlen(vt_title(t->vt)) < 1024);
    ASSERT_ROW(t, 0, "XYZ");
    ASSERT_REPLY(t, "\033P0$r\033\\");
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_da3_and_xtversion),
        cmocka_unit_test(test_decrqss_sgr_region_cursor_style),
        cmocka_unit_test(test_decrqss_split_across_feeds),
        cmocka_unit_test(test_xtgettcap_answers_unknown),
        cmocka_unit_test(test_window_size_reports),
        cmocka_unit_test(test_title_stack),
        cmocka_unit_test(test_osc_colour_queries),
        cmocka_unit_test(test_osc7_cwd),
        cmocka_unit_test(test_osc52_clipboard_set_only),
        cmocka_unit_test(test_osc8_hyperlink_text_printed),
        cmocka_unit_test(test_sgr_underline_styles_colour_overline),
        cmocka_unit_test(test_decsca_and_selective_erase),
        cmocka_unit_test(test_decsera_keeps_protected),
        cmocka_unit_test(test_decfra_uses_pen_and_origin),
        cmocka_unit_test(test_deccra_overlapping),
        cmocka_unit_test(test_deccara_decrara_stream_and_rectangle),
        cmocka_unit_test(test_decrqcra_checksum),
        cmocka_unit_test(test_lnm_linefeed_returns),
        cmocka_unit_test(test_reverse_wrap),
        cmocka_unit_test(test_mouse_modes_and_encodings),
        cmocka_unit_test(test_decscnm_and_decnkm),
        cmocka_unit_test(test_uk_charset),
        cmocka_unit_test(test_decstr_as_xterm),
        cmocka_unit_test(test_ris_clears_history_and_modes),
        cmocka_unit_test(test_pathological_sequences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
