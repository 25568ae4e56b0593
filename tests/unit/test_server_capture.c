/* test_server_capture.c - what capture-pane prints for a pane's screen and history
 * after a byte stream: line ranges (-S/-E, history, "-"), colours (-e), joined wrapped
 * lines (-J), trailing spaces (-N) and the screen under the alternate one (-a). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/buffer.h>

#include "capture.h"
#include "vt.h"

/* A 10x3 terminal with room for 100 history lines, fed 'bytes'. */
static struct vt *vt_with(const char *bytes)
{
    struct vt *vt = vt_create(10, 3, 100);
    vt_feed(vt, bytes, strlen(bytes));
    return vt;
}

/* Capture with o; returns a static copy of the text. */
static const char *capture(const struct vt *vt, struct capture_opts o)
{
    static char text[4096];
    struct evbuffer *out = evbuffer_new();
    capture_text(vt, &o, out);
    size_t n = evbuffer_get_length(out);
    assert_true(n < sizeof text);
    evbuffer_remove(out, text, n);
    text[n] = '\0';
    evbuffer_free(out);
    return text;
}

static void test_visible_screen_is_trimmed_by_default(void **state)
{
    (void)state;
    struct vt *vt = vt_with("ab  \r\n  cd");
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 2}), "ab\n  cd\n\n");
    vt_free(vt);
}

static void test_history_lines_are_negative_and_clamped(void **state)
{
    (void)state;
    struct vt *vt = vt_with("one\r\ntwo\r\nthree\r\nfour\r\nfive");
    assert_int_equal(capture_history_size(vt, false), 2);
    /* -S - (the start of history) and -E - (the end of the screen). */
    assert_string_equal(capture(vt, (struct capture_opts){.start = -2, .end = 2}),
                        "one\ntwo\nthree\nfour\nfive\n");
    /* Far beyond the history is the same as its start; -S -1 is the newest line. */
    assert_string_equal(capture(vt, (struct capture_opts){.start = -50, .end = -1}), "one\ntwo\n");
    assert_string_equal(capture(vt, (struct capture_opts){.start = -1, .end = 0}), "two\nthree\n");
    /* Swapped bounds are put in order. */
    assert_string_equal(capture(vt, (struct capture_opts){.start = 1, .end = 0}), "three\nfour\n");
    vt_free(vt);
}

static void test_join_puts_wrapped_lines_back_together(void **state)
{
    (void)state;
    /* 15 characters on a 10-column screen wrap once; the second line is not wrapped. */
    struct vt *vt = vt_with("abcdefghijklmno\r\nend  ");
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 2}),
                        "abcdefghij\nklmno\nend\n");
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 2, .join = true}),
                        "abcdefghijklmno\nend  \n");
    /* A wrapped line at the end of the range still ends with a newline. */
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 0, .join = true}),
                        "abcdefghij\n");
    vt_free(vt);
}

static void test_join_reaches_into_history(void **state)
{
    (void)state;
    /* The wrapped line scrolls into history: joining crosses from history to screen. */
    struct vt *vt = vt_with("0123456789abc\r\nx\r\ny");
    assert_int_equal(capture_history_size(vt, false), 1);
    assert_string_equal(capture(vt, (struct capture_opts){.start = -1, .end = 0, .join = true}),
                        "0123456789abc\n");
    vt_free(vt);
}

/* -N keeps the spaces written, as tmux does, not the cells never written. */
static void test_keep_spaces_pads_to_the_width(void **state)
{
    (void)state;
    struct vt *vt = vt_with("ab  ");
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 0, .keep_spaces = true}),
                        "ab  \n");
    vt_free(vt);
}

static void test_escapes_give_colours_and_attributes(void **state)
{
    (void)state;
    struct vt *vt = vt_with("\033[1;31mred\033[0m ok \033[38;5;200;48;2;1;2;3mX\033[m\r\n"
                            "\033[4:3;7;95mu\033[m");
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 1, .escapes = true}),
                        "\033[1m\033[31mred\033[0m\033[39m\033[49m ok "
                        "\033[38;5;200m\033[48;2;1;2;3mX\n"
                        "\033[7;4:3m\033[95m\033[49mu\n");
    /* Without -e the same screen is plain text. */
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 1}), "red ok X\nu\n");
    vt_free(vt);
}

static void test_escapes_reset_at_each_line_end(void **state)
{
    (void)state;
    /* The colour runs over two lines: as in tmux, the pen carries on (no reset). */
    struct vt *vt = vt_with("\033[32mgreen\r\nmore\033[m");
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 1, .escapes = true}),
                        "\033[32mgreen\nmore\n");
    vt_free(vt);
}

/* Hyperlinks come out as OSC 8 around their cells with -e (each line closes its own),
 * from history too; without -e the text only. */
static void test_escapes_give_hyperlinks(void **state)
{
    (void)state;
    struct vt *vt = vt_with("a\033]8;id=z;http://x\033\\bc\r\nd\033]8;;\033\\e\r\n\r\n");
    assert_string_equal(capture(vt, (struct capture_opts){.start = -1, .end = 0, .escapes = true}),
                        "a\033]8;id=z;http://x\033\\bc\033]8;;\033\\\n"
                        "\033]8;id=z;http://x\033\\d\033]8;;\033\\e\n");
    assert_string_equal(capture(vt, (struct capture_opts){.start = -1, .end = 0}), "abc\nde\n");
    vt_free(vt);
}

static void test_alternate_gives_the_screen_saved_under_it(void **state)
{
    (void)state;
    struct vt *vt = vt_with("shell$ vi\r\n\033[?1049h\033[Hvi text");
    assert_true(vt_modes(vt) & VT_MODE_ALT_SCREEN);
    /* Without -a: what is shown (the alternate screen); with -a: the normal screen. */
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 0}), "vi text\n");
    assert_string_equal(capture(vt, (struct capture_opts){.start = -5, .end = 1, .alternate = true}),
                        "shell$ vi\n\n");
    assert_int_equal(capture_history_size(vt, true), 0);
    vt_free(vt);
}

static void test_wide_characters_are_captured_once(void **state)
{
    (void)state;
    struct vt *vt = vt_with("a\xe4\xb8\xad" "b");
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 0}), "a\xe4\xb8\xad" "b\n");
    vt_free(vt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_visible_screen_is_trimmed_by_default),
        cmocka_unit_test(test_history_lines_are_negative_and_clamped),
        cmocka_unit_test(test_join_puts_wrapped_lines_back_together),
        cmocka_unit_test(test_join_reaches_into_history),
        cmocka_unit_test(test_keep_spaces_pads_to_the_width),
        cmocka_unit_test(test_escapes_give_colours_and_attributes),
        cmocka_unit_test(test_escapes_reset_at_each_line_end),
        cmocka_unit_test(test_escapes_give_hyperlinks),
        cmocka_unit_test(test_alternate_gives_the_screen_saved_under_it),
        cmocka_unit_test(test_wide_characters_are_captured_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
