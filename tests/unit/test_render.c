/* test_render.c - the renderer: terminfo capabilities, parameter expansion, and the
 * bytes render_frame produces for first frames, small changes, colours, wide and
 * non-UTF-8 characters. (The vt round trip is in test_render_roundtrip.c.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>
#include <event2/buffer.h>
#include <term.h>
#undef cursor_visible /* a terminfo macro in term.h, a canvas field here */

#include "render.h"
#include "test_render_helpers.h"

static const struct render_caps *caps_for(const char *term, bool truecolor)
{
    char err[256] = "";
    const struct render_caps *caps = render_caps_get(term, truecolor, err, sizeof err);
    if (caps == NULL)
        fail_msg("%s: %s", term, err);
    return caps;
}

static void put_text(struct canvas *c, int x, int y, const char *s)
{
    for (; *s != '\0'; s++, x++)
        canvas_cell(c, x, y)->ch = (unsigned char)*s;
}

static void put_wide(struct canvas *c, int x, int y, uint32_t ch)
{
    struct grid_cell *l = canvas_cell(c, x, y), *r = canvas_cell(c, x + 1, y);
    l->ch = ch;
    grid_cell_set_width(l, 2);
    r->ch = 0;
    grid_cell_set_width(r, 0);
}

/* A renderer that has drawn c once already (and the first frame's bytes discarded). */
static struct render_state *drawn(const char *term, bool truecolor, bool utf8,
                                  const struct canvas *c)
{
    struct render_state *rs = render_create(caps_for(term, truecolor), utf8);
    frame(rs, c);
    return rs;
}

static void test_unknown_terminal_is_refused_with_a_clear_message(void **state)
{
    (void)state;
    char err[256] = "";
    assert_null(render_caps_get("no-such-terminal-xyz", false, err, sizeof err));
    assert_string_equal(err, "unknown terminal \"no-such-terminal-xyz\" (no terminfo entry)");
    assert_null(render_caps_get("../../etc/passwd", false, err, sizeof err));
    assert_non_null(strstr(err, "unknown terminal"));
    assert_null(render_caps_get("", false, err, sizeof err));
    assert_non_null(strstr(err, "unknown terminal"));
}

static void test_terminal_without_cup_is_refused(void **state)
{
    (void)state;
    char err[256] = "";
    assert_null(render_caps_get("dumb", false, err, sizeof err));
    assert_string_equal(err, "terminal \"dumb\" lacks cursor addressing (cup)");
}

static void test_caps_are_cached_per_term(void **state)
{
    (void)state;
    const struct render_caps *a = caps_for("xterm-256color", false);
    const struct render_caps *b = caps_for("vt100", false);
    assert_ptr_equal(a, caps_for("xterm-256color", false));
    assert_ptr_not_equal(a, b);
    assert_string_equal(render_caps_name(a), "xterm-256color");
    /* loading vt100 after xterm must not disturb xterm's strings */
    assert_string_equal(render_caps_string(a, RENDER_CAP_EL), "\033[K");
    assert_string_equal(render_caps_string(b, RENDER_CAP_EL), "\033[K"); /* $<3> removed */
}

static void test_colour_count_follows_terminfo_and_truecolor(void **state)
{
    (void)state;
    assert_int_equal(render_caps_colours(caps_for("xterm-256color", false)), 256);
    assert_int_equal(render_caps_colours(caps_for("xterm-256color", true)),
                     RENDER_COLOURS_RGB);
    assert_int_equal(render_caps_colours(caps_for("xterm", false)), 8);
    assert_int_equal(render_caps_colours(caps_for("vt100", false)), 0);
    assert_true(render_caps_flag(caps_for("xterm-256color", false), RENDER_FLAG_BCE));
    assert_true(render_caps_flag(caps_for("xterm-256color", false), RENDER_FLAG_ANSI_OFF));
    assert_false(render_caps_flag(caps_for("vt100", false), RENDER_FLAG_ANSI_OFF));
}

/* Our expansion of parametrised strings agrees with ncurses' tiparm. */
static void test_tparm_matches_ncurses(void **state)
{
    (void)state;
    static const char *terms[] = { "xterm-256color", "xterm", "vt100", "linux",
                                   "screen-256color", "rxvt-unicode-256color", "sun" };
    static const char *names[] = { "cup", "setaf", "setab", "cuf", "cub", "cuu", "cud",
                                   "csr", "ech", "hpa", "vpa", "sgr", "rep" };
    for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++) {
        int err;
        assert_int_equal(setupterm(terms[t], -1, &err), OK);
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            char *s = tigetstr(names[i]);
            if (s == NULL || s == (char *)-1)
                continue;
            for (int a = 0; a < 260; a += 7) {
                for (int b = 0; b < 130; b += 43) {
                    char mine[256];
                    render_tparm(mine, sizeof mine, s, a, b);
                    const char *theirs = tiparm(s, a, b, 0, 0, 0, 0, 0, 0, 0);
                    assert_non_null(theirs);
                    if (strcmp(mine, theirs) != 0)
                        fail_msg("%s %s(%d,%d): mine \"%s\" ncurses \"%s\"", terms[t],
                                 names[i], a, b, mine, theirs);
                }
            }
        }
        del_curterm(cur_term);
    }
}

static void test_tparm_handles_conditionals_and_arithmetic(void **state)
{
    (void)state;
    char out[64];
    render_tparm(out, sizeof out, "%?%p1%{8}%<%t3%p1%d%e%p1%{16}%<%t9%p1%{8}%-%d%e38;5;%p1%d%;",
                 12, 0);
    assert_string_equal(out, "94");
    render_tparm(out, sizeof out, "%p1%p2%+%d/%p1%02d/%p2%x/%'A'%c", 3, 30);
    assert_string_equal(out, "33/03/1e/A");
    /* malformed strings and tiny buffers are survived */
    render_tparm(out, sizeof out, "%p1%t%e%;%;%/%m%", 0, 0);
    render_tparm(out, 4, "abcdefgh", 0, 0);
    assert_string_equal(out, "abc");
}

static void test_first_frame_clears_and_draws_everything(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 20, 3);
    put_text(&c, 0, 0, "hello");
    put_text(&c, 3, 2, "world");
    c.cx = 8;
    c.cy = 2;
    struct render_state *rs = render_create(caps_for("xterm-256color", false), true);
    const char *out = frame(rs, &c);
    /* sgr0, clear, text, cursor */
    assert_memory_equal(out, "\033(B\033[m\033[H\033[2J", 13);
    assert_non_null(strstr(out, "hello"));
    assert_non_null(strstr(out, "world"));
    assert_non_null(strstr(out, "\033[?12l\033[?25h")); /* cursor state made known */
    render_free(rs);
    canvas_free(&c);
}

static void test_unchanged_second_frame_emits_nothing(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 20, 3);
    put_text(&c, 0, 1, "some text");
    canvas_cell(&c, 2, 1)->fg = COLOUR_RGB | 0x123456;
    canvas_cell(&c, 3, 1)->attr = ATTR_BOLD | ATTR_UNDERLINE;
    put_wide(&c, 12, 1, 0x4e2d);
    c.cx = 5;
    c.cy = 2;
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    frame(rs, &c);
    assert_int_equal(out_len, 0);
    frame(rs, &c);
    assert_int_equal(out_len, 0);
    render_free(rs);
    canvas_free(&c);
}

static void test_one_changed_cell_emits_a_short_sequence(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 20, 3);
    put_text(&c, 0, 0, "abcdefghij");
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    canvas_cell(&c, 5, 1)->ch = 'X';
    assert_string_equal(frame(rs, &c), "\033[2;6HX\033[H");
    /* next to the cursor: no motion at all, then back */
    c.cx = 6;
    c.cy = 1;
    frame(rs, &c);
    canvas_cell(&c, 6, 1)->ch = 'Y';
    assert_string_equal(frame(rs, &c), "Y\b");
    render_free(rs);
    canvas_free(&c);
}

static void test_small_gap_is_rewritten_instead_of_moved_over(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 20, 2);
    put_text(&c, 0, 0, "abcdefghij");
    c.cy = 1;
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    canvas_cell(&c, 1, 0)->ch = 'B';
    canvas_cell(&c, 3, 0)->ch = 'D';
    /* after B the cursor is at 2; writing "c" is shorter than ESC[C */
    assert_string_equal(frame(rs, &c), "\033[AaBcD\r\033[1B");
    render_free(rs);
    canvas_free(&c);
}

static void test_attribute_changes_are_deltas(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 1);
    put_text(&c, 0, 0, "abc");
    canvas_cell(&c, 0, 0)->attr = ATTR_BOLD;
    canvas_cell(&c, 1, 0)->attr = ATTR_BOLD | ATTR_UNDERLINE;
    canvas_cell(&c, 2, 0)->attr = ATTR_UNDERLINE;
    c.cx = 3;
    struct render_state *rs = render_create(caps_for("xterm-256color", false), true);
    const char *out = frame(rs, &c);
    assert_non_null(strstr(out, "\033[1ma\033[4mb\033[22mc"));
    render_free(rs);

    /* vt100 has no off codes: a reset and the attributes still wanted */
    rs = render_create(caps_for("vt100", false), true);
    out = frame(rs, &c);
    assert_non_null(strstr(out, "\033[1ma\033[4mb\033[0;4mc"));
    render_free(rs);
    canvas_free(&c);
}

static void test_rgb_on_256_colour_terminal_uses_nearest_palette_entry(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 1);
    put_text(&c, 0, 0, "r");
    canvas_cell(&c, 0, 0)->fg = COLOUR_RGB | 0xff0000;
    canvas_cell(&c, 0, 0)->bg = COLOUR_RGB | 0x080808;
    struct render_state *rs = render_create(caps_for("xterm-256color", false), true);
    assert_non_null(strstr(frame(rs, &c), "\033[38;5;196;48;5;232mr"));
    render_free(rs);

    rs = render_create(caps_for("xterm-256color", true), true);
    assert_non_null(strstr(frame(rs, &c), "\033[38;2;255;0;0;48;2;8;8;8mr"));
    render_free(rs);

    rs = render_create(caps_for("xterm", false), true);
    assert_non_null(strstr(frame(rs, &c), "\033[31;40mr"));
    render_free(rs);

    rs = render_create(caps_for("vt100", false), true);
    frame(rs, &c);
    assert_null(strstr(out_buf, "31"));
    assert_null(strstr(out_buf, "38"));
    render_free(rs);
    canvas_free(&c);
}

static void test_palette_colours_are_reduced_for_small_terminals(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 1);
    put_text(&c, 0, 0, "abc");
    canvas_cell(&c, 0, 0)->fg = COLOUR_PALETTE | 9;   /* bright red */
    canvas_cell(&c, 1, 0)->fg = COLOUR_PALETTE | 21;  /* cube blue */
    canvas_cell(&c, 2, 0)->fg = COLOUR_PALETTE | 200;
    struct render_state *rs = render_create(caps_for("xterm-256color", false), true);
    assert_non_null(strstr(frame(rs, &c), "\033[91ma\033[38;5;21mb\033[38;5;200mc"));
    render_free(rs);
    rs = render_create(caps_for("xterm", false), true);
    assert_non_null(strstr(frame(rs, &c), "\033[31ma\033[34mb\033[35mc"));
    render_free(rs);
    canvas_free(&c);
}

static void test_blank_tail_is_erased_with_el(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 40, 2);
    put_text(&c, 0, 0, "hello world, this is a long line");
    c.cy = 1;
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    for (int x = 5; x < 40; x++)
        canvas_cell(&c, x, 0)->ch = 0;
    assert_string_equal(frame(rs, &c), "\033[1;7H\033[K\r\033[1B");
    render_free(rs);
    canvas_free(&c);
}

static void test_coloured_blank_tail_uses_el_only_with_bce(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 30, 1);
    for (int x = 0; x < 30; x++)
        canvas_cell(&c, x, 0)->bg = COLOUR_PALETTE | 4;
    struct render_state *rs = render_create(caps_for("xterm-256color", false), true);
    assert_non_null(strstr(frame(rs, &c), "\033[44m\033[K"));
    render_free(rs);
    rs = render_create(caps_for("screen", false), true); /* no bce: spaces */
    frame(rs, &c);
    assert_null(strstr(out_buf, "\033[K"));
    assert_non_null(strstr(out_buf, "\033[44m                              "));
    render_free(rs);
    canvas_free(&c);
}

static void test_long_blank_run_uses_ech(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 40, 1);
    for (int x = 0; x < 40; x++)
        canvas_cell(&c, x, 0)->ch = 'x';
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    for (int x = 5; x < 30; x++)
        canvas_cell(&c, x, 0)->ch = 0;
    assert_non_null(strstr(frame(rs, &c), "\033[25X"));
    render_free(rs);
    canvas_free(&c);
}

static void test_wide_character_is_written_once_and_fills_two_cells(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 1);
    put_wide(&c, 2, 0, 0x4e2d); /* 中 */
    put_text(&c, 4, 0, "z");
    c.cx = 5;
    struct render_state *rs = render_create(caps_for("xterm-256color", false), true);
    assert_non_null(strstr(frame(rs, &c), "\xe4\xb8\xadz"));
    /* replacing it by two narrow characters writes both */
    put_text(&c, 2, 0, "ab");
    grid_cell_set_width(canvas_cell(&c, 2, 0), 1);
    grid_cell_set_width(canvas_cell(&c, 3, 0), 1);
    assert_non_null(strstr(frame(rs, &c), "ab"));
    /* and back: changing only the continuation cell redraws the whole character */
    put_wide(&c, 2, 0, 0x6587);
    assert_non_null(strstr(frame(rs, &c), "\xe6\x96\x87"));
    assert_int_equal(frame(rs, &c)[0], '\0');
    render_free(rs);
    canvas_free(&c);
}

static void test_combining_mark_follows_its_base(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 1);
    canvas_cell(&c, 0, 0)->ch = 'e';
    canvas_cell(&c, 0, 0)->comb = 0x301;
    struct render_state *rs = render_create(caps_for("xterm-256color", false), true);
    assert_non_null(strstr(frame(rs, &c), "e\xcc\x81"));
    render_free(rs);
    canvas_free(&c);
}

static void test_non_utf8_terminal_gets_substitutes(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 1);
    canvas_cell(&c, 0, 0)->ch = 0xe9; /* é */
    canvas_cell(&c, 0, 0)->comb = 0x301;
    put_wide(&c, 1, 0, 0x4e2d);
    canvas_cell(&c, 3, 0)->ch = 0x2500; /* ─ */
    canvas_cell(&c, 4, 0)->ch = 0x2502; /* │ */
    canvas_cell(&c, 5, 0)->ch = 0x253c; /* ┼ */
    canvas_cell(&c, 6, 0)->ch = 'k';
    struct render_state *rs = render_create(caps_for("xterm-256color", false), false);
    const char *out = frame(rs, &c);
    assert_non_null(strstr(out, "??" "?-|+k"));
    for (size_t i = 0; i < out_len; i++)
        assert_true((unsigned char)out[i] < 0x80);
    render_free(rs);
    canvas_free(&c);
}

static void test_control_characters_are_never_emitted(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 1);
    canvas_cell(&c, 0, 0)->ch = 0x1b;
    canvas_cell(&c, 1, 0)->ch = 0x9b;
    canvas_cell(&c, 2, 0)->ch = 0x7;
    canvas_cell(&c, 3, 0)->ch = 0xd800;
    canvas_cell(&c, 4, 0)->ch = 0x110000;
    c.cx = 5;
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    render_invalidate(rs);
    const char *out = frame(rs, &c);
    assert_non_null(strstr(out, "?????"));
    assert_null(strchr(out, 0x7));
    render_free(rs);
    canvas_free(&c);
}

static void test_invalidate_and_resize_repaint_everything(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 2);
    put_text(&c, 0, 0, "abc");
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    render_invalidate(rs);
    assert_non_null(strstr(frame(rs, &c), "\033[H\033[2Jabc"));
    canvas_free(&c);
    canvas_init(&c, 12, 3);
    put_text(&c, 0, 0, "abc");
    assert_non_null(strstr(frame(rs, &c), "\033[H\033[2Jabc"));
    frame(rs, &c);
    assert_int_equal(out_len, 0);
    render_free(rs);
    canvas_free(&c);
}

static void test_cursor_visibility_and_style_sent_only_when_changed(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 2);
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    c.cursor_visible = false;
    assert_string_equal(frame(rs, &c), "\033[?25l");
    assert_string_equal(frame(rs, &c), "");
    c.cursor_style = 5;
    assert_string_equal(frame(rs, &c), "\033[5 q");
    c.cursor_visible = true;
    c.cursor_style = 0;
    assert_string_equal(frame(rs, &c), "\033[?12l\033[?25h\033[0 q");
    render_free(rs);
    canvas_free(&c);
}

static void test_scrolled_screen_uses_index_not_a_redraw(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 30, 10);
    char line[32];
    for (int y = 0; y < 10; y++) {
        snprintf(line, sizeof line, "line %d of some output", y);
        put_text(&c, 0, y, line);
    }
    c.cy = 9;
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    /* everything moves up one line; a new line appears at the bottom */
    memmove(c.cells, c.cells + 30, 30 * 9 * sizeof *c.cells);
    memset(c.cells + 30 * 9, 0, 30 * sizeof *c.cells);
    for (int x = 0; x < 30; x++)
        grid_cell_set_width(canvas_cell(&c, x, 9), 1);
    put_text(&c, 0, 9, "new");
    assert_string_equal(frame(rs, &c), "\nnew\r");
    render_free(rs);
    canvas_free(&c);
}

static void test_scroll_above_a_status_line_uses_a_scroll_region(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 30, 10);
    char line[32];
    for (int y = 0; y < 9; y++) {
        snprintf(line, sizeof line, "line %d of some output", y);
        put_text(&c, 0, y, line);
    }
    put_text(&c, 0, 9, "[status]");
    c.cy = 8;
    struct render_state *rs = drawn("xterm-256color", false, true, &c);
    memmove(c.cells, c.cells + 30, 30 * 8 * sizeof *c.cells);
    memset(c.cells + 30 * 8, 0, 30 * sizeof *c.cells);
    for (int x = 0; x < 30; x++)
        grid_cell_set_width(canvas_cell(&c, x, 8), 1);
    const char *out = frame(rs, &c);
    assert_memory_equal(out, "\033[1;9r", 6);
    assert_non_null(strstr(out, "\033[1;10r"));
    assert_true(out_len < 40);
    render_free(rs);
    canvas_free(&c);
}

static int teardown_caps(void **state)
{
    (void)state;
    render_caps_free_all();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unknown_terminal_is_refused_with_a_clear_message),
        cmocka_unit_test(test_terminal_without_cup_is_refused),
        cmocka_unit_test(test_caps_are_cached_per_term),
        cmocka_unit_test(test_colour_count_follows_terminfo_and_truecolor),
        cmocka_unit_test(test_tparm_matches_ncurses),
        cmocka_unit_test(test_tparm_handles_conditionals_and_arithmetic),
        cmocka_unit_test(test_first_frame_clears_and_draws_everything),
        cmocka_unit_test(test_unchanged_second_frame_emits_nothing),
        cmocka_unit_test(test_one_changed_cell_emits_a_short_sequence),
        cmocka_unit_test(test_small_gap_is_rewritten_instead_of_moved_over),
        cmocka_unit_test(test_attribute_changes_are_deltas),
        cmocka_unit_test(test_rgb_on_256_colour_terminal_uses_nearest_palette_entry),
        cmocka_unit_test(test_palette_colours_are_reduced_for_small_terminals),
        cmocka_unit_test(test_blank_tail_is_erased_with_el),
        cmocka_unit_test(test_coloured_blank_tail_uses_el_only_with_bce),
        cmocka_unit_test(test_long_blank_run_uses_ech),
        cmocka_unit_test(test_wide_character_is_written_once_and_fills_two_cells),
        cmocka_unit_test(test_combining_mark_follows_its_base),
        cmocka_unit_test(test_non_utf8_terminal_gets_substitutes),
        cmocka_unit_test(test_control_characters_are_never_emitted),
        cmocka_unit_test(test_invalidate_and_resize_repaint_everything),
        cmocka_unit_test(test_cursor_visibility_and_style_sent_only_when_changed),
        cmocka_unit_test(test_scrolled_screen_uses_index_not_a_redraw),
        cmocka_unit_test(test_scroll_above_a_status_line_uses_a_scroll_region),
    };
    return cmocka_run_group_tests(tests, NULL, teardown_caps);
}
