/* test_vt_links.c - hyperlinks (OSC 8) in the vt: which cells carry which link after a
 * byte stream (ids, closing, overwriting, erasing, editing, wide characters), links
 * kept through history and reflow, and the table staying bounded and never giving a
 * cell a wrong link under hostile input (100k links, huge and dirty URIs). */
#include "test_vt_helpers.h"

#include "history.h"
#include "links.h"

#define OPEN(uri) "\033]8;;" uri "\033\\"
#define OPEN_ID(id, uri) "\033]8;id=" id ";" uri "\033\\"
#define CLOSE "\033]8;;\033\\"

/* The URI of the link on visible cell (x, y), "" for none. */
static const char *uri_at(struct term *t, int x, int y)
{
    uint16_t n = grid_cell_link(CELL(t, x, y));
    if (n == 0)
        return "";
    const char *uri = links_uri(vt_links(t->vt), n);
    assert_non_null(uri); /* a number on the screen always means a link */
    return uri;
}

/* The URI of the link on cell x of history line i (0 = oldest), "" for none. */
static const char *hist_uri_at(struct term *t, int i, int x)
{
    const struct grid_line *l = grid_history_line(vt_main_grid(t->vt), i);
    assert_non_null(l);
    if (x >= l->used || grid_cell_link(&l->cells[x]) == 0)
        return "";
    const char *uri = links_uri(vt_links(t->vt), grid_cell_link(&l->cells[x]));
    assert_non_null(uri);
    return uri;
}

/* One string per cell of row y: the URI of each cell, '|' between cells. */
static const char *row_links(struct term *t, int y, int n)
{
    static char buf[1024];
    size_t len = 0;
    for (int x = 0; x < n; x++) {
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", x > 0 ? "|" : "",
                                uri_at(t, x, y));
    }
    return buf;
}

static void test_text_printed_inside_a_link_carries_it(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "a" OPEN("http://x/") "bc" CLOSE "d");
    ASSERT_ROW(t, 0, "abcd");
    assert_string_equal(row_links(t, 0, 5), "|http://x/|http://x/||");
    /* BEL ends it as well, and a second link replaces the first without a close. */
    feed(t, "\r\n\033]8;;http://one\007on\033]8;;http://two\007tw\033]8;;\007.");
    assert_string_equal(row_links(t, 1, 5), "http://one|http://one|http://two|http://two|");
    /* SGR 0 does not close a link; the text keeps it in any colour. */
    feed(t, "\r\n" OPEN("http://c") "\033[31mr\033[0mg" CLOSE);
    assert_string_equal(row_links(t, 2, 2), "http://c|http://c");
    assert_int_equal(CELL(t, 0, 2)->fg, COLOUR_PALETTE | 1);
    term_free(t);
}

static void test_id_groups_cells_of_one_link(void **state)
{
    (void)state;
    struct term *t = term_new(30, 3, 100);
    /* The same id and URI in two places is one link (one number); another id, or the
     * same id with another URI, is another link. */
    feed(t, OPEN_ID("a", "http://u") "one" CLOSE " " OPEN_ID("b", "http://u") "two" CLOSE
            " " OPEN_ID("a", "http://u") "three" CLOSE " " OPEN_ID("a", "http://v") "four" CLOSE);
    const struct grid_cell *one = CELL(t, 0, 0), *two = CELL(t, 4, 0);
    const struct grid_cell *three = CELL(t, 8, 0), *four = CELL(t, 14, 0);
    assert_int_not_equal(grid_cell_link(one), 0);
    assert_int_equal(grid_cell_link(one), grid_cell_link(three));
    assert_int_not_equal(grid_cell_link(one), grid_cell_link(two));
    assert_int_not_equal(grid_cell_link(one), grid_cell_link(four));
    const struct links *l = vt_links(t->vt);
    assert_string_equal(links_id(l, grid_cell_link(one)), "a");
    assert_string_equal(links_id(l, grid_cell_link(two)), "b");
    assert_string_equal(links_uri(l, grid_cell_link(four)), "http://v");
    /* Parameters other than id are ignored, in any order. */
    feed(t, "\r\n\033]8;foo=bar:id=a:x=y;http://u\033\\x" CLOSE);
    assert_int_equal(grid_cell_link(CELL(t, 0, 1)), grid_cell_link(one));
    /* Without an id, the same URI gets the same number (anonymous links). */
    feed(t, "\r\n" OPEN("http://w") "p" CLOSE "-" OPEN("http://w") "q" CLOSE);
    assert_int_equal(grid_cell_link(CELL(t, 0, 2)), grid_cell_link(CELL(t, 2, 2)));
    assert_string_equal(links_id(l, grid_cell_link(CELL(t, 0, 2))), "");
    term_free(t);
}

static void test_malformed_or_refused_osc8_closes_the_link(void **state)
{
    (void)state;
    struct term *t = term_new(20, 6, 100);
    /* No second ';': malformed. */
    feed(t, OPEN("http://x") "a\033]8;http://y\033\\b" CLOSE);
    assert_string_equal(row_links(t, 0, 2), "http://x|");
    /* An id with a character ids may not have, an id over LINK_ID_MAX bytes. */
    feed(t, "\r\n" OPEN("http://x") "a\033]8;id=a b;http://y\033\\b" CLOSE);
    assert_string_equal(row_links(t, 1, 2), "http://x|");
    char buf[600];
    snprintf(buf, sizeof buf, "\r\n" OPEN("http://x") "a\033]8;id=%0*d;http://y\033\\b" CLOSE,
             LINK_ID_MAX + 1, 7);
    feed(t, buf);
    assert_string_equal(row_links(t, 2, 2), "http://x|");
    /* An id of LINK_ID_MAX bytes is fine. */
    snprintf(buf, sizeof buf, "\r\n\033]8;id=%0*d;http://y\033\\b" CLOSE, LINK_ID_MAX, 7);
    feed(t, buf);
    assert_string_equal(row_links(t, 3, 1), "http://y");
    /* Cancelled by CAN: nothing changes, the link stays open. */
    feed(t, "\r\n" OPEN("http://x") "a\033]8;;http://z\030b" CLOSE);
    assert_string_equal(row_links(t, 4, 2), "http://x|http://x");
    term_free(t);
}

static void test_overwriting_and_erasing_remove_links(void **state)
{
    (void)state;
    struct term *t = term_new(20, 4, 100);
    feed(t, OPEN("http://x") "abcdefgh" CLOSE);
    /* Unlinked text over linked text. */
    feed(t, "\r" "AB");
    assert_string_equal(row_links(t, 0, 4), "||http://x|http://x");
    /* ECH, then EL to the right. */
    feed(t, "\033[1;4H\033[2X");
    assert_string_equal(row_links(t, 0, 7), "||http://x|||http://x|http://x");
    feed(t, "\033[1;7H\033[K");
    assert_string_equal(row_links(t, 0, 8), "||http://x|||http://x||");
    /* EL with a background colour: coloured blanks, still no link. */
    feed(t, "\r\n" OPEN("http://y") "linked" CLOSE "\033[44m\033[1G\033[2K\033[0m");
    assert_string_equal(row_links(t, 1, 6), "|||||");
    assert_int_equal(CELL(t, 0, 1)->bg, COLOUR_PALETTE | 4);
    /* ED 2 clears every link of the screen. */
    feed(t, "\r\n" OPEN("http://z") "more" CLOSE "\033[2J");
    for (int y = 0; y < 4; y++)
        assert_string_equal(row_links(t, y, 6), "|||||");
    term_free(t);
}

static void test_insert_and_delete_move_links_with_their_text(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, "ab" OPEN("http://x") "cd" CLOSE "ef");
    /* ICH 2 at column 2: the linked cells move right; the inserted blanks are unlinked. */
    feed(t, "\033[1;3H\033[2@");
    ASSERT_ROW(t, 0, "ab  cdef");
    assert_string_equal(row_links(t, 0, 8), "||||http://x|http://x||");
    /* DCH 3 at column 1: they move back left. */
    feed(t, "\033[1;2H\033[3P");
    ASSERT_ROW(t, 0, "acdef");
    assert_string_equal(row_links(t, 0, 5), "|http://x|http://x||");
    /* Insert mode: printing pushes them right too, the new text unlinked. */
    feed(t, "\033[4h\033[1;2HZ\033[4l");
    assert_string_equal(row_links(t, 0, 4), "||http://x|http://x");
    term_free(t);
}

static void test_wide_characters_carry_the_link_on_both_halves(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, OPEN("http://w") "\xe6\x97\xa5\xe6\x9c\xac" CLOSE);
    assert_string_equal(row_links(t, 0, 5), "http://w|http://w|http://w|http://w|");
    /* Half of a wide character overwritten: the other half is blanked, unlinked. */
    feed(t, "\033[1;2Hx");
    assert_string_equal(row_links(t, 0, 4), "||http://w|http://w");
    term_free(t);
}

static void test_links_survive_history_and_come_back(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, "x" OPEN_ID("k", "http://old") "link" CLOSE "y\r\n");
    feed(t, "\r\n\r\n" OPEN("http://new") "n" CLOSE);
    assert_int_equal(HISTORY(t), 2);
    /* Decoded from history with its link, on exactly its cells. */
    assert_string_equal(hist_uri_at(t, 0, 0), "");
    for (int x = 1; x <= 4; x++)
        assert_string_equal(hist_uri_at(t, 0, x), "http://old");
    assert_string_equal(hist_uri_at(t, 0, 5), "");
    const struct grid_line *l = grid_history_line(vt_main_grid(t->vt), 0);
    assert_string_equal(links_id(vt_links(t->vt), grid_cell_link(&l->cells[1])), "k");
    /* Taller: history comes back to the screen, links and all. */
    vt_resize(t->vt, 10, 4);
    assert_int_equal(HISTORY(t), 0);
    ASSERT_ROW(t, 0, "xlinky");
    assert_string_equal(row_links(t, 0, 6), "|http://old|http://old|http://old|http://old|");
    /* The same link printed again gets the same number as the line that came back. */
    feed(t, "\033[4;1H" OPEN_ID("k", "http://old") "z" CLOSE);
    assert_int_equal(grid_cell_link(CELL(t, 0, 3)), grid_cell_link(CELL(t, 1, 0)));
    term_free(t);
}

static void test_reflow_keeps_links_on_their_characters(void **state)
{
    (void)state;
    struct term *t = term_new(10, 3, 100);
    feed(t, "ab" OPEN("http://r") "cdefghij" CLOSE "\r\n");
    /* Narrower: the line wraps into two, the link follows its characters (the screen
     * shows the last three lines, as tmux: the first part goes to history). */
    vt_resize(t->vt, 5, 3);
    assert_int_equal(HISTORY(t), 1);
    assert_string_equal(hist_uri_at(t, 0, 1), "");
    assert_string_equal(hist_uri_at(t, 0, 2), "http://r");
    ASSERT_ROW(t, 0, "fghij");
    assert_string_equal(row_links(t, 0, 5), "http://r|http://r|http://r|http://r|http://r");
    /* Narrower still: the first part goes to history, reflowed there with its link. */
    vt_resize(t->vt, 3, 3);
    assert_true(HISTORY(t) >= 1);
    assert_string_equal(hist_uri_at(t, 0, 2), "http://r");
    /* Back to the first width: one line again, exactly the same cells linked. */
    vt_resize(t->vt, 10, 3);
    ASSERT_ROW(t, 0, "abcdefghij");
    assert_string_equal(row_links(t, 0, 10), "||http://r|http://r|http://r|http://r|http://r|"
                                             "http://r|http://r|http://r");
    term_free(t);
}

static void test_full_reset_closes_the_link(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, OPEN("http://x") "a\033cb");
    assert_string_equal(row_links(t, 0, 2), "|");
    /* Soft reset and alternate screen keep an open link (it is not part of the pen). */
    feed(t, OPEN("http://x") "\033[!p\033[?1049h\ra");
    assert_string_equal(uri_at(t, 0, 0), "http://x");
    feed(t, CLOSE "\033[?1049l");
    term_free(t);
}

/* ---- hostile input ---- */

/* 100k distinct links, each on its own line: the table stays within its caps, every
 * linked cell on the screen or in history is linked to its own URI (never another
 * one, whatever numbers were reused), and the newest lines keep their links. */
static void test_hundred_thousand_links_stay_bounded_and_never_wrong(void **state)
{
    (void)state;
    struct term *t = term_new(40, 10, 2000);
    char buf[128];
    for (int i = 0; i < 100000; i++) {
        int n = snprintf(buf, sizeof buf, "\033]8;id=%d;http://h/%d\033\\%d" CLOSE "\r\n", i, i, i);
        vt_feed(t->vt, buf, (size_t)n);
        const struct links *l = vt_links(t->vt);
        if (i % 1000 == 0) {
            assert_true(links_count(l) < LINKS_MAX);
            assert_true(links_bytes(l) <= LINKS_BYTES_MAX + LINKS_MAX * 64 + 4096);
        }
    }
    /* Every line still linked says its own number. */
    const struct grid *g = vt_main_grid(t->vt);
    int linked = 0;
    for (int i = 0; i < grid_history_size(g); i++) {
        const struct grid_line *line = grid_history_line(g, i);
        char text[32] = "";
        int n = 0;
        while (n < line->used && n < 31 && line->cells[n].ch >= '0' && line->cells[n].ch <= '9') {
            text[n] = (char)line->cells[n].ch;
            n++;
        }
        text[n] = '\0';
        if (grid_cell_link(&line->cells[0]) == 0)
            continue;
        linked++;
        snprintf(buf, sizeof buf, "http://h/%s", text);
        assert_string_equal(hist_uri_at(t, i, 0), buf);
    }
    /* The table holds more links than history has lines: numbers were reused for the
     * oldest links first, so every line kept its link. */
    assert_int_equal(grid_history_size(g), 2000);
    assert_int_equal(linked, 2000);
    assert_string_equal(uri_at(t, 0, 8), "http://h/99999");
    assert_true(links_count(vt_links(t->vt)) < LINKS_MAX);
    term_free(t);
}

/* A screen full of distinct links: more than the table holds. Links the table cannot
 * keep are dropped (the text printed), the others stay right, and it costs no more than
 * a collection now and then. */
static void test_a_screen_with_more_links_than_the_table_drops_the_rest(void **state)
{
    (void)state;
    struct term *t = term_new(100, 60, 0);
    char buf[64];
    for (int i = 0; i < 6000; i++) {
        int n = snprintf(buf, sizeof buf, "\033]8;;http://s/%d\033\\x", i);
        vt_feed(t->vt, buf, (size_t)n);
    }
    int linked = 0;
    for (int i = 0; i < 6000; i++) {
        uint16_t link = grid_cell_link(CELL(t, i % 100, i / 100));
        assert_int_equal(CELL(t, i % 100, i / 100)->ch, 'x');
        if (link == 0)
            continue;
        linked++;
        snprintf(buf, sizeof buf, "http://s/%d", i);
        assert_string_equal(links_uri(vt_links(t->vt), link), buf);
    }
    assert_int_equal(linked, LINKS_MAX - 1);
    term_free(t);
}

/* A 1 MiB URI: cut by the parser, so refused; the text after it is printed unlinked.
 * URIs near LINK_URI_MAX and many big ones keep the byte cap. */
static void test_huge_uris_are_refused_and_bytes_stay_capped(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    size_t big = 1u << 20;
    char *buf = malloc(big + 64);
    memcpy(buf, "\033]8;;http://", 12);
    memset(buf + 12, 'a', big);
    memcpy(buf + 12 + big, "\033\\text", 7);
    vt_feed(t->vt, buf, big + 18);
    ASSERT_ROW(t, 0, "text");
    assert_string_equal(row_links(t, 0, 4), "|||");
    assert_true(links_bytes(vt_links(t->vt)) < 4096);

    /* LINK_URI_MAX bytes is kept, one more is refused. */
    memcpy(buf, "\r\n\033]8;;", 7);
    memset(buf + 7, 'u', LINK_URI_MAX);
    memcpy(buf + 7 + LINK_URI_MAX, "\033\\k", 3);
    vt_feed(t->vt, buf, 10 + LINK_URI_MAX);
    assert_int_equal(strlen(uri_at(t, 0, 1)), LINK_URI_MAX);
    memset(buf + 7, 'v', LINK_URI_MAX + 1);
    memcpy(buf + 8 + LINK_URI_MAX, "\033\\k", 3);
    vt_feed(t->vt, buf, 11 + LINK_URI_MAX);
    assert_string_equal(uri_at(t, 0, 2), "");

    /* 2000 distinct 3000-byte URIs, one per line (6 MB): the strings stay under the cap. */
    memcpy(buf, "\r\n\033]8;;", 7);
    memset(buf + 7, 'w', 3000);
    memcpy(buf + 3007, "\033\\L\033]8;;\033\\", 10);
    for (int i = 0; i < 2000; i++) {
        snprintf(buf + 7, 8, "%07u", (unsigned)i % 10000000u);
        buf[14] = 'w';
        vt_feed(t->vt, buf, 3017);
        assert_true(links_bytes(vt_links(t->vt)) <= LINKS_BYTES_MAX + LINKS_MAX * 64 + 4096);
    }
    assert_int_equal(strlen(uri_at(t, 0, 2)), 3000);
    free(buf);
    term_free(t);
}

/* Whatever bytes a URI has, what is stored is printable ASCII: control characters
 * never reach the table (the parser drops C0 in OSC strings, the table refuses them),
 * bytes 0x80-0xff (C1 included) are percent-encoded. */
static void test_control_bytes_never_get_into_a_uri(void **state)
{
    (void)state;
    struct term *t = term_new(20, 3, 100);
    feed(t, "\033]8;;http://a\001\177b/\xc3\xa9\xc2\x9b\x9b\033\\x" CLOSE);
    const char *uri = uri_at(t, 0, 0);
    assert_string_equal(uri, "http://ab/%C3%A9%C2%9B%9B");
    /* ESC ends the string: what follows it is a sequence or text, never in the URI. */
    feed(t, "\r\n\033]8;;http://c\033[31my" CLOSE);
    assert_string_equal(uri_at(t, 0, 1), "http://c");
    assert_int_equal(CELL(t, 0, 1)->fg, COLOUR_PALETTE | 1);
    for (const char *p = uri; *p != '\0'; p++)
        assert_true(*p >= 0x20 && *p < 0x7f);
    /* Straight to the table: control characters and DEL are refused. */
    struct links *l = links_create(NULL, NULL);
    assert_int_equal(links_intern(l, "", 0, "http://\033]2;x\007", 14), 0);
    assert_int_equal(links_intern(l, "", 0, "a\177b", 3), 0);
    assert_int_equal(links_intern(l, "i\n", 2, "ok", 2), 0);
    assert_int_equal(links_intern(l, "", 0, "", 0), 0);
    assert_int_not_equal(links_intern(l, "", 0, "ok", 2), 0);
    links_free(l);
    term_free(t);
}

/* ---- the table itself ---- */

static int marks_wanted[8];
static int nmarks_wanted;

static void mark_wanted(void *arg, struct links *l)
{
    (void)arg;
    for (int i = 0; i < nmarks_wanted; i++)
        links_mark(l, (uint16_t)marks_wanted[i]);
}

/* A number is reused only for a link its owner no longer shows, oldest first, with a
 * new generation: a history reference to the old link then resolves to nothing. */
static void test_table_reuses_numbers_with_a_new_generation(void **state)
{
    (void)state;
    struct links *l = links_create(mark_wanted, NULL);
    char uri[32];
    uint16_t first = links_intern(l, "", 0, "u0", 2);
    uint32_t first_gen = links_gen(l, first);
    assert_int_not_equal(first_gen, 0);
    for (int i = 1; i < LINKS_MAX - 1; i++) {
        int n = snprintf(uri, sizeof uri, "u%d", i);
        assert_int_not_equal(links_intern(l, "", 0, uri, (size_t)n), 0);
    }
    assert_int_equal(links_count(l), LINKS_MAX - 1);
    /* Full: the owner shows only the first link, so it stays; the second goes. */
    marks_wanted[0] = first;
    nmarks_wanted = 1;
    uint16_t second = 2; /* u1: numbers are given in order */
    assert_string_equal(links_uri(l, second), "u1");
    uint32_t second_gen = links_gen(l, second);
    uint16_t fresh = links_intern(l, "", 0, "fresh", 5);
    assert_int_equal(fresh, second);
    assert_string_equal(links_uri(l, fresh), "fresh");
    assert_int_not_equal(links_gen(l, fresh), second_gen);
    assert_int_equal(links_resolve(l, second, second_gen), 0);
    assert_int_equal(links_resolve(l, first, first_gen), first);
    assert_string_equal(links_uri(l, first), "u0");
    /* u2 was not reused yet: it still resolves, and asking for it again keeps its
     * number. */
    uint16_t third = 3;
    assert_string_equal(links_uri(l, third), "u2");
    assert_int_equal(links_intern(l, "", 0, "u2", 2), third);
    links_clear(l);
    assert_int_equal(links_count(l), 0);
    assert_null(links_uri(l, first));
    assert_int_equal(links_resolve(l, first, first_gen), 0);
    links_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_printed_inside_a_link_carries_it),
        cmocka_unit_test(test_id_groups_cells_of_one_link),
        cmocka_unit_test(test_malformed_or_refused_osc8_closes_the_link),
        cmocka_unit_test(test_overwriting_and_erasing_remove_links),
        cmocka_unit_test(test_insert_and_delete_move_links_with_their_text),
        cmocka_unit_test(test_wide_characters_carry_the_link_on_both_halves),
        cmocka_unit_test(test_links_survive_history_and_come_back),
        cmocka_unit_test(test_reflow_keeps_links_on_their_characters),
        cmocka_unit_test(test_full_reset_closes_the_link),
        cmocka_unit_test(test_hundred_thousand_links_stay_bounded_and_never_wrong),
        cmocka_unit_test(test_a_screen_with_more_links_than_the_table_drops_the_rest),
        cmocka_unit_test(test_huge_uris_are_refused_and_bytes_stay_capped),
        cmocka_unit_test(test_control_bytes_never_get_into_a_uri),
        cmocka_unit_test(test_table_reuses_numbers_with_a_new_generation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
