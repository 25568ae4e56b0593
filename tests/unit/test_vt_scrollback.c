/* test_vt_scrollback.c - a line keeps every cell (character, width, mark, colours,
 * attributes, link) when it scrolls into history, whatever changed it on the screen.
 *
 * History stores lines of plain ASCII text in the default style byte by byte, trusting
 * a flag the grid keeps on each line (grid.h, 'plain'). Each case below writes plain
 * text, then changes the line in one of the ways a program can (every family of
 * sequences that writes cells), and checks that the line read back from history is
 * the line that was on the screen. */
#include "test_vt_helpers.h"

#define COLS 20
#define ROWS 5

/* Cells of visible row y. */
static void snapshot(struct term *t, int y, struct grid_cell out[COLS])
{
    for (int x = 0; x < COLS; x++)
        out[x] = *CELL(t, x, y);
}

/* History line i must hold exactly the cells 'want' (blank past its 'used'). */
static void assert_history_matches(struct term *t, int i, const struct grid_cell want[COLS],
                                   const char *what)
{
    const struct grid_line *l = grid_history_line(vt_main_grid(t->vt), i);
    assert_non_null(l);
    struct grid_cell got[COLS];
    for (int x = 0; x < COLS; x++)
        got[x] = x < l->used ? l->cells[x] : grid_blank_cell;
    assert_cells_equal(what, want, got, COLS);
}

/* Scroll the whole screen into history and compare history line 'line' of the ones
 * that went with 'want'. */
static void assert_history_line(struct term *t, int line, const struct grid_cell want[COLS],
                                const char *what)
{
    int before = HISTORY(t);
    char lfs[64];
    snprintf(lfs, sizeof lfs, "\033[%d;1H\033[m", ROWS);
    feed(t, lfs);
    for (int i = 0; i < ROWS; i++)
        feed(t, "\n");
    assert_int_equal(HISTORY(t), before + ROWS);
    assert_history_matches(t, before + line, want, what);
}

struct change {
    const char *what;
    const char *setup; /* row 2 and the pen before the plain text, or NULL */
    const char *bytes; /* after "plain text here" on row 1 */
    bool changes_style; /* the case must leave some cell of row 1 not plain */
};

static const struct change changes[] = {
    { "coloured text over plain text", NULL, "\033[1;3H\033[31mXY", true },
    { "bold text", NULL, "\033[1;3H\033[1mB", true },
    { "curly underline in a colour", NULL, "\033[1;3H\033[4:3;58;5;1mU", true },
    { "protected (DECSCA)", NULL, "\033[1;3H\033[1\"qP", true },
    { "ECH with a background", NULL, "\033[1;3H\033[41m\033[2X", true },
    { "ICH with a background", NULL, "\033[1;3H\033[44m\033[2@", true },
    { "DCH with a background", NULL, "\033[1;3H\033[44m\033[2P", true },
    { "EL 0 with a background", NULL, "\033[1;8H\033[42m\033[K", true },
    { "EL 1 with a background", NULL, "\033[1;3H\033[43m\033[1K", true },
    { "EL 2 with a background", NULL, "\033[1;3H\033[43m\033[2K", true },
    { "ED 1 with a background", NULL, "\033[1;3H\033[45m\033[1J", true },
    { "a non-ASCII character", NULL, "\033[1;3H\xc3\xa9", true },
    { "a wide character", NULL, "\033[1;3H\xe6\x97\xa5", true },
    { "a combining mark", NULL, "\033[1;3He\xcc\x81", true },
    { "DEC special graphics", NULL, "\033(0\033[1;3Hqx\033(B", true },
    { "a hyperlink", NULL, "\033[1;3H\033]8;;http://example.com/\033\\L\033]8;;\033\\", true },
    { "REP of a coloured character", NULL, "\033[1;3H\033[36mR\033[3b", true },
    { "insert mode in colour", NULL, "\033[1;3H\033[4h\033[35mI\033[4l", true },
    { "DECCARA bold", NULL, "\033[1;1;1;10;1$r", true },
    { "DECRARA reverse", NULL, "\033[1;1;1;10;7$t", true },
    { "DECFRA fill in colour", NULL, "\033[31m\033[88;1;3;1;5$x", true },
    { "DECERA with a background", NULL, "\033[41m\033[1;3;1;5$z", true },
    { "DECCRA copy of coloured cells", "\033[2;1H\033[32mgreen text\033[m\033[1;1H",
      "\033[2;1;2;10;1;1;1;1$v", true },
    { "a margin scroll pulling coloured cells up",
      "\033[2;1H\033[32mgreen text\033[m\033[1;1H",
      "\033[?69h\033[3;8s\033[1;2r\033[1;1H\033[S\033[r\033[s\033[?69l", true },
    { "a margin scroll down", "\033[2;1H\033[m\033[1;1H",
      "\033[?69h\033[3;8s\033[1;2r\033[1;1H\033[46m\033[T\033[r\033[s\033[?69l", true },
    { "IL with a background", NULL, "\033[1;1H\033[46m\033[L", true },
    { "DECALN", NULL, "\033#8", false },
    { "EL 0 in the default colours", NULL, "\033[1;8H\033[K", false },
    { "plain text only", NULL, "", false },
};

static bool row_is_plain_text(const struct grid_cell row[COLS])
{
    for (int x = 0; x < COLS; x++) {
        if (!grid_cell_is_plain(&row[x]))
            return false;
    }
    return true;
}

static void test_every_change_reaches_history(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        const struct change *c = &changes[i];
        struct term *t = term_new(COLS, ROWS, 100);
        if (c->setup != NULL)
            feed(t, c->setup);
        feed(t, "\033[1;1Hplain text here");
        feed(t, c->bytes);
        struct grid_cell want[COLS];
        snapshot(t, 0, want);
        /* The case did what it says (so a broken sequence cannot pass unseen). */
        if (row_is_plain_text(want) == c->changes_style)
            fail_msg("%s: row 1 is %s", c->what, c->changes_style ? "still plain" : "not plain");
        assert_history_line(t, 0, want, c->what);
        term_free(t);
    }
}

/* Plain text on every row, through all the paths that move lines: scrolling regions,
 * IL/DL, a resize that reflows, history pulled back by growing the screen. */
static void test_lines_moved_keep_their_cells(void **state)
{
    (void)state;
    struct term *t = term_new(COLS, ROWS, 100);
    feed(t, "\033[1;1Hone\r\n\033[31mtwo\033[m\r\nthree\r\nfour\r\nfive");
    feed(t, "\033[2;4r\033[4;1H\n\033[r");                 /* region scroll: rows 2-4 */
    feed(t, "\033[1;1H\033[L\033[44mx\033[m");          /* IL, a coloured x */
    vt_resize(t->vt, COLS / 2, ROWS);                       /* reflow */
    vt_resize(t->vt, COLS, ROWS + 2);                       /* history comes back */
    assert_int_equal(vt_rows(t->vt), ROWS + 2);
    struct grid_cell want[ROWS + 2][COLS];
    for (int y = 0; y < ROWS + 2; y++)
        for (int x = 0; x < COLS; x++)
            want[y][x] = *CELL(t, x, y);
    feed(t, "\033[7;1H");
    for (int i = 0; i < ROWS + 2; i++)
        feed(t, "\n");
    int base = HISTORY(t) - (ROWS + 2);
    for (int y = 0; y < ROWS + 2; y++) {
        char what[32];
        snprintf(what, sizeof what, "row %d", y);
        assert_history_matches(t, base + y, want[y], what);
    }
    term_free(t);
}

/* scroll-on-clear (tmux's option, off at creation): ED 2 on the main screen pushes the
 * lines down to the last one in use into history; on the alternate screen, or off, the
 * lines are lost. alternate-screen off: 1049 is ignored, the text stays. */
static void test_clear_and_alternate_screen_options(void **state)
{
    (void)state;
    struct term *t = term_new(COLS, ROWS, 100);
    feed(t, "one\r\ntwo\r\n\033[2J");
    assert_int_equal(HISTORY(t), 0);
    vt_set_scroll_on_clear(t->vt, true);
    feed(t, "\033[Hone\r\ntwo\r\n\033[2J");
    assert_int_equal(HISTORY(t), 2);
    const struct grid_line *l = grid_history_line(vt_main_grid(t->vt), 1);
    assert_non_null(l);
    assert_int_equal(l->cells[0].ch, 't');
    ASSERT_ROW(t, 0, "");
    feed(t, "\033[?1049h\033[Halt\033[2J\033[?1049l");
    assert_int_equal(HISTORY(t), 2);
    vt_set_alternate_screen(t->vt, false);
    feed(t, "\033[Hbefore\033[?1049hALT\033[?1049lEND");
    ASSERT_ROW(t, 0, "beforeALTEND");
    term_free(t);
}

/* Plain lines are encoded four characters a step while none of the four is blank
 * (history_record.c, encode_plain): lines of ASCII words with gaps of blank cells
 * (cursor moves over nothing) at every offset a step can meet, of every length, come
 * back from history cell by cell. */
static void test_plain_lines_with_gaps_round_trip(void **state)
{
    (void)state;
    struct term *t = term_new(COLS, 1, 400);
    uint32_t seed = 0x2545f491;
    for (int i = 0; i < 300; i++) {
        char line[128];
        size_t n = 0;
        int x = 0, end = 1 + i % COLS;
        while (x < end) {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            int run = 1 + (int)(seed % 7);
            if (run > end - x)
                run = end - x;
            if ((seed >> 8) % 3 == 0) {
                n += (size_t)snprintf(line + n, sizeof line - n, "\033[%dC", run);
            } else {
                for (int k = 0; k < run; k++)
                    line[n++] = (char)('!' + (seed >> 12 >> k) % 94);
            }
            x += run;
        }
        line[n] = '\0';
        feed(t, line);
        struct grid_cell want[COLS];
        snapshot(t, 0, want);
        int before = HISTORY(t);
        feed(t, "\r\n");
        assert_int_equal(HISTORY(t), before + 1);
        assert_history_matches(t, before, want, line);
    }
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_change_reaches_history),
        cmocka_unit_test(test_lines_moved_keep_their_cells),
        cmocka_unit_test(test_clear_and_alternate_screen_options),
        cmocka_unit_test(test_plain_lines_with_gaps_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
