/* test_vt_margins.c - left/right margins as xterm has them (DECLRMM mode 69, DECSLRM
 * CSI Pl ; Pr s): wrapping at the right margin, CR, cursor motion, scrolling of the
 * rectangle inside the four margins (never into history), origin mode, ICH / DCH / IL /
 * DL / DECIC / DECDC, the replies, and what resets the margins. Expected screens are
 * worked out from xterm's ctlseqs and the VT510 manual, not taken from tmx. */
#include "test_vt_helpers.h"

/* Five rows of ten distinct characters (the cursor ends on the last one). */
static void fill_rows(struct term *t)
{
    feed(t, "0123456789\r\nabcdefghij\r\nABCDEFGHIJ\r\nklmnopqrst\r\nKLMNOPQRST");
}

static void assert_margins_reply(struct term *t, const char *want)
{
    clear_reply(t);
    feed(t, "\033P$qs\033\\");
    ASSERT_REPLY(t, want);
    clear_reply(t);
}

static void test_csi_s_is_decslrm_only_with_declrmm(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    /* Without DECLRMM: CSI s saves the cursor, CSI Pl ; Pr s is ignored. */
    feed(t, "\033[3;4H\033[s\033[1;1H\033[u");
    ASSERT_CURSOR(t, 3, 2);
    feed(t, "\033[2;5s");
    assert_margins_reply(t, "\033P1$r1;10s\033\\");
    ASSERT_CURSOR(t, 3, 2);
    /* With DECLRMM: CSI s is DECSLRM (no parameters: the whole width), and it homes
     * the cursor instead of saving it; CSI u still restores. */
    feed(t, "\033[?69h\033[4;5H\033[2;5s");
    assert_margins_reply(t, "\033P1$r2;5s\033\\");
    ASSERT_CURSOR(t, 0, 0);
    feed(t, "\033[4;5H\033[s");
    assert_margins_reply(t, "\033P1$r1;10s\033\\");
    ASSERT_CURSOR(t, 0, 0);
    feed(t, "\033[u");
    ASSERT_CURSOR(t, 3, 2);
    term_free(t);
}

static void test_decslrm_validation_and_decrqm(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[?69$p");
    ASSERT_REPLY(t, "\033[?69;2$y");
    clear_reply(t);
    feed(t, "\033[?69h\033[?69$p");
    ASSERT_REPLY(t, "\033[?69;1$y");
    assert_true(MODES(t) & VT_MODE_LR_MARGINS);
    feed(t, "\033[3;7s");
    assert_margins_reply(t, "\033P1$r3;7s\033\\");
    /* Left not before right: ignored, the cursor stays. */
    feed(t, "\033[2;2H\033[5;5s\033[7;3s");
    assert_margins_reply(t, "\033P1$r3;7s\033\\");
    ASSERT_CURSOR(t, 1, 1);
    /* A right margin past the screen is the last column; a missing one too. */
    feed(t, "\033[2;200s");
    assert_margins_reply(t, "\033P1$r2;10s\033\\");
    feed(t, "\033[4s");
    assert_margins_reply(t, "\033P1$r4;10s\033\\");
    term_free(t);
}

static void test_autowrap_at_right_margin(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[?69h\033[3;6s");
    /* Inside the margins: wraps at the right margin to the left margin. */
    feed(t, "\033[1;3Habcdefgh");
    ASSERT_ROW(t, 0, "  abcd");
    ASSERT_ROW(t, 1, "  efgh");
    ASSERT_CURSOR(t, 5, 1);
    /* From left of the left margin: still wraps at the right margin. */
    feed(t, "\033[3;1H0123456789");
    ASSERT_ROW(t, 2, "012345");
    ASSERT_ROW(t, 3, "  6789");
    ASSERT_CURSOR(t, 5, 3);
    /* From right of the right margin: wraps at the screen's edge, to the left margin
     * of the next line. */
    feed(t, "\033[1;8Hxyzw");
    ASSERT_ROW(t, 0, "  abcd xyz");
    ASSERT_ROW(t, 1, "  wfgh");
    ASSERT_CURSOR(t, 3, 1);
    term_free(t);
}

static void test_wrap_on_bottom_margin_scrolls_the_rectangle(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "LLLLLLLLLL\r\nMMMMMMMMMM\r\nNNNNNNNNNN");
    feed(t, "\033[?69h\033[4;7s\033[3;4Habcdefg");
    ASSERT_ROW(t, 0, "LLLMMMMLLL");
    ASSERT_ROW(t, 1, "MMMabcdMMM");
    ASSERT_ROW(t, 2, "NNNefg NNN");
    ASSERT_CURSOR(t, 6, 2);
    assert_int_equal(HISTORY(t), 0);
    term_free(t);
}

static void test_wide_char_at_right_margin_wraps(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?69h\033[1;4sabc\xe4\xb8\xad");
    ASSERT_ROW(t, 0, "abc");
    ASSERT_ROW(t, 1, "\xe4\xb8\xad");
    assert_int_equal(grid_cell_width(CELL(t, 0, 1)), 2);
    assert_int_equal(CELL(t, 3, 0)->ch, 0);
    ASSERT_CURSOR(t, 2, 1);
    term_free(t);
}

static void test_lf_ri_su_sd_scroll_only_the_rectangle(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    fill_rows(t);
    feed(t, "\033[?69h\033[2;4r\033[3;6s");
    /* LF on the bottom margin, inside the columns. */
    feed(t, "\033[4;4H\n");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 1, "abCDEFghij");
    ASSERT_ROW(t, 2, "ABmnopGHIJ");
    ASSERT_ROW(t, 3, "kl    qrst");
    ASSERT_ROW(t, 4, "KLMNOPQRST");
    ASSERT_CURSOR(t, 3, 3);
    /* RI on the top margin. */
    feed(t, "\033[2;3H\033M");
    ASSERT_ROW(t, 1, "ab    ghij");
    ASSERT_ROW(t, 2, "ABCDEFGHIJ");
    ASSERT_ROW(t, 3, "klmnopqrst");
    ASSERT_CURSOR(t, 2, 1);
    /* LF on the bottom margin but right of the right margin: nothing scrolls. */
    feed(t, "\033[4;8H\n");
    ASSERT_ROW(t, 1, "ab    ghij");
    ASSERT_ROW(t, 3, "klmnopqrst");
    ASSERT_CURSOR(t, 7, 3);
    /* SU / SD scroll the rectangle wherever the cursor is. */
    feed(t, "\033[2S");
    ASSERT_ROW(t, 1, "abmnopghij");
    ASSERT_ROW(t, 2, "AB    GHIJ");
    ASSERT_ROW(t, 3, "kl    qrst");
    feed(t, "\033[T");
    ASSERT_ROW(t, 1, "ab    ghij");
    ASSERT_ROW(t, 2, "ABmnopGHIJ");
    ASSERT_ROW(t, 3, "kl    qrst");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 4, "KLMNOPQRST");
    ASSERT_CURSOR(t, 7, 3);
    /* NEL indexes at the cursor's column, then returns: from (2,3) it scrolls. */
    feed(t, "\033[4;3H\033E");
    ASSERT_ROW(t, 1, "abmnopghij");
    ASSERT_ROW(t, 3, "kl    qrst");
    ASSERT_CURSOR(t, 2, 3);
    assert_int_equal(HISTORY(t), 0);
    term_free(t);
}

static void test_partial_width_scroll_never_feeds_history(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[1;6HR0\033[2;6HR1\033[3;6HR2");
    feed(t, "\033[?69h\033[1;5s\033[3;1Hx\ny\nz");
    ASSERT_ROW(t, 0, "x    R0");
    ASSERT_ROW(t, 1, " y   R1");
    ASSERT_ROW(t, 2, "  z  R2");
    ASSERT_CURSOR(t, 3, 2);
    assert_int_equal(HISTORY(t), 0);
    /* Margins as wide as the screen are no margins: history again. */
    feed(t, "\033[s\033[3;1H\n");
    assert_int_equal(HISTORY(t), 1);
    ASSERT_ROW(t, 0, " y   R1");
    /* DECLRMM off: the margins are gone, full scrolls feed history. */
    feed(t, "\033[1;5s\033[?69l\033[3;1H\n");
    assert_int_equal(HISTORY(t), 2);
    ASSERT_ROW(t, 0, "  z  R2");
    term_free(t);
}

static void test_origin_mode_with_margins(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[?69h\033[2;4r\033[3;6s\033[?6h");
    ASSERT_CURSOR(t, 2, 1);
    feed(t, "X\033[2;10HY");
    ASSERT_CURSOR(t, 5, 2);
    feed(t, "\033[10;1H");
    ASSERT_CURSOR(t, 2, 3);
    feed(t, "\033[6n");
    ASSERT_REPLY(t, "\033[3;1R");
    clear_reply(t);
    feed(t, "\033[4G");
    ASSERT_CURSOR(t, 5, 3);
    feed(t, "\033[1d");
    ASSERT_CURSOR(t, 5, 1);
    feed(t, "\033[2;2H");
    ASSERT_CURSOR(t, 3, 2);
    feed(t, "\rZ");
    ASSERT_ROW(t, 0, "");
    ASSERT_ROW(t, 1, "  X");
    ASSERT_ROW(t, 2, "  Z  Y");
    ASSERT_ROW(t, 3, "");
    ASSERT_CURSOR(t, 3, 2);
    /* DECSTBM and DECSLRM home the cursor to the margins' top-left. */
    feed(t, "\033[1;5r");
    ASSERT_CURSOR(t, 2, 0);
    feed(t, "\033[4;8s");
    ASSERT_CURSOR(t, 3, 0);
    /* Leaving origin mode: home is the screen's corner again. */
    feed(t, "\033[?6l");
    ASSERT_CURSOR(t, 0, 0);
    term_free(t);
}

static void test_rectangles_relative_to_margins_in_origin_mode(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    feed(t, "\033[?69h\033[2;4r\033[3;6s\033[?6h");
    feed(t, "\033[88;1;1;2;2$x");  /* X in the margins' first two rows and columns */
    feed(t, "\033[89;3;3$x");      /* Y from (3,3) to the margins' bottom-right */
    ASSERT_ROW(t, 0, "");
    ASSERT_ROW(t, 1, "  XX");
    ASSERT_ROW(t, 2, "  XX");
    ASSERT_ROW(t, 3, "    YY");
    ASSERT_ROW(t, 4, "");
    term_free(t);
}

static void test_cursor_motion_clamps_to_margins(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?69h\033[3;6s");
    feed(t, "\033[1;4H\033[20C");
    ASSERT_CURSOR(t, 5, 0);
    feed(t, "\033[20D");
    ASSERT_CURSOR(t, 2, 0);
    feed(t, "\033[1;8H\033[20C"); /* right of the margin: to the screen's edge */
    ASSERT_CURSOR(t, 9, 0);
    feed(t, "\033[1;2H\033[20D"); /* left of the margin: to column 0 */
    ASSERT_CURSOR(t, 0, 0);
    feed(t, "\033[1;8H\033[20D");
    ASSERT_CURSOR(t, 2, 0);
    feed(t, "\033[1;3H\b");
    ASSERT_CURSOR(t, 2, 0);
    /* CR: to the left margin, from left of it to column 0. */
    feed(t, "\033[1;5H\r");
    ASSERT_CURSOR(t, 2, 0);
    feed(t, "\033[1;8H\r");
    ASSERT_CURSOR(t, 2, 0);
    feed(t, "\033[1;2H\r");
    ASSERT_CURSOR(t, 0, 0);
    /* HT stops at the right margin. */
    feed(t, "\033[1;1H\t");
    ASSERT_CURSOR(t, 5, 0);
    term_free(t);
}

static void test_reverse_wrap_between_margins(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?45h\033[?69h\033[3;6s\033[2;3H\b");
    ASSERT_CURSOR(t, 5, 0);
    term_free(t);
}

static void test_ich_dch_irm_inside_margins(void **state)
{
    (void)state;
    struct term *t = term_new(10, 4, 100);
    feed(t, "\033[3;1H0123456789\033[4;1H0123456789");
    feed(t, "\033[?69h\033[3;5s");
    /* ICH: cells pushed past the right margin are lost. */
    feed(t, "\033[1;3HABC\033[1;3H\033[2@X");
    ASSERT_ROW(t, 0, "  X A");
    ASSERT_CURSOR(t, 3, 0);
    /* ICH left of the left margin does nothing. */
    feed(t, "\033[2;3HABC\033[2;1H\033[2@X");
    ASSERT_ROW(t, 1, "X ABC");
    /* DCH: blanks come in at the right margin; outside the margins nothing. */
    feed(t, "\033[3;4H\033[P");
    ASSERT_ROW(t, 2, "0124 56789");
    ASSERT_CURSOR(t, 3, 2);
    feed(t, "\033[3;8H\033[P");
    ASSERT_ROW(t, 2, "0124 56789");
    /* Insert mode: printing pushes only up to the right margin. */
    feed(t, "\033[4h\033[4;3HX\033[4l");
    ASSERT_ROW(t, 3, "01X2356789");
    ASSERT_CURSOR(t, 3, 3);
    term_free(t);
}

static void test_il_dl_inside_margins(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    fill_rows(t);
    feed(t, "\033[?69h\033[2;4r\033[3;6s\033[3;4H\033[L");
    ASSERT_ROW(t, 1, "abcdefghij");
    ASSERT_ROW(t, 2, "AB    GHIJ");
    ASSERT_ROW(t, 3, "klCDEFqrst");
    ASSERT_CURSOR(t, 2, 2); /* to the left margin */
    feed(t, "\033[M");
    ASSERT_ROW(t, 2, "ABCDEFGHIJ");
    ASSERT_ROW(t, 3, "kl    qrst");
    ASSERT_CURSOR(t, 2, 2);
    /* Outside the left/right or the top/bottom margins: nothing. */
    feed(t, "\033[3;8H\033[L\033[1;4H\033[M");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 2, "ABCDEFGHIJ");
    ASSERT_ROW(t, 3, "kl    qrst");
    ASSERT_CURSOR(t, 3, 0);
    term_free(t);
}

static void test_decic_decdc(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    fill_rows(t);
    feed(t, "\033[?69h\033[2;4r\033[4;6s\033[3;4H\033['}");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 1, "abc deghij");
    ASSERT_ROW(t, 2, "ABC DEGHIJ");
    ASSERT_ROW(t, 3, "klm noqrst");
    ASSERT_ROW(t, 4, "KLMNOPQRST");
    ASSERT_CURSOR(t, 3, 2);
    feed(t, "\033[2'~");
    ASSERT_ROW(t, 1, "abce  ghij");
    ASSERT_ROW(t, 2, "ABCE  GHIJ");
    ASSERT_ROW(t, 3, "klmo  qrst");
    ASSERT_CURSOR(t, 3, 2);
    /* Without margins the columns go to the screen's edge; the region still counts. */
    feed(t, "\033[?69l\033['}");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 1, "abc e  ghi");
    ASSERT_ROW(t, 2, "ABC E  GHI");
    ASSERT_ROW(t, 3, "klm o  qrs");
    ASSERT_ROW(t, 4, "KLMNOPQRST");
    /* Outside the region: nothing. */
    feed(t, "\033[5;2H\033[3'~");
    ASSERT_ROW(t, 4, "KLMNOPQRST");
    term_free(t);
}

/* SL / SR (CSI Ps SP @, CSI Ps SP A): the scroll region's lines shift between the
 * margins wherever the cursor is, blanks in the background colour come in, the cursor
 * stays. */
static void test_sl_sr_shift_the_region_between_margins(void **state)
{
    (void)state;
    struct term *t = term_new(10, 5, 100);
    fill_rows(t);
    feed(t, "\033[?69h\033[2;4r\033[4;7s\033[5;1H\033[ @");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 1, "abcefg hij");
    ASSERT_ROW(t, 2, "ABCEFG HIJ");
    ASSERT_ROW(t, 3, "klmopq rst");
    ASSERT_ROW(t, 4, "KLMNOPQRST");
    ASSERT_CURSOR(t, 0, 4);
    feed(t, "\033[41m\033[2 A\033[m");
    ASSERT_ROW(t, 1, "abc  efhij");
    ASSERT_ROW(t, 3, "klm  oprst");
    assert_int_equal(CELL(t, 3, 1)->bg, COLOUR_PALETTE | 1);
    assert_int_equal(CELL(t, 4, 2)->bg, COLOUR_PALETTE | 1);
    assert_int_equal(CELL(t, 5, 1)->bg, COLOUR_DEFAULT);
    assert_int_equal(CELL(t, 2, 1)->bg, COLOUR_DEFAULT);
    ASSERT_CURSOR(t, 0, 4);
    /* Without margins, the whole width; a count past the width blanks the region. */
    feed(t, "\033[?69l\033[3 @");
    ASSERT_ROW(t, 0, "0123456789");
    ASSERT_ROW(t, 1, "  efhij");
    ASSERT_ROW(t, 2, "  EFHIJ");
    ASSERT_ROW(t, 4, "KLMNOPQRST");
    feed(t, "\033[999 A");
    ASSERT_ROW(t, 1, "");
    ASSERT_ROW(t, 3, "");
    ASSERT_ROW(t, 4, "KLMNOPQRST");
    term_free(t);
}

static void test_wide_chars_split_by_band_edges_are_blanked(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    /* Wide characters at columns 1-2 and 5-6 straddle margins at columns 2..5. */
    feed(t, "a\xe4\xb8\xad" "bc\xe4\xb8\xad" "d\r\nABCDEFGHIJ");
    feed(t, "\033[?69h\033[3;6s\033[1;4H\033M");
    ASSERT_ROW(t, 0, "a      d");
    ASSERT_ROW(t, 1, "AB bc GHIJ");
    for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 10; x++)
            assert_int_equal(grid_cell_width(CELL(t, x, y)), 1);
    }
    term_free(t);
}

static void test_resets_bring_margins_back(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "\033[?69h\033[3;6s\033[?69l");
    assert_margins_reply(t, "\033P1$r1;10s\033\\");
    feed(t, "\033[?69h");
    assert_margins_reply(t, "\033P1$r1;10s\033\\");
    /* DECSTR resets the margins but keeps DECLRMM. */
    feed(t, "\033[3;6s\033[!p");
    assert_margins_reply(t, "\033P1$r1;10s\033\\");
    feed(t, "\033[?69$p");
    ASSERT_REPLY(t, "\033[?69;1$y");
    clear_reply(t);
    feed(t, "\033[1;1Habcdefghijk");
    ASSERT_ROW(t, 0, "abcdefghij");
    ASSERT_ROW(t, 1, "k");
    /* RIS resets both. */
    feed(t, "\033[3;6s\033c\033[?69$p");
    ASSERT_REPLY(t, "\033[?69;2$y");
    assert_margins_reply(t, "\033P1$r1;10s\033\\");
    /* A resize resets the margins, not the mode. */
    feed(t, "\033[?69h\033[3;6s");
    vt_resize(t->vt, 12, 3);
    assert_margins_reply(t, "\033P1$r1;12s\033\\");
    assert_true(MODES(t) & VT_MODE_LR_MARGINS);
    /* DECALN too. */
    feed(t, "\033[3;6s\033#8");
    assert_margins_reply(t, "\033P1$r1;12s\033\\");
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csi_s_is_decslrm_only_with_declrmm),
        cmocka_unit_test(test_decslrm_validation_and_decrqm),
        cmocka_unit_test(test_autowrap_at_right_margin),
        cmocka_unit_test(test_wrap_on_bottom_margin_scrolls_the_rectangle),
        cmocka_unit_test(test_wide_char_at_right_margin_wraps),
        cmocka_unit_test(test_lf_ri_su_sd_scroll_only_the_rectangle),
        cmocka_unit_test(test_partial_width_scroll_never_feeds_history),
        cmocka_unit_test(test_origin_mode_with_margins),
        cmocka_unit_test(test_rectangles_relative_to_margins_in_origin_mode),
        cmocka_unit_test(test_cursor_motion_clamps_to_margins),
        cmocka_unit_test(test_reverse_wrap_between_margins),
        cmocka_unit_test(test_ich_dch_irm_inside_margins),
        cmocka_unit_test(test_il_dl_inside_margins),
        cmocka_unit_test(test_decic_decdc),
        cmocka_unit_test(test_sl_sr_shift_the_region_between_margins),
        cmocka_unit_test(test_wide_chars_split_by_band_edges_are_blanked),
        cmocka_unit_test(test_resets_bring_margins_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
