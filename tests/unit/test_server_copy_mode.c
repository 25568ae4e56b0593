/* test_server_copy_mode.c - copy mode's logic over a real vt grid, no server: motions,
 * the view staying on its text while output arrives and history is trimmed, search
 * with wrap-around, and the selection turned into the text a paste buffer gets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copy_mode_core.h"
#include "vt.h"

static void feed(struct vt *vt, const char *s)
{
    vt_feed(vt, s, strlen(s));
}

/* Text of line n (absolute), trailing blanks trimmed. */
static const char *line_text(const struct grid *g, int64_t n)
{
    static char out[1024];
    struct grid_line l = {0};
    copy_line_fetch(g, n, &l);
    int len = copy_line_length(&l), o = 0;
    for (int x = 0; x < len && o < (int)sizeof out - 5; x++) {
        if (grid_cell_width(&l.cells[x]) == 0)
            continue;
        uint32_t ch = l.cells[x].ch ? l.cells[x].ch : ' ';
        out[o++] = ch < 0x80 ? (char)ch : '?';
    }
    out[o] = '\0';
    copy_line_free(&l);
    return out;
}

/* Feed "line 1\r\n" ... "line N" (no newline after the last). */
static void numbered_lines(struct vt *vt, int from, int to)
{
    char buf[64];
    for (int i = from; i <= to; i++) {
        snprintf(buf, sizeof buf, "%sline %d", i == 1 ? "" : "\r\n", i);
        feed(vt, buf);
    }
}

static void start(struct copy_state *cs, struct vt *vt, bool vi)
{
    int x, y;
    vt_cursor(vt, &x, &y);
    copy_state_init(cs, vt_grid(vt), vi, x, y);
}

static void test_words_move_like_vi(void **state)
{
    (void)state;
    struct vt *vt = vt_create(40, 5, 100);
    feed(vt, "foo bar-baz  qux\r\n  next line");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, true);
    copy_history_top(g, &cs);
    assert_int_equal(cs.cx, 0);
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 4);  /* bar */
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 7);  /* - */
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 8);  /* baz */
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 13); /* qux */
    copy_next_word(g, &cs);
    assert_int_equal(cs.cy - copy_first_line(g), 1); /* "next" on the next line */
    assert_int_equal(cs.cx, 2);
    copy_previous_word(g, &cs);
    assert_int_equal(cs.cy - copy_first_line(g), 0);
    assert_int_equal(cs.cx, 13);
    copy_previous_word(g, &cs);
    assert_int_equal(cs.cx, 8);
    copy_next_word_end(g, &cs);
    assert_int_equal(cs.cx, 10); /* the z of baz */
    /* Space-separated words: bar-baz is one. */
    copy_start_of_line(g, &cs);
    copy_next_space(g, &cs);
    assert_int_equal(cs.cx, 4);
    copy_next_space(g, &cs);
    assert_int_equal(cs.cx, 13);
    copy_previous_space(g, &cs);
    assert_int_equal(cs.cx, 4);
    copy_next_space_end(g, &cs);
    assert_int_equal(cs.cx, 10);
    copy_state_free(&cs);
    vt_free(vt);
}

/* word-separators decides what ends a word: with only "-", "a.b" is one word and
 * "-" its own; with "" (none), only blanks separate words. */
static void test_word_separators_option(void **state)
{
    (void)state;
    struct vt *vt = vt_create(40, 5, 100);
    feed(vt, "a.b c-d e");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, true);
    cs.separators = strdup("-");
    copy_start_of_line(g, &cs);
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 4); /* "c": a.b was one word */
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 5); /* "-" */
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 6); /* "d" */
    free(cs.separators);
    cs.separators = strdup("");
    copy_start_of_line(g, &cs);
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 4); /* "c-d" */
    copy_next_word(g, &cs);
    assert_int_equal(cs.cx, 8); /* "e" */
    copy_state_free(&cs);
    vt_free(vt);
}

static void test_line_motions_vi_and_emacs(void **state)
{
    (void)state;
    struct vt *vt = vt_create(40, 5, 100);
    feed(vt, "   indented text\r\nab");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, true);
    copy_history_top(g, &cs);
    copy_end_of_line(g, &cs);
    assert_int_equal(cs.cx, 16);  /* vi too: just after the last character, as tmux */
    copy_back_to_indentation(g, &cs);
    assert_int_equal(cs.cx, 3);
    copy_end_of_line(g, &cs);
    copy_cursor_down(g, &cs);     /* a shorter line: its end */
    assert_int_equal(cs.cx, 2);
    copy_cursor_up(g, &cs);       /* and back to the end of the longer one */
    assert_int_equal(cs.cx, 16);
    copy_state_free(&cs);

    start(&cs, vt, false);
    copy_history_top(g, &cs);
    copy_end_of_line(g, &cs);
    assert_int_equal(cs.cx, 16);  /* emacs: just after it */
    copy_state_free(&cs);
    vt_free(vt);
}

static void test_top_bottom_and_goto_line(void **state)
{
    (void)state;
    struct vt *vt = vt_create(20, 5, 100);
    numbered_lines(vt, 1, 30);
    const struct grid *g = vt_grid(vt);
    assert_int_equal(grid_history_size(g), 25);
    struct copy_state cs;
    start(&cs, vt, true);
    assert_int_equal(copy_offset(g, &cs), 0);
    assert_string_equal(line_text(g, cs.cy), "line 30");
    copy_history_top(g, &cs);
    assert_int_equal(copy_offset(g, &cs), 25);
    assert_string_equal(line_text(g, cs.cy), "line 1");
    copy_bottom_line(g, &cs);
    assert_string_equal(line_text(g, cs.cy), "line 5");
    copy_middle_line(g, &cs);
    assert_string_equal(line_text(g, cs.cy), "line 3");
    copy_top_line(g, &cs);
    assert_string_equal(line_text(g, cs.cy), "line 1");
    copy_goto_line(g, &cs, 10);
    assert_int_equal(copy_offset(g, &cs), 10);
    assert_string_equal(line_text(g, cs.top), "line 16");
    copy_goto_line(g, &cs, 1000); /* clamped to the history */
    assert_int_equal(copy_offset(g, &cs), 25);
    copy_history_bottom(g, &cs);
    assert_int_equal(copy_offset(g, &cs), 0);
    assert_string_equal(line_text(g, cs.cy), "line 30");
    assert_int_equal(cs.cx, 7);
    /* Pages: the view moves by 3 (5 rows less 2), half pages by 2. */
    copy_page_up(g, &cs);
    assert_int_equal(copy_offset(g, &cs), 3);
    copy_halfpage_up(g, &cs);
    assert_int_equal(copy_offset(g, &cs), 5);
    copy_halfpage_down(g, &cs);
    copy_page_down(g, &cs);
    assert_int_equal(copy_offset(g, &cs), 0);
    copy_scroll_up(g, &cs);
    copy_scroll_up(g, &cs);
    assert_int_equal(copy_offset(g, &cs), 2);
    copy_scroll_down(g, &cs);
    assert_int_equal(copy_offset(g, &cs), 1);
    copy_state_free(&cs);
    vt_free(vt);
}

/* The pane keeps running: new lines and a trimmed history leave the view on the text
 * the user was reading (only the offset from the bottom grows). */
static void test_view_stays_while_output_arrives(void **state)
{
    (void)state;
    struct vt *vt = vt_create(20, 5, 40);
    numbered_lines(vt, 1, 30);
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, true);
    copy_page_up(g, &cs);
    copy_page_up(g, &cs);
    assert_string_equal(line_text(g, cs.top), "line 20");
    copy_begin_selection(g, &cs);
    int64_t off = copy_offset(g, &cs);
    numbered_lines(vt, 31, 40);
    copy_clamp(g, &cs);
    assert_string_equal(line_text(g, cs.top), "line 20");
    assert_int_equal(copy_offset(g, &cs), off + 10);
    /* History is full (40): each new line drops the oldest, the view stays. */
    numbered_lines(vt, 41, 50);
    copy_clamp(g, &cs);
    assert_int_equal(grid_history_size(g), 40);
    assert_string_equal(line_text(g, cs.top), "line 20");
    /* Until the lines it shows are dropped: then it shows the oldest there is. */
    numbered_lines(vt, 51, 70);
    copy_clamp(g, &cs);
    assert_string_equal(line_text(g, cs.top), "line 26");
    assert_int_equal(copy_offset(g, &cs), 40);
    assert_string_equal(line_text(g, cs.sel_y), "line 26");
    copy_state_free(&cs);
    vt_free(vt);
}

static void test_search_wraps_and_reports_no_match(void **state)
{
    (void)state;
    struct vt *vt = vt_create(30, 5, 100);
    feed(vt, "alpha one\r\nbeta Two\r\ngamma one\r\ndelta\r\nepsilon\r\nzeta\r\neta");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, true);
    /* Backward from the bottom: the nearest "one" above. */
    assert_true(copy_search(g, &cs, "one", true, false));
    assert_string_equal(line_text(g, cs.cy), "gamma one");
    assert_int_equal(cs.cx, 6);
    assert_true(copy_search_again(g, &cs, false));
    assert_string_equal(line_text(g, cs.cy), "alpha one");
    /* Again: wraps around the top to the bottom, and finds gamma's again. */
    assert_true(copy_search_again(g, &cs, false));
    assert_string_equal(line_text(g, cs.cy), "gamma one");
    /* Reverse: forward from gamma wraps to alpha. */
    assert_true(copy_search_again(g, &cs, true));
    assert_string_equal(line_text(g, cs.cy), "alpha one");
    /* The view followed the match into history. */
    assert_true(cs.cy >= cs.top && cs.cy < cs.top + 5);
    /* Lower case ignores case; upper case does not. */
    assert_true(copy_search(g, &cs, "two", false, false));
    assert_string_equal(line_text(g, cs.cy), "beta Two");
    int64_t y = cs.cy;
    int x = cs.cx;
    assert_false(copy_search(g, &cs, "TWO", false, false));
    assert_false(copy_search(g, &cs, "nowhere", true, false));
    assert_int_equal(cs.cy, y); /* nothing moved */
    assert_int_equal(cs.cx, x);
    /* Matches of the last search are marked for drawing. */
    assert_true(copy_search(g, &cs, "eta", false, false));
    unsigned *marks = copy_search_view_marks(g, &cs);
    assert_non_null(marks);
    assert_string_equal(line_text(g, cs.cy), "zeta");
    const unsigned *row = marks + (size_t)(cs.cy - cs.top) * 30;
    assert_int_equal(row[0], 0);
    assert_int_not_equal(row[1], 0);
    assert_int_equal(row[3], row[1]);
    assert_int_equal(row[4], 0);
    free(marks);
    copy_state_free(&cs);
    vt_free(vt);
}

/* search-forward's regular expressions, as tmux 3.3a: a match may run over a wrapped
 * line, ^ matches at each row's start, an empty match is none, an invalid expression
 * finds nothing, and a match after a wide character starts on its right half. */
static void test_search_regex(void **state)
{
    (void)state;
    struct vt *vt = vt_create(10, 5, 100);
    feed(vt, "abc 123 abcd xx\r\n\xe6\x97\xa5" "b");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, true);
    copy_history_top(g, &cs);
    assert_true(copy_search(g, &cs, "[0-9]+", false, true));
    assert_int_equal(cs.cx, 4);
    /* "ab" ends row 0, "cd" starts row 1 (the line wrapped): one match on row 0 */
    assert_true(copy_search(g, &cs, "b ?c", false, true));
    assert_int_equal(cs.cy - cs.top, 0);
    assert_int_equal(cs.cx, 9);
    assert_true(copy_search(g, &cs, "^cd", false, true));
    assert_int_equal(cs.cy - cs.top, 1);
    assert_int_equal(cs.cx, 0);
    assert_false(copy_search(g, &cs, "q*", false, true));
    assert_false(copy_search(g, &cs, "(", false, true));
    assert_non_null(cs.marks); /* the last found's matches stay shown */
    assert_true(copy_search(g, &cs, "[b]", false, true));
    assert_int_equal(cs.cy - cs.top, 2);
    assert_int_equal(cs.cx, 1);
    /* plain text (no special character) is no expression */
    assert_false(copy_search(g, &cs, "a|b", false, true));
    /* An expression regcomp would spend minutes and gigabytes on does not compile: the
     * search fails at once (it used plain regcomp). */
    assert_false(copy_search(g, &cs, "(a{99}){99}(b{99}){99}", false, true));
    assert_false(copy_search(g, &cs, "a++++++++++++++++++++++++++++++", false, true));
    copy_state_free(&cs);
    vt_free(vt);
}

/* An expression that depends on where its search starts (\\<, \\b, ^) over one wrapped line
 * of 1 MB: each row's search used to run over the rest of the line (its square: minutes,
 * every session held); past a budget it runs over the row and a little after. A match
 * still comes back, and one absent is not found. */
static void test_search_context_expression_on_a_long_line(void **state)
{
    (void)state;
    struct vt *vt = vt_create(80, 24, 20000);
    for (int i = 0; i < 50000; i++)
        feed(vt, "abc dfgh xy z w ");
    feed(vt, "needle");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, true);
    copy_history_top(g, &cs);
    assert_false(copy_search(g, &cs, "\\<zq", false, true));
    assert_true(copy_search(g, &cs, "\\<needle", false, true));
    assert_int_equal(cs.cy, copy_last_line(g)); /* the line's last row */
    copy_history_top(g, &cs);
    assert_true(copy_search(g, &cs, "\\<dfgh\\b", false, true));
    assert_int_equal(cs.cx, 4);
    copy_state_free(&cs);
    vt_free(vt);
}

/* Emacs keys, searching down: a match that runs to the view's last cell (and on, on the
 * row autowrap continues it on, out of view) leaves the cursor just past its real end,
 * the view moved down to it (tmux 3.3a leaves its cursor below the view there, and its
 * server dies reading #{copy_cursor_word}). */
static void test_search_emacs_past_view_end(void **state)
{
    (void)state;
    struct vt *vt = vt_create(12, 3, 100);
    feed(vt, "one\r\ntwo\r\nxx ab cd efgh b ij r\r\nEND\r\n");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, false);
    copy_history_top(g, &cs);
    int64_t top = cs.top;
    /* "b cd efg" ends at the view's last cell: the cursor goes to the next row's start */
    assert_true(copy_search(g, &cs, "b cd efg", false, false));
    assert_int_equal(cs.cy, top + 3);
    assert_int_equal(cs.cx, 0);
    assert_int_equal(cs.top, top + 1);
    /* "b.*r" runs on to the row after the view's: the cursor goes past its "r" */
    copy_history_top(g, &cs);
    assert_true(copy_search(g, &cs, "b.*r", false, true));
    assert_int_equal(cs.cy, top + 3);
    assert_int_equal(cs.cx, 8);
    assert_int_equal(cs.top, top + 1);
    copy_state_free(&cs);
    vt_free(vt);
}

/* other-end to an end on the row just below the view: the view moves down to it and the
 * cursor goes to its column (tmux 3.3a leaves the view, its cursor under it); the
 * selection stays as it was. */
static void test_other_end_below_view(void **state)
{
    (void)state;
    struct vt *vt = vt_create(40, 4, 100);
    feed(vt, "l1\r\nl2\r\nl3\r\nshort\r\nthis is a rather long line\r\nl6\r\nl7\r\nEND");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    start(&cs, vt, true);
    copy_history_top(g, &cs);
    int64_t first = cs.top;
    for (int i = 0; i < 4; i++)
        copy_move(g, &cs, copy_cursor_down); /* onto the long line, the view one down */
    copy_move(g, &cs, copy_end_of_line);
    copy_move(g, &cs, copy_cursor_left);
    assert_int_equal(cs.cy, first + 4);
    int x = cs.cx;
    copy_begin_selection(g, &cs);
    for (int i = 0; i < 4; i++)
        copy_move(g, &cs, copy_cursor_up); /* back to the top: the long line just below */
    assert_int_equal(cs.top, first);
    copy_other_end(g, &cs);
    assert_int_equal(cs.cy, first + 4);
    assert_int_equal(cs.cx, x);
    assert_int_equal(cs.top, first + 1);
    assert_int_equal(cs.sel_y, first + 4);
    assert_int_equal(cs.sel_x, x);
    assert_int_equal(cs.end_y, first);
    copy_state_free(&cs);
    vt_free(vt);
}

static void test_selection_text_normal_line_and_rectangle(void **state)
{
    (void)state;
    struct vt *vt = vt_create(20, 5, 100);
    feed(vt, "first line   \r\nsecond line\r\nthird");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    size_t len;
    start(&cs, vt, true);
    copy_move(g, &cs, copy_history_top);
    copy_move(g, &cs, copy_next_word);       /* "line" */
    copy_begin_selection(g, &cs);
    copy_move(g, &cs, copy_cursor_down);     /* column 6 of "second line": "second " */
    char *text = copy_selection_text(g, &cs, &len);
    /* Blanks after a line's text dropped, those inside kept (as tmux); vi includes the
     * cursor's cell. */
    assert_string_equal(text, "line\nsecond ");
    assert_int_equal(len, strlen(text));
    free(text);
    copy_other_end(g, &cs);
    assert_int_equal(cs.cx, 6);
    assert_string_equal(line_text(g, cs.cy), "first line");

    copy_clear_selection(g, &cs);
    assert_null(copy_selection_text(g, &cs, &len));
    copy_move(g, &cs, copy_history_top);
    copy_move(g, &cs, copy_cursor_down);
    copy_select_line(g, &cs);
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "second line\n"); /* a whole line ends with its newline */
    free(text);
    copy_move(g, &cs, copy_cursor_down);
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "second line\nthird\n");
    free(text);

    /* A rectangle: columns 1-3 of each line. */
    copy_move(g, &cs, copy_history_top);
    copy_move(g, &cs, copy_cursor_right);
    copy_begin_selection(g, &cs);
    copy_rectangle_toggle(g, &cs);
    copy_move(g, &cs, copy_cursor_down);
    copy_move(g, &cs, copy_cursor_down);
    copy_cursor_to(g, &cs, 3, (int)(cs.cy - cs.top));
    copy_selection_follow(g, &cs, false);
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "irs\neco\nhir");
    free(text);
    assert_true(copy_selected(&cs, cs.cy, 2));
    assert_false(copy_selected(&cs, cs.cy, 4));
    copy_state_free(&cs);

    /* emacs: the cursor is between characters, its cell is not taken. */
    start(&cs, vt, false);
    copy_move(g, &cs, copy_history_top);
    copy_begin_selection(g, &cs);
    copy_move(g, &cs, copy_next_word_end);
    assert_int_equal(cs.cx, 5);
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "first");
    free(text);
    copy_state_free(&cs);
    vt_free(vt);
}

/* Wide characters are never split; lines continued by autowrap come back joined. */
static void test_selection_wide_characters_and_wrapped_lines(void **state)
{
    (void)state;
    struct vt *vt = vt_create(10, 5, 100);
    /* "ab", a wide character at columns 2-3, "cd"; then 15 x's wrapping at 10. */
    feed(vt, "ab\xe4\xb8\xad" "cd\r\nxxxxxxxxxxyyyyy\r\nend");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    size_t len;
    start(&cs, vt, true);
    copy_move(g, &cs, copy_history_top);
    copy_cursor_to(g, &cs, 3, 0);  /* the right half: the cursor goes to its left */
    assert_int_equal(cs.cx, 2);
    copy_move(g, &cs, copy_cursor_right);
    assert_int_equal(cs.cx, 4);    /* over the whole character */
    /* A rectangle of columns 2-3 takes the character; of column 3 only (its right
     * half) nothing, as tmux. */
    copy_cursor_to(g, &cs, 2, 0);
    copy_begin_selection(g, &cs);
    copy_rectangle_toggle(g, &cs);
    cs.cx = 3;
    copy_selection_follow(g, &cs, false);
    char *text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "\xe4\xb8\xad");
    free(text);
    cs.sel_x = 3;
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "");
    free(text);
    copy_rectangle_toggle(g, &cs);

    /* From the first x to the end: the wrapped line joined without a newline. */
    copy_cursor_to(g, &cs, 0, 1);
    copy_begin_selection(g, &cs);
    copy_move(g, &cs, copy_cursor_down);
    copy_move(g, &cs, copy_end_of_line);
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "xxxxxxxxxxyyyyy\n"); /* vi: $ takes the line's end */
    free(text);
    copy_select_line(g, &cs); /* as tmux: the whole line, from its first row */
    copy_move(g, &cs, copy_cursor_down);
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "xxxxxxxxxxyyyyy\nend\n");
    free(text);
    copy_state_free(&cs);
    vt_free(vt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_move_like_vi),
        cmocka_unit_test(test_word_separators_option),
        cmocka_unit_test(test_line_motions_vi_and_emacs),
        cmocka_unit_test(test_top_bottom_and_goto_line),
        cmocka_unit_test(test_view_stays_while_output_arrives),
        cmocka_unit_test(test_search_wraps_and_reports_no_match),
        cmocka_unit_test(test_search_regex),
        cmocka_unit_test(test_search_context_expression_on_a_long_line),
        cmocka_unit_test(test_search_emacs_past_view_end),
        cmocka_unit_test(test_other_end_below_view),
        cmocka_unit_test(test_selection_text_normal_line_and_rectangle),
        cmocka_unit_test(test_selection_wide_characters_and_wrapped_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
