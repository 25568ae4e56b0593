/* test_server_combining.c - a cell with several combining marks gives all of them to
 * capture-pane (with -e and from history too) and to copy mode's copied text; a
 * terminal cell (drawing) its first one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/buffer.h>

#include "capture.h"
#include "copy_mode_core.h"
#include "vt.h"

#define MARKS "\xcc\x81\xcc\xa3\xcc\x83" /* U+0301 U+0323 U+0303 */

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

static void test_capture_and_copy_keep_every_mark(void **state)
{
    (void)state;
    struct vt *vt = vt_create(10, 2, 100);
    const char *in = "a" MARKS "b\r\n\033[1mc" MARKS "\033[m\r\nlast";
    vt_feed(vt, in, strlen(in));
    /* Line -1 is in history now. */
    assert_string_equal(capture(vt, (struct capture_opts){.start = -1, .end = 0}),
                        "a" MARKS "b\n" "c" MARKS "\n");
    assert_string_equal(capture(vt, (struct capture_opts){.start = 0, .end = 0,
                                                          .escapes = true}),
                        "\033[1mc" MARKS "\n");
    const struct grid *g = vt_grid(vt);
    struct copy_state cs;
    copy_state_init(&cs, g, true, 0, 0);
    copy_history_top(g, &cs);
    copy_select_line(g, &cs);
    size_t len;
    char *text = copy_selection_text(g, &cs, &len);
    assert_string_equal(text, "a" MARKS "b\n");
    free(text);
    copy_state_free(&cs);
    /* Drawing: one mark a cell (the terminal's cell holds one). */
    assert_int_equal(grid_cell_first_mark(g, vt_cell(vt, 0, 0)), 0x301);
    vt_free(vt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_capture_and_copy_keep_every_mark),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
