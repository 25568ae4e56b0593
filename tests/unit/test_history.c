/* test_history.c - the scrollback store: lines kept in order up to the line limit,
 * byte caps per grid and for a pool of grids (the globally oldest lines go first),
 * every cell field surviving the compact encoding, reflow of history (rejoin, re-wrap,
 * hard newlines, wide characters at wrap points), clear-history. */
#include "test_vt_helpers.h"

#include <time.h>

#include "history.h"
#include "history_record.h"
#include "links.h"

/* ---- helpers ---- */

/* Put the n cells on the top line of g (one row), mark it wrapped or not, and scroll
 * it into history. */
static void push_cells(struct grid *g, const struct grid_cell *cells, int n, bool wrapped)
{
    grid_clear_lines(g, 0, 1, NULL);
    if (n > 0) {
        struct grid_cell *c = grid_set_run(g, 0, 0, n);
        memcpy(c, cells, (size_t)n * sizeof *c);
    }
    grid_line(g, 0)->wrapped = wrapped;
    grid_scroll_up(g, 0, grid_rows(g) - 1, 1, true, NULL);
}

static void push_text(struct grid *g, const char *s)
{
    struct grid_cell cells[256];
    int n = 0;
    for (; s[n] != '\0'; n++) {
        cells[n] = grid_blank_cell;
        cells[n].ch = (uint8_t)s[n];
    }
    push_cells(g, cells, n, false);
}

/* History line i as ASCII, trailing blanks trimmed. */
static const char *hist_text(const struct grid *g, int i)
{
    static char buf[512];
    const struct grid_line *l = grid_history_line(g, i);
    int n = 0;
    for (int x = 0; l != NULL && x < l->used && n < 511; x++) {
        if (grid_cell_width(&l->cells[x]) != 0)
            buf[n++] = l->cells[x].ch ? (char)l->cells[x].ch : ' ';
    }
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return buf;
}

static struct grid_cell cell(uint32_t ch, uint8_t width)
{
    struct grid_cell c = grid_blank_cell;
    c.ch = ch;
    grid_cell_set_width(&c, width);
    return c;
}

/* ---- limit and order ---- */

static void test_lines_kept_in_order_up_to_the_limit(void **state)
{
    (void)state;
    struct grid *g = grid_create(20, 1, 100);
    char label[32];
    for (int i = 0; i < 250; i++) {
        snprintf(label, sizeof label, "line %d", i);
        push_text(g, label);
    }
    assert_int_equal(grid_history_size(g), 100);
    assert_int_equal(grid_history_dropped(g), 150);
    assert_string_equal(hist_text(g, 0), "line 150");
    assert_string_equal(hist_text(g, 57), "line 207");
    assert_string_equal(hist_text(g, 99), "line 249");
    assert_null(grid_history_line(g, 100));
    /* Lowering the limit keeps the newest. */
    grid_set_history_limit(g, 10);
    assert_int_equal(grid_history_size(g), 10);
    assert_string_equal(hist_text(g, 0), "line 240");
    push_text(g, "last");
    assert_string_equal(hist_text(g, 0), "line 241");
    assert_string_equal(hist_text(g, 9), "last");
    assert_int_equal(grid_history_dropped(g), 241);
    /* Reflow counts only the lines its limit drops, clear-history every line. */
    struct grid_pos cursor = {0, 0, false};
    grid_reflow(g, 4, &cursor, 1); /* 10 lines become 19 ("last" fits): 9 dropped */
    assert_int_equal(grid_history_size(g), 10);
    assert_int_equal(grid_history_dropped(g), 250);
    assert_string_equal(hist_text(g, 9), "last");
    assert_string_equal(hist_text(g, 0), " 245"); /* the second half of "line 245" */
    assert_string_equal(hist_text(g, 1), "line");
    grid_clear_history(g);
    assert_int_equal(grid_history_dropped(g), 260);
    grid_free(g);
}

static void test_pull_history_brings_lines_back_with_their_cells(void **state)
{
    (void)state;
    struct grid *g = grid_create(10, 2, 100);
    struct grid_cell cells[3] = {cell('a', 1), cell(0x65e5, 2), cell(0, 0)};
    cells[0].fg = COLOUR_RGB | 0x123456;
    cells[1].attr = ATTR_BOLD;
    cells[2].attr = ATTR_BOLD;
    push_cells(g, cells, 3, true);
    push_text(g, "second");
    grid_resize(g, 10, 4);
    assert_int_equal(grid_pull_history(g, 2), 2);
    assert_int_equal(grid_history_size(g), 0);
    assert_int_equal(grid_history_bytes(g), 0);
    const struct grid_line *l = grid_line_const(g, 0);
    assert_int_equal(l->used, 3);
    assert_true(l->wrapped);
    assert_cells_equal("decoded", cells, l->cells, 3);
    assert_int_equal(grid_get(g, 0, 1)->ch, 's');
    grid_free(g);
}

/* ---- the encoding ---- */

static void test_every_cell_field_round_trips(void **state)
{
    (void)state;
    struct grid_cell c[40];
    int n = 0;
    c[n++] = cell('A', 1);
    c[n] = cell('b', 1);
    c[n].fg = COLOUR_PALETTE | 1;
    c[n++].bg = COLOUR_PALETTE | 255;
    c[n] = cell('c', 1);
    c[n].fg = COLOUR_RGB | 0xff8000;
    c[n].bg = COLOUR_RGB | 0x000001;
    c[n++].attr = ATTR_BOLD | ATTR_ITALIC | ATTR_REVERSE;
    /* A wide character and its continuation, then one with a combining mark. */
    c[n++] = cell(0x65e5, 2);
    c[n++] = cell(0, 0);
    c[n] = cell(0x672c, 2);
    c[n++].comb = 0x3099;
    c[n++] = cell(0, 0);
    /* Combining mark on ASCII; an emoji outside the BMP. */
    c[n] = cell('e', 1);
    c[n++].comb = 0x301;
    c[n++] = cell(0x1f389, 2);
    c[n++] = cell(0, 0);
    /* Blank cells in the middle: default, then with a background. */
    c[n++] = cell(0, 1);
    c[n++] = cell(0, 1);
    c[n] = cell(0, 1);
    c[n++].bg = COLOUR_PALETTE | 4;
    c[n] = cell(' ', 1); /* a space is not a blank */
    c[n++].bg = COLOUR_PALETTE | 4;
    /* Underline style and colour. */
    c[n] = cell('u', 1);
    c[n].attr = ATTR_UNDERLINE | (3 << ATTR_UNDERLINE_STYLE_SHIFT);
    c[n++].ul = COLOUR_RGB | 0xabcdef;
    c[n] = cell('v', 1);
    c[n].attr = ATTR_UNDERLINE | (2 << ATTR_UNDERLINE_STYLE_SHIFT) | ATTR_PROTECTED;
    c[n++].ul = COLOUR_PALETTE | 9;
    /* Values no terminal sends, kept as they are: a control character, a surrogate,
     * a colour of an unknown kind, a lone continuation, a wide cell whose
     * continuation has its own style. */
    c[n++] = cell(0x07, 1);
    c[n++] = cell(0xd800, 1);
    c[n] = cell('x', 1);
    c[n++].fg = 0x7f000042;
    c[n++] = cell(0, 0);
    c[n++] = cell(0x4e2d, 2);
    c[n] = cell(0, 0);
    c[n++].bg = COLOUR_RGB | 0x010203;
    c[n] = cell('~', 1);
    c[n++].attr = ATTR_OVERLINE | ATTR_STRIKE | ATTR_DIM | ATTR_BLINK | ATTR_HIDDEN;
    /* A trailing run of default blanks: stored as nothing, but 'used' is kept. */
    c[n++] = cell(0, 1);
    c[n++] = cell(0, 1);
    int used = n;

    struct grid *g = grid_create(80, 1, 10);
    push_cells(g, c, used, true);
    push_cells(g, c, 3, false);
    const struct grid_line *l = grid_history_line(g, 0);
    assert_int_equal(l->used, used);
    assert_true(l->wrapped);
    assert_cells_equal("decoded", c, l->cells, used);
    l = grid_history_line(g, 1);
    assert_int_equal(l->used, 3);
    assert_false(l->wrapped);
    assert_cells_equal("decoded", c, l->cells, 3);

    /* Cheap queries agree; two lines can be held at once. */
    int w;
    bool wrapped;
    assert_true(grid_history_info(g, 0, &w, &wrapped));
    assert_int_equal(w, used);
    assert_true(wrapped);
    assert_true(grid_history_info(g, 1, &w, &wrapped));
    assert_int_equal(w, 3);
    assert_false(wrapped);
    assert_false(grid_history_info(g, 2, &w, &wrapped));
    struct grid_line a = {0}, b = {0};
    assert_true(grid_history_copy(g, 0, &a));
    assert_true(grid_history_copy(g, 1, &b));
    assert_false(grid_history_copy(g, 2, &b));
    assert_int_equal(a.used, used);
    assert_cells_equal("copy a", c, a.cells, used);
    assert_cells_equal("copy b", c, b.cells, 3);
    grid_line_release(&a);
    grid_line_release(&b);
    grid_free(g);
}

/* Hyperlinks are part of the style: kept per cell through the encoding, with no byte
 * more for lines without links, and gone (never another link) once the table has
 * reused or forgotten their number. */
static void test_links_round_trip_with_their_generation(void **state)
{
    (void)state;
    struct links *links = links_create(NULL, NULL);
    uint16_t one = links_intern(links, "a", 1, "http://one", 10);
    uint16_t two = links_intern(links, "", 0, "http://two", 10);
    struct grid_cell c[12];
    int n = 0;
    c[n++] = cell('x', 1);
    c[n] = cell('a', 1);
    grid_cell_set_link(&c[n++], one);
    c[n] = cell('b', 1);
    grid_cell_set_link(&c[n++], one);
    c[n] = cell(0x65e5, 2);
    grid_cell_set_link(&c[n++], one);
    c[n] = cell(0, 0);
    grid_cell_set_link(&c[n++], one);
    c[n] = cell(0, 1); /* a linked blank is kept, even at the end of a run */
    grid_cell_set_link(&c[n++], two);
    c[n] = cell('c', 1);
    c[n].fg = COLOUR_PALETTE | 2;
    grid_cell_set_link(&c[n++], two);
    c[n++] = cell('d', 1);
    c[n] = cell(0, 1);
    grid_cell_set_link(&c[n++], one); /* a trailing linked blank is not dropped as a default one */
    int used = n;

    struct grid *g = grid_create(40, 1, 10);
    grid_set_links(g, links);
    push_cells(g, c, used, false);
    const struct grid_line *l = grid_history_line(g, 0);
    assert_int_equal(l->used, used);
    assert_cells_equal("decoded", c, l->cells, used);

    /* Text without links costs the same with a links table as without one. */
    struct grid *plain = grid_create(40, 1, 10);
    size_t before = grid_history_bytes(g);
    push_text(g, "hello \033 world");
    push_text(plain, "hello \033 world");
    assert_int_equal(grid_history_bytes(g) - before, grid_history_bytes(plain));

    /* The numbers forgotten: the line decodes with its text, without links. */
    links_clear(links);
    assert_int_not_equal(links_intern(links, "", 0, "http://other", 12), 0);
    l = grid_history_line(g, 0);
    for (int x = 0; x < used; x++) {
        assert_int_equal(grid_cell_link(&l->cells[x]), 0);
        assert_int_equal(l->cells[x].ch, c[x].ch);
    }
    assert_int_equal(l->cells[6].fg, COLOUR_PALETTE | 2);
    grid_free(plain);
    grid_free(g);
    links_free(links);
}

static void test_random_cells_round_trip(void **state)
{
    (void)state;
    /* Random mixes of every kind of cell, lines of random widths. */
    srand(7);
    struct grid *g = grid_create(120, 1, 1000);
    static struct grid_cell want[200][120];
    static int used[200];
    static bool wrapped[200];
    const uint32_t chars[] = {0, 'a', ' ', 0xe9, 0x3b1, 0x2500, 0x1f600, 0x1, 0xdfff, 0x10ffff,
                              0x7fffffff};
    const uint32_t colours[] = {0, COLOUR_PALETTE | 3, COLOUR_PALETTE | 200, COLOUR_RGB | 0xfefefe,
                                COLOUR_RGB, 0x03000007};
    for (int i = 0; i < 200; i++) {
        int n = rand() % 121;
        for (int x = 0; x < n; x++) {
            struct grid_cell *c = &want[i][x];
            *c = grid_blank_cell;
            if (rand() % 3 != 0) {
                c->ch = chars[rand() % 11];
                c->comb = rand() % 5 == 0 ? 0x300 + (uint32_t)(rand() % 100) : 0;
                grid_cell_set_width(c, (uint8_t)(rand() % 7 == 0 ? rand() % 3 : 1));
            }
            if (rand() % 4 == 0) {
                c->fg = colours[rand() % 6];
                c->bg = colours[rand() % 6];
                c->ul = colours[rand() % 6];
                c->attr = (uint16_t)(rand() & 0x1fff);
            } else if (x > 0) {
                c->fg = want[i][x - 1].fg;
                c->bg = want[i][x - 1].bg;
                c->ul = want[i][x - 1].ul;
                c->attr = want[i][x - 1].attr;
            }
        }
        used[i] = n;
        wrapped[i] = rand() % 2;
        push_cells(g, want[i], n, wrapped[i]);
    }
    assert_int_equal(grid_history_size(g), 200);
    for (int i = 0; i < 200; i++) {
        const struct grid_line *l = grid_history_line(g, i);
        assert_int_equal(l->used, used[i]);
        assert_int_equal(l->wrapped, wrapped[i]);
        assert_cells_equal("decoded", want[i], l->cells, used[i]);
    }
    grid_free(g);
}

/* Runs of blank cells are one record each while their style holds (two cells a step
 * with SSE2): long runs in styles that differ from the next run's in one word only
 * (colours, or attributes and underline colour), cells that are nearly blank (ch 0
 * with a mark, or width 0) inside them, at every offset and length, come back cell
 * for cell. */
static void test_blank_runs_round_trip(void **state)
{
    (void)state;
    srand(23);
    struct grid *g = grid_create(120, 1, 400);
    static struct grid_cell want[300][120];
    static int used[300];
    struct grid_cell styles[5];
    for (int k = 0; k < 5; k++)
        styles[k] = grid_blank_cell;
    styles[1].bg = COLOUR_PALETTE | 4;
    styles[2].fg = COLOUR_RGB | 0x0a0b0c;
    styles[3].attr = ATTR_BOLD;
    styles[4].ul = COLOUR_PALETTE | 9;
    for (int i = 0; i < 300; i++) {
        int x = 0;
        while (x < 120) {
            const struct grid_cell *st = &styles[rand() % 5];
            int blanks = rand() % 26;
            for (int k = 0; k < blanks && x < 120; k++) {
                struct grid_cell *c = &want[i][x++];
                *c = *st;
                if (rand() % 29 == 0)
                    c->comb = 0x301; /* nearly blank: a mark on no character */
                else if (rand() % 31 == 0)
                    grid_cell_set_width(c, 0);
            }
            int chars = rand() % 3;
            for (int k = 0; k < chars && x < 120; k++) {
                struct grid_cell *c = &want[i][x++];
                *c = styles[rand() % 5];
                c->ch = 'a' + (uint32_t)(rand() % 26);
            }
        }
        used[i] = rand() % 121;
        push_cells(g, want[i], used[i], false);
    }
    for (int i = 0; i < 300; i++) {
        const struct grid_line *l = grid_history_line(g, i);
        assert_int_equal(l->used, used[i]);
        assert_cells_equal("decoded", want[i], l->cells, used[i]);
    }
    grid_free(g);
}

/* A line flagged plain is encoded without comparing styles (encode_plain: eight
 * characters a step with SSE2, then four, while none is blank); its record must be byte for byte the one
 * the general encoder writes for the same cells: random ASCII lines with blank runs
 * at every offset, of every length. */
static void test_plain_encoding_is_the_general_one(void **state)
{
    (void)state;
    srand(11);
    static struct grid_cell cells[130];
    static uint8_t buf_plain[HISTORY_RECORD_HEADER_MAX + 130 * HISTORY_RECORD_CELL_MAX];
    static uint8_t buf_general[sizeof buf_plain];
    for (int i = 0; i < 2000; i++) {
        int used = rand() % 131;
        int blanks = rand() % 4; /* 0: none; else about one cell in 2, 4 or 8 */
        for (int x = 0; x < used; x++) {
            cells[x] = grid_blank_cell;
            if (blanks == 0 || rand() % (1 << blanks) != 0)
                cells[x].ch = 0x20 + (uint32_t)(rand() % 0x5f);
        }
        struct grid_line l = {.cells = cells, .used = used, .size = 130, .plain = true,
                              .wrapped = rand() % 2 == 0};
        size_t np = history_record_encode(&l, 42, NULL, buf_plain);
        l.plain = false;
        size_t ng = history_record_encode(&l, 42, NULL, buf_general);
        assert_int_equal(np, ng);
        assert_memory_equal(buf_plain, buf_general, np);
    }
}

/* A line that never had cells (NULL, as a reflow makes them) encodes as an empty
 * record in either encoder and decodes as an empty line (UBSan builds check that
 * neither does arithmetic on the NULL cells). */
static void test_a_line_without_cells_encodes_empty(void **state)
{
    (void)state;
    static uint8_t buf[HISTORY_RECORD_HEADER_MAX];
    for (int plain = 0; plain < 2; plain++) {
        struct grid_line l = {.cells = NULL, .used = 0, .plain = plain != 0, .wrapped = true};
        size_t n = history_record_encode(&l, 7, NULL, buf);
        assert_int_equal(n, history_record_size(buf));
        struct grid_line out = {0};
        history_record_decode(buf, &out, NULL);
        assert_int_equal(out.used, 0);
        assert_true(out.wrapped);
        grid_line_release(&out);
    }
}

static void test_a_line_costs_its_used_width_not_the_pane_width(void **state)
{
    (void)state;
    struct grid *narrow = grid_create(80, 1, 100);
    struct grid *wide = grid_create(1000, 1, 100);
    push_text(narrow, "hello world");
    push_text(wide, "hello world");
    assert_int_equal(grid_history_bytes(narrow), grid_history_bytes(wide));
    /* An ASCII line takes about a byte per character plus a small header. */
    assert_true(grid_history_bytes(narrow) < 11 + 32);
    /* A line of 1000 coloured blanks (an erase with a background) is a few bytes. */
    struct grid_pen pen = {.bg = COLOUR_PALETTE | 4};
    grid_clear_lines(wide, 0, 1, &pen);
    assert_int_equal(grid_line_const(wide, 0)->used, 1000);
    size_t before = grid_history_bytes(wide);
    grid_scroll_up(wide, 0, 0, 1, true, NULL);
    assert_true(grid_history_bytes(wide) - before < 48);
    const struct grid_line *l = grid_history_line(wide, 1);
    assert_int_equal(l->used, 1000);
    assert_int_equal(l->cells[999].bg, COLOUR_PALETTE | 4);
    grid_free(narrow);
    grid_free(wide);
}

/* ---- byte caps ---- */

static void test_byte_cap_per_grid_drops_oldest(void **state)
{
    (void)state;
    struct grid *g = grid_create(20, 1, 1000);
    push_text(g, "line 000");
    size_t per_line = grid_history_bytes(g);
    assert_true(per_line > 8);
    grid_set_history_bytes(g, per_line * 10 + per_line / 2);
    char label[32];
    for (int i = 1; i < 50; i++) {
        snprintf(label, sizeof label, "line %03d", i);
        push_text(g, label);
        assert_true(grid_history_bytes(g) <= per_line * 10 + per_line / 2);
    }
    assert_int_equal(grid_history_size(g), 10);
    assert_int_equal(grid_history_bytes(g), per_line * 10);
    assert_string_equal(hist_text(g, 0), "line 040");
    assert_string_equal(hist_text(g, 9), "line 049");
    /* Lowering it trims now; 0 lifts the cap. */
    grid_set_history_bytes(g, per_line * 3);
    assert_int_equal(grid_history_size(g), 3);
    assert_string_equal(hist_text(g, 0), "line 047");
    grid_set_history_bytes(g, 0);
    for (int i = 0; i < 20; i++)
        push_text(g, "more");
    assert_int_equal(grid_history_size(g), 23);
    /* A line bigger than the cap is not kept at all. */
    grid_set_history_bytes(g, 4);
    assert_int_equal(grid_history_size(g), 0);
    assert_int_equal(grid_history_bytes(g), 0);
    push_text(g, "too big");
    assert_int_equal(grid_history_size(g), 0);
    grid_free(g);
}

static void test_total_cap_drops_globally_oldest_across_grids(void **state)
{
    (void)state;
    struct history_pool *pool = history_pool_create();
    struct grid *a = grid_create(20, 1, 1000);
    struct grid *b = grid_create(20, 1, 1000);
    grid_set_history_pool(a, pool);
    grid_set_history_pool(b, pool);
    char label[32];
    for (int i = 0; i < 10; i++) {
        snprintf(label, sizeof label, "a%02d", i);
        push_text(a, label);
    }
    size_t per_line = grid_history_bytes(a) / 10;
    for (int i = 0; i < 10; i++) {
        snprintf(label, sizeof label, "b%02d", i);
        push_text(b, label);
    }
    assert_int_equal(history_pool_bytes(pool), 20 * per_line);
    /* Room for 15 lines: a00-a04 are the oldest. */
    history_pool_set_byte_limit(pool, 15 * per_line);
    assert_int_equal(grid_history_size(a), 5);
    assert_string_equal(hist_text(a, 0), "a05");
    assert_int_equal(grid_history_size(b), 10);
    /* New lines in b push out a's older lines first, ... */
    for (int i = 10; i < 13; i++) {
        snprintf(label, sizeof label, "b%02d", i);
        push_text(b, label);
    }
    assert_int_equal(grid_history_size(a), 2);
    assert_string_equal(hist_text(a, 0), "a08");
    assert_int_equal(grid_history_size(b), 13);
    /* ... then b's own oldest once they are older than a's. */
    for (int i = 10; i < 15; i++) {
        snprintf(label, sizeof label, "a%02d", i);
        push_text(a, label);
    }
    assert_int_equal(grid_history_size(a), 5);
    assert_string_equal(hist_text(a, 0), "a10");
    assert_int_equal(grid_history_size(b), 10);
    assert_string_equal(hist_text(b, 0), "b03");
    assert_int_equal(history_pool_bytes(pool), grid_history_bytes(a) + grid_history_bytes(b));
    assert_true(history_pool_bytes(pool) <= 15 * per_line);
    /* The per-grid cap still applies inside the total. */
    grid_set_history_bytes(b, 2 * per_line);
    assert_int_equal(grid_history_size(b), 2);
    assert_string_equal(hist_text(b, 0), "b11");
    /* A grid leaving (a pane closed) gives its bytes back. */
    grid_free(a);
    assert_int_equal(history_pool_bytes(pool), 2 * per_line);
    grid_clear_history(b);
    assert_int_equal(history_pool_bytes(pool), 0);
    grid_free(b);
    history_pool_free(pool);
}

static void test_reflowed_lines_keep_their_age(void **state)
{
    (void)state;
    struct history_pool *pool = history_pool_create();
    struct grid *a = grid_create(10, 1, 1000);
    struct grid *b = grid_create(10, 1, 1000);
    grid_set_history_pool(a, pool);
    grid_set_history_pool(b, pool);
    for (int i = 0; i < 4; i++)
        push_text(a, "aaaaaaaaaa");
    for (int i = 0; i < 4; i++)
        push_text(b, "bbbbbbbbbb");
    /* a's lines become 8 narrower lines: still older than b's. */
    struct grid_pos cursor = {0, 0, false};
    grid_reflow(a, 5, &cursor, 1);
    assert_int_equal(grid_history_size(a), 8);
    size_t b_bytes = grid_history_bytes(b);
    history_pool_set_byte_limit(pool, b_bytes + 1);
    assert_int_equal(grid_history_size(a), 0);
    assert_int_equal(grid_history_size(b), 4);
    grid_free(a);
    grid_free(b);
    history_pool_free(pool);
}

/* ---- reflow (through the vt: the history of a real screen) ---- */

static void test_history_rejoins_and_rewraps(void **state)
{
    (void)state;
    struct term *t = term_new(5, 2, 100);
    /* "abcdefghijkl" soft-wraps into three lines; "xy" and "z" end with newlines. */
    feed(t, "abcdefghijkl\r\nxy\r\nz\r\n\r\n");
    assert_int_equal(HISTORY(t), 5);
    ASSERT_ROW(t, -5, "abcde");
    ASSERT_ROW(t, -4, "fghij");
    ASSERT_ROW(t, -3, "kl");
    vt_resize(t->vt, 20, 2);
    assert_int_equal(HISTORY(t), 3);
    ASSERT_ROW(t, -3, "abcdefghijkl");
    ASSERT_ROW(t, -2, "xy");
    ASSERT_ROW(t, -1, "z");
    vt_resize(t->vt, 4, 2);
    assert_int_equal(HISTORY(t), 5);
    ASSERT_ROW(t, -5, "abcd");
    ASSERT_ROW(t, -4, "efgh");
    ASSERT_ROW(t, -3, "ijkl");
    ASSERT_ROW(t, -2, "xy");
    ASSERT_ROW(t, -1, "z");
    term_free(t);
}

static void test_hard_newlines_never_join(void **state)
{
    (void)state;
    struct term *t = term_new(5, 1, 100);
    feed(t, "abcde\r\nfghij\r\nk\r\n");
    vt_resize(t->vt, 30, 1);
    assert_int_equal(HISTORY(t), 3);
    ASSERT_ROW(t, -3, "abcde");
    ASSERT_ROW(t, -2, "fghij");
    ASSERT_ROW(t, -1, "k");
    term_free(t);
}

static void test_wide_characters_at_wrap_points_in_history(void **state)
{
    (void)state;
    struct term *t = term_new(5, 1, 100);
    /* 日 fills columns 3-4; 本 does not fit and starts the next line. */
    feed(t, "abc\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9ex\r\n");
    assert_int_equal(HISTORY(t), 2);
    ASSERT_ROW(t, -2, "abc\xe6\x97\xa5");
    ASSERT_ROW(t, -1, "\xe6\x9c\xac\xe8\xaa\x9ex");
    /* At 4 columns 日 would straddle the edge: it moves down whole. */
    vt_resize(t->vt, 4, 1);
    assert_int_equal(HISTORY(t), 3);
    ASSERT_ROW(t, -3, "abc");
    ASSERT_ROW(t, -2, "\xe6\x97\xa5\xe6\x9c\xac");
    ASSERT_ROW(t, -1, "\xe8\xaa\x9ex");
    const struct grid *g = vt_main_grid(t->vt);
    const struct grid_line *l = grid_history_line(g, 1);
    assert_int_equal(grid_cell_width(&l->cells[0]), 2);
    assert_int_equal(grid_cell_width(&l->cells[1]), 0);
    assert_true(l->wrapped);
    vt_resize(t->vt, 10, 1);
    assert_int_equal(HISTORY(t), 1);
    ASSERT_ROW(t, -1, "abc\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9ex");
    term_free(t);
}

static void test_styles_survive_reflow_of_history(void **state)
{
    (void)state;
    struct term *t = term_new(4, 1, 100);
    feed(t, "\x1b[31;1mabcdef\x1b[m\r\n");
    vt_resize(t->vt, 3, 1);
    const struct grid *g = vt_main_grid(t->vt);
    assert_int_equal(grid_history_size(g), 2);
    struct grid_line l = {0};
    for (int i = 0; i < 2; i++) {
        assert_true(grid_history_copy(g, i, &l));
        for (int x = 0; x < 3; x++) {
            assert_int_equal(l.cells[x].fg, COLOUR_PALETTE | 1);
            assert_int_equal(l.cells[x].attr, ATTR_BOLD);
        }
    }
    grid_line_release(&l);
    term_free(t);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void test_reflow_of_ten_thousand_history_lines(void **state)
{
    (void)state;
    struct term *t = term_new(80, 24, 10000);
    char line[160];
    for (int i = 0; i < 10000 + 23; i++) {
        /* 30 columns, every tenth line 130: it wraps at 80 and 50 columns. */
        int n = snprintf(line, sizeof line, "%05d \x1b[3%dmtext\x1b[m ", i, i % 8);
        int escapes = 8, width = i % 10 == 0 ? 130 : 30;
        while (n - escapes < width)
            line[n++] = (char)('a' + i % 26);
        line[n++] = '\r';
        line[n++] = '\n';
        line[n] = '\0';
        feed(t, line);
    }
    assert_int_equal(HISTORY(t), 10000);
    double start = now_ms();
    vt_resize(t->vt, 50, 24);
    double narrow = now_ms();
    vt_resize(t->vt, 200, 24);
    double wide = now_ms();
    vt_resize(t->vt, 80, 24);
    double back = now_ms();
    print_message("reflow of 10000 history lines: to 50 cols %.1f ms, to 200 %.1f ms, "
                  "back to 80 %.1f ms\n", narrow - start, wide - narrow, back - wide);
    /* Every line is still there once, in order, up to the last one printed (lines
     * were dropped only at the old end, when narrowing made more of them). */
    assert_true(HISTORY(t) > 9000 && HISTORY(t) <= 10000);
    int prev = -1, count = 0;
    for (int y = -HISTORY(t); y < 24; y++) {
        const char *s = row_text(t, y);
        if (s[0] < '0' || s[0] > '9')
            continue;
        int n = atoi(s);
        if (prev >= 0)
            assert_int_equal(n, prev + 1);
        prev = n;
        count++;
    }
    assert_int_equal(prev, 10022);
    assert_true(count > 8000);
    term_free(t);
}

/* ---- clear-history and the alternate screen ---- */

static void test_clear_history_empties_it(void **state)
{
    (void)state;
    struct history_pool *pool = history_pool_create();
    struct term *t = term_new(10, 2, 100);
    vt_set_history_pool(t->vt, pool);
    feed(t, "1\r\n2\r\n3\r\n4\r\n");
    assert_int_equal(HISTORY(t), 3);
    assert_true(history_pool_bytes(pool) > 0);
    vt_clear_history(t->vt);
    assert_int_equal(HISTORY(t), 0);
    assert_int_equal(grid_history_bytes(vt_main_grid(t->vt)), 0);
    assert_int_equal(history_pool_bytes(pool), 0);
    ASSERT_ROW(t, 0, "4");
    feed(t, "5\r\n6\r\n");
    assert_int_equal(HISTORY(t), 2);
    ASSERT_ROW(t, -1, "5");
    term_free(t);
    history_pool_free(pool);
}

static void test_alternate_screen_has_no_history(void **state)
{
    (void)state;
    struct term *t = term_new(10, 2, 100);
    feed(t, "1\r\n2\r\n");
    assert_int_equal(HISTORY(t), 1);
    feed(t, "\x1b[?1049h");
    for (int i = 0; i < 20; i++)
        feed(t, "alt\r\n");
    assert_int_equal(HISTORY(t), 1);
    assert_int_equal(grid_history_size(vt_grid(t->vt)), 0);
    feed(t, "\x1b[?1049l");
    ASSERT_ROW(t, -1, "1");
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_kept_in_order_up_to_the_limit),
        cmocka_unit_test(test_pull_history_brings_lines_back_with_their_cells),
        cmocka_unit_test(test_every_cell_field_round_trips),
        cmocka_unit_test(test_links_round_trip_with_their_generation),
        cmocka_unit_test(test_random_cells_round_trip),
        cmocka_unit_test(test_blank_runs_round_trip),
        cmocka_unit_test(test_plain_encoding_is_the_general_one),
        cmocka_unit_test(test_a_line_without_cells_encodes_empty),
        cmocka_unit_test(test_a_line_costs_its_used_width_not_the_pane_width),
        cmocka_unit_test(test_byte_cap_per_grid_drops_oldest),
        cmocka_unit_test(test_total_cap_drops_globally_oldest_across_grids),
        cmocka_unit_test(test_reflowed_lines_keep_their_age),
        cmocka_unit_test(test_history_rejoins_and_rewraps),
        cmocka_unit_test(test_hard_newlines_never_join),
        cmocka_unit_test(test_wide_characters_at_wrap_points_in_history),
        cmocka_unit_test(test_styles_survive_reflow_of_history),
        cmocka_unit_test(test_reflow_of_ten_thousand_history_lines),
        cmocka_unit_test(test_clear_history_empties_it),
        cmocka_unit_test(test_alternate_screen_has_no_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
