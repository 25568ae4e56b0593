/* test_server_shell_marks.c - shell integration (OSC 133 "semantic prompts"): the marks
 * the vt keeps on lines, through history, reflow and resets, and copy mode's jumps to
 * the previous / next prompt (tmux 3.4's previous-prompt / next-prompt, -o for the
 * output) and the last finished command's output selected. */
#include "test_vt_helpers.h"

#include "copy_mode_core.h"

/* A shell session of three commands: "$ cmdN" prompts, outputs of 2, 0 and 1 lines, and
 * a last prompt waiting. */
static void shell_session(struct term *t)
{
    feed(t, "\033]133;A\007$ one\r\n\033]133;C\007out1a\r\nout1b\r\n\033]133;D;0\007");
    feed(t, "\033]133;A\007$ two\r\n\033]133;C\007\033]133;D;0\007");
    feed(t, "\033]133;A\007$ three\r\n\033]133;C\033\\out3\r\n\033]133;D;1\007");
    feed(t, "\033]133;A;k=i\007$ ");
}

static uint8_t mark_of(const struct grid *g, int64_t n)
{
    struct grid_line l = {0};
    copy_line_fetch(g, n, &l);
    uint8_t m = l.mark;
    copy_line_free(&l);
    return m;
}

/* A, B, C and D mark the cursor's line; marks go into history with their lines and
 * come back with them. */
static void test_marks_on_lines_and_through_history(void **state)
{
    (void)state;
    struct term *t = term_new(20, 4, 100);
    shell_session(t);
    const struct grid *g = vt_main_grid(t->vt);
    int64_t first = copy_first_line(g);
    /* Lines: $ one, out1a, out1b, $ two, (empty output: prompt of three on it?) */
    enum { A = GRID_MARK_PROMPT, C = GRID_MARK_OUTPUT, D = GRID_MARK_END };
    static const uint8_t want[] = { A, C, 0, D | A, C | D | A, C, D | A };
    assert_int_equal(copy_last_line(g) - first + 1, 7);
    for (int i = 0; i < 7; i++)
        assert_int_equal(mark_of(g, first + i), want[i]);
    assert_true(HISTORY(t) == 3);
    /* Growing the screen pulls the history back: the marks come with it. */
    vt_resize(t->vt, 20, 7);
    assert_int_equal(HISTORY(t), 0);
    for (int i = 0; i < 7; i++)
        assert_int_equal(mark_of(g, copy_first_line(g) + i), want[i]);
    term_free(t);
}

/* Reflow keeps a mark on the first line of its logical line; a cleared line loses it;
 * RIS clears them all; the alternate screen has none. */
static void test_marks_through_reflow_and_resets(void **state)
{
    (void)state;
    struct term *t = term_new(10, 4, 100);
    feed(t, "\033]133;A\007$ abcdefghijkl\r\n\033]133;C\007x");
    const struct grid *g = vt_main_grid(t->vt);
    int64_t f = copy_first_line(g);
    assert_int_equal(mark_of(g, f), GRID_MARK_PROMPT);
    assert_int_equal(mark_of(g, f + 1), 0); /* the wrapped rest of the prompt line */
    assert_int_equal(mark_of(g, f + 2), GRID_MARK_OUTPUT);
    vt_resize(t->vt, 5, 4); /* "$ abc" "defgh" "ijkl" "x" */
    f = copy_first_line(g);
    int64_t n = copy_last_line(g) - f + 1;
    int prompts = 0, outputs = 0;
    for (int64_t i = 0; i < n; i++) {
        uint8_t m = mark_of(g, f + i);
        if (m & GRID_MARK_PROMPT) {
            prompts++;
            struct grid_line l = {0};
            copy_line_fetch(g, f + i, &l);
            assert_int_equal(l.cells[0].ch, '$');
            copy_line_free(&l);
        }
        if (m & GRID_MARK_OUTPUT)
            outputs++;
    }
    assert_int_equal(prompts, 1);
    assert_int_equal(outputs, 1);
    vt_resize(t->vt, 10, 4);
    feed(t, "\033[H\033[2K"); /* the prompt's line erased: its mark goes */
    feed(t, "\033[?1049h\033]133;A\007");
    feed(t, "\033[?1049l");
    int marks = 0;
    for (int64_t i = copy_first_line(g); i <= copy_last_line(g); i++)
        marks += mark_of(g, i) != 0;
    assert_int_equal(marks, 1); /* only the output's */
    feed(t, "\033]133;A\007\033c");
    for (int64_t i = copy_first_line(g); i <= copy_last_line(g); i++)
        assert_int_equal(mark_of(g, i), 0);
    term_free(t);
}

/* previous-prompt / next-prompt move line by line to the marked lines (the line at
 * the view's top); -o to the outputs; at the end nothing moves. */
static void test_copy_mode_prompt_jumps(void **state)
{
    (void)state;
    struct term *t = term_new(20, 4, 100);
    shell_session(t);
    const struct grid *g = vt_grid(t->vt);
    int64_t f = copy_first_line(g);
    int x, y;
    vt_cursor(t->vt, &x, &y);
    struct copy_state cs;
    copy_state_init(&cs, g, true, x, y);
    assert_int_equal(cs.cy, f + 6);
    assert_true(copy_jump_mark(g, &cs, GRID_MARK_PROMPT, false));
    assert_int_equal(cs.cy, f + 4);
    assert_int_equal(cs.cx, 0);
    assert_int_equal(cs.top, f + 3); /* as high as the history goes: 3 lines back */
    assert_true(copy_jump_mark(g, &cs, GRID_MARK_PROMPT, false));
    assert_int_equal(cs.cy, f + 3);
    assert_true(copy_jump_mark(g, &cs, GRID_MARK_PROMPT, false));
    assert_int_equal(cs.cy, f);
    assert_int_equal(cs.top, f);
    assert_false(copy_jump_mark(g, &cs, GRID_MARK_PROMPT, false));
    assert_int_equal(cs.cy, f);
    assert_true(copy_jump_mark(g, &cs, GRID_MARK_OUTPUT, true));
    assert_int_equal(cs.cy, f + 1);
    assert_true(copy_jump_mark(g, &cs, GRID_MARK_OUTPUT, true));
    assert_int_equal(cs.cy, f + 4);
    assert_true(copy_jump_mark(g, &cs, GRID_MARK_PROMPT, true));
    assert_int_equal(cs.cy, f + 6);
    assert_false(copy_jump_mark(g, &cs, GRID_MARK_PROMPT, true));
    copy_state_free(&cs);
    term_free(t);
}

/* The last finished command's output: "out3" (the command before the waiting prompt);
 * with only an empty output after the first, that first one's two lines. */
static void test_copy_mode_selects_the_last_output(void **state)
{
    (void)state;
    struct term *t = term_new(20, 4, 100);
    shell_session(t);
    const struct grid *g = vt_grid(t->vt);
    struct copy_state cs;
    copy_state_init(&cs, g, true, 2, 3);
    assert_true(copy_select_last_output(g, &cs));
    size_t len;
    char *text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "out3\n");
    free(text);
    copy_state_free(&cs);
    term_free(t);

    t = term_new(20, 10, 100);
    feed(t, "\033]133;A\007$ one\r\n\033]133;C\007a\r\nb\r\n");
    feed(t, "\033]133;A\007$ two\r\n\033]133;C\007\033]133;A\007$ ");
    g = vt_grid(t->vt);
    copy_state_init(&cs, g, false, 2, 5);
    assert_true(copy_select_last_output(g, &cs));
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "a\nb\n");
    free(text);
    copy_state_free(&cs);
    term_free(t);

    /* D ends the output: a blank line the shell prints before its prompt is not in
     * it (without D it would be); B marks the command line, after the prompt. */
    t = term_new(20, 6, 100);
    feed(t, "\033]133;A\007$ \033]133;B\007ls\r\n\033]133;C\007out\r\n\033]133;D;0\007\r\n");
    feed(t, "\033]133;A\007$ \033]133;B\007");
    g = vt_grid(t->vt);
    assert_int_equal(mark_of(g, 0), GRID_MARK_PROMPT | GRID_MARK_COMMAND);
    assert_int_equal(mark_of(g, 2), GRID_MARK_END);
    copy_state_init(&cs, g, false, 2, 3);
    assert_true(copy_select_last_output(g, &cs));
    text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "out\n");
    free(text);
    copy_state_free(&cs);
    term_free(t);

    t = term_new(20, 4, 100);
    feed(t, "$ no marks\r\nout\r\n$ ");
    g = vt_grid(t->vt);
    copy_state_init(&cs, g, false, 2, 2);
    assert_false(copy_select_last_output(g, &cs));
    assert_false(cs.selecting);
    copy_state_free(&cs);
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks_on_lines_and_through_history),
        cmocka_unit_test(test_marks_through_reflow_and_resets),
        cmocka_unit_test(test_copy_mode_prompt_jumps),
        cmocka_unit_test(test_copy_mode_selects_the_last_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
